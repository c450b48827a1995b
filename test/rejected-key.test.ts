import { APICallError } from '@ai-sdk/provider';
import { embed, generateText, streamText } from 'ai';
import { createOpenRouter } from 'ai-sdk-openrouter';
import { afterEach, describe, expect, it } from 'vitest';
import { withoutKeyEnvironment } from './support/account-keys';
import {
  type HostileServer,
  startHostileServer,
} from './support/hostile-server';
import { useEmulator } from './support/use-emulator';

// Keys shaped like OpenRouter's: `sk-or-v1-` and 64 hex digits.
const ACCEPTED_KEY = `sk-or-v1-${'0'.repeat(60)}0000`;
const REJECTED_KEY = `sk-or-v1-${'7e3a'.repeat(15)}abcd`;
const REJECTED_PROVISIONING_KEY = `sk-or-v1-${'5c1f'.repeat(15)}b0b0`;

const server = useEmulator({ apiKeys: [ACCEPTED_KEY] });

function provider(settings: Parameters<typeof createOpenRouter>[0] = {}) {
  return createOpenRouter({ baseURL: server.emulator.baseURL, ...settings });
}

async function capture(promise: Promise<unknown>): Promise<APICallError> {
  try {
    await promise;
  } catch (error) {
    expect(APICallError.isInstance(error)).toBe(true);
    return error as APICallError;
  }
  throw new Error('Expected the call to fail.');
}

/** Every place an error could carry the key, as a log would print it. */
function everythingIn(error: APICallError) {
  return [
    error.message,
    String(error.stack),
    JSON.stringify(error),
    JSON.stringify(error.data),
    String(error.responseBody),
    JSON.stringify(error.responseHeaders),
    error.url,
  ].join('\n');
}

function expectNoFullKey(error: APICallError, ...keys: string[]) {
  const text = everythingIn(error);
  for (const key of keys) {
    expect(text).not.toContain(key);
    // Not even most of it.
    expect(text).not.toContain(key.slice(0, 20));
    expect(text).not.toContain(key.slice(-20));
  }
}

describe('a rejected key is named without being shown', () => {
  it('names OPENROUTER_API_KEY and the last four characters', async () => {
    const error = await withoutKeyEnvironment(() => {
      process.env.OPENROUTER_API_KEY = REJECTED_KEY;
      return capture(
        generateText({
          model: provider()('openai/gpt-4o-mini'),
          prompt: 'Hi',
          maxRetries: 2,
        }),
      );
    });

    expect(error.message).toBe(
      'The API key from OPENROUTER_API_KEY (ending …abcd) was rejected by OpenRouter: User not found.',
    );
    expect(error.statusCode).toBe(401);
    expect(error.isRetryable).toBe(false);
    expect(server.emulator.requests).toHaveLength(1);
    expectNoFullKey(error, REJECTED_KEY);
  });

  it('names the apiKey setting', async () => {
    const error = await capture(
      generateText({
        model: provider({ apiKey: REJECTED_KEY })('openai/gpt-4o-mini'),
        prompt: 'Hi',
      }),
    );

    expect(error.message).toBe(
      'The API key from the apiKey setting (ending …abcd) was rejected by OpenRouter: User not found.',
    );
    expectNoFullKey(error, REJECTED_KEY);
  });

  it("names the call's Authorization header, and the provider's", async () => {
    const fromCall = await capture(
      generateText({
        model: provider({ apiKey: ACCEPTED_KEY })('openai/gpt-4o-mini'),
        prompt: 'Hi',
        headers: { Authorization: `Bearer ${REJECTED_KEY}` },
      }),
    );
    const fromProvider = await capture(
      embed({
        model: provider({
          headers: { Authorization: `Bearer ${REJECTED_KEY}` },
        }).embeddingModel('openai/text-embedding-3-small'),
        value: 'Hi',
      }),
    );

    expect(fromCall.message).toBe(
      "The key in the call's Authorization header (ending …abcd) was rejected by OpenRouter: User not found.",
    );
    expect(fromProvider.message).toBe(
      "The key in the Authorization header of the provider's headers (ending …abcd) was rejected by OpenRouter: User not found.",
    );
    expectNoFullKey(fromCall, REJECTED_KEY, ACCEPTED_KEY);
    expectNoFullKey(fromProvider, REJECTED_KEY);
  });

  it('shows no characters of a short key', async () => {
    const shortKey = 'sk-or-short-key-12345';

    const error = await capture(
      generateText({
        model: provider({ apiKey: shortKey })('openai/gpt-4o-mini'),
        prompt: 'Hi',
      }),
    );

    expect(error.message).toBe(
      'The API key from the apiKey setting was rejected by OpenRouter: User not found.',
    );
    expect(everythingIn(error)).not.toContain('2345');
  });

  it('names the key of a stream that is refused', async () => {
    const errors: unknown[] = [];
    const result = streamText({
      model: provider({ apiKey: REJECTED_KEY })('openai/gpt-4o-mini'),
      prompt: 'Hi',
      onError: ({ error }) => {
        errors.push(error);
      },
    });
    await result.consumeStream();

    expect(errors).toHaveLength(1);
    const error = errors[0] as APICallError;
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.message).toBe(
      'The API key from the apiKey setting (ending …abcd) was rejected by OpenRouter: User not found.',
    );
    expectNoFullKey(error, REJECTED_KEY);
  });

  it('names the provisioning key of the key-management utilities', async () => {
    const error = await withoutKeyEnvironment(() => {
      process.env.OPENROUTER_PROVISIONING_KEY = REJECTED_PROVISIONING_KEY;
      return capture(provider({ apiKey: ACCEPTED_KEY }).keys.list());
    });

    expect(error.message).toBe(
      'The provisioning key from OPENROUTER_PROVISIONING_KEY (ending …b0b0) was rejected by OpenRouter: User not found.',
    );
    expect(error.statusCode).toBe(401);
    expectNoFullKey(error, REJECTED_PROVISIONING_KEY, ACCEPTED_KEY);
  });

  it('leaves other errors as they were', async () => {
    server.emulator.enqueue({
      type: 'error',
      status: 403,
      message: 'Your input was flagged',
    });

    const error = await capture(
      generateText({
        model: provider({ apiKey: ACCEPTED_KEY })('openai/gpt-4o-mini'),
        prompt: 'Hi',
      }),
    );

    expect(error.message).toBe('Your input was flagged');
  });
});

describe('a server that echoes the rejected key', () => {
  let echo: HostileServer | undefined;
  afterEach(async () => {
    await echo?.close();
    echo = undefined;
  });

  it('gets neither it nor more than its last four characters into the error', async () => {
    echo = await startHostileServer((request, response) => {
      response.writeHead(401, {
        'content-type': 'application/json',
        'x-echo': String(request.headers.authorization),
      });
      response.end(
        JSON.stringify({
          error: {
            code: 401,
            message: `No user for ${request.headers.authorization}`,
            metadata: { key: request.headers.authorization },
          },
        }),
      );
    });
    // A key without OpenRouter's prefix, so only the provider's knowledge
    // of what it sent can redact it.
    const foreignKey = `gw-${'9d2e'.repeat(12)}wxyz`;

    const error = await capture(
      generateText({
        model: createOpenRouter({
          apiKey: foreignKey,
          baseURL: `${echo.origin}/api/v1`,
        })('openai/gpt-4o-mini'),
        prompt: 'Hi',
        maxRetries: 0,
      }),
    );

    expect(error.message).toBe(
      'The API key from the apiKey setting (ending …wxyz) was rejected by OpenRouter: No user for [REDACTED]',
    );
    expect(error.statusCode).toBe(401);
    expect(error.isRetryable).toBe(false);
    expectNoFullKey(error, foreignKey);
  });
});
