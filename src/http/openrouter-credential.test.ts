import { APICallError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import {
  describeCredential,
  explainRejectedKey,
} from './openrouter-credential';

const LONG_KEY = `sk-or-v1-${'a1b2'.repeat(15)}abcd`;

describe('describeCredential', () => {
  it('adds the last four characters of a long key', () => {
    expect(
      describeCredential({ secret: LONG_KEY, source: 'the API key from X' }),
    ).toBe('the API key from X (ending …abcd)');
  });

  it.each([
    ['a key under 32 characters', 'sk-or-v1-test-0123456789abcdef'],
    ['a short password', 'hunter22'],
    ['an ending that is not plainly printable', `${'k'.repeat(40)}a b€`],
  ])('shows nothing of %s', (_, secret) => {
    expect(describeCredential({ secret, source: 'the key' })).toBe('the key');
  });

  it('ignores whitespace around the key', () => {
    expect(
      describeCredential({ secret: ` ${LONG_KEY}\n`, source: 'the key' }),
    ).toBe('the key (ending …abcd)');
  });
});

describe('explainRejectedKey', () => {
  const error = (statusCode: number, isRetryable = false) =>
    new APICallError({
      message: 'User not found.',
      url: 'https://openrouter.ai/api/v1/chat/completions',
      requestBodyValues: { model: 'x' },
      statusCode,
      responseBody: '{"error":{"code":401}}',
      isRetryable,
      data: { error: { code: 401 } },
    });
  const credential = { secret: LONG_KEY, source: 'the API key from X' };

  it('names the key in a 401 and keeps everything else', () => {
    const original = error(401);
    const explained = explainRejectedKey(original, credential) as APICallError;

    expect(APICallError.isInstance(explained)).toBe(true);
    expect(explained.message).toBe(
      'The API key from X (ending …abcd) was rejected by OpenRouter: User not found.',
    );
    expect(explained.statusCode).toBe(401);
    expect(explained.isRetryable).toBe(false);
    expect(explained.url).toBe(original.url);
    expect(explained.requestBodyValues).toStrictEqual({ model: 'x' });
    expect(explained.responseBody).toBe(original.responseBody);
    expect(explained.data).toStrictEqual(original.data);
  });

  it('passes other statuses, other errors and unknown keys through', () => {
    const forbidden = error(403);
    const plain = new Error('User not found.');

    expect(explainRejectedKey(forbidden, credential)).toBe(forbidden);
    expect(explainRejectedKey(plain, credential)).toBe(plain);
    const unexplained = error(401);
    expect(explainRejectedKey(unexplained, undefined)).toBe(unexplained);
  });
});
