import { APICallError, InvalidArgumentError } from '@ai-sdk/provider';
import { toPerMillionTokens } from 'ai-sdk-openrouter';
import { describe, expect, it } from 'vitest';
import { useEmulator } from './support/use-emulator';

const server = useEmulator();

async function capture(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the call to fail.');
}

describe('models.list', () => {
  it('returns camelCased models with prices parsed to numbers per token', async () => {
    const models = await server.createProvider().models.list();

    const sonnet = models.find(
      model => model.id === 'anthropic/claude-sonnet-4.5',
    );
    expect(sonnet).toStrictEqual({
      id: 'anthropic/claude-sonnet-4.5',
      canonicalSlug: 'anthropic/claude-sonnet-4.5',
      huggingFaceId: null,
      name: 'Anthropic: Claude Sonnet 4.5',
      created: 1_759_161_676,
      description:
        "Claude Sonnet 4.5 is Anthropic's most advanced Sonnet model, optimized for agents and coding.",
      pricing: {
        prompt: 0.000003,
        completion: 0.000015,
        request: 0,
        image: 0.0048,
        inputCacheRead: 0.0000003,
        inputCacheWrite: 0.00000375,
      },
      contextLength: 1_000_000,
      architecture: {
        tokenizer: 'Claude',
        instructType: null,
        modality: 'text+image+file->text',
        inputModalities: ['text', 'image', 'file'],
        outputModalities: ['text'],
      },
      topProvider: {
        contextLength: 1_000_000,
        maxCompletionTokens: 64_000,
        isModerated: false,
      },
      perRequestLimits: null,
      supportedParameters: [
        'max_tokens',
        'temperature',
        'top_p',
        'top_k',
        'stop',
        'tools',
        'tool_choice',
        'reasoning',
        'include_reasoning',
        'response_format',
        'structured_outputs',
      ],
      defaultParameters: {
        temperature: null,
        topP: null,
        frequencyPenalty: null,
      },
      raw: expect.objectContaining({
        id: 'anthropic/claude-sonnet-4.5',
        pricing: expect.objectContaining({ prompt: '0.000003' }),
      }),
    });
    expect(toPerMillionTokens(sonnet!.pricing.completion)).toBe(15);
  });

  it('keeps nullable fields null and the router price of -1', async () => {
    const models = await server.createProvider().models.list();

    const llama = models.find(
      model => model.id === 'meta-llama/llama-3.3-70b-instruct:free',
    );
    expect(llama?.pricing).toStrictEqual({ prompt: 0, completion: 0 });
    expect(llama?.huggingFaceId).toBe('meta-llama/Llama-3.3-70B-Instruct');
    expect(llama?.topProvider.maxCompletionTokens).toBeNull();
    const router = models.find(model => model.id === 'openrouter/auto');
    expect(router?.pricing).toStrictEqual({ prompt: -1, completion: -1 });
  });

  it('filters by category and supported parameters on the server', async () => {
    const models = await server.createProvider().models.list({
      category: 'programming',
      supportedParameters: 'reasoning',
    });

    expect(models.map(model => model.id)).toStrictEqual([
      'openai/gpt-5-mini',
      'openai/o4-mini',
      'anthropic/claude-sonnet-4.5',
      'google/gemini-2.5-flash',
    ]);
    expect(server.emulator.requests[0].query).toStrictEqual({
      category: 'programming',
      supported_parameters: 'reasoning',
    });
  });

  it('lists the models of other output kinds when asked, as OpenRouter does', async () => {
    const openrouter = server.createProvider();

    const byDefault = (await openrouter.models.list()).map(model => model.id);
    const audio = (
      await openrouter.models.list({
        outputModalities: ['transcription', 'speech'],
      })
    ).map(model => model.id);
    const everything = (
      await openrouter.models.list({ outputModalities: 'all' })
    ).map(model => model.id);

    // Without the option OpenRouter lists the models that produce text.
    expect(byDefault).toContain('openai/gpt-4o-mini');
    expect(byDefault).not.toContain('openai/whisper-large-v3');
    expect(byDefault).not.toContain('openai/text-embedding-3-small');
    expect(audio).toStrictEqual([
      'openai/whisper-large-v3',
      'openai/gpt-4o-mini-tts-2025-12-15',
    ]);
    expect(everything).toEqual(
      expect.arrayContaining([
        'openai/gpt-4o-mini',
        'openai/text-embedding-3-small',
        'cohere/rerank-v3.5',
      ]),
    );
    expect(server.emulator.requests[1].query).toStrictEqual({
      output_modalities: 'transcription,speech',
    });
  });

  it.each([
    [{ category: '' }, 'category'],
    [{ outputModalities: [''] }, 'outputModalities'],
    [{ supportedParameters: ['tools', 3] }, 'supportedParameters'],
    ['tools', 'options'],
  ])('rejects %j before sending anything', async (options, field) => {
    const error = await capture(
      server.createProvider().models.list(options as never),
    );

    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe(field);
    expect((error as Error).message).toContain(`models.list: ${field}`);
    expect(server.emulator.requests).toHaveLength(0);
  });

  it('keeps fields OpenRouter adds later in raw and prices it adds in pricing', async () => {
    server.emulator.enqueue({
      type: 'json',
      body: {
        data: [
          {
            id: 'acme/new-model',
            pricing: {
              prompt: '0.000001',
              completion: 0.000002,
              input_video: '0.00004',
              discount: 0.1,
            },
            expiration_date: '2026-12-31',
          },
        ],
      },
    });

    const [model] = await server.createProvider().models.list();

    expect(model.pricing).toStrictEqual({
      prompt: 0.000001,
      completion: 0.000002,
      inputVideo: 0.00004,
      discount: 0.1,
    });
    expect(model.raw.expiration_date).toBe('2026-12-31');
    expect(model.name).toBe('acme/new-model');
    expect(model.supportedParameters).toStrictEqual([]);
    expect(model.architecture.inputModalities).toStrictEqual([]);
  });

  it('skips a model whose price is not a number and says why in skipped', async () => {
    const bad = {
      id: 'acme/bad',
      pricing: { prompt: 'cheap', completion: '0' },
    };
    server.emulator.enqueue({
      type: 'json',
      body: {
        data: [
          bad,
          { id: 'acme/good', pricing: { prompt: '0', completion: '0' } },
        ],
      },
    });

    const models = await server.createProvider().models.list();

    expect(models.map(model => model.id)).toStrictEqual(['acme/good']);
    expect(models.skipped).toStrictEqual([
      {
        index: 0,
        id: 'acme/bad',
        reason: 'pricing.prompt: Expected a decimal price',
        raw: bad,
      },
    ]);
  });

  it('fails with APICallError when the answer holds no list at all', async () => {
    server.emulator.enqueue({ type: 'json', body: { data: { id: 'acme/x' } } });

    const error = await capture(server.createProvider().models.list());

    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('cannot read');
  });

  it('reports nothing skipped for a well-formed catalogue', async () => {
    const models = await server.createProvider().models.list();

    expect(models.length).toBeGreaterThan(0);
    expect(models.skipped).toStrictEqual([]);
    expect(Object.keys(models)).not.toContain('skipped');
  });
});

describe('models.count, listForUser and listEmbeddings', () => {
  it('counts the catalogue', async () => {
    expect(await server.createProvider().models.count()).toBe(13);
  });

  it('lists the models the account preferences allow', async () => {
    const models = await server.createProvider().models.listForUser();

    const ids = models.map(model => model.id);
    expect(ids).toContain('openrouter/auto');
    expect(ids).not.toContain('deepseek/deepseek-r1-0528:free');
    expect(ids).toHaveLength(11);
  });

  it('lists embedding models', async () => {
    const models = await server.createProvider().models.listEmbeddings();

    expect(models.map(model => model.id)).toStrictEqual([
      'openai/text-embedding-3-small',
      'qwen/qwen3-embedding-8b',
    ]);
    expect(models[0].architecture.outputModalities).toStrictEqual([
      'embeddings',
    ]);
    expect(models[0].pricing.prompt).toBe(0.00000002);
  });
});

describe('models.endpoints', () => {
  it('returns every endpoint with its own prices, status and limits', async () => {
    const result = await server
      .createProvider()
      .models.endpoints('meta-llama/llama-3.3-70b-instruct');

    expect(result.id).toBe('meta-llama/llama-3.3-70b-instruct');
    expect(result.architecture.instructType).toBe('llama3');
    expect(
      result.endpoints.map(endpoint => endpoint.providerName),
    ).toStrictEqual(['DeepInfra', 'Together', 'Groq']);
    const [deepInfra, together, groq] = result.endpoints;
    expect(deepInfra).toStrictEqual({
      name: 'DeepInfra | meta-llama/llama-3.3-70b-instruct',
      modelName: 'Meta: Llama 3.3 70B Instruct',
      contextLength: 131_072,
      pricing: { prompt: 0.00000013, completion: 0.00000039 },
      providerName: 'DeepInfra',
      tag: 'deepinfra/fp8',
      quantization: 'fp8',
      maxCompletionTokens: null,
      maxPromptTokens: null,
      supportedParameters: expect.arrayContaining(['tools', 'min_p']),
      status: 0,
      uptimeLast30m: 99.8,
      supportsImplicitCaching: false,
      raw: expect.objectContaining({ provider_name: 'DeepInfra' }),
    });
    expect(together.pricing.prompt).toBe(0.00000088);
    expect(groq.uptimeLast30m).toBeNull();
    expect(groq.quantization).toBeNull();
  });

  it('accepts the status as a string, as the OpenAPI types it', async () => {
    server.emulator.enqueue({
      type: 'json',
      body: {
        data: {
          id: 'acme/model',
          endpoints: [
            {
              provider_name: 'Acme',
              pricing: { prompt: '0', completion: '0' },
              status: '-3',
              quantization: {},
            },
          ],
        },
      },
    });

    const result = await server.createProvider().models.endpoints('acme/model');

    expect(result.endpoints[0].status).toBe(-3);
    expect(result.endpoints[0].quantization).toBeNull();
  });

  it('drops a variant suffix for the lookup', async () => {
    const result = await server
      .createProvider()
      .models.endpoints('deepseek/deepseek-r1-0528:free');

    expect(server.emulator.requests[0].path).toBe(
      '/models/deepseek/deepseek-r1-0528/endpoints',
    );
    expect(result.endpoints[0].providerName).toBe('Chutes');
  });

  it.each([
    'gpt-4o',
    'openai/',
    '/gpt-4o',
    'openai/gpt-4o/extra',
    'openai/../keys',
    '',
    42,
  ])(
    'rejects %j with InvalidArgumentError before sending anything',
    async model => {
      const openrouter = server.createProvider();

      for (const call of [
        () => openrouter.models.endpoints(model as string),
        () => openrouter.models.parameters(model as string),
      ]) {
        const error = await capture(call());
        expect(InvalidArgumentError.isInstance(error)).toBe(true);
        expect((error as Error).message).toContain("of the form 'author/slug'");
      }
      expect(server.emulator.requests).toHaveLength(0);
    },
  );

  it("passes on OpenRouter's 404 for an unknown model", async () => {
    const error = await capture(
      server.createProvider().models.endpoints('acme/unknown'),
    );

    expect((error as APICallError).statusCode).toBe(404);
    expect((error as Error).message).toBe('Model does not exist');
  });
});

describe('models.parameters and zdrEndpoints', () => {
  it("returns a model's supported parameters", async () => {
    const result = await server
      .createProvider()
      .models.parameters('openai/gpt-5-mini');

    expect(result.model).toBe('openai/gpt-5-mini');
    expect(result.supportedParameters).toContain('reasoning');
    expect(server.emulator.requests[0].query).toStrictEqual({});
  });

  it('returns 404 for a provider that does not serve the model', async () => {
    const error = await capture(
      server
        .createProvider()
        .models.parameters('openai/gpt-5-mini', { provider: 'Groq' }),
    );

    expect((error as APICallError).statusCode).toBe(404);
  });

  it('lists the endpoints that keep zero data retention', async () => {
    const endpoints = await server.createProvider().models.zdrEndpoints();

    expect(
      endpoints.map(endpoint => `${endpoint.providerName} ${endpoint.name}`),
    ).toStrictEqual([
      'Azure Azure | openai/gpt-4o-mini',
      'Amazon Bedrock Amazon Bedrock | anthropic/claude-sonnet-4.5',
      'Google Google | anthropic/claude-sonnet-4.5',
      'Google Google | google/gemini-2.5-flash',
    ]);
  });
});

describe('providers.list', () => {
  it('returns providers with missing links as null', async () => {
    const providers = await server.createProvider().providers.list();

    expect(
      providers.find(provider => provider.slug === 'openai'),
    ).toStrictEqual({
      name: 'OpenAI',
      slug: 'openai',
      privacyPolicyUrl: 'https://openai.com/policies/privacy-policy/',
      termsOfServiceUrl: 'https://openai.com/terms',
      statusPageUrl: 'https://status.openai.com/',
      raw: expect.objectContaining({ slug: 'openai' }),
    });
    expect(
      providers.find(provider => provider.slug === 'chutes'),
    ).toMatchObject({
      privacyPolicyUrl: null,
      termsOfServiceUrl: null,
      statusPageUrl: null,
    });
  });
});
