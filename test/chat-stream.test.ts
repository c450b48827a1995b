import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { collect } from './support/collect';
import { useEmulator } from './support/use-emulator';

const server = useEmulator();

type RawChatChunk = {
  choices: Array<{ delta?: { content?: string } }>;
  usage?: { prompt_tokens: number; completion_tokens: number };
};

function chunk(
  delta: Record<string, unknown> | undefined,
  extra: Record<string, unknown> = {},
) {
  return {
    id: 'gen-stream-1',
    object: 'chat.completion.chunk',
    created: 1_767_225_600,
    model: 'openai/gpt-4o',
    provider: 'OpenAI',
    choices:
      delta === undefined
        ? []
        : [
            {
              index: 0,
              delta,
              finish_reason: extra.finish_reason ?? null,
              native_finish_reason: extra.finish_reason ?? null,
            },
          ],
    ...(extra.usage != null ? { usage: extra.usage } : {}),
  };
}

const usage = {
  prompt_tokens: 10,
  completion_tokens: 4,
  total_tokens: 14,
  cost: 0.000018,
  is_byok: false,
  prompt_tokens_details: { cached_tokens: 0 },
  completion_tokens_details: { reasoning_tokens: 0 },
};

function streamDirectly(
  events: unknown[] | undefined,
  options: { includeRawChunks?: boolean } = {},
) {
  server.emulator.enqueue({ type: 'stream', events });
  const model = server.createProvider()('openai/gpt-4o');
  return model.doStream({
    prompt: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
    includeRawChunks: options.includeRawChunks,
  });
}

describe('streamText', () => {
  it('streams the reply as one text block and finishes with usage', async () => {
    const openrouter = server.createProvider();

    const result = streamText({
      model: openrouter('openai/gpt-4o'),
      prompt: 'Hi',
      include: { rawChunks: true },
    });
    const parts = await collect(result.fullStream);
    // What the server sent, to compare what the caller got against.
    const sent = parts.flatMap(part =>
      part.type === 'raw' ? [part.rawValue as RawChatChunk] : [],
    );
    const sentDeltas = sent
      .map(chunk => chunk.choices[0]?.delta?.content ?? '')
      .filter(content => content !== '');
    const sentUsage = sent.find(chunk => chunk.usage != null)?.usage;

    const types = parts.map(part => part.type).filter(type => type !== 'raw');
    expect(types).toStrictEqual([
      'start',
      'start-step',
      'text-start',
      ...Array(sentDeltas.length).fill('text-delta'),
      'text-end',
      'finish-step',
      'finish',
    ]);
    expect(sentDeltas.length).toBeGreaterThan(1);
    expect(await result.text).toBe(sentDeltas.join(''));
    expect(await result.text).toContain('Hi');
    expect(await result.finishReason).toBe('stop');
    const totalUsage = await result.totalUsage;
    expect(totalUsage.outputTokens).toBe(sentUsage?.completion_tokens);
    expect(totalUsage.inputTokens).toBe(sentUsage?.prompt_tokens);
    const response = await result.response;
    expect(response.id).toBe('gen-emulator-0');
    expect(response.modelId).toBe('openai/gpt-4o');
    expect(response.timestamp).toStrictEqual(
      new Date('2026-01-01T00:00:00.000Z'),
    );
  });

  it('sends the exact streaming request body', async () => {
    const openrouter = server.createProvider();

    const result = streamText({
      model: openrouter('openai/gpt-4o'),
      prompt: 'Hi',
      temperature: 0.5,
    });
    await result.consumeStream();

    expect(server.emulator.requests[0].body).toStrictEqual({
      model: 'openai/gpt-4o',
      messages: [{ role: 'user', content: 'Hi' }],
      temperature: 0.5,
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it('reports cost and the serving provider on the finish part', async () => {
    const openrouter = server.createProvider();

    const result = streamText({
      model: openrouter('anthropic/claude-sonnet-4.5'),
      prompt: 'Hi',
    });
    await result.consumeStream();

    const metadata = (await result.providerMetadata)?.openrouter as Record<
      string,
      unknown
    >;
    expect(metadata.provider).toBe('Anthropic');
    expect(metadata.model).toBe('anthropic/claude-sonnet-4.5');
    expect(metadata.generationId).toBe('gen-emulator-0');
    expect(metadata.usage).toMatchObject({
      promptTokens: 1,
      completionTokens: expect.any(Number),
      cost: expect.any(Number),
    });
    expect((metadata.usage as { cost: number }).cost).toBeGreaterThan(0);
  });
});

describe('doStream', () => {
  it('emits stream-start, one response-metadata, the text block and finish', async () => {
    const { stream } = await streamDirectly([
      chunk({ role: 'assistant', content: '' }),
      chunk({ content: 'Hello' }),
      chunk({ content: ' world' }),
      chunk({ content: '' }, { finish_reason: 'stop' }),
      chunk(undefined, { usage }),
    ]);

    const parts = await collect(stream);

    expect(parts).toStrictEqual([
      { type: 'stream-start', warnings: [] },
      {
        type: 'response-metadata',
        id: 'gen-stream-1',
        modelId: 'openai/gpt-4o',
        timestamp: new Date('2026-01-01T00:00:00.000Z'),
      },
      { type: 'text-start', id: 'txt-0' },
      { type: 'text-delta', id: 'txt-0', delta: 'Hello' },
      { type: 'text-delta', id: 'txt-0', delta: ' world' },
      { type: 'text-end', id: 'txt-0' },
      {
        type: 'finish',
        finishReason: { unified: 'stop', raw: 'stop' },
        usage: {
          inputTokens: {
            total: 10,
            noCache: 10,
            cacheRead: 0,
            cacheWrite: 0,
          },
          outputTokens: { total: 4, text: 4, reasoning: 0 },
          raw: usage,
        },
        providerMetadata: {
          openrouter: {
            provider: 'OpenAI',
            model: 'openai/gpt-4o',
            generationId: 'gen-stream-1',
            usage: {
              promptTokens: 10,
              completionTokens: 4,
              totalTokens: 14,
              cost: 0.000018,
              isByok: false,
              promptTokensDetails: { cachedTokens: 0 },
              completionTokensDetails: { reasoningTokens: 0 },
            },
          },
        },
      },
    ]);
  });

  it('ignores keep-alive comments anywhere in the stream', async () => {
    const { stream } = await streamDirectly([
      ': OPENROUTER PROCESSING\n\n',
      chunk({ content: 'A' }),
      ': OPENROUTER PROCESSING\n\n',
      ': OPENROUTER PROCESSING\n\n',
      chunk({ content: 'B' }, { finish_reason: 'stop' }),
      ': OPENROUTER PROCESSING\n\n',
    ]);

    const parts = await collect(stream);

    expect(parts.map(part => part.type)).toStrictEqual([
      'stream-start',
      'response-metadata',
      'text-start',
      'text-delta',
      'text-delta',
      'text-end',
      'finish',
    ]);
    expect(textOf(parts)).toBe('AB');
  });

  it('takes usage from the chunk that also carries the finish reason', async () => {
    const { stream } = await streamDirectly([
      chunk({ content: 'Hi' }),
      chunk({ content: '' }, { finish_reason: 'length', usage }),
    ]);

    const finish = (await collect(stream)).at(-1);

    expect(finish).toMatchObject({
      type: 'finish',
      finishReason: { unified: 'length', raw: 'length' },
      usage: { inputTokens: { total: 10 }, outputTokens: { total: 4 } },
    });
  });

  it('emits raw chunks first when includeRawChunks is set', async () => {
    const events = [
      chunk({ content: 'Hi' }),
      chunk({ content: '' }, { finish_reason: 'stop' }),
    ];
    const { stream } = await streamDirectly(events, { includeRawChunks: true });

    const parts = await collect(stream);

    expect(parts.filter(part => part.type === 'raw')).toStrictEqual(
      events.map(rawValue => ({ type: 'raw', rawValue })),
    );
    expect(parts.map(part => part.type)).toStrictEqual([
      'stream-start',
      'raw',
      'response-metadata',
      'text-start',
      'text-delta',
      'raw',
      'text-end',
      'finish',
    ]);
  });

  it('emits response-metadata once, from the first chunk that has any', async () => {
    const { stream } = await streamDirectly([
      { choices: [{ index: 0, delta: { role: 'assistant' } }] },
      chunk({ content: 'A' }),
      { ...chunk({ content: 'B' }), id: 'gen-other' },
      chunk({ content: '' }, { finish_reason: 'stop' }),
    ]);

    const parts = await collect(stream);

    const metadata = parts.filter(part => part.type === 'response-metadata');
    expect(metadata).toStrictEqual([
      {
        type: 'response-metadata',
        id: 'gen-stream-1',
        modelId: 'openai/gpt-4o',
        timestamp: new Date('2026-01-01T00:00:00.000Z'),
      },
    ]);
  });

  it('finishes as interrupted when the stream ends without a finish reason', async () => {
    const { stream } = await streamDirectly([chunk({ content: 'Half' })]);

    const parts = await collect(stream);

    expect(textOf(parts)).toBe('Half');
    expect(parts.at(-1)).toMatchObject({
      type: 'finish',
      finishReason: { unified: 'interrupted', raw: undefined },
    });
  });

  it('puts the URL and the exact body on the result', async () => {
    const result = await streamDirectly(undefined);
    await collect(result.stream);

    expect(result.request?.url).toBe(
      `${server.emulator.baseURL}/chat/completions`,
    );
    expect(result.request?.body).toStrictEqual(
      server.emulator.requests[0].body,
    );
    expect(result.response?.headers?.['content-type']).toBe(
      'text/event-stream',
    );
  });
});

function textOf(parts: LanguageModelV4StreamPart[]) {
  return parts
    .map(part => (part.type === 'text-delta' ? part.delta : ''))
    .join('');
}
