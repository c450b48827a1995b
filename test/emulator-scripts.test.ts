import { readFileSync } from 'node:fs';
import type { APICallError } from '@ai-sdk/provider';
import { generateText, isStepCount, streamText, tool } from 'ai';
import { estimateCost } from 'ai-sdk-openrouter';
import {
  type RecordedChatMessage,
  type RecordedRequestBody,
  type ScriptedChatReply,
  scripted,
} from 'ai-sdk-openrouter/testing';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod/v4';
import { TEST_API_KEY, useEmulator } from './support/use-emulator';

// The typed builders of `ai-sdk-openrouter/testing` (issue 18, point 9):
// each through generateText and streamText, since one script serves both.

const server = useEmulator();

function model(id = 'openai/gpt-4o-mini') {
  return server.createProvider()(id);
}

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as APICallError;
  }
  throw new Error('expected a failure');
}

/** The raw event stream a scripted reply sends to a streaming request. */
async function rawStream() {
  const response = await fetch(`${server.emulator.baseURL}/chat/completions`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${TEST_API_KEY}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      model: 'openai/gpt-4o-mini',
      stream: true,
      messages: [{ role: 'user', content: 'Hi' }],
    }),
  });
  return response.text();
}

describe('scripted.text', () => {
  it('answers generateText with the text, named as the request’s catalogue model', async () => {
    server.emulator.enqueue(scripted.text('Hello there.'));

    const result = await generateText({ model: model(), prompt: 'Hi' });

    expect(result.text).toBe('Hello there.');
    expect(result.finishReason).toBe('stop');
    expect(result.response.id).toBe('gen-scripted-0');
    expect(result.response.modelId).toBe('openai/gpt-4o-mini');
    expect(result.providerMetadata?.openrouter).toMatchObject({
      provider: 'OpenAI',
    });
  });

  it('streams a string a word a chunk, and an array one element a chunk', async () => {
    server.emulator.enqueue(
      scripted.text('One two three'),
      scripted.text(['Hel', 'lo', '!']),
    );

    const deltas = async () => {
      const result = streamText({ model: model(), prompt: 'Hi' });
      const pieces: string[] = [];
      for await (const part of result.fullStream) {
        if (part.type === 'text-delta') {
          pieces.push(part.text);
        }
      }
      return pieces;
    };

    expect(await deltas()).toStrictEqual(['One ', 'two ', 'three']);
    expect(await deltas()).toStrictEqual(['Hel', 'lo', '!']);
  });

  it('answers only chat completions unless it names a path', async () => {
    server.emulator.enqueue(scripted.text('For the chat.'));
    const openrouter = server.createProvider();

    const models = await openrouter.models.list();
    const result = await generateText({ model: model(), prompt: 'Hi' });

    expect(models.length).toBeGreaterThan(0);
    expect(result.text).toBe('For the chat.');
  });

  it('overrides the reply’s id, model, provider and finish reason', async () => {
    server.emulator.enqueue(
      scripted.text('Cut short', {
        id: 'gen-custom',
        model: 'openai/gpt-4o',
        provider: 'Azure',
        finishReason: 'length',
      }),
    );

    const result = await generateText({ model: model(), prompt: 'Hi' });

    expect(result.response).toMatchObject({
      id: 'gen-custom',
      modelId: 'openai/gpt-4o',
    });
    expect(result.providerMetadata?.openrouter).toMatchObject({
      provider: 'Azure',
    });
    expect(result.finishReason).toBe('length');
  });

  it('carries sources as url_citation annotations', async () => {
    server.emulator.enqueue(
      scripted.text('See the docs.', {
        sources: [
          { url: 'https://openrouter.ai/docs', title: 'Docs' },
          { url: 'https://example.com/a', content: 'An excerpt' },
        ],
      }),
    );

    const result = streamText({ model: model(), prompt: 'Hi' });

    expect(
      (await result.sources).map(source =>
        source.sourceType === 'url' ? [source.url, source.title] : [],
      ),
    ).toStrictEqual([
      ['https://openrouter.ai/docs', 'Docs'],
      ['https://example.com/a', 'https://example.com/a'],
    ]);
  });
});

describe('usage and cost', () => {
  it('reports scripted token counts and cost, and generations.get finds the reply', async () => {
    server.emulator.enqueue(
      scripted.text('Hi!', {
        usage: {
          promptTokens: 100,
          completionTokens: 20,
          reasoningTokens: 5,
          cachedTokens: 40,
          cost: 0.0123,
        },
      }),
    );
    const openrouter = server.createProvider();

    const result = await generateText({ model: model(), prompt: 'Hi' });
    const generation = await openrouter.generations.get(result.response.id);

    expect(result.usage).toMatchObject({
      inputTokens: 100,
      outputTokens: 20,
      inputTokenDetails: { cacheReadTokens: 40 },
      outputTokenDetails: { reasoningTokens: 5 },
    });
    expect(result.providerMetadata?.openrouter?.usage).toMatchObject({
      cost: 0.0123,
    });
    expect(generation).toMatchObject({
      totalCost: 0.0123,
      tokensPrompt: 100,
      tokensCompletion: 20,
    });
  });

  it('prices a reply without a cost from the catalogue, as estimateCost does', async () => {
    server.emulator.enqueue(scripted.text('A longer scripted answer.'));
    const openrouter = server.createProvider();

    const result = streamText({
      model: model('anthropic/claude-sonnet-4.5'),
      prompt: 'Hi',
    });
    const usage = await result.usage;
    const models = await openrouter.models.list();
    const claude = models.find(
      candidate => candidate.id === 'anthropic/claude-sonnet-4.5',
    );

    expect((await result.providerMetadata)?.openrouter?.usage).toMatchObject({
      cost: estimateCost(claude!, usage),
    });
  });
});

describe('scripted.reasoning', () => {
  it('sends thinking with its signature and further details, and gets them back next turn', async () => {
    const reply = scripted.reasoning(
      {
        text: ['Think ', 'twice.'],
        signature: 'sig-42',
        details: [{ type: 'reasoning.encrypted', data: 'opaque' }],
      },
      'Answer.',
    );
    server.emulator.enqueue(reply, scripted.text('Second.'));

    const first = streamText({
      model: model('anthropic/claude-sonnet-4.5'),
      prompt: 'Hi',
      reasoning: 'high',
    });
    const reasoning: string[] = [];
    for await (const part of first.fullStream) {
      if (part.type === 'reasoning-delta') {
        reasoning.push(part.text);
      }
    }
    await generateText({
      model: model('anthropic/claude-sonnet-4.5'),
      messages: [
        { role: 'user', content: 'Hi' },
        ...(await first.response).messages,
        { role: 'user', content: 'More' },
      ],
    });

    expect(reasoning).toStrictEqual(['Think ', 'twice.']);
    expect(await first.text).toBe('Answer.');
    const replayed = server.emulator.requests[1].body?.messages?.[1];
    expect(replayed).toMatchObject({
      role: 'assistant',
      reasoning_details: [
        {
          type: 'reasoning.text',
          index: 0,
          format: 'anthropic-claude-v1',
          text: 'Think twice.',
          signature: 'sig-42',
        },
        {
          type: 'reasoning.encrypted',
          index: 1,
          format: 'anthropic-claude-v1',
          data: 'opaque',
        },
      ],
    });
  });

  it('gives generateText the reasoning text', async () => {
    server.emulator.enqueue(scripted.reasoning('Short thought.', 'Done.'));

    const result = await generateText({ model: model(), prompt: 'Hi' });

    expect(result.reasoningText).toBe('Short thought.');
    expect(result.text).toBe('Done.');
  });
});

describe('scripted.toolCalls', () => {
  const tools = {
    weather: tool({
      inputSchema: z.object({ city: z.string() }),
      execute: async ({ city }) => `sunny in ${city}`,
    }),
    time: tool({
      inputSchema: z.object({ zone: z.string() }),
      execute: async ({ zone }) => `noon in ${zone}`,
    }),
  };

  it.each([false, true])(
    'streamed %s: calls the tools with the scripted input, then the loop goes on',
    async streamed => {
      server.emulator.enqueue(
        scripted.toolCalls([
          { name: 'weather', input: { city: 'Lisbon' } },
          { name: 'time', input: '{"zone":"UTC"}', id: 'call-time' },
        ]),
        scripted.text('All done.'),
      );
      const options = {
        model: model(),
        prompt: 'Hi',
        tools,
        stopWhen: isStepCount(3),
      };

      const result = streamed
        ? await (async () => {
            const stream = streamText(options);
            return { steps: await stream.steps, text: await stream.text };
          })()
        : await generateText(options);

      expect(result.text).toBe('All done.');
      expect(result.steps[0].finishReason).toBe('tool-calls');
      expect(
        result.steps[0].toolResults.map(({ toolCallId, input, output }) => ({
          toolCallId,
          input,
          output,
        })),
      ).toStrictEqual([
        {
          toolCallId: 'call_scripted_0_0',
          input: { city: 'Lisbon' },
          output: 'sunny in Lisbon',
        },
        {
          toolCallId: 'call-time',
          input: { zone: 'UTC' },
          output: 'noon in UTC',
        },
      ]);
    },
  );
});

describe('errors', () => {
  it('scripted.httpError answers with OpenRouter’s error body and headers', async () => {
    server.emulator.enqueue(
      scripted.httpError(402, 'Insufficient credits', {
        metadata: { balance: 0 },
        headers: { 'x-request-id': 'req-1' },
      }),
    );

    const error = await failure(
      generateText({ model: model(), prompt: 'Hi', maxRetries: 0 }),
    );

    expect(error.statusCode).toBe(402);
    expect(error.message).toContain('Insufficient credits');
    expect(error.responseHeaders?.['x-request-id']).toBe('req-1');
    expect(JSON.parse(error.responseBody ?? '')).toStrictEqual({
      error: {
        code: 402,
        message: 'Insufficient credits',
        metadata: { balance: 0 },
      },
    });
  });

  it('a retryable scripted.httpError is retried as the AI SDK retries', async () => {
    server.emulator.enqueue(
      scripted.httpError(429, 'Slow down', { headers: { 'retry-after': '0' } }),
      scripted.text('Second try.'),
    );

    const result = await generateText({ model: model(), prompt: 'Hi' });

    expect(result.text).toBe('Second try.');
    expect(server.emulator.requests).toHaveLength(2);
  });

  it('scripted.streamError ends a stream after its text with OpenRouter’s error chunk', async () => {
    server.emulator.enqueue(
      scripted.streamError(
        { code: 'server_error', message: 'Provider disconnected' },
        { text: ['Half ', 'an answer'] },
      ),
    );
    const parts: string[] = [];
    const errors: unknown[] = [];

    const result = streamText({
      model: model(),
      prompt: 'Hi',
      onError: ({ error }) => {
        errors.push(error);
      },
    });
    for await (const part of result.fullStream) {
      parts.push(part.type);
    }

    expect(await result.text).toBe('Half an answer');
    expect(parts).toContain('error');
    expect(String(errors[0])).toContain('Provider disconnected');
  });

  it('scripted.streamError answers generateText with an in-band error', async () => {
    server.emulator.enqueue(
      scripted.streamError({ code: 429, message: 'Resource exhausted' }),
    );

    const error = await failure(
      generateText({ model: model(), prompt: 'Hi', maxRetries: 0 }),
    );

    expect(error.statusCode).toBe(429);
    expect(error.message).toContain('Resource exhausted');
  });

  it('scripted.cut drops the connection and scripted.stall never answers', async () => {
    server.emulator.enqueue(scripted.cut(), scripted.stall());

    const cut = await failure(
      generateText({ model: model(), prompt: 'Hi', maxRetries: 0 }),
    );
    const stalled = await failure(
      generateText({
        model: model(),
        prompt: 'Hi',
        maxRetries: 0,
        abortSignal: AbortSignal.timeout(200),
      }),
    );

    expect(cut).toBeInstanceOf(Error);
    expect(String(stalled)).toMatch(/abort|timeout/i);
  });
});

describe('keep-alives and delays', () => {
  it('sends the asked-for keep-alive comments before the first event', async () => {
    server.emulator.enqueue(scripted.text('Hi', { keepAlives: 3 }));

    const body = await rawStream();

    const comments = body.match(/^: OPENROUTER PROCESSING$/gm) ?? [];
    expect(comments).toHaveLength(4);
    expect(body.indexOf('data: ')).toBeGreaterThan(
      body.lastIndexOf(': OPENROUTER PROCESSING'),
    );
  });

  it('waits delayMs before answering and eventDelayMs before each event', async () => {
    server.emulator.enqueue(
      scripted.text(['a', 'b', 'c'], { delayMs: 100, eventDelayMs: 40 }),
    );

    const started = performance.now();
    const result = streamText({ model: model(), prompt: 'Hi' });
    await result.consumeStream();
    const elapsed = performance.now() - started;

    // 100 ms, then 40 ms before each of the 7 events (role, three pieces,
    // finish, usage… and the end), minus timer slack.
    expect(elapsed).toBeGreaterThan(100 + 6 * 40 - 30);
    expect(await result.text).toBe('abc');
  });

  it('spaces keep-alives keepAliveIntervalMs apart', async () => {
    server.emulator.enqueue(
      scripted.text('Hi', { keepAlives: 2, keepAliveIntervalMs: 80 }),
    );

    const started = performance.now();
    await rawStream();

    expect(performance.now() - started).toBeGreaterThan(2 * 80 - 20);
  });
});

describe('types', () => {
  it('types a recorded chat body, so a test reads it without a cast', async () => {
    await generateText({ model: model(), prompt: 'Paris weather' });
    const body = server.emulator.requests[0].body;

    expectTypeOf(body).toEqualTypeOf<RecordedRequestBody | undefined>();
    expectTypeOf(body?.messages).toEqualTypeOf<
      RecordedChatMessage[] | undefined
    >();
    expectTypeOf(body?.model).toEqualTypeOf<string | undefined>();
    // Other endpoints' fields are readable, as unknown.
    expectTypeOf(body?.input).toEqualTypeOf<unknown>();
    const [message] = body?.messages ?? [];
    if (message?.role === 'assistant') {
      expectTypeOf(message.tool_calls).toEqualTypeOf<
        | Array<{
            id: string;
            type: 'function';
            function: { name: string; arguments: string };
          }>
        | undefined
      >();
    }
    expect(body?.messages).toStrictEqual([
      { role: 'user', content: 'Paris weather' },
    ]);
    expect(server.emulator.requests[0].rawBody).toBe(JSON.stringify(body));
  });

  it('keeps a body that is not a JSON object as rawBody only', async () => {
    await fetch(`${server.emulator.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_API_KEY}` },
      body: '[1, 2]',
    });

    expect(server.emulator.requests[0]).toMatchObject({
      body: undefined,
      rawBody: '[1, 2]',
    });
  });

  it('refuses a builder call of the wrong shape at compile time', () => {
    // @ts-expect-error text is a string or an array of strings
    scripted.text(42);
    // @ts-expect-error a tool call needs a name
    scripted.toolCalls({ input: {} });
    // @ts-expect-error a status is a number
    scripted.httpError('429', 'Slow down');
    const reply: ScriptedChatReply = scripted.text('Hi', {
      // @ts-expect-error no such finish reason
      finishReason: 'done',
    });
    expect(reply.type).toBe('chat');
  });
});

describe('the README', () => {
  it('shows test/readme-testing-example.test.ts, byte for byte', () => {
    const readme = readFileSync(
      new URL('../README.md', import.meta.url),
      'utf8',
    );
    const file = readFileSync(
      new URL('./readme-testing-example.test.ts', import.meta.url),
      'utf8',
    );
    const section = readme.slice(readme.indexOf('\n## Testing your app'));
    const blocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map(
      match => match[1],
    );

    expect(blocks).toContain(file);
  });
});
