import { APICallError, InvalidArgumentError } from '@ai-sdk/provider';
import { createOpenRouter } from 'ai-sdk-openrouter';
import { describe, expect, it } from 'vitest';
import { withoutKeyEnvironment } from './support/account-keys';
import { useEmulator } from './support/use-emulator';

const server = useEmulator();

/** What the browser does: open the sign-in URL and follow it back. */
async function signIn(authorizationUrl: string) {
  const response = await fetch(authorizationUrl, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location') ?? '');
}

async function capture(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the call to fail.');
}

describe('Sign in with OpenRouter (OAuth PKCE)', () => {
  it('creates a pair, sends the user to the URL, and exchanges the code for a key, without any key of its own', async () => {
    await withoutKeyEnvironment(async () => {
      // A browser app: no API key configured anywhere.
      const openrouter = createOpenRouter({ baseURL: server.emulator.baseURL });

      const pair = await openrouter.oauth.createPkcePair();
      expect(pair.method).toBe('S256');
      expect(pair.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);

      const url = openrouter.oauth.authorizationUrl({
        callbackUrl: 'https://chat.example/callback?from=home',
        ...pair,
      });
      const parsed = new URL(url);
      expect(`${parsed.origin}${parsed.pathname}`).toBe(
        server.emulator.baseURL.replace(/\/api\/v1$/, '/auth'),
      );
      expect(Object.fromEntries(parsed.searchParams)).toStrictEqual({
        callback_url: 'https://chat.example/callback?from=home',
        code_challenge: pair.codeChallenge,
        code_challenge_method: 'S256',
      });
      expect(url).not.toContain(pair.codeVerifier);

      const callback = await signIn(url);
      expect(callback.origin + callback.pathname).toBe(
        'https://chat.example/callback',
      );
      expect(callback.searchParams.get('from')).toBe('home');
      const code = callback.searchParams.get('code') ?? '';

      const { key, userId } = await openrouter.oauth.exchangeCode({
        code,
        codeVerifier: pair.codeVerifier,
      });

      expect(key).toMatch(/^sk-or-v1-[0-9a-f]{64}$/);
      expect(userId).toBe('user_emulator');
      const exchange = server.emulator.requests.at(-1);
      expect(exchange?.method).toBe('POST');
      expect(exchange?.path).toBe('/auth/keys');
      expect(exchange?.headers.authorization).toBeUndefined();
      expect(exchange?.body).toStrictEqual({
        code,
        code_verifier: pair.codeVerifier,
        code_challenge_method: 'S256',
      });

      // The new key works as the user's API key.
      const current = await createOpenRouter({
        apiKey: key,
        baseURL: server.emulator.baseURL,
      }).keys.current();
      expect(current.label).toBe(`${key.slice(0, 12)}...${key.slice(-3)}`);
    });
  });

  it('refuses a verifier that does not match the challenge', async () => {
    const openrouter = server.createProvider();
    const pair = await openrouter.oauth.createPkcePair();
    const other = await openrouter.oauth.createPkcePair();
    const callback = await signIn(
      openrouter.oauth.authorizationUrl({
        callbackUrl: 'https://chat.example/callback',
        ...pair,
      }),
    );

    const error = await capture(
      openrouter.oauth.exchangeCode({
        code: callback.searchParams.get('code') ?? '',
        codeVerifier: other.codeVerifier,
      }),
    );

    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).statusCode).toBe(403);
    // A refused code is not a key problem, so no key advice is added.
    expect((error as Error).message).toBe('Invalid code_verifier');
  });

  it('accepts a code only once', async () => {
    const openrouter = server.createProvider();
    const pair = await openrouter.oauth.createPkcePair();
    const callback = await signIn(
      openrouter.oauth.authorizationUrl({
        callbackUrl: 'https://chat.example/callback',
        ...pair,
      }),
    );
    const exchange = {
      code: callback.searchParams.get('code') ?? '',
      codeVerifier: pair.codeVerifier,
    };

    await openrouter.oauth.exchangeCode(exchange);
    const error = await capture(openrouter.oauth.exchangeCode(exchange));

    expect((error as APICallError).statusCode).toBe(403);
  });

  it('exchanges a code created server-side with a plain challenge', async () => {
    const response = await fetch(`${server.emulator.baseURL}/auth/keys/code`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer sk-or-v1-app-0000',
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        callback_url: 'https://chat.example/callback',
        code_challenge: 'plain-challenge-with-enough-characters-0123456789',
        code_challenge_method: 'plain',
        limit: 3,
      }),
    });
    const { data } = (await response.json()) as { data: { id: string } };

    const { key } = await server.createProvider().oauth.exchangeCode({
      code: data.id,
      codeVerifier: 'plain-challenge-with-enough-characters-0123456789',
      codeChallengeMethod: 'plain',
    });

    const current = await server.createProvider({ apiKey: key }).keys.current();
    expect(current.limit).toBe(3);
  });

  it('builds the openrouter.ai sign-in URL for the default base URL', () => {
    const url = createOpenRouter().oauth.authorizationUrl({
      callbackUrl: 'http://localhost:3000/callback',
    });

    expect(url).toBe(
      'https://openrouter.ai/auth?callback_url=http%3A%2F%2Flocalhost%3A3000%2Fcallback',
    );
  });

  it('uses openrouter.ai for a base URL that is not an API root, such as a gateway', () => {
    const url = createOpenRouter({
      baseURL: 'https://gateway.example/v1/openrouter',
    }).oauth.authorizationUrl({
      callbackUrl: 'https://chat.example/callback',
      codeChallenge: 'abc',
      method: 'plain',
    });

    expect(url).toBe(
      'https://openrouter.ai/auth?callback_url=https%3A%2F%2Fchat.example%2Fcallback&code_challenge=abc&code_challenge_method=plain',
    );
  });

  it.each([
    [{ callbackUrl: 'not a url' }, 'callbackUrl'],
    [{ callbackUrl: 'javascript:alert(1)' }, 'callbackUrl'],
    [{ callbackUrl: 'https://a.example', codeChallenge: '' }, 'codeChallenge'],
    [
      { callbackUrl: 'https://a.example', codeChallenge: 'x', method: 'md5' },
      'method',
    ],
  ])('authorizationUrl rejects %j', (options, field) => {
    let caught: unknown;
    try {
      createOpenRouter().oauth.authorizationUrl(options as never);
    } catch (error) {
      caught = error;
    }

    expect(InvalidArgumentError.isInstance(caught)).toBe(true);
    expect((caught as InvalidArgumentError).argument).toBe(field);
  });

  it('exchangeCode rejects a missing code before sending anything', async () => {
    const error = await capture(
      server.createProvider().oauth.exchangeCode({ code: '' }),
    );

    expect((error as InvalidArgumentError).argument).toBe('code');
    expect(server.emulator.requests).toHaveLength(0);
  });
});
