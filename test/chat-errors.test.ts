import { APICallError } from '@ai-sdk/provider';
import { generateText, RetryError, streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { collect, within } from './support/collect';
import { TEST_API_KEY, useEmulator } from './support/use-emulator';

const server = useEmulator();

async function generateError(maxRetries = 0) {
  const openrouter = server.createProvider();
  return generateText({
    model: openrouter('anthropic/claude-sonnet-4.5'),
    prompt: 'Hi',
    maxRetries,
  }).then(
    () => {
      throw new Error('expected generateText to fail');
    },
    (error: unknown) => error,
  );
}

function expectApiCallError(error: unknown): APICallError {
  expect(APICallError.isInstance(error)).toBe(true);
  const apiCallError = error as APICallError;
  expect(apiCallError.message).not.toContain(TEST_API_KEY);
  expect(JSON.stringify(apiCallError)).not.toContain(TEST_API_KEY);
  return apiCallError;
}

describe('HTTP errors', () => {
  it('401: says the key was rejected and is not retried', async () => {
    server.emulator.enqueue({
      type: 'error',
      status: 401,
      message: 'User not found.',
    });

    const error = expectApiCallError(await generateError(2));

    expect(error.statusCode).toBe(401);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toBe(
      'The API key from the apiKey setting was rejected by OpenRouter: User not found.',
    );
    expect(server.emulator.requests).toHaveLength(1);
  });

  it('402: reports missing credits and is not retried', async () => {
    server.emulator.enqueue({
      type: 'error',
      status: 402,
      message:
        'Insufficient credits. Add more using https://openrouter.ai/credits',
    });

    const error = expectApiCallError(await generateError(2));

    expect(error.statusCode).toBe(402);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('Insufficient credits');
    expect(server.emulator.requests).toHaveLength(1);
  });

  it('429 with retry-after: the AI SDK waits as told and retries', async () => {
    server.emulator.enqueue({
      type: 'error',
      status: 429,
      message: 'Rate limit exceeded: free-models-per-min',
      headers: { 'retry-after': '0' },
    });
    // When each attempt was sent: the wait between them is the back-off
    // alone, whatever the first call spends loading code on a busy machine.
    const sentAt: number[] = [];
    const openrouter = server.createProvider({
      fetch: (input, init) => {
        sentAt.push(performance.now());
        return fetch(input, init);
      },
    });

    const result = await generateText({
      model: openrouter('openai/gpt-4o'),
      prompt: 'Hi',
      maxRetries: 2,
    });

    // Without honouring retry-after, the SDK's first back-off is 2 seconds.
    expect(sentAt).toHaveLength(2);
    expect(sentAt[1] - sentAt[0]).toBeLessThan(1500);
    expect(result.text).toContain('You said: "Hi"');
    expect(server.emulator.requests).toHaveLength(2);
  });

  it('429 that keeps failing ends in a RetryError holding typed errors', async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      server.emulator.enqueue({
        type: 'error',
        status: 429,
        message: 'Rate limit exceeded',
        headers: { 'retry-after-ms': '5' },
      });
    }

    const error = await generateError(1);

    expect(RetryError.isInstance(error)).toBe(true);
    const errors = (error as RetryError).errors;
    expect(errors).toHaveLength(2);
    for (const attemptError of errors) {
      const apiCallError = expectApiCallError(attemptError);
      expect(apiCallError.statusCode).toBe(429);
      expect(apiCallError.isRetryable).toBe(true);
      expect(apiCallError.responseHeaders?.['retry-after-ms']).toBe('5');
    }
  });

  it('502: names the upstream provider and its own message', async () => {
    server.emulator.enqueue({
      type: 'error',
      status: 502,
      message: 'Provider returned error',
      metadata: {
        provider_name: 'Anthropic',
        raw: '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
      },
    });

    const error = expectApiCallError(await generateError());

    expect(error.statusCode).toBe(502);
    expect(error.isRetryable).toBe(true);
    expect(error.message).toBe('[Anthropic] Overloaded');
    expect(error.data).toMatchObject({
      error: { code: 502, metadata: { provider_name: 'Anthropic' } },
    });
  });

  it('503 with an HTML page: says so and quotes the visible text', async () => {
    server.emulator.enqueue({
      type: 'raw',
      status: 503,
      contentType: 'text/html',
      body: '<html><head><style>body{color:red}</style></head><body><h1>503 Service Temporarily Unavailable</h1><p>nginx</p></body></html>',
    });

    const error = expectApiCallError(await generateError());

    expect(error.statusCode).toBe(503);
    expect(error.isRetryable).toBe(true);
    expect(error.message).toBe(
      'OpenRouter returned HTTP 503 Service Unavailable with a non-JSON body: 503 Service Temporarily Unavailable nginx',
    );
  });

  it('an empty error body still gives a typed error', async () => {
    server.emulator.enqueue({ type: 'raw', status: 500, body: '' });

    const error = expectApiCallError(await generateError());

    expect(error.statusCode).toBe(500);
    expect(error.isRetryable).toBe(true);
    expect(error.message).toBe(
      'OpenRouter returned HTTP 500 Internal Server Error with an empty body',
    );
  });

  it('HTTP 200 with an error body: status and retryability come from the error code', async () => {
    server.emulator.enqueue({
      type: 'json',
      status: 200,
      body: {
        error: {
          code: 429,
          message: 'Rate limited upstream',
          metadata: { provider_name: 'Google AI Studio' },
        },
      },
    });

    const error = expectApiCallError(await generateError());

    expect(error.statusCode).toBe(429);
    expect(error.isRetryable).toBe(true);
    expect(error.message).toBe('[Google AI Studio] Rate limited upstream');
  });

  it('HTTP 200 with a truncated JSON body is a retryable error', async () => {
    server.emulator.enqueue({
      type: 'raw',
      status: 200,
      contentType: 'application/json',
      body: '{"id":"gen-1","choices":[{"message":{"content":"Hel',
    });

    const error = expectApiCallError(await generateError());

    expect(error.isRetryable).toBe(true);
    expect(error.message).toContain('not valid JSON');
  });

  it('a connection cut before the first byte is a retryable network error', async () => {
    server.emulator.enqueue({ type: 'cut' });

    const error = expectApiCallError(await generateError());

    expect(error.isRetryable).toBe(true);
    expect(error.message).toContain('Cannot connect to API');
  });

  it('an HTTP error on a stream request is thrown before streaming starts', async () => {
    server.emulator.enqueue({
      type: 'error',
      status: 402,
      message: 'Insufficient credits',
    });
    const openrouter = server.createProvider();
    const errors: unknown[] = [];

    const result = streamText({
      model: openrouter('openai/gpt-4o'),
      prompt: 'Hi',
      maxRetries: 0,
      onError: ({ error }) => {
        errors.push(error);
      },
    });
    const parts = await collect(result.fullStream);

    expect(parts.map(part => part.type)).toContain('error');
    expect(errors).toHaveLength(1);
    expect(expectApiCallError(errors[0]).statusCode).toBe(402);
  });
});

describe('errors in the middle of a stream', () => {
  it('an error chunk becomes an error part after the text already streamed', async () => {
    server.emulator.enqueue({
      type: 'stream',
      errorAfterEvents: 4,
      error: { code: 502, message: 'Upstream went away' },
    });
    const openrouter = server.createProvider();

    const result = streamText({
      model: openrouter('openai/gpt-4o'),
      prompt: 'Hi',
      onError: () => {},
    });
    const parts = await collect(result.fullStream);

    const text = parts
      .map(part => (part.type === 'text-delta' ? part.text : ''))
      .join('');
    // The first event is the role chunk, then one word per event.
    expect(text).toBe('Hello from the ');
    const errorPart = parts.find(part => part.type === 'error');
    const error = expectApiCallError((errorPart as { error: unknown }).error);
    expect(error.statusCode).toBe(502);
    expect(error.isRetryable).toBe(true);
    expect(error.message).toBe('Upstream went away');
    expect(parts.map(part => part.type).slice(-3)).toStrictEqual([
      'text-end',
      'finish-step',
      'finish',
    ]);
    expect(await result.finishReason).toBe('error');
  });

  it('a string error code mid-stream is mapped to a status', async () => {
    server.emulator.enqueue({
      type: 'stream',
      errorAfterEvents: 2,
      error: { code: 'server_error', message: 'Provider disconnected' },
    });
    const model = server.createProvider()('openai/gpt-4o');

    const { stream } = await model.doStream({
      prompt: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
    });
    const parts = await collect(stream);

    const errorPart = parts.find(part => part.type === 'error');
    const error = expectApiCallError((errorPart as { error: unknown }).error);
    expect(error.statusCode).toBe(500);
    expect(error.isRetryable).toBe(true);
    expect(parts.at(-1)).toMatchObject({
      type: 'finish',
      finishReason: { unified: 'error' },
    });
  });

  it.each([
    { name: 'between events', cutInsideEvent: false },
    { name: 'inside an event', cutInsideEvent: true },
  ])(
    'a connection cut $name is reported as an error promptly, keeping the text',
    async ({ cutInsideEvent }) => {
      server.emulator.enqueue({
        type: 'stream',
        cutAfterEvents: 3,
        cutInsideEvent,
      });
      const model = server.createProvider()('openai/gpt-4o');

      const parts = await within(
        10_000,
        model
          .doStream({
            prompt: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
          })
          .then(result => collect(result.stream)),
      );

      const text = parts
        .map(part => (part.type === 'text-delta' ? part.delta : ''))
        .join('');
      expect(text).toBe('Hello from ');
      const errorPart = parts.find(part => part.type === 'error');
      const error = expectApiCallError((errorPart as { error: unknown }).error);
      expect(error.isRetryable).toBe(true);
      expect(error.message).toContain('connection to OpenRouter was lost');
      expect(parts.slice(-2).map(part => part.type)).toStrictEqual([
        'text-end',
        'finish',
      ]);
      expect(parts.at(-1)).toMatchObject({
        finishReason: { unified: 'error' },
      });
    },
  );

  it('a malformed event becomes an error part and the stream goes on', async () => {
    server.emulator.enqueue({
      type: 'stream',
      events: [
        {
          id: 'gen-1',
          model: 'openai/gpt-4o',
          choices: [{ index: 0, delta: { content: 'Before ' } }],
        },
        'data: {"id":"gen-1","choices":[{"delta":\n\n',
        {
          id: 'gen-1',
          model: 'openai/gpt-4o',
          choices: [
            { index: 0, delta: { content: 'after' }, finish_reason: 'stop' },
          ],
        },
      ],
    });
    const model = server.createProvider()('openai/gpt-4o');

    const { stream } = await model.doStream({
      prompt: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
    });
    const parts = await collect(stream);

    expect(parts.map(part => part.type)).toStrictEqual([
      'stream-start',
      'response-metadata',
      'text-start',
      'text-delta',
      'error',
      'text-delta',
      'text-end',
      'finish',
    ]);
    expect(parts.at(-1)).toMatchObject({ finishReason: { unified: 'error' } });
  });
});

describe('errors before a stream shows any content', () => {
  const errorChunk = (code: number | string, message: string) => ({
    id: 'gen-e',
    error: { code, message },
    choices: [{ index: 0, delta: { content: '' }, finish_reason: 'error' }],
  });

  // The emulator, like OpenRouter, opens every stream with a keep-alive
  // comment, and a keep-alive opens the stream (so that the AI SDK's
  // first-chunk timeout runs): an error after it is an error part, which
  // `streamRetries` retries. An error before any keep-alive is thrown from
  // doStream and retried by `maxRetries`: see test/hardening-stream.test.ts.
  it('an in-band 429 after the keep-alive is retried by streamRetries', async () => {
    server.emulator.enqueue({
      type: 'stream',
      events: [errorChunk(429, 'Rate limit exceeded upstream')],
    });
    const errors: unknown[] = [];

    const result = streamText({
      model: server.createProvider()('openai/gpt-4o'),
      prompt: 'Hi',
      maxRetries: 0,
      streamRetries: 1,
      onError: ({ error }) => {
        errors.push(error);
      },
    });

    expect(await result.text).toContain('You said: "Hi"');
    expect(errors).toHaveLength(1);
    expect(expectApiCallError(errors[0]).statusCode).toBe(429);
    expect(server.emulator.requests).toHaveLength(2);
  });

  it('without retries it is a typed error part, not a silent empty reply', async () => {
    server.emulator.enqueue({
      type: 'stream',
      events: [
        {
          id: 'gen-e',
          model: 'openai/gpt-4o',
          choices: [{ index: 0, delta: { role: 'assistant' } }],
        },
        errorChunk('server_error', 'Provider disconnected'),
      ],
    });
    const model = server.createProvider()('openai/gpt-4o');

    const { stream } = await model.doStream({
      prompt: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
    });
    const parts = await collect(stream);

    const errorPart = parts.find(part => part.type === 'error');
    const apiCallError = expectApiCallError(
      (errorPart as { error: unknown }).error,
    );
    expect(apiCallError.statusCode).toBe(500);
    expect(apiCallError.isRetryable).toBe(true);
    expect(apiCallError.message).toBe('Provider disconnected');
    expect(parts.at(-1)).toMatchObject({
      type: 'finish',
      finishReason: { unified: 'error' },
    });
    expect(server.emulator.openResponses).toBe(0);
  });

  it.each([
    {
      name: 'an OpenRouter error body',
      response: {
        type: 'json' as const,
        body: { error: { code: 503, message: 'No provider available' } },
      },
      statusCode: 503,
      message: 'No provider available',
    },
    {
      name: 'a proxy page',
      response: {
        type: 'raw' as const,
        contentType: 'text/html',
        body: '<html><body>Please sign in to the hotel Wi-Fi</body></html>',
      },
      statusCode: 200,
      message: /not valid JSON/,
    },
    {
      name: 'JSON that is not an error',
      response: { type: 'json' as const, body: { hello: 'world' } },
      statusCode: 200,
      message: /application\/json instead of an event stream/,
    },
  ])(
    'a stream request answered with $name (HTTP 200) is a retryable error',
    async ({ response, statusCode, message }) => {
      server.emulator.enqueue(response);
      const model = server.createProvider()('openai/gpt-4o');

      const error = await model
        .doStream({
          prompt: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
        })
        .catch(caught => caught);

      const apiCallError = expectApiCallError(error);
      expect(apiCallError.statusCode).toBe(statusCode);
      expect(apiCallError.isRetryable).toBe(true);
      if (typeof message === 'string') {
        expect(apiCallError.message).toBe(message);
      } else {
        expect(apiCallError.message).toMatch(message);
      }
    },
  );
});

describe('empty answers', () => {
  it('a completion without choices is a retryable error, so maxRetries tries again', async () => {
    server.emulator.enqueue({
      type: 'json',
      body: { id: 'gen-empty', model: 'openai/gpt-4o', choices: [] },
    });

    const result = await generateText({
      model: server.createProvider()('openai/gpt-4o'),
      prompt: 'Hi',
      maxRetries: 1,
    });

    expect(result.text).toContain('You said: "Hi"');
    expect(server.emulator.requests).toHaveLength(2);
  });
});
