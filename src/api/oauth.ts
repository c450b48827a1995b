import { lazySchema, zodSchema } from '@ai-sdk/provider-utils';
import * as z from 'zod/v4';
import type {
  OpenRouterApiConfig,
  OpenRouterRequestOptions,
} from './openrouter-api-config';
import { requestOpenRouterApi } from './openrouter-api-request';
import {
  optionalEnum,
  optionalString,
  optionsObject,
  requiredString,
} from './validate-options';

/** The code exchange for `oauth.exchangeCode`. */
export type OpenRouterExchangeCodeOptions = {
  /** The `code` query parameter OpenRouter added to your callback URL. */
  code: string;
  /** The verifier of the pair whose challenge started the flow. */
  codeVerifier?: string | undefined;
  /** How the challenge was made. @default 'S256' when a verifier is given */
  codeChallengeMethod?: 'S256' | 'plain' | undefined;
};

/** The user's new key from `oauth.exchangeCode`. */
export type OpenRouterExchangedKey = {
  /**
   * An API key the user controls, for use as `apiKey`. OpenRouter returns it
   * only this once; store it like a password.
   */
  key: string;
  /** The OpenRouter user id, when OpenRouter sends one. */
  userId: string | null;
  /** The object exactly as OpenRouter sent it, unknown fields included. */
  raw: Record<string, unknown>;
};

const exchangedKeySchema = lazySchema(() =>
  zodSchema(z.looseObject({ key: z.string(), user_id: z.string().nullish() })),
);

/**
 * `POST /auth/keys`. It needs no API key, so it works in a browser app that
 * has none yet.
 */
export async function exchangeCode(
  config: OpenRouterApiConfig,
  options: OpenRouterExchangeCodeOptions,
  requestOptions?: OpenRouterRequestOptions,
): Promise<OpenRouterExchangedKey> {
  const method = 'oauth.exchangeCode';
  optionsObject(options, method);
  const code = requiredString(options?.code, 'code', method);
  const codeVerifier = optionalString(
    options?.codeVerifier,
    'codeVerifier',
    method,
  );
  const codeChallengeMethod =
    optionalEnum(options?.codeChallengeMethod, 'codeChallengeMethod', method, [
      'S256',
      'plain',
    ] as const) ?? (codeVerifier != null ? 'S256' : undefined);

  const result = await requestOpenRouterApi({
    config,
    method: 'POST',
    path: '/auth/keys',
    body: {
      code,
      ...(codeVerifier != null ? { code_verifier: codeVerifier } : {}),
      ...(codeChallengeMethod != null
        ? { code_challenge_method: codeChallengeMethod }
        : {}),
    },
    keyKind: 'none',
    schema: exchangedKeySchema,
    requestOptions,
    // The code is spent, and a key created, once the request arrived.
    effect: 'creates-a-resource',
  });
  return { key: result.key, userId: result.user_id ?? null, raw: result };
}
