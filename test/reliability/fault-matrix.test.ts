import { APICallError } from '@ai-sdk/provider';
import { generateText, streamText } from 'ai';
import type { ScriptedResponse } from 'ai-sdk-openrouter/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { collect, within } from '../support/collect';
import { TEST_API_KEY, useEmulator } from '../support/use-emulator';
import { scanForSecret } from './scan-for-secret';

const server = useEmulator();

// Everything a caller or a log could see, scanned for the key at the end.
const artefacts: unknown[] = [];
const unhandledRejections: unknown[] = [];
const onUnhandledRejection = (reason: unknown) => {
  unhandledRejections.push(reason);
};
process.on('unhandledRejection', onUnhandledRejection);

afterAll(() => {
  process.off('unhandledRejection', onUnhandledRejection);
  expect(unhandledRejections).toStrictEqual([]);
  expect(artefacts.length).toBeGreaterThan(100);
  expect(scanForSecret(artefacts, TEST_API_KEY)).toStrictEqual([]);
});

const kinds = [
  { kind: 'chat', path: '/chat/completions', modelId: 'openai/gpt-4o' },
  {
    kind: 'completion',
    path: '/completions',
    modelId: 'openai/gpt-3.5-turbo-instruct',
  },
] as const;

function modelFor(kind: (typeof kinds)[number]) {
  const openrouter = server.createProvider();
  return kind.kind === 'chat'
    ? openrouter(kind.modelId)
    : openrouter.completion(kind.modelId);
}

type HttpFault = {
  name: string;
  response: ScriptedResponse;
  statusCode: number | undefined;
  isRetryable: boolean;
  message: string | RegExp;
  headers?: Record<string, string>;
};

const httpFaults: HttpFault[] = [
  {
    name: '400 bad request',
    response: {
      type: 'error',
      status: 400,
      message: 'max_tokens must be positive',
    },
    statusCode: 400,
    isRetryable: false,
    message: 'max_tokens must be positive',
  },
  {
    name: '401 invalid key',
    response: { type: 'error', status: 401, message: 'User not found.' },
    statusCode: 401,
    isRetryable: false,
    // The key the test provider was given is named, not shown.
    message:
      'The API key from the apiKey setting was rejected by OpenRouter: User not found.',
  },
  {
    name: '402 no credits',
    response: {
      type: 'error',
      status: 402,
      message:
        'Insufficient credits. Add more using https://openrouter.ai/credits',
    },
    statusCode: 402,
    isRetryable: false,
    message: /Insufficient credits/,
  },
  {
    name: '403 moderation',
    response: {
      type: 'error',
      status: 403,
      message:
        'Your chosen model requires moderation and your input was flagged',
      metadata: {
        reasons: ['violence', 'harassment'],
        flagged_input: 'a flagged sentence',
        provider_name: 'OpenAI',
        model_slug: 'openai/gpt-4o',
      },
    },
    statusCode: 403,
    isRetryable: false,
    message:
      '[OpenAI] Your chosen model requires moderation and your input was flagged. Moderation reasons: violence, harassment. Flagged input: "a flagged sentence".',
  },
  {
    name: '404 no endpoint',
    response: {
      type: 'error',
      status: 404,
      message: 'No endpoints found that support tool use.',
    },
    statusCode: 404,
    isRetryable: false,
    message: 'No endpoints found that support tool use.',
  },
  {
    name: '408 timeout',
    response: { type: 'error', status: 408, message: 'Request timed out' },
    statusCode: 408,
    isRetryable: true,
    message: 'Request timed out',
  },
  {
    name: '413 too large',
    response: { type: 'error', status: 413, message: 'Payload too large' },
    statusCode: 413,
    isRetryable: false,
    message: 'Payload too large',
  },
  {
    name: '429 without retry headers',
    response: { type: 'error', status: 429, message: 'Rate limit exceeded' },
    statusCode: 429,
    isRetryable: true,
    message: 'Rate limit exceeded',
  },
  {
    name: '429 with retry-after',
    response: {
      type: 'error',
      status: 429,
      message: 'Rate limit exceeded',
      headers: { 'retry-after': '7' },
    },
    statusCode: 429,
    isRetryable: true,
    message: 'Rate limit exceeded',
    headers: { 'retry-after': '7' },
  },
  {
    name: '429 with retry-after-ms',
    response: {
      type: 'error',
      status: 429,
      message: 'Rate limit exceeded',
      headers: { 'retry-after-ms': '1500' },
    },
    statusCode: 429,
    isRetryable: true,
    message: 'Rate limit exceeded',
    headers: { 'retry-after-ms': '1500' },
  },
  {
    name: '500 server error',
    response: { type: 'error', status: 500, message: 'Internal Server Error' },
    statusCode: 500,
    isRetryable: true,
    message: 'Internal Server Error',
  },
  {
    name: '502 upstream error with provider',
    response: {
      type: 'error',
      status: 502,
      message: 'Provider returned error',
      metadata: {
        provider_name: 'Together',
        raw: '{"error":{"message":"model is overloaded"}}',
      },
    },
    statusCode: 502,
    isRetryable: true,
    message: '[Together] model is overloaded',
  },
  {
    name: '503 no provider',
    response: {
      type: 'error',
      status: 503,
      message:
        'No available model provider that meets your routing requirements',
    },
    statusCode: 503,
    isRetryable: true,
    message: /No available model provider/,
  },
  {
    name: '524 edge timeout',
    response: { type: 'error', status: 524, message: 'Edge network timeout' },
    statusCode: 524,
    isRetryable: true,
    message: 'Edge network timeout',
  },
  {
    name: 'HTML error page',
    response: {
      type: 'raw',
      status: 502,
      contentType: 'text/html',
      body: '<html><body><h1>502 Bad Gateway</h1><p>cloudflare</p></body></html>',
    },
    statusCode: 502,
    isRetryable: true,
    message:
      'OpenRouter returned HTTP 502 Bad Gateway with a non-JSON body: 502 Bad Gateway cloudflare',
  },
  {
    name: 'empty error body',
    response: { type: 'raw', status: 503, body: '' },
    statusCode: 503,
    isRetryable: true,
    message:
      'OpenRouter returned HTTP 503 Service Unavailable with an empty body',
  },
  {
    name: 'truncated JSON error body',
    response: {
      type: 'raw',
      status: 400,
      contentType: 'application/json',
      body: '{"error":{"code":400,"message":"Bad',
    },
    statusCode: 400,
    isRetryable: false,
    message: /HTTP 400 Bad Request with a non-JSON body/,
  },
  {
    name: 'truncated JSON success body',
    response: {
      type: 'raw',
      status: 200,
      contentType: 'application/json',
      body: '{"id":"gen-1","choices":[{"message":{"content":"Hel',
    },
    statusCode: 200,
    isRetryable: true,
    message: /not valid JSON/,
  },
  {
    name: 'connection cut before the first byte',
    response: { type: 'cut' },
    statusCode: undefined,
    isRetryable: true,
    message: /Cannot connect to API/,
  },
];

function checkError(error: unknown, fault: HttpFault) {
  expect(APICallError.isInstance(error)).toBe(true);
  const apiCallError = error as APICallError;
  expect(apiCallError.statusCode).toBe(fault.statusCode);
  expect(apiCallError.isRetryable).toBe(fault.isRetryable);
  if (typeof fault.message === 'string') {
    expect(apiCallError.message).toBe(fault.message);
  } else {
    expect(apiCallError.message).toMatch(fault.message);
  }
  for (const [name, value] of Object.entries(fault.headers ?? {})) {
    expect(apiCallError.responseHeaders?.[name]).toBe(value);
  }
}

describe.each(kinds)('HTTP faults, $kind model', kind => {
  const isStreamOnly = (fault: HttpFault) =>
    fault.name === 'truncated JSON success body' ? 'generate' : 'both';

  it.each(httpFaults)('generateText: $name', async fault => {
    server.emulator.enqueue({ ...fault.response, path: kind.path });

    const error = await generateText({
      model: modelFor(kind),
      prompt: 'Hi',
      maxRetries: 0,
    }).catch(caught => caught);

    artefacts.push(error, server.emulator.requests);
    checkError(error, fault);
    expect(server.emulator.requests).toHaveLength(1);
  });

  it.each(httpFaults.filter(fault => isStreamOnly(fault) === 'both'))(
    'streamText: $name',
    async fault => {
      server.emulator.enqueue({ ...fault.response, path: kind.path });
      const errors: unknown[] = [];

      const result = streamText({
        model: modelFor(kind),
        prompt: 'Hi',
        maxRetries: 0,
        onError: ({ error }) => {
          errors.push(error);
        },
      });
      const parts = await within(10_000, collect(result.fullStream));
      // Every promise of the result settles; none is left pending.
      await within(
        10_000,
        Promise.allSettled([
          result.text,
          result.finishReason,
          result.usage,
          result.steps,
          result.response,
        ]),
      );

      artefacts.push(errors, parts, server.emulator.requests);
      expect(errors).toHaveLength(1);
      checkError(errors[0], fault);
      expect(parts.map(part => part.type)).toContain('error');
    },
  );
});

/** A default reply cut short, and what reached the caller before the cut. */
async function streamWithFault(
  kind: (typeof kinds)[number],
  response: ScriptedResponse,
) {
  server.emulator.enqueue({ ...response, path: kind.path });
  const errors: unknown[] = [];
  const result = streamText({
    model: modelFor(kind),
    prompt: 'Hi',
    maxRetries: 0,
    onError: ({ error }) => {
      errors.push(error);
    },
  });
  const parts = await within(10_000, collect(result.fullStream));
  const [text, finishReason] = await within(
    10_000,
    Promise.all([result.text, result.finishReason]),
  );
  artefacts.push(errors, parts, server.emulator.requests);
  return { parts, errors, text, finishReason };
}

describe.each(kinds)('faults in the middle of a stream, $kind model', kind => {
  // The chat reply's first event is the role chunk; completions start with text.
  const chatOffset = kind.kind === 'chat' ? 1 : 0;
  const firstWords = kind.kind === 'chat' ? 'Hello from the ' : ' and so the';

  it('an error chunk: typed, retryable, text before it kept', async () => {
    const { errors, text, finishReason, parts } = await streamWithFault(kind, {
      type: 'stream',
      errorAfterEvents: 3 + chatOffset,
      error: { code: 'server_error', message: 'Provider disconnected' },
    });

    expect(text).toBe(firstWords);
    expect(finishReason).toBe('error');
    expect(errors).toHaveLength(1);
    expect(APICallError.isInstance(errors[0])).toBe(true);
    expect((errors[0] as APICallError).isRetryable).toBe(true);
    expect((errors[0] as APICallError).message).toBe('Provider disconnected');
    expect(parts.at(-1)?.type).toBe('finish');
  });

  it.each([
    { name: 'after N events', cutInsideEvent: false },
    { name: 'inside an event', cutInsideEvent: true },
  ])(
    'a connection cut $name: typed, retryable, text kept',
    async ({ cutInsideEvent }) => {
      const { errors, text, finishReason } = await streamWithFault(kind, {
        type: 'stream',
        cutAfterEvents: 3 + chatOffset,
        cutInsideEvent,
      });

      expect(text).toBe(firstWords);
      expect(finishReason).toBe('error');
      expect(errors).toHaveLength(1);
      expect(APICallError.isInstance(errors[0])).toBe(true);
      expect((errors[0] as APICallError).isRetryable).toBe(true);
      expect((errors[0] as APICallError).message).toMatch(
        /connection to OpenRouter was lost/,
      );
    },
  );

  it('a stream without [DONE] ends normally', async () => {
    const { errors, finishReason, text } = await streamWithFault(kind, {
      type: 'stream',
      done: false,
    });

    expect(errors).toStrictEqual([]);
    expect(finishReason).toBe('stop');
    expect(text.length).toBeGreaterThan(20);
  });
});

describe('event-level faults, chat model', () => {
  const chat = kinds[0];
  const event = (content: string, extra: Record<string, unknown> = {}) => ({
    id: 'gen-f',
    model: 'openai/gpt-4o',
    choices: [{ index: 0, delta: { content }, ...extra }],
  });

  it('a malformed JSON event: typed error, the rest of the stream still arrives', async () => {
    const { errors, text, finishReason } = await streamWithFault(chat, {
      type: 'stream',
      events: [
        event('Before '),
        'data: {"id":"gen-f","choices":[{"delta":\n\n',
        event('after', { finish_reason: 'stop' }),
      ],
    });

    expect(text).toBe('Before after');
    expect(finishReason).toBe('error');
    expect(errors).toHaveLength(1);
    expect(APICallError.isInstance(errors[0])).toBe(true);
    expect((errors[0] as APICallError).isRetryable).toBe(true);
    expect((errors[0] as APICallError).message).toMatch(/malformed/i);
  });

  it('an unknown event shape is skipped without an error', async () => {
    const { errors, text, finishReason } = await streamWithFault(chat, {
      type: 'stream',
      events: [
        event('One '),
        { type: 'ping', detail: { something: 'new' } },
        { id: 'gen-f', object: 'chat.completion.chunk', choices: [] },
        event('two', { finish_reason: 'stop' }),
      ],
    });

    expect(errors).toStrictEqual([]);
    expect(text).toBe('One two');
    expect(finishReason).toBe('stop');
  });

  it('reasoning, text and finished tool calls before a cut all reach the caller', async () => {
    server.emulator.enqueue({
      type: 'stream',
      path: chat.path,
      cutAfterEvents: 4,
      events: [
        {
          id: 'gen-f',
          model: 'anthropic/claude-sonnet-4.5',
          choices: [{ index: 0, delta: { reasoning: 'Thinking first.' } }],
        },
        event('Checking the weather. '),
        {
          id: 'gen-f',
          choices: [
            {
              index: 0,
              delta: {
                tool_calls: [
                  {
                    index: 0,
                    id: 'call_1',
                    type: 'function',
                    function: { name: 'weather', arguments: '{"city":"Oslo"}' },
                  },
                ],
              },
            },
          ],
        },
        event('More text that never '),
        event('arrives'),
      ],
    });
    const errors: unknown[] = [];

    const result = streamText({
      model: server.createProvider()('anthropic/claude-sonnet-4.5'),
      prompt: 'Weather?',
      maxRetries: 0,
      onError: ({ error }) => {
        errors.push(error);
      },
    });
    const parts = await within(10_000, collect(result.fullStream));

    artefacts.push(errors, parts);
    expect(await result.reasoningText).toBe('Thinking first.');
    expect(await result.text).toBe(
      'Checking the weather. More text that never ',
    );
    const toolCalls = parts.filter(part => part.type === 'tool-call');
    expect(toolCalls).toHaveLength(1);
    expect(toolCalls[0]).toMatchObject({
      toolCallId: 'call_1',
      toolName: 'weather',
    });
    expect(errors).toHaveLength(1);
    expect(await result.finishReason).toBe('error');
  });
});

describe.each(kinds)('stalls and aborts, $kind model', kind => {
  it('a stalled stream ends promptly on abort and frees its connection', async () => {
    server.emulator.enqueue({
      type: 'stream',
      stallAfterEvents: 3,
      path: kind.path,
    });
    const controller = new AbortController();
    const startedAt = Date.now();

    const result = streamText({
      model: modelFor(kind),
      prompt: 'Hi',
      abortSignal: controller.signal,
      maxRetries: 0,
      onError: () => {},
    });
    setTimeout(() => controller.abort(), 300);
    const parts = await within(10_000, collect(result.fullStream));

    artefacts.push(parts);
    expect(Date.now() - startedAt).toBeLessThan(3_000);
    expect(parts.map(part => part.type)).toContain('abort');
    await within(
      10_000,
      (async () => {
        while (server.emulator.openResponses > 0) {
          await new Promise(resolve => setTimeout(resolve, 10));
        }
      })(),
    );
    expect(server.emulator.openResponses).toBe(0);
  });

  it('a request with no answer ends promptly on abort (generateText)', async () => {
    server.emulator.enqueue({ type: 'stall', path: kind.path });
    const startedAt = Date.now();

    const error = await generateText({
      model: modelFor(kind),
      prompt: 'Hi',
      abortSignal: AbortSignal.timeout(300),
      maxRetries: 0,
    }).catch(caught => caught);

    artefacts.push(error);
    expect(Date.now() - startedAt).toBeLessThan(3_000);
    expect(error.name).toMatch(/TimeoutError|AbortError/);
    await within(
      10_000,
      (async () => {
        while (server.emulator.openResponses > 0) {
          await new Promise(resolve => setTimeout(resolve, 10));
        }
      })(),
    );
  });
});
