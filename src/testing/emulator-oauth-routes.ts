import { createHash } from 'node:crypto';
import {
  accountState,
  type EmulatedAuthCode,
  emulatorHex,
  emulatorTimestamp,
  issueKey,
} from './emulator-account-state';
import {
  type EmulatorContext,
  type EmulatorRoute,
  errorReply,
  jsonReply,
} from './emulator-routes';

/**
 * "Sign in with OpenRouter" with PKCE:
 * - `GET /auth` (the sign-in page, beside `/api/v1`) approves at once and
 *   redirects to `callback_url?code=…`;
 * - `POST /api/v1/auth/keys/code` creates a code server-side;
 * - `POST /api/v1/auth/keys` exchanges a code (once) for a new key, checking
 *   the verifier against the S256 or plain challenge.
 */
export const oauthRoutes: EmulatorRoute[] = [
  {
    method: 'GET',
    path: '/auth',
    besideApiRoot: true,
    auth: 'none',
    handle(request, context) {
      const callbackUrl = parseHttpUrl(request.query.get('callback_url'));
      if (callbackUrl == null) {
        return errorReply(400, 'callback_url must be an absolute http(s) URL');
      }
      const created = createCode(context, {
        callbackUrl: callbackUrl.toString(),
        codeChallenge: request.query.get('code_challenge') ?? undefined,
        codeChallengeMethod: request.query.get('code_challenge_method'),
      });
      if ('error' in created) {
        return errorReply(400, created.error);
      }
      callbackUrl.searchParams.set('code', created.code);
      return {
        type: 'json',
        status: 302,
        body: { redirect: callbackUrl.toString() },
        headers: { location: callbackUrl.toString() },
      };
    },
  },
  {
    method: 'POST',
    path: '/auth/keys/code',
    handle(request, context) {
      const body = asRecord(request.body);
      const callbackUrl = parseHttpUrl(body.callback_url);
      if (callbackUrl == null) {
        return errorReply(400, 'callback_url must be an absolute http(s) URL');
      }
      const created = createCode(context, {
        callbackUrl: callbackUrl.toString(),
        codeChallenge:
          typeof body.code_challenge === 'string'
            ? body.code_challenge
            : undefined,
        codeChallengeMethod: body.code_challenge_method,
        limit: typeof body.limit === 'number' ? body.limit : undefined,
      });
      if ('error' in created) {
        return errorReply(400, created.error);
      }
      return jsonReply({
        data: {
          id: created.code,
          app_id: 1,
          created_at: emulatorTimestamp(accountState(context).nextId()),
        },
      });
    },
  },
  {
    method: 'POST',
    path: '/auth/keys',
    auth: 'none',
    handle(request, context) {
      const body = asRecord(request.body);
      if (typeof body.code !== 'string' || body.code === '') {
        return errorReply(400, 'code is required');
      }
      const state = accountState(context);
      const code = state.authCodes.get(body.code);
      if (code == null) {
        return errorReply(403, 'Invalid code');
      }
      if (!verifierMatches(code, body.code_verifier)) {
        return errorReply(403, 'Invalid code_verifier');
      }
      // A code works once, as on OpenRouter.
      state.authCodes.delete(body.code);
      const issued = issueKey(state, {
        name: `OAuth: ${new URL(code.callbackUrl).host}`,
        limit: code.limit,
      });
      return jsonReply({ key: issued.secret, user_id: 'user_emulator' });
    },
  },
];

function createCode(
  context: EmulatorContext,
  fields: {
    callbackUrl: string;
    codeChallenge?: string | undefined;
    codeChallengeMethod: unknown;
    limit?: number | undefined;
  },
): { code: string } | { error: string } {
  // RFC 7636: without a method, a challenge is compared as plain text.
  const method = fields.codeChallengeMethod ?? 'plain';
  if (method !== 'S256' && method !== 'plain') {
    return { error: 'code_challenge_method must be S256 or plain' };
  }
  const state = accountState(context);
  const code = emulatorHex(`emulator-code-${state.nextId()}`).slice(0, 32);
  const record: EmulatedAuthCode = {
    callbackUrl: fields.callbackUrl,
    codeChallenge: fields.codeChallenge || undefined,
    codeChallengeMethod: method,
    limit: fields.limit,
  };
  state.authCodes.set(code, record);
  return { code };
}

function verifierMatches(code: EmulatedAuthCode, verifier: unknown) {
  if (code.codeChallenge == null) {
    return true;
  }
  if (typeof verifier !== 'string') {
    return false;
  }
  const expected =
    code.codeChallengeMethod === 'S256'
      ? createHash('sha256').update(verifier).digest('base64url')
      : verifier;
  return expected === code.codeChallenge;
}

function parseHttpUrl(value: unknown): URL | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:'
      ? url
      : undefined;
  } catch {
    return undefined;
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
