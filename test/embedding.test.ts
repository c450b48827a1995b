import { APICallError } from '@ai-sdk/provider';
import { cosineSimilarity, embed, embedMany } from 'ai';
import { describe, expect, it } from 'vitest';
import { useEmulator } from './support/use-emulator';

const server = useEmulator();

const MODEL = 'openai/text-embedding-3-small';

describe('embeddings', () => {
  it('embeds one value with usage, cost and provider', async () => {
    const openrouter = server.createProvider();

    const result = await embed({
      model: openrouter.embeddingModel(MODEL),
      value: 'sunny day at the beach',
    });

    expect(result.embedding).toHaveLength(128);
    expect(Math.hypot(...result.embedding)).toBeCloseTo(1, 6);
    expect(result.usage.tokens).toBe(6);
    expect(result.providerMetadata?.openrouter).toMatchObject({
      provider: 'OpenAI',
      model: MODEL,
      usage: { promptTokens: 6, cost: expect.any(Number) },
    });
    expect(server.emulator.requests[0].body).toStrictEqual({
      model: MODEL,
      input: ['sunny day at the beach'],
    });
  });

  it('gives the same vector for the same text, and closer vectors for related texts', async () => {
    const model = server.createProvider().textEmbeddingModel(MODEL);

    const { embeddings } = await embedMany({
      model,
      values: [
        'a sunny day at the beach',
        'a sunny day at the beach',
        'sunny beach weather',
        'quarterly tax filing deadline',
      ],
    });

    expect(embeddings[0]).toStrictEqual(embeddings[1]);
    expect(cosineSimilarity(embeddings[0], embeddings[2])).toBeGreaterThan(
      cosineSimilarity(embeddings[0], embeddings[3]),
    );
  });

  it('splits more values than maxEmbeddingsPerCall into several requests, keeping order', async () => {
    const model = server.createProvider().embedding(MODEL);
    const values = Array.from(
      { length: 2048 + 3 },
      (_, index) => `text ${index}`,
    );

    const { embeddings } = await embedMany({ model, values });

    expect(model.maxEmbeddingsPerCall).toBe(2048);
    expect(server.emulator.requests).toHaveLength(2);
    const inputs = server.emulator.requests.map(
      request => (request.body as { input: string[] }).input.length,
    );
    expect(inputs.sort((a, b) => a - b)).toStrictEqual([3, 2048]);
    const { embedding: last } = await embed({
      model,
      value: 'text 2050',
    });
    expect(embeddings[2050]).toStrictEqual(last);
  });

  it('merges extraBody from settings and provider options underneath the fields', async () => {
    await embed({
      model: server.createProvider().embeddingModel(MODEL, {
        extraBody: { input_type: 'query', custom_flag: true },
      }),
      value: 'x',
      providerOptions: { openrouter: { extraBody: { other: 1 }, user: 'u-2' } },
    });

    const body = server.emulator.requests[0].body as Record<string, unknown>;
    expect(body).toMatchObject({
      input_type: 'query',
      custom_flag: true,
      other: 1,
      user: 'u-2',
    });
    expect(body).not.toHaveProperty('extraBody');
  });

  it('places vectors by index, not by array order', async () => {
    server.emulator.enqueue({
      type: 'json',
      body: {
        model: MODEL,
        data: [
          { index: 1, embedding: [0, 1] },
          { index: 0, embedding: [1, 0] },
        ],
        usage: { prompt_tokens: 2, total_tokens: 2 },
      },
    });

    const { embeddings } = await embedMany({
      model: server.createProvider().embeddingModel(MODEL),
      values: ['first', 'second'],
    });

    expect(embeddings).toStrictEqual([
      [1, 0],
      [0, 1],
    ]);
  });

  it('decodes base64 vectors and sends dimensions and options in the body', async () => {
    const result = await embed({
      model: server.createProvider().embeddingModel(MODEL, { user: 'u-1' }),
      value: 'hello world',
      providerOptions: {
        openrouter: {
          dimensions: 8,
          encoding_format: 'base64',
          input_type: 'search_query',
          provider: { order: ['openai'], allow_fallbacks: false },
          some_new_field: true,
        },
      },
    });

    expect(server.emulator.requests[0].body).toStrictEqual({
      model: MODEL,
      input: ['hello world'],
      user: 'u-1',
      dimensions: 8,
      encoding_format: 'base64',
      input_type: 'search_query',
      provider: { order: ['openai'], allow_fallbacks: false },
      some_new_field: true,
    });
    expect(result.embedding).toHaveLength(8);
    expect(Math.hypot(...result.embedding)).toBeCloseTo(1, 5);
  });

  it('renames camelCase keys as chat options do, and warns about unknown ones', async () => {
    const result = await embed({
      model: server.createProvider().embeddingModel(MODEL),
      value: 'hello world',
      providerOptions: {
        openrouter: {
          inputType: 'search_query',
          provider: { allowFallbacks: false },
          oddFlag: true,
        },
      },
    });

    expect(server.emulator.requests[0].body).toStrictEqual({
      model: MODEL,
      input: ['hello world'],
      input_type: 'search_query',
      provider: { allow_fallbacks: false },
      oddFlag: true,
    });
    expect(result.warnings).toStrictEqual([
      expect.objectContaining({
        type: 'other',
        message: expect.stringContaining('providerOptions.openrouter.oddFlag'),
      }),
    ]);
  });

  it('rejects invalid options before sending, naming the field', async () => {
    const error = await embed({
      model: server.createProvider().embeddingModel(MODEL),
      value: 'x',
      providerOptions: { openrouter: { encoding_format: 'binary' } },
    }).catch(caught => caught);

    expect(error.message).toContain(
      'providerOptions.openrouter.encoding_format',
    );
    expect(server.emulator.requests).toHaveLength(0);
  });

  it.each([
    [402, false],
    [429, true],
    [502, true],
  ])(
    'maps HTTP %i to a typed error (retryable: %s)',
    async (status, retryable) => {
      server.emulator.enqueue({
        type: 'error',
        status,
        message: 'Embedding failed',
        path: '/embeddings',
      });

      const error = await embed({
        model: server.createProvider().embeddingModel(MODEL),
        value: 'x',
        maxRetries: 0,
      }).catch(caught => caught);

      expect(APICallError.isInstance(error)).toBe(true);
      expect(error.statusCode).toBe(status);
      expect(error.isRetryable).toBe(retryable);
      expect(error.message).toBe('Embedding failed');
    },
  );
});
