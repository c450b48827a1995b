import type { ServerResponse } from 'node:http';
import { APICallError } from '@ai-sdk/provider';
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

// The Responses model against servers that misbehave on purpose, over real
// loopback sockets: the same typed errors and the same hardening as chat.

const API_KEY = 'sk-or-v1-responses-hardening-abcdef';
const MODEL = 'openai/o4-mini';
const KEEP_ALIVE = ': OPENROUTER PROCESSING\n\n';

const servers: HostileServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map(server => server.close()));
});

async function serve(
  handler: (request: SeenRequest, response: ServerResponse) => void,
) {
  const server = await startHostileServer((request, response) =>
    handler(request, response),
  );
  servers.push(server);
  return server;
}

function providerFor(server: HostileServer) {
  return createOpenRouter({ apiKey: API_KEY, baseURL: server.origin });
}

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the call to fail.');
}

/** A Responses stream with this text, as OpenRouter's types spell it. */
function responsesEvents(text: string) {
  const response = {
    id: 'gen-resp-hard',
    object: 'response',
    created_at: 1_767_225_600,
    model: MODEL,
    output: [],
  };
  const item = { type: 'message', id: 'msg_1', role: 'assistant' };
  return [
    {
      type: 'response.created',
      response: { ...response, status: 'in_progress' },
    },
    {
      type: 'response.output_item.added',
      output_index: 0,
      item: { ...item, status: 'in_progress', content: [] },
    },
    {
      type: 'response.output_text.delta',
      item_id: 'msg_1',
      output_index: 0,
      content_index: 0,
      delta: text,
    },
    {
      type: 'response.output_item.done',
      output_index: 0,
      item: {
        ...item,
        status: 'completed',
        content: [{ type: 'output_text', text, annotations: [] }],
      },
    },
    {
      type: 'response.completed',
      response: {
        ...response,
        status: 'completed',
        usage: { input_tokens: 3, output_tokens: 1, total_tokens: 4 },
      },
    },
  ];
}

describe('HTTP errors: the same typed error as chat, for every status OpenRouter documents', () => {
  const statuses = [
    400, 401, 402, 404, 408, 413, 422, 429, 500, 502, 503, 524, 529,
  ];
  const retryable = new Set([408, 429, 500, 502, 503, 524, 529]);

  it.each(statuses)('%d', async status => {
    const server = await serve((_, response) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          error: { code: status, message: `Failure ${status}` },
        }),
      );
    });
    const openrouter = providerFor(server);
    const errors = [];
    for (const model of [openrouter(MODEL), openrouter.responses(MODEL)]) {
      errors.push(
        await rejection(generateText({ model, prompt: 'Hi', maxRetries: 0 })),
      );
      const parts = await collect(
        streamText({ model, prompt: 'Hi', maxRetries: 0, onError: () => {} })
          .fullStream,
      );
      errors.push(parts.find(part => part.type === 'error')?.error);
    }
    for (const error of errors) {
      expect(APICallError.isInstance(error)).toBe(true);
      expect((error as APICallError).statusCode).toBe(status);
      expect((error as APICallError).isRetryable).toBe(retryable.has(status));
      expect((error as APICallError).message).toContain(`Failure ${status}`);
      expect(JSON.stringify(error)).not.toContain(API_KEY);
    }
    const [chatGenerate, chatStream, responsesGenerate, responsesStream] =
      errors as APICallError[];
    expect(responsesGenerate?.message).toBe(chatGenerate?.message);
    expect(responsesStream?.message).toBe(chatStream?.message);
    expect(server.requests.map(request => request.url)).toStrictEqual([
      '/chat/completions',
      '/chat/completions',
      '/responses',
      '/responses',
    ]);
  });

  it('a proxy’s HTML error page is a typed, retryable error that does not dump the page', async () => {
    const page = `<html><body>${'<p>Bad gateway</p>'.repeat(2_000)}</body></html>`;
    const server = await serve((_, response) => {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end(page);
    });
    const error = await rejection(
      generateText({
        model: providerFor(server).responses(MODEL),
        prompt: 'Hi',
        maxRetries: 0,
      }),
    );
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).statusCode).toBe(502);
    expect((error as APICallError).isRetryable).toBe(true);
    expect((error as APICallError).message.length).toBeLessThan(2_000);
  });
});

describe('redirects', () => {
  it.each([307, 308])(
    'a %d to another origin is refused, and nothing reaches that origin',
    async status => {
      const elsewhere = await serve((_, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{}');
      });
      const configured = await serve((request, response) => {
        response.writeHead(status, {
          location: `${elsewhere.origin}/stolen${request.url}`,
        });
        response.end();
      });
      const model = providerFor(configured).responses(MODEL);

      const generateError = await rejection(
        generateText({ model, prompt: 'secret prompt', maxRetries: 0 }),
      );
      const parts = await collect(
        streamText({
          model,
          prompt: 'secret prompt',
          maxRetries: 0,
          onError: () => {},
        }).fullStream,
      );
      for (const error of [
        generateError,
        parts.find(part => part.type === 'error')?.error,
      ]) {
        expect(APICallError.isInstance(error)).toBe(true);
        expect((error as APICallError).isRetryable).toBe(false);
        expect((error as APICallError).message).toContain(elsewhere.origin);
      }
      expect(elsewhere.requests).toStrictEqual([]);
    },
  );
});

describe('the end of a stream', () => {
  it('finishes at response.completed without [DONE] when the body ends', async () => {
    const server = await serve((_, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(KEEP_ALIVE + sseEvents(responsesEvents('Complete')));
    });
    const result = streamText({
      model: providerFor(server).responses(MODEL),
      prompt: 'Hi',
    });
    expect(await result.text).toBe('Complete');
    expect(await result.finishReason).toBe('stop');
  });

  it('finishes at [DONE] while the server holds the connection open', async () => {
    const server = await serve((_, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(sseEvents([...responsesEvents('Held'), '[DONE]']));
      // Never ends: only [DONE] can finish the stream.
    });
    const result = streamText({
      model: providerFor(server).responses(MODEL),
      prompt: 'Hi',
    });
    expect(await within(5_000, Promise.resolve(result.text))).toBe('Held');
    expect(await result.finishReason).toBe('stop');
  });

  it('a stream that stalls on keep-alives after some text ends with timeout.chunkMs, the text kept', async () => {
    const server = await serve((_, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(sseEvents(responsesEvents('Partial').slice(0, 3)));
      const timer = setInterval(() => response.write(KEEP_ALIVE), 100);
      response.on('close', () => clearInterval(timer));
    });
    const startedAt = Date.now();
    const result = streamText({
      model: providerFor(server).responses(MODEL),
      prompt: 'Hi',
      maxRetries: 0,
      timeout: { chunkMs: 300 },
    });
    const parts = await within(10_000, collect(result.fullStream));
    expect(Date.now() - startedAt).toBeLessThan(5_000);
    expect(
      parts.map(part => (part.type === 'text-delta' ? part.text : '')).join(''),
    ).toBe('Partial');
    expect(parts.map(part => part.type)).toContain('abort');
  });
});
