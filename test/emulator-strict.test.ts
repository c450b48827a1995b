import type { APICallError } from '@ai-sdk/provider';
import { embed, generateText, streamText } from 'ai';
import { createOpenRouter, estimateCost } from 'ai-sdk-openrouter';
import {
  createOpenRouterEmulator,
  EMULATOR_COMPLETION_PRICE,
  EMULATOR_PROMPT_PRICE,
} from 'ai-sdk-openrouter/testing';
import { describe, expect, it } from 'vitest';
import { TEST_API_KEY, useEmulator } from './support/use-emulator';

// The emulator refuses what OpenRouter refuses, so a test cannot pass
// against it with a model id or a base URL that fails in production
// (issue 18, point 8).

const server = useEmulator();

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as APICallError;
  }
  throw new Error('expected a failure');
}

function costOf(metadata: { openrouter?: unknown } | undefined) {
  return (metadata?.openrouter as { usage?: { cost?: number } } | undefined)
    ?.usage?.cost;
}

/** A raw request, to see the body the emulator answers with. */
async function post(url: string, body: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${TEST_API_KEY}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

describe('model ids', () => {
  it.each(['gpt-4o', 'openai/gpt-99'])(
    'refuses %s with OpenRouter’s 400 "is not a valid model ID", before any reply',
    async modelId => {
      const openrouter = server.createProvider();

      const error = await failure(
        generateText({ model: openrouter(modelId), prompt: 'Hi' }),
      );

      expect(error.statusCode).toBe(400);
      expect(error.isRetryable).toBe(false);
      expect(error.message).toContain(`${modelId} is not a valid model ID`);
      expect(
        await post(`${server.emulator.baseURL}/chat/completions`, {
          model: modelId,
          messages: [{ role: 'user', content: 'Hi' }],
        }),
      ).toStrictEqual({
        status: 400,
        body: {
          error: { code: 400, message: `${modelId} is not a valid model ID` },
        },
      });
    },
  );

  it('refuses an unknown id when streaming, in the completion model and among fallback models', async () => {
    const openrouter = server.createProvider();
    const errors: unknown[] = [];
    const streamed = streamText({
      model: openrouter('openai/gpt-99'),
      prompt: 'Hi',
      onError: ({ error }) => {
        errors.push(error);
      },
    });
    await streamed.consumeStream();

    expect(errors).toStrictEqual([
      expect.objectContaining({
        statusCode: 400,
        message: expect.stringContaining(
          'openai/gpt-99 is not a valid model ID',
        ),
      }),
    ]);
    await expect(
      generateText({
        model: openrouter.completion('openai/gpt-99-instruct'),
        prompt: 'Once',
      }),
    ).rejects.toThrow('openai/gpt-99-instruct is not a valid model ID');
    await expect(
      generateText({
        model: openrouter('openai/gpt-4o-mini'),
        prompt: 'Hi',
        providerOptions: {
          openrouter: { models: ['openai/gpt-4o-mini', 'acme/unknown'] },
        },
      }),
    ).rejects.toThrow('acme/unknown is not a valid model ID');
  });

  it('serves catalogue ids with their routing suffixes and variants', async () => {
    const openrouter = server.createProvider();

    for (const modelId of [
      'openai/gpt-4o',
      'openai/gpt-4o:online',
      'anthropic/claude-sonnet-4.5:nitro',
      'meta-llama/llama-3.3-70b-instruct:free',
    ]) {
      const { text } = await generateText({
        model: openrouter(modelId),
        prompt: 'Hi',
      });
      expect(text).toContain('Hello from the OpenRouter emulator');
    }
  });

  it('answers openrouter/auto with the model it picked, priced as that model', async () => {
    const result = await generateText({
      model: server.createProvider()('openrouter/auto'),
      prompt: 'Hi',
    });

    expect(result.response.modelId).toBe('openai/gpt-4o-mini');
    expect(result.providerMetadata?.openrouter?.usage).toMatchObject({
      cost: expect.any(Number),
    });
  });

  it('refuses a chat model for embeddings with OpenRouter’s 404, and an embedding model for chat with its 400', async () => {
    const openrouter = server.createProvider();

    const embedding = await failure(
      embed({
        model: openrouter.embeddingModel('openai/gpt-4o-mini'),
        value: 'sunny day',
      }),
    );
    const chat = await failure(
      generateText({
        model: openrouter('openai/text-embedding-3-small'),
        prompt: 'Hi',
      }),
    );

    expect(embedding.statusCode).toBe(404);
    expect(embedding.message).toContain(
      'No endpoints found for openai/gpt-4o-mini.',
    );
    expect(chat.statusCode).toBe(400);
    expect(chat.message).toContain(
      'openai/text-embedding-3-small is an embedding model and cannot be used with the chat/completions endpoint. Use the /embeddings endpoint instead.',
    );
    const { embedding: vector } = await embed({
      model: openrouter.embeddingModel('openai/text-embedding-3-small'),
      value: 'sunny day',
    });
    expect(vector).toHaveLength(128);
  });

  it('serves any id with acceptAnyModel, at the emulator’s default prices', async () => {
    const emulator = await createOpenRouterEmulator({ acceptAnyModel: true });
    try {
      const openrouter = createOpenRouter({
        apiKey: TEST_API_KEY,
        baseURL: emulator.baseURL,
      });
      const result = await generateText({
        model: openrouter('acme/prototype-1'),
        prompt: 'Hi',
      });
      const { embedding } = await embed({
        model: openrouter.embeddingModel('acme/embedder'),
        value: 'Hi',
      });

      const usage = result.providerMetadata?.openrouter?.usage as {
        cost: number;
      };
      expect(result.response.modelId).toBe('acme/prototype-1');
      expect(usage.cost).toBeCloseTo(
        (result.usage.inputTokens ?? 0) * EMULATOR_PROMPT_PRICE +
          (result.usage.outputTokens ?? 0) * EMULATOR_COMPLETION_PRICE,
        15,
      );
      expect(embedding).toHaveLength(128);
    } finally {
      await emulator.close();
    }
  });
});

describe('the API root', () => {
  it('answers 404 to a baseURL without /api/v1, even with a reply queued', async () => {
    server.emulator.enqueue({ type: 'json', body: { data: [] } });
    const openrouter = createOpenRouter({
      apiKey: TEST_API_KEY,
      baseURL: server.emulator.baseURL.replace(/\/api\/v1$/, ''),
    });

    const error = await failure(
      generateText({ model: openrouter('openai/gpt-4o-mini'), prompt: 'Hi' }),
    );

    expect(error.statusCode).toBe(404);
    expect(error.message).toContain(
      '/chat/completions is not an OpenRouter API path',
    );
    expect(server.emulator.requests.map(request => request.path)).toStrictEqual(
      ['/chat/completions'],
    );
    // The queued reply is still there for a request that reaches the API.
    const catalogue = await post(`${server.emulator.baseURL}/models`, {});
    expect(catalogue.body).toStrictEqual({ data: [] });
  });

  it.each([
    '/api/v1x/chat/completions',
    '/v1/chat/completions',
    '/api/chat/completions',
  ])('answers 404 to %s', async path => {
    const origin = new URL(server.emulator.baseURL).origin;
    const answer = await post(`${origin}${path}`, {
      model: 'openai/gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hi' }],
    });

    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe(404);
  });
});

describe('served generations are priced from the catalogue', () => {
  it.each([
    ['openai/gpt-4o-mini', false],
    ['anthropic/claude-sonnet-4.5', true],
    ['google/gemini-2.5-flash', false],
    ['meta-llama/llama-3.3-70b-instruct', true],
  ])(
    '%s (reasoning: %s): estimateCost, usage.cost and generations.get agree',
    async (modelId, reasoning) => {
      const openrouter = server.createProvider();
      const result = await generateText({
        model: openrouter(modelId),
        prompt: 'Tell me about the sea in a few words.',
        ...(reasoning ? { reasoning: 'high' as const } : {}),
      });
      const models = await openrouter.models.list();
      const model = models.find(candidate => candidate.id === modelId);
      const generation = await openrouter.generations.get(result.response.id);
      const reported = result.providerMetadata?.openrouter?.usage as {
        cost: number;
      };

      const estimate = estimateCost(model!, result.usage);

      expect(estimate).toBeGreaterThan(0);
      expect(reported.cost).toBe(estimate);
      expect(generation.totalCost).toBe(estimate);
      expect(generation.providerName).toBe(
        (await openrouter.models.endpoints(modelId.replace(/:.*$/, '')))
          .endpoints[0].providerName,
      );
    },
  );

  it('prices a completion and an embedding from the catalogue too', async () => {
    const openrouter = server.createProvider();
    const completion = await generateText({
      model: openrouter.completion('openai/gpt-3.5-turbo-instruct'),
      prompt: 'Once upon a time',
    });
    const embedding = await embed({
      model: openrouter.embeddingModel('openai/text-embedding-3-small'),
      value: 'sunny day by the sea',
    });
    const models = await openrouter.models.list();
    const embeddingModels = await openrouter.models.listEmbeddings();

    expect(costOf(completion.providerMetadata)).toBe(
      estimateCost(
        models.find(model => model.id === 'openai/gpt-3.5-turbo-instruct')!,
        completion.usage,
      ),
    );
    expect(costOf(embedding.providerMetadata)).toBe(
      estimateCost(
        embeddingModels.find(
          model => model.id === 'openai/text-embedding-3-small',
        )!,
        { inputTokens: embedding.usage.tokens },
      ),
    );
  });
});
