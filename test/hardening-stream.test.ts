import type { ServerResponse } from 'node:http';
import {
  APICallError,
  type LanguageModelV4CallOptions,
  type LanguageModelV4StreamPart,
} from '@ai-sdk/provider';
import { generateText, streamText } from 'ai';
import { createOpenRouter } from 'ai-sdk-openrouter';
import { afterEach, describe, expect, it } from 'vitest';
import { collect, within } from './support/collect';
import {
  type HostileServer,
  type SeenRequest,
  sseEvents,
  startHostileServer,
} from './support/hostile-server';

// Streams that misbehave on purpose, served by raw `node:http` servers on
// loopback and read through the public API.

const servers: HostileServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map(server => server.close()));
});

type TestServer = HostileServer & {
  /** Per request, in order: settles when its connection has closed. */
  connectionsClosed: Promise<void>[];
};

async function serve(
  handler: (
    request: SeenRequest,
    response: ServerResponse,
  ) => void | Promise<void>,
): Promise<TestServer> {
  const connectionsClosed: Promise<void>[] = [];
  const server = await startHostileServer((request, response, socket) => {
    connectionsClosed.push(
      new Promise(resolve => {
        if (socket.destroyed) {
          resolve();
        } else {
          socket.once('close', () => resolve());
        }
      }),
    );
    return handler(request, response);
  });
  servers.push(server);
  return Object.assign(server, { connectionsClosed });
}

/**
 * Whether the connection that carried request `index` is closed within
 * `ms`. (The count of open sockets says less: after an abort, Node's fetch
 * opens a spare connection that carries no request.)
 */
async function connectionClosed(server: TestServer, index = 0, ms = 5_000) {
  return within(ms, server.connectionsClosed[index]).then(
    () => true,
    () => false,
  );
}

const KEEP_ALIVE = ': OPENROUTER PROCESSING\n\n';
const PROMPT: LanguageModelV4CallOptions['prompt'] = [
  { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
];

function providerFor(
  server: HostileServer,
  settings: Parameters<typeof createOpenRouter>[0] = {},
) {
  return createOpenRouter({
    apiKey: 'sk-or-v1-hardening-test',
    baseURL: server.origin,
    ...settings,
  });
}

function chunk(
  delta: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) {
  return {
    id: 'gen-hard',
    created: 1_767_225_600,
    model: 'openai/gpt-4o',
    provider: 'OpenAI',
    choices: [{ index: 0, delta, finish_reason: null, ...extra }],
  };
}

const errorChunk = (code: number | string, message: string) => ({
  id: 'gen-hard',
  error: { code, message },
  choices: [{ index: 0, delta: { content: '' }, finish_reason: 'error' }],
});

const REPLY = sseEvents([
  chunk({ role: 'assistant', content: 'Fine' }),
  chunk({ content: '' }, { finish_reason: 'stop' }),
  '[DONE]',
]);

/** Answers with headers only and keeps the response open. */
function openEventStream(
  response: ServerResponse,
  headers: Record<string, string> = { 'content-type': 'text/event-stream' },
) {
  response.writeHead(200, headers);
  response.flushHeaders();
}

/** Headers of a stream whose errors the AI SDK retries after 10 ms. */
const QUICK_RETRY = {
  'content-type': 'text/event-stream',
  'retry-after-ms': '10',
};

/** Writes a keep-alive comment every `ms` until the client goes away. */
function keepAliveEvery(response: ServerResponse, ms: number) {
  const timer = setInterval(() => response.write(KEEP_ALIVE), ms);
  response.on('close', () => clearInterval(timer));
}

/** Writes, and resolves once the bytes have been handed to the socket. */
function writeFlushed(response: ServerResponse, text: string) {
  return new Promise<void>(resolve => response.write(text, () => resolve()));
}

const pause = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Runs `streamText` to its end and returns what a caller sees. */
async function runStreamText(
  options: Omit<Parameters<typeof streamText>[0], 'onError'>,
) {
  const errors: unknown[] = [];
  const startedAt = Date.now();
  const result = streamText({
    ...options,
    onError: ({ error }) => {
      errors.push(error);
    },
  } as Parameters<typeof streamText>[0]);
  const parts = await within(10_000, collect(result.fullStream));
  const settled = await within(
    10_000,
    Promise.allSettled([result.text, result.finishReason]),
  );
  return {
    parts,
    errors,
    elapsedMs: Date.now() - startedAt,
    text: settled[0].status === 'fulfilled' ? settled[0].value : undefined,
    finishReason:
      settled[1].status === 'fulfilled' ? settled[1].value : undefined,
    /** Why the result's promises rejected (an abort or a timeout). */
    rejection: settled[0].status === 'rejected' ? settled[0].reason : undefined,
    streamedText: parts
      .map(part => (part.type === 'text-delta' ? part.text : ''))
      .join(''),
    result,
  };
}

describe('timeouts while OpenRouter sends only keep-alives (point 3)', () => {
  it('timeout.firstChunkMs ends the call promptly and closes the connection', async () => {
    const server = await serve((_, response) => {
      openEventStream(response);
      response.write(KEEP_ALIVE);
      keepAliveEvery(response, 100);
    });

    const { elapsedMs, parts, rejection, streamedText } = await runStreamText({
      model: providerFor(server)('openai/gpt-4o'),
      prompt: 'Hi',
      maxRetries: 0,
      timeout: { firstChunkMs: 300 },
    });

    expect(elapsedMs).toBeLessThan(3_000);
    // The AI SDK reports a timeout as an abort: an `abort` part, and the
    // result's promises reject with the timeout error.
    expect(parts.map(part => part.type)).toContain('abort');
    expect(rejection).toMatchObject({
      name: 'TimeoutError',
      message: 'First chunk timeout of 300ms exceeded',
    });
    expect(streamedText).toBe('');
    expect(await connectionClosed(server)).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    {
      name: 'chunkMs',
      timeout: { chunkMs: 300 },
      message: /Chunk timeout of 300ms/,
    },
    { name: 'stepMs', timeout: { stepMs: 400 }, message: /Step timeout/ },
    { name: 'totalMs', timeout: { totalMs: 400 }, message: /timeout/ },
  ])(
    'timeout.$name ends a stream that stalls on keep-alives after some text',
    async ({ timeout, message }) => {
      const server = await serve((_, response) => {
        openEventStream(response);
        response.write(sseEvents([chunk({ role: 'assistant', content: 'A' })]));
        keepAliveEvery(response, 100);
      });

      const { elapsedMs, parts, rejection, streamedText } = await runStreamText(
        {
          model: providerFor(server)('openai/gpt-4o'),
          prompt: 'Hi',
          maxRetries: 0,
          timeout,
        },
      );

      expect(elapsedMs).toBeLessThan(3_000);
      expect(streamedText).toBe('A');
      expect(parts.map(part => part.type)).toContain('abort');
      expect(rejection).toMatchObject({ name: 'TimeoutError', message });
      expect(await connectionClosed(server)).toBe(true);
    },
  );

  it('an error before any content and before any keep-alive is still retried by maxRetries', async () => {
    const server = await serve((_, response) => {
      openEventStream(response, QUICK_RETRY);
      if (server.requests.length === 1) {
        response.end(
          sseEvents([errorChunk(429, 'Rate limit exceeded upstream')]),
        );
      } else {
        response.end(REPLY);
      }
    });

    const { errors, text } = await runStreamText({
      model: providerFor(server)('openai/gpt-4o'),
      prompt: 'Hi',
      maxRetries: 1,
    });

    expect(errors).toStrictEqual([]);
    expect(text).toBe('Fine');
    expect(server.requests).toHaveLength(2);
  });

  it('an error after a keep-alive but before content is an error part, which streamRetries retries', async () => {
    const failing =
      KEEP_ALIVE + sseEvents([errorChunk(502, 'Upstream went away')]);
    const bodies = [failing, failing, REPLY];
    const server = await serve((_, response) => {
      openEventStream(response, QUICK_RETRY);
      response.end(bodies.shift());
    });
    const model = providerFor(server)('openai/gpt-4o');

    const { stream } = await within(10_000, model.doStream({ prompt: PROMPT }));
    const parts = await within(10_000, collect(stream));
    const retried = await runStreamText({
      model,
      prompt: 'Hi',
      maxRetries: 0,
      streamRetries: 1,
    });

    const error = parts.find(part => part.type === 'error')?.error;
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).statusCode).toBe(502);
    expect(parts.at(-1)).toMatchObject({
      type: 'finish',
      finishReason: { unified: 'error' },
    });
    // The AI SDK tells onError of the error, then retries the call.
    expect(retried.errors).toHaveLength(1);
    expect((retried.errors[0] as APICallError).statusCode).toBe(502);
    expect(retried.text).toBe('Fine');
    expect(retried.finishReason).toBe('stop');
    expect(server.requests).toHaveLength(3);
  });
});

describe('[DONE] ends the stream (point 4)', () => {
  it('finishes at [DONE] while the server keeps the connection open, and closes it', async () => {
    const server = await serve((_, response) => {
      openEventStream(response);
      response.write(REPLY);
    });

    const { text, finishReason, errors } = await runStreamText({
      model: providerFor(server)('openai/gpt-4o'),
      prompt: 'Hi',
      maxRetries: 0,
    });

    expect(text).toBe('Fine');
    expect(finishReason).toBe('stop');
    expect(errors).toStrictEqual([]);
    expect(await connectionClosed(server)).toBe(true);
  });

  it('reads no event after [DONE], in the same read or a later one', async () => {
    const server = await serve(async (_, response) => {
      openEventStream(response);
      await writeFlushed(
        response,
        sseEvents([
          chunk({ content: 'A' }, { finish_reason: 'stop' }),
          '[DONE]',
          chunk({ content: 'SAME-READ' }),
        ]),
      );
      await pause(20);
      response.end(sseEvents([chunk({ content: 'LATER' })]));
    });

    const { text, finishReason, errors } = await runStreamText({
      model: providerFor(server)('openai/gpt-4o'),
      prompt: 'Hi',
      maxRetries: 0,
    });

    expect(text).toBe('A');
    expect(finishReason).toBe('stop');
    expect(errors).toStrictEqual([]);
  });

  it('[DONE] followed by an abrupt close is a complete reply, not an error', async () => {
    const server = await serve(async (_, response) => {
      openEventStream(response);
      await writeFlushed(response, REPLY);
      await pause(20);
      // No terminating chunk: the body is cut off after [DONE].
      response.socket?.destroy();
    });

    const { text, finishReason, errors, parts } = await runStreamText({
      model: providerFor(server)('openai/gpt-4o'),
      prompt: 'Hi',
      maxRetries: 0,
    });

    expect(text).toBe('Fine');
    expect(finishReason).toBe('stop');
    expect(errors).toStrictEqual([]);
    expect(parts.map(part => part.type)).not.toContain('error');
  });
});

describe('a stream with no content and no finish (point 5)', () => {
  it.each([
    { name: 'only [DONE]', body: 'data: [DONE]\n\n' },
    { name: 'an empty body', body: '' },
    { name: 'only a usage chunk', body: sseEvents([{ choices: [] }]) },
  ])('$name is a retryable error thrown from doStream', async ({ body }) => {
    const server = await serve((_, response) => {
      openEventStream(response);
      response.end(body);
    });

    const error = await within(
      10_000,
      providerFor(server)('openai/gpt-4o')
        .doStream({ prompt: PROMPT })
        .then(
          () => 'resolved',
          caught => caught,
        ),
    );

    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      isRetryable: true,
      statusCode: 200,
      message: expect.stringMatching(/neither content nor a finish reason/),
    });
  });

  it('maxRetries retries it', async () => {
    const bodies = ['data: [DONE]\n\n', REPLY];
    const server = await serve((_, response) => {
      openEventStream(response, QUICK_RETRY);
      response.end(bodies.shift());
    });

    const { text, errors } = await runStreamText({
      model: providerFor(server)('openai/gpt-4o'),
      prompt: 'Hi',
      maxRetries: 1,
    });

    expect(text).toBe('Fine');
    expect(errors).toStrictEqual([]);
    expect(server.requests).toHaveLength(2);
  });

  it('only keep-alives, then the end: the same error as an error part, since the keep-alive opened the stream', async () => {
    const server = await serve((_, response) => {
      openEventStream(response);
      response.end(KEEP_ALIVE + KEEP_ALIVE);
    });

    const { stream } = await within(
      10_000,
      providerFor(server)('openai/gpt-4o').doStream({ prompt: PROMPT }),
    );
    const parts = await within(10_000, collect(stream));

    expect(parts.map(part => part.type)).toStrictEqual([
      'stream-start',
      'error',
      'finish',
    ]);
    const error = (parts[1] as { error: unknown }).error;
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).isRetryable).toBe(true);
    expect(parts[2]).toMatchObject({ finishReason: { unified: 'error' } });
  });
});

describe('choices other than index 0 (point 6)', () => {
  it('reads only choice 0 and reports the others once, in the finish metadata', async () => {
    const server = await serve((_, response) => {
      openEventStream(response);
      response.end(
        sseEvents([
          chunk({ role: 'assistant', content: 'A0' }),
          {
            id: 'gen-hard',
            choices: [
              {
                index: 1,
                delta: {
                  content: 'ONLY1',
                  tool_calls: [
                    {
                      index: 0,
                      id: 'call_other',
                      type: 'function',
                      function: { name: 'weather', arguments: '{}' },
                    },
                  ],
                },
              },
            ],
          },
          {
            id: 'gen-hard',
            choices: [
              { index: 1, delta: { content: 'ALSO1' } },
              { index: 0, delta: { content: '!' } },
            ],
          },
          chunk({ content: '' }, { finish_reason: 'stop' }),
          '[DONE]',
        ]),
      );
    });

    const { text, finishReason, parts, result } = await runStreamText({
      model: providerFor(server)('openai/gpt-4o'),
      prompt: 'Hi',
      maxRetries: 0,
    });

    expect(text).toBe('A0!');
    expect(finishReason).toBe('stop');
    expect(parts.map(part => part.type)).not.toContain('tool-call');
    const metadata = (await result.providerMetadata)?.openrouter;
    expect(metadata?.warnings).toStrictEqual([
      {
        type: 'other',
        message: expect.stringMatching(/choices other than index 0/),
      },
    ]);
  });
});

describe('media types of a streaming answer (point 7)', () => {
  it.each([
    {
      name: 'Text/Event-Stream; charset=UTF-8',
      headers: { 'content-type': 'Text/Event-Stream; charset=UTF-8' },
    },
    { name: 'no content type', headers: {} },
    {
      name: 'text/plain',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    },
  ])('$name on an SSE body is read as a stream', async ({ headers }) => {
    const server = await serve((_, response) => {
      response.writeHead(200, headers);
      response.end(`\n${KEEP_ALIVE}${REPLY}`);
    });

    const { text, errors } = await runStreamText({
      model: providerFor(server)('openai/gpt-4o'),
      prompt: 'Hi',
      maxRetries: 2,
    });

    expect(errors).toStrictEqual([]);
    expect(text).toBe('Fine');
    expect(server.requests).toHaveLength(1);
  });

  it('without a content type, a JSON error body is still the typed error', async () => {
    const server = await serve((_, response) => {
      response.writeHead(200);
      response.end(
        JSON.stringify({ error: { code: 503, message: 'No provider' } }),
      );
    });

    const error = await providerFor(server)('openai/gpt-4o')
      .doStream({ prompt: PROMPT })
      .then(
        () => 'resolved',
        caught => caught,
      );

    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 503, message: 'No provider' });
  });
});

describe('streamed tool calls (point 8)', () => {
  it('buffers deltas that come before the function name', async () => {
    const server = await serve((_, response) => {
      openEventStream(response);
      response.end(
        sseEvents([
          chunk({
            role: 'assistant',
            tool_calls: [
              {
                index: 0,
                id: 'call_1',
                type: 'function',
                function: { arguments: '{"city":' },
              },
            ],
          }),
          chunk({
            tool_calls: [
              { index: 0, function: { name: 'weather', arguments: '"Oslo"}' } },
            ],
          }),
          chunk({}, { finish_reason: 'tool_calls' }),
          '[DONE]',
        ]),
      );
    });

    const { stream } = await within(
      10_000,
      providerFor(server)('openai/gpt-4o').doStream({ prompt: PROMPT }),
    );
    const parts = await within(10_000, collect(stream));

    expect(parts.map(part => part.type)).not.toContain('error');
    expect(parts.find(part => part.type === 'tool-call')).toMatchObject({
      toolCallId: 'call_1',
      toolName: 'weather',
      input: '{"city":"Oslo"}',
    });
    expect(
      parts
        .map(part => (part.type === 'tool-input-delta' ? part.delta : ''))
        .join(''),
    ).toBe('{"city":"Oslo"}');
    expect(parts.at(-1)).toMatchObject({
      type: 'finish',
      finishReason: { unified: 'tool-calls' },
    });
  });
});

describe('streamed reasoning details (point 9)', () => {
  it('keeps encrypted entries with different ids and no index apart', async () => {
    const server = await serve((_, response) => {
      openEventStream(response);
      response.end(
        sseEvents([
          chunk({
            role: 'assistant',
            reasoning_details: [
              {
                type: 'reasoning.encrypted',
                id: 'rs_1',
                data: 'AAAA',
                format: 'openai-responses-v1',
              },
            ],
          }),
          chunk({
            reasoning_details: [
              {
                type: 'reasoning.encrypted',
                id: 'rs_2',
                data: 'BBBB',
                format: 'openai-responses-v1',
              },
            ],
          }),
          chunk({
            reasoning_details: [{ type: 'reasoning.text', text: 'Think' }],
          }),
          chunk({
            reasoning_details: [{ type: 'reasoning.text', text: 'ing.' }],
          }),
          chunk({ content: 'Done' }, { finish_reason: 'stop' }),
          '[DONE]',
        ]),
      );
    });

    const { stream } = await within(
      10_000,
      providerFor(server)('openai/gpt-4o').doStream({ prompt: PROMPT }),
    );
    const parts = await within(10_000, collect(stream));

    const finish = parts.at(-1) as Extract<
      LanguageModelV4StreamPart,
      { type: 'finish' }
    >;
    expect(
      finish.providerMetadata?.openrouter?.reasoning_details,
    ).toStrictEqual([
      {
        type: 'reasoning.encrypted',
        id: 'rs_1',
        data: 'AAAA',
        format: 'openai-responses-v1',
      },
      {
        type: 'reasoning.encrypted',
        id: 'rs_2',
        data: 'BBBB',
        format: 'openai-responses-v1',
      },
      // Deltas of one entry, without index or id, still join up.
      { type: 'reasoning.text', text: 'Thinking.' },
    ]);
  });
});

describe('fetch wrappers that clone the response (point 10)', () => {
  const cloningFetch: typeof fetch = (input, init) =>
    fetch(input, init).then(response => {
      // Like msw or a logging middleware: a second reader of the body that
      // never reads it.
      response.clone();
      return response;
    });

  it.each([
    {
      name: 'an error event',
      event: sseEvents([errorChunk(502, 'Upstream went away')]),
      message: 'Upstream went away',
    },
    {
      name: 'an event that is not JSON',
      event: 'data: {"choices":[\n\n',
      message: /malformed stream event/,
    },
  ])('$name first rejects doStream promptly', async ({ event, message }) => {
    const server = await serve((_, response) => {
      openEventStream(response);
      response.write(event);
    });
    const model = providerFor(server, { fetch: cloningFetch })('openai/gpt-4o');

    const error = await within(
      10_000,
      model.doStream({ prompt: PROMPT }).then(
        () => 'resolved',
        caught => caught,
      ),
    );

    expect(APICallError.isInstance(error)).toBe(true);
    if (typeof message === 'string') {
      expect((error as APICallError).message).toBe(message);
    } else {
      expect((error as APICallError).message).toMatch(message);
    }
  });

  it('cancelling the stream settles at once', async () => {
    const server = await serve((_, response) => {
      openEventStream(response);
      response.write(sseEvents([chunk({ role: 'assistant', content: 'A' })]));
    });
    const model = providerFor(server, { fetch: cloningFetch })('openai/gpt-4o');

    const { stream } = await within(10_000, model.doStream({ prompt: PROMPT }));
    const reader = stream.getReader();
    await reader.read();

    await within(10_000, reader.cancel('enough'));
    expect(await reader.read()).toStrictEqual({ done: true, value: undefined });
  });
});

describe('aborts before the first content (point 11)', () => {
  it('reject doStream with the abort error and close the connection', async () => {
    const server = await serve((_, response) => {
      openEventStream(response);
    });
    const controller = new AbortController();
    const reason = new Error('the caller gave up');
    setTimeout(() => controller.abort(reason), 100);

    const error = await within(
      10_000,
      providerFor(server)('openai/gpt-4o')
        .doStream({ prompt: PROMPT, abortSignal: controller.signal })
        .then(
          () => 'resolved',
          caught => caught,
        ),
    );

    expect(error).toBe(reason);
    expect(await connectionClosed(server)).toBe(true);
  });
});

/** A server answering every request with one whole chat answer. */
function serveAnswer(message: Record<string, unknown>) {
  return serve((_, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        id: 'gen-hard',
        model: 'openai/gpt-4o',
        choices: [{ index: 0, finish_reason: 'stop', message }],
      }),
    );
  });
}

describe('huge chunks (point 12)', () => {
  const TOKEN_COUNT = 200_000;
  const manyLogprobs = () => ({
    content: Array.from({ length: TOKEN_COUNT }, () => ({
      token: 't',
      logprob: -0.5,
      top_logprobs: [],
    })),
  });

  it('a chunk with 200,000 logprobs entries streams without an error', async () => {
    const server = await serve((_, response) => {
      openEventStream(response);
      response.end(
        sseEvents([
          chunk({ role: 'assistant', content: 'A' }),
          chunk({ content: 'B' }, { logprobs: manyLogprobs() }),
          chunk({}, { finish_reason: 'stop' }),
          '[DONE]',
        ]),
      );
    });

    const { text, errors, finishReason, result } = await runStreamText({
      model: providerFor(server)('openai/gpt-4o'),
      prompt: 'Hi',
      maxRetries: 0,
    });

    expect(errors).toStrictEqual([]);
    expect(text).toBe('AB');
    expect(finishReason).toBe('stop');
    const metadata = (await result.providerMetadata)?.openrouter;
    expect(metadata?.logprobs).toHaveLength(TOKEN_COUNT);
  });

  it('an answer with 200,000 citations is read without an error', async () => {
    const server = await serveAnswer({
      role: 'assistant',
      content: 'Cited.',
      annotations: Array.from({ length: TOKEN_COUNT }, (_, index) => ({
        type: 'url_citation',
        url_citation: { url: `https://example.com/${index}` },
      })),
    });

    const result = await generateText({
      model: providerFor(server)('openai/gpt-4o'),
      prompt: 'Hi',
      maxRetries: 0,
    });

    expect(result.text).toBe('Cited.');
    expect(result.sources).toHaveLength(TOKEN_COUNT);
  });
});

describe('stream_options (point 16)', () => {
  it('keeps the caller’s keys, forces include_usage and warns when it was off', async () => {
    const server = await serve((_, response) => {
      openEventStream(response);
      response.end(REPLY);
    });

    const { text, result } = await runStreamText({
      model: providerFor(server)('openai/gpt-4o'),
      prompt: 'Hi',
      maxRetries: 0,
      providerOptions: {
        openrouter: {
          stream_options: { include_usage: false, include_obfuscation: false },
        },
      },
    });

    expect(text).toBe('Fine');
    expect(JSON.parse(server.requests[0].body).stream_options).toStrictEqual({
      include_obfuscation: false,
      include_usage: true,
    });
    expect(await result.warnings).toContainEqual({
      type: 'unsupported',
      feature: 'stream_options.include_usage: false',
      details: expect.stringMatching(/include_usage: true/),
    });
  });
});

describe('refusals (point 17)', () => {
  it('a streamed refusal reaches the caller as text, with finish content-filter and the metadata', async () => {
    const server = await serve((_, response) => {
      openEventStream(response);
      response.end(
        sseEvents([
          chunk({ role: 'assistant', content: null, refusal: 'I can’t ' }),
          chunk({ refusal: 'help with that.' }),
          chunk({}, { finish_reason: 'stop' }),
          '[DONE]',
        ]),
      );
    });

    const { text, finishReason, result } = await runStreamText({
      model: providerFor(server)('openai/gpt-4o'),
      prompt: 'Hi',
      maxRetries: 0,
    });

    expect(text).toBe('I can’t help with that.');
    expect(finishReason).toBe('content-filter');
    expect((await result.providerMetadata)?.openrouter?.refusal).toBe(
      'I can’t help with that.',
    );
  });

  it('a refusal in a whole answer does the same', async () => {
    const server = await serveAnswer({
      role: 'assistant',
      content: null,
      refusal: 'I can’t help with that.',
    });

    const result = await generateText({
      model: providerFor(server)('openai/gpt-4o'),
      prompt: 'Hi',
      maxRetries: 0,
    });

    expect(result.text).toBe('I can’t help with that.');
    expect(result.finishReason).toBe('content-filter');
    expect(result.providerMetadata?.openrouter?.refusal).toBe(
      'I can’t help with that.',
    );
  });
});
