import { APICallError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { measureEventLoopBlocking } from '../../test/support/hostile-server';
import {
  collectRequestSecrets,
  createRedactor,
  redactError,
  redactValue,
} from './redact-secrets';

describe('collectRequestSecrets', () => {
  it('takes credential headers whole, their bearer token and each provider key', () => {
    const secrets = collectRequestSecrets({
      authorization: 'Bearer gateway-key-0123456789',
      'x-provider-api-keys': '{"anthropic":"sk-ant-0123456789","short":"abc"}',
      'x-api-key': 'x-api-key-0123456789',
      'x-title': 'My app, not a secret',
      'user-agent': 'ai/7',
    });

    expect(secrets).toContain('Bearer gateway-key-0123456789');
    expect(secrets).toContain('gateway-key-0123456789');
    expect(secrets).toContain('sk-ant-0123456789');
    expect(secrets).toContain('x-api-key-0123456789');
    expect(secrets).not.toContain('My app, not a secret');
    // Too short to redact without mangling ordinary words.
    expect(secrets).not.toContain('abc');
  });
});

describe('createRedactor', () => {
  it('replaces every occurrence of each secret and any OpenRouter key', () => {
    const redact = createRedactor([
      'my-secret-value',
      'Bearer my-secret-value',
    ]);

    expect(
      redact(
        'Bad key Bearer my-secret-value, again my-secret-value; sk-or-v1-other',
      ),
    ).toBe('Bad key [REDACTED], again [REDACTED]; sk-or-[REDACTED]');
  });

  it('runs in linear time on a long text with many near misses', async () => {
    const redact = createRedactor(['abcdefgh-secret']);
    const text = 'abcdefgh-'.repeat(200_000);
    const { result, longestBlockMs } = await measureEventLoopBlocking(
      () => redact(text),
      { runs: 5 },
    );
    expect(result).toBe(text);
    expect(longestBlockMs).toBeLessThan(200);
  });
});

describe('redactError', () => {
  it('redacts message, url, body, headers and data of an APICallError, keeping the rest', () => {
    const redact = createRedactor(['secret-0123456789']);
    const error = new APICallError({
      message: 'Bad key secret-0123456789',
      url: 'https://openrouter.ai/api/v1/x',
      requestBodyValues: { model: 'm' },
      statusCode: 401,
      responseHeaders: { 'x-echo': 'secret-0123456789' },
      responseBody: '{"error":"secret-0123456789"}',
      data: { error: { metadata: { raw: ['secret-0123456789'] } } },
      isRetryable: false,
    });

    const redacted = redactError(error, redact) as APICallError;

    expect(
      JSON.stringify({ ...redacted, message: redacted.message }),
    ).not.toContain('secret-0123456789');
    expect(redacted.statusCode).toBe(401);
    expect(redacted.isRetryable).toBe(false);
    expect(redacted.requestBodyValues).toStrictEqual({ model: 'm' });
  });
});

describe('redactValue', () => {
  it('copies without recursion and never copies a __proto__ key', () => {
    const redact = createRedactor(['secret-0123456789']);
    let deep: unknown = 'secret-0123456789';
    for (let level = 0; level < 50_000; level++) {
      deep = [deep];
    }
    const poisoned = JSON.parse(
      '{"__proto__":{"x":1},"y":"secret-0123456789"}',
    );

    expect(() => redactValue(deep, redact)).not.toThrow();
    const copy = redactValue(poisoned, redact) as Record<string, unknown>;
    expect(copy.y).toBe('[REDACTED]');
    expect(Object.hasOwn(copy, '__proto__')).toBe(false);
    expect((copy as { x?: unknown }).x).toBe(undefined);
  });
});
