import { InvalidArgumentError } from '@ai-sdk/provider';
import { describe, expect, it, vi } from 'vitest';
import {
  assertValidHeaders,
  resolveRequestHeaders,
} from './openrouter-request-headers';
import { VERSION } from './version';

const userAgentSuffix = `ai-sdk-openrouter/${VERSION}`;

/** A key loader, as the provider's config has one. */
function key(secret: string) {
  return () => ({ secret, source: 'the API key from the test' });
}

function headersOf(...args: Parameters<typeof resolveRequestHeaders>) {
  return resolveRequestHeaders(...args).headers;
}

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('Expected the function to throw.');
}

describe('resolveRequestHeaders', () => {
  it('lets call headers override provider headers', () => {
    const headers = headersOf(
      {
        headers: {
          'X-Title': 'Provider app',
          'HTTP-Referer': 'https://a.test',
        },
        apiKey: key('sk-provider'),
      },
      { 'x-title': 'Call app', 'X-Custom': 'call' },
    );

    expect(headers).toStrictEqual({
      'x-title': 'Call app',
      'http-referer': 'https://a.test',
      'x-custom': 'call',
      authorization: 'Bearer sk-provider',
      'user-agent': userAgentSuffix,
    });
  });

  it('does not let an undefined call header remove a provider header', () => {
    const headers = headersOf(
      { headers: { 'X-Title': 'Provider app' }, apiKey: key('sk-provider') },
      { 'X-Title': undefined },
    );

    expect(headers['x-title']).toBe('Provider app');
  });

  it('loads the API key when no Authorization header is given', () => {
    const apiKey = vi.fn(key('sk-provider'));

    const headers = headersOf({ headers: {}, apiKey }, undefined);

    expect(headers.authorization).toBe('Bearer sk-provider');
    expect(apiKey).toHaveBeenCalledTimes(1);
  });

  it('uses the call Authorization without loading the API key', () => {
    const apiKey = vi.fn(key('sk-provider'));

    const headers = headersOf(
      { headers: { Authorization: 'Bearer sk-provider-header' }, apiKey },
      { Authorization: 'Bearer sk-user' },
    );

    expect(headers.authorization).toBe('Bearer sk-user');
    expect(apiKey).not.toHaveBeenCalled();
  });

  it('uses the provider Authorization without loading the API key', () => {
    const apiKey = vi.fn(key('sk-provider'));

    const headers = headersOf(
      { headers: { authorization: 'Bearer sk-provider-header' }, apiKey },
      {},
    );

    expect(headers.authorization).toBe('Bearer sk-provider-header');
    expect(apiKey).not.toHaveBeenCalled();
  });

  it('loads the API key when the call Authorization is undefined', () => {
    const apiKey = vi.fn(key('sk-provider'));

    const headers = headersOf(
      { headers: {}, apiKey },
      { Authorization: undefined },
    );

    expect(headers.authorization).toBe('Bearer sk-provider');
    expect(apiKey).toHaveBeenCalledTimes(1);
  });

  it('lower-cases header names', () => {
    const headers = headersOf(
      { headers: { 'X-Provider-Header': 'p' }, apiKey: key('key') },
      { 'X-CALL-HEADER': 'c' },
    );

    expect(Object.keys(headers).sort()).toStrictEqual([
      'authorization',
      'user-agent',
      'x-call-header',
      'x-provider-header',
    ]);
  });

  it('joins the call, provider and package user agents', () => {
    const headers = headersOf(
      { headers: { 'User-Agent': 'my-app/1.0' }, apiKey: key('key') },
      { 'user-agent': 'ai/7.0.0' },
    );

    expect(headers['user-agent']).toBe(
      `ai/7.0.0 my-app/1.0 ai-sdk-openrouter/${VERSION}`,
    );
  });

  it('adds the package user agent to a call user agent alone', () => {
    const headers = headersOf(
      { headers: {}, apiKey: key('key') },
      { 'User-Agent': 'ai/7.0.0' },
    );

    expect(headers['user-agent']).toBe(`ai/7.0.0 ${userAgentSuffix}`);
  });

  it('sends only the package user agent when there is no other', () => {
    const headers = headersOf({ headers: {}, apiKey: key('key') }, undefined);

    expect(headers['user-agent']).toBe(userAgentSuffix);
  });

  it('rejects a call header containing a line feed', () => {
    const error = catchError(() =>
      headersOf(
        { headers: {}, apiKey: key('key') },
        { 'X-Title': 'app\r\nX-Injected: secret-value' },
      ),
    );

    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe('headers.x-title');
    expect((error as Error).message.includes('secret-value')).toBe(false);
  });

  it('rejects an API key containing a line feed without repeating it', () => {
    const error = catchError(() =>
      headersOf(
        { headers: {}, apiKey: key('sk-or-v1-secret\nX-Injected: 1') },
        undefined,
      ),
    );

    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe('apiKey');
    expect((error as Error).message.includes('sk-or-v1-secret')).toBe(false);
  });
});

describe('the credential a request carries', () => {
  it('is the loaded key, with the source its loader names', () => {
    const { headers, credential } = resolveRequestHeaders(
      { headers: {}, apiKey: key('sk-or-v1-loaded') },
      undefined,
    );

    expect(headers.authorization).toBe('Bearer sk-or-v1-loaded');
    expect(credential).toStrictEqual({
      secret: 'sk-or-v1-loaded',
      source: 'the API key from the test',
    });
  });

  it("is the call's Authorization header when it has one", () => {
    const { credential } = resolveRequestHeaders(
      {
        headers: { Authorization: 'Bearer sk-provider-header' },
        apiKey: key('sk-provider'),
      },
      { authorization: 'Bearer  sk-user ' },
    );

    expect(credential).toStrictEqual({
      secret: 'sk-user',
      source: "the key in the call's Authorization header",
    });
  });

  it("is the provider's Authorization header otherwise", () => {
    const { credential } = resolveRequestHeaders(
      { headers: { Authorization: 'sk-bare-token' }, apiKey: key('sk') },
      undefined,
    );

    expect(credential).toStrictEqual({
      secret: 'sk-bare-token',
      source: "the key in the Authorization header of the provider's headers",
    });
  });

  it('is none when a key is optional and none is configured', () => {
    const { headers, credential } = resolveRequestHeaders(
      { headers: {}, apiKey: () => undefined },
      undefined,
    );

    expect(headers.authorization).toBeUndefined();
    expect(credential).toBeUndefined();
  });
});

describe('assertValidHeaders', () => {
  it('accepts ordinary header values', () => {
    expect(
      assertValidHeaders(
        {
          authorization: 'Bearer sk-or-v1-abc',
          'x-title': 'My app: the best',
        },
        'provider',
      ),
    ).toBe(undefined);
  });

  it.each([
    ['a carriage return', 'Bearer sk-or-v1-secret\rX-Injected: 1'],
    ['a line feed', 'Bearer sk-or-v1-secret\nX-Injected: 1'],
    ['a trailing CRLF', 'Bearer sk-or-v1-secret\r\n'],
  ])('rejects a value with %s without repeating it', (_, value) => {
    const error = catchError(() =>
      assertValidHeaders({ 'x-ok': 'fine', authorization: value }, 'call'),
    );

    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe(
      'headers.authorization',
    );
    const message = (error as Error).message;
    expect(message.includes('authorization')).toBe(true);
    expect(message.includes('sk-or-v1-secret')).toBe(false);
    expect(message.includes(value)).toBe(false);
  });
});
