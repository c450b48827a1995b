import { InvalidArgumentError } from '@ai-sdk/provider';
import { describe, expect, it, vi } from 'vitest';
import {
  assertValidHeaders,
  resolveRequestHeaders,
} from './openrouter-request-headers';
import { VERSION } from './version';

const userAgentSuffix = `ai-sdk-openrouter/${VERSION}`;

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
    const headers = resolveRequestHeaders(
      {
        headers: {
          'X-Title': 'Provider app',
          'HTTP-Referer': 'https://a.test',
        },
        apiKey: () => 'sk-provider',
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
    const headers = resolveRequestHeaders(
      { headers: { 'X-Title': 'Provider app' }, apiKey: () => 'sk-provider' },
      { 'X-Title': undefined },
    );

    expect(headers['x-title']).toBe('Provider app');
  });

  it('loads the API key when no Authorization header is given', () => {
    const apiKey = vi.fn(() => 'sk-provider');

    const headers = resolveRequestHeaders({ headers: {}, apiKey }, undefined);

    expect(headers.authorization).toBe('Bearer sk-provider');
    expect(apiKey).toHaveBeenCalledTimes(1);
  });

  it('uses the call Authorization without loading the API key', () => {
    const apiKey = vi.fn(() => 'sk-provider');

    const headers = resolveRequestHeaders(
      { headers: { Authorization: 'Bearer sk-provider-header' }, apiKey },
      { Authorization: 'Bearer sk-user' },
    );

    expect(headers.authorization).toBe('Bearer sk-user');
    expect(apiKey).not.toHaveBeenCalled();
  });

  it('uses the provider Authorization without loading the API key', () => {
    const apiKey = vi.fn(() => 'sk-provider');

    const headers = resolveRequestHeaders(
      { headers: { authorization: 'Bearer sk-provider-header' }, apiKey },
      {},
    );

    expect(headers.authorization).toBe('Bearer sk-provider-header');
    expect(apiKey).not.toHaveBeenCalled();
  });

  it('loads the API key when the call Authorization is undefined', () => {
    const apiKey = vi.fn(() => 'sk-provider');

    const headers = resolveRequestHeaders(
      { headers: {}, apiKey },
      { Authorization: undefined },
    );

    expect(headers.authorization).toBe('Bearer sk-provider');
    expect(apiKey).toHaveBeenCalledTimes(1);
  });

  it('lower-cases header names', () => {
    const headers = resolveRequestHeaders(
      { headers: { 'X-Provider-Header': 'p' }, apiKey: () => 'key' },
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
    const headers = resolveRequestHeaders(
      { headers: { 'User-Agent': 'my-app/1.0' }, apiKey: () => 'key' },
      { 'user-agent': 'ai/7.0.0' },
    );

    expect(headers['user-agent']).toBe(
      `ai/7.0.0 my-app/1.0 ai-sdk-openrouter/${VERSION}`,
    );
  });

  it('adds the package user agent to a call user agent alone', () => {
    const headers = resolveRequestHeaders(
      { headers: {}, apiKey: () => 'key' },
      { 'User-Agent': 'ai/7.0.0' },
    );

    expect(headers['user-agent']).toBe(`ai/7.0.0 ${userAgentSuffix}`);
  });

  it('sends only the package user agent when there is no other', () => {
    const headers = resolveRequestHeaders(
      { headers: {}, apiKey: () => 'key' },
      undefined,
    );

    expect(headers['user-agent']).toBe(userAgentSuffix);
  });

  it('rejects a call header containing a line feed', () => {
    const error = catchError(() =>
      resolveRequestHeaders(
        { headers: {}, apiKey: () => 'key' },
        { 'X-Title': 'app\r\nX-Injected: secret-value' },
      ),
    );

    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe('headers.x-title');
    expect((error as Error).message.includes('secret-value')).toBe(false);
  });

  it('rejects an API key containing a line feed without repeating it', () => {
    const error = catchError(() =>
      resolveRequestHeaders(
        { headers: {}, apiKey: () => 'sk-or-v1-secret\nX-Injected: 1' },
        undefined,
      ),
    );

    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe('apiKey');
    expect((error as Error).message.includes('sk-or-v1-secret')).toBe(false);
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
