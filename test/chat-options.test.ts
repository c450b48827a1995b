import { InvalidArgumentError } from '@ai-sdk/provider';
import { generateText, streamText } from 'ai';
import type { OpenRouterChatOptions } from 'ai-sdk-openrouter';
import { describe, expect, it } from 'vitest';
import { useEmulator } from './support/use-emulator';

const server = useEmulator();

async function bodyFor(options: OpenRouterChatOptions) {
  await generateText({
    model: server.createProvider()('openai/gpt-4o'),
    prompt: 'Hi',
    providerOptions: { openrouter: options as Record<string, never> },
  });
  const request = server.emulator.requests.at(-1)!;
  const { model, messages, ...rest } = request.body as Record<string, unknown>;
  expect(model).toBe('openai/gpt-4o');
  expect(messages).toStrictEqual([{ role: 'user', content: 'Hi' }]);
  return rest;
}

describe('providerOptions.openrouter reach the body as OpenRouter spells them', () => {
  // OpenRouter's published ProviderSortConfig makes both fields optional.
  it.each([
    [{ sort: { partition: 'none' } }],
    [{ sort: { by: 'exacto' } }],
    [{ sort: 'exacto' }],
  ] as const)('provider sort %j', async provider => {
    expect(await bodyFor({ provider })).toStrictEqual({ provider });
  });

  it('provider routing, every field', async () => {
    const provider: OpenRouterChatOptions['provider'] = {
      order: ['anthropic', 'deepinfra/turbo'],
      allow_fallbacks: false,
      require_parameters: true,
      data_collection: 'deny',
      zdr: true,
      enforce_distillable_text: false,
      only: ['anthropic', 'amazon-bedrock'],
      ignore: ['together'],
      quantizations: ['fp8', 'bf16'],
      sort: 'throughput',
      max_price: { prompt: 1, completion: '2', request: 0.01, image: 0.5 },
      preferred_min_throughput: 50,
      preferred_max_latency: 2,
    };

    expect(await bodyFor({ provider })).toStrictEqual({ provider });
  });

  it('model fallbacks, route and transforms', async () => {
    const options = {
      models: ['anthropic/claude-sonnet-4.5', 'openai/gpt-4o'],
      route: 'fallback',
      transforms: ['middle-out'],
    };

    expect(await bodyFor(options)).toStrictEqual(options);
  });

  it('plugins, each with its options', async () => {
    const plugins: OpenRouterChatOptions['plugins'] = [
      {
        id: 'web',
        max_results: 3,
        search_prompt: 'Results:',
        engine: 'exa',
      },
      { id: 'file-parser', max_files: 2, pdf: { engine: 'mistral-ocr' } },
      { id: 'response-healing' },
      { id: 'auto-router', allowed_models: ['openai/*'] },
      { id: 'moderation' },
    ];

    expect(await bodyFor({ plugins })).toStrictEqual({ plugins });
  });

  it('web search options, usage, user, session, metadata and modalities', async () => {
    const options: OpenRouterChatOptions = {
      web_search_options: { search_context_size: 'high' },
      usage: { include: true },
      user: 'user-42',
      session_id: 'session-7',
      metadata: { feature: 'chat' },
      modalities: ['image', 'text'],
    };

    expect(await bodyFor(options)).toStrictEqual(options);
  });

  it('log probabilities and sampling extras', async () => {
    const options = {
      logprobs: true,
      top_logprobs: 2,
      logit_bias: { '50256': -100 },
      min_p: 0.1,
      top_a: 0.2,
      repetition_penalty: 1.1,
    };

    expect(await bodyFor(options)).toStrictEqual(options);
  });

  it('parallel tool calls, prediction and debug', async () => {
    const options: OpenRouterChatOptions = {
      parallel_tool_calls: false,
      prediction: { type: 'content', content: 'Hello' },
      debug: { echo_upstream_body: true },
    };

    expect(await bodyFor(options)).toStrictEqual(options);
  });

  it('request-level cache_control for automatic caching', async () => {
    expect(
      await bodyFor({ cache_control: { type: 'ephemeral', ttl: '1h' } }),
    ).toStrictEqual({ cache_control: { type: 'ephemeral', ttl: '1h' } });
  });

  it('passes unknown fields through, for features newer than this package', async () => {
    const options = { some_new_feature: { enabled: true } };

    expect(
      await bodyFor(options as unknown as OpenRouterChatOptions),
    ).toStrictEqual(options);
  });

  it("accepts @openrouter/ai-sdk-provider's spellings and translates them", async () => {
    expect(
      await bodyFor({
        parallelToolCalls: false,
        logitBias: { '1': 5 },
        includeReasoning: true,
        extraBody: { trace: { id: 't-1' } },
      }),
    ).toStrictEqual({
      parallel_tool_calls: false,
      logit_bias: { '1': 5 },
      include_reasoning: true,
      trace: { id: 't-1' },
    });
  });
});

describe('camelCase keys, which OpenRouter would ignore', () => {
  async function call(openrouter: Record<string, unknown>) {
    const result = await generateText({
      model: server.createProvider()('openai/gpt-4o'),
      prompt: 'Hi',
      providerOptions: { openrouter: openrouter as Record<string, never> },
    });
    const { model, messages, ...body } = server.emulator.requests.at(-1)!
      .body as Record<string, unknown>;
    return { body, warnings: result.warnings ?? [] };
  }

  it('are renamed to the field they spell, at the top and in provider routing', async () => {
    const { body, warnings } = await call({
      topLogprobs: 3,
      logprobs: true,
      webSearchOptions: { search_context_size: 'low' },
      provider: { allowFallbacks: false, maxPrice: { prompt: 1 } },
    });

    expect(body).toStrictEqual({
      top_logprobs: 3,
      logprobs: true,
      web_search_options: { search_context_size: 'low' },
      provider: { allow_fallbacks: false, max_price: { prompt: 1 } },
    });
    expect(warnings).toStrictEqual([]);
  });

  it('are validated under the field they spell', async () => {
    const error = await generateText({
      model: server.createProvider()('openai/gpt-4o'),
      prompt: 'Hi',
      providerOptions: {
        openrouter: { provider: { allowFallbacks: 'no' } } as never,
      },
    }).catch(caught => caught);

    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect(error.message).toContain(
      'providerOptions.openrouter.provider.allow_fallbacks',
    );
    expect(server.emulator.requests).toHaveLength(0);
  });

  // topA is a plain camelCase respelling; topP and maxTokens are also the
  // incumbent's own names, which took a different path and used to win.
  it.each([
    [{ topA: 0.5, top_a: 0.2 }, { top_a: 0.2 }, 'topA and top_a'],
    [{ topP: 0.9, top_p: 0.5 }, { top_p: 0.5 }, 'topP and top_p'],
    [{ top_p: 0.5, topP: 0.9 }, { top_p: 0.5 }, 'topP and top_p'],
    [
      { maxTokens: 9, max_tokens: 5 },
      { max_tokens: 5 },
      'maxTokens and max_tokens',
    ],
  ])(
    'give way to the snake_case field when both are set, with a warning: %j',
    async (options, expectedBody, named) => {
      const { body, warnings } = await call(options as never);

      expect(body).toStrictEqual(expectedBody);
      expect(warnings).toStrictEqual([
        expect.objectContaining({
          type: 'other',
          message: expect.stringContaining(`sets both ${named}`),
        }),
      ]);
    },
  );

  it('that spell no known field are sent as they are, with a warning naming them', async () => {
    const { body, warnings } = await call({
      brandNewFlag: true,
      provider: { fancyRouting: 'x' },
    });

    expect(body).toStrictEqual({
      brandNewFlag: true,
      provider: { fancyRouting: 'x' },
    });
    expect(
      warnings.map(warning => (warning as { message: string }).message),
    ).toStrictEqual([
      expect.stringContaining('providerOptions.openrouter.brandNewFlag'),
      expect.stringContaining(
        'providerOptions.openrouter.provider.fancyRouting',
      ),
    ]);
  });

  it('are left alone on objects that are not plain, whose getters would be lost', async () => {
    class Options {
      sessionId = 'not renamed';
      get top_k() {
        return 3;
      }
    }

    const { body } = await call(new Options() as never);

    expect(body).toStrictEqual({ sessionId: 'not renamed', top_k: 3 });
  });

  it('that shadow Object.prototype names go out under their own name', async () => {
    const { body, warnings } = await call(JSON.parse('{"toString": 1}'));

    expect(body).toStrictEqual({ toString: 1 });
    expect(warnings).toStrictEqual([
      expect.objectContaining({
        message: expect.stringContaining('openrouter.toString is not'),
      }),
    ]);
  });

  it('in model settings are named as settings', async () => {
    const model = server.createProvider()('openai/gpt-4o', {
      minP: 0.1,
      oddSetting: 1,
    } as unknown as OpenRouterChatOptions);

    const result = await generateText({ model, prompt: 'Hi' });

    const { messages, ...body } = server.emulator.requests[0].body as Record<
      string,
      unknown
    >;
    expect(body).toStrictEqual({
      model: 'openai/gpt-4o',
      min_p: 0.1,
      oddSetting: 1,
    });
    expect(result.warnings).toStrictEqual([
      expect.objectContaining({
        message: expect.stringContaining('settings.oddSetting'),
      }),
    ]);
  });
});

describe('option validation', () => {
  it.each([
    [
      { provider: { order: 'anthropic' } },
      'providerOptions.openrouter.provider.order',
    ],
    [
      { provider: { sort: 'cheapest' } },
      'providerOptions.openrouter.provider.sort',
    ],
    [
      { plugins: [{ id: 'web', max_results: -1 }] },
      'providerOptions.openrouter.plugins.0',
    ],
    [{ top_logprobs: 50 }, 'providerOptions.openrouter.top_logprobs'],
    [{ models: 'openai/gpt-4o' }, 'providerOptions.openrouter.models'],
  ])('rejects %j before sending, naming %s', async (options, path) => {
    const error = await generateText({
      model: server.createProvider()('openai/gpt-4o'),
      prompt: 'Hi',
      providerOptions: {
        openrouter: options as unknown as Record<string, never>,
      },
    }).catch(caught => caught);

    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect(error.message).toContain(path);
    expect(server.emulator.requests).toHaveLength(0);
  });

  it('names model settings as such', async () => {
    const model = server.createProvider()('openai/gpt-4o', {
      provider: { allow_fallbacks: 'no' },
    } as unknown as OpenRouterChatOptions);

    const error = await generateText({ model, prompt: 'Hi' }).catch(
      caught => caught,
    );

    expect(error.message).toContain('settings.provider.allow_fallbacks');
    expect(server.emulator.requests).toHaveLength(0);
  });

  it('keeps __proto__ keys out of the body and the prototype chain', async () => {
    await generateText({
      model: server.createProvider()('openai/gpt-4o'),
      prompt: 'Hi',
      providerOptions: {
        openrouter: JSON.parse(
          '{"__proto__": {"polluted": true}, "user": "u"}',
        ),
      },
    });

    const body = server.emulator.requests[0].body as Record<string, unknown>;
    expect(body.user).toBe('u');
    expect(Object.keys(body)).not.toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(body.polluted).toBeUndefined();
  });
});

describe('provider metadata', () => {
  it('reports annotations and log probabilities in generate', async () => {
    const result = await generateText({
      model: server.createProvider()('openai/gpt-4o'),
      prompt: 'Hi',
      providerOptions: {
        openrouter: {
          logprobs: true,
          top_logprobs: 1,
          plugins: [{ id: 'web' }],
        },
      },
    });

    const metadata = result.providerMetadata?.openrouter as Record<
      string,
      unknown
    >;
    const logprobs = metadata.logprobs as Array<Record<string, unknown>>;
    expect(logprobs[0]).toStrictEqual({
      token: 'Hello ',
      logprob: -0.1,
      topLogprobs: [{ token: 'Hello ', logprob: -0.1 }],
    });
    expect(logprobs.map(entry => entry.token).join('')).toBe(result.text);
    expect(metadata.annotations).toHaveLength(2);
  });

  it('reports annotations once and log probabilities in full on the stream finish', async () => {
    const result = streamText({
      model: server.createProvider()('openai/gpt-4o'),
      prompt: 'Hi',
      providerOptions: {
        openrouter: { logprobs: true, plugins: [{ id: 'web' }] },
      },
    });
    await result.consumeStream();

    const metadata = (await result.providerMetadata)?.openrouter as Record<
      string,
      unknown
    >;
    expect(metadata.annotations).toHaveLength(2);
    const logprobs = metadata.logprobs as Array<{ token: string }>;
    expect(logprobs.map(entry => entry.token).join('')).toBe(await result.text);
  });
});

describe('prompt caching', () => {
  const cache = { openrouter: { cacheControl: { type: 'ephemeral' } } };

  it('sends breakpoints set on messages through generateText', async () => {
    await generateText({
      model: server.createProvider()('anthropic/claude-sonnet-4.5'),
      instructions: {
        role: 'system',
        content: 'Long rules',
        providerOptions: cache,
      },
      messages: [{ role: 'user', content: 'Hi', providerOptions: cache }],
    });

    expect(server.emulator.requests[0].body).toHaveProperty('messages', [
      {
        role: 'system',
        content: [
          {
            type: 'text',
            text: 'Long rules',
            cache_control: { type: 'ephemeral' },
          },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Hi', cache_control: { type: 'ephemeral' } },
        ],
      },
    ]);
  });

  it('warns when a request has more breakpoints than upstreams accept', async () => {
    const result = await generateText({
      model: server.createProvider()('anthropic/claude-sonnet-4.5'),
      messages: Array.from({ length: 5 }, (_, index) => ({
        role: 'user' as const,
        content: `Message ${index}`,
        providerOptions: cache,
      })),
    });

    expect(result.warnings).toContainEqual({
      type: 'other',
      message:
        'The request sets 5 cache breakpoints; Anthropic models accept at most 4, and the request may be rejected.',
    });
  });

  it('serialises the same tools to the same bytes, whatever their key order', async () => {
    const model = server.createProvider()('openai/gpt-4o');
    const schemaA = {
      type: 'object',
      properties: { b: { type: 'string' }, a: { type: 'number' } },
      required: ['b'],
      additionalProperties: false,
    };
    const schemaB = {
      additionalProperties: false,
      required: ['b'],
      properties: { b: { type: 'string' }, a: { type: 'number' } },
      type: 'object',
    };

    for (const inputSchema of [schemaA, schemaB]) {
      await model.doGenerate({
        prompt: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
        tools: [
          {
            type: 'function',
            name: 'lookup',
            inputSchema: inputSchema as never,
          },
        ],
      });
    }

    const [first, second] = server.emulator.requests.map(request =>
      JSON.stringify((request.body as Record<string, unknown>).tools),
    );
    expect(first).toBe(second);
    // Property order is meaningful to models, so it is kept.
    expect(first).toContain('"properties":{"b":{"type":"string"},"a":');
  });

  it('reports cache reads and writes in usage', async () => {
    server.emulator.enqueue({
      type: 'json',
      body: {
        id: 'gen-c',
        model: 'anthropic/claude-sonnet-4.5',
        choices: [
          { index: 0, finish_reason: 'stop', message: { content: 'ok' } },
        ],
        usage: {
          prompt_tokens: 2000,
          completion_tokens: 5,
          total_tokens: 2005,
          prompt_tokens_details: {
            cached_tokens: 1500,
            cache_write_tokens: 400,
          },
        },
      },
    });

    const result = await generateText({
      model: server.createProvider()('anthropic/claude-sonnet-4.5'),
      prompt: 'Hi',
    });

    expect(result.usage.inputTokenDetails).toStrictEqual({
      noCacheTokens: 100,
      cacheReadTokens: 1500,
      cacheWriteTokens: 400,
    });
  });
});

describe('drop-in spellings and open values', () => {
  it('translates a numeric logprobs into logprobs plus top_logprobs', async () => {
    await generateText({
      model: server.createProvider()('openai/gpt-4o'),
      prompt: 'Hi',
      providerOptions: { openrouter: { logprobs: 3 } },
    });

    const body = server.emulator.requests[0].body as Record<string, unknown>;
    expect(body.logprobs).toBe(true);
    expect(body.top_logprobs).toBe(3);
  });

  it('accepts values newer than this package for engines and quantizations', async () => {
    await generateText({
      model: server.createProvider()('openai/gpt-4o'),
      prompt: 'Hi',
      providerOptions: {
        openrouter: {
          plugins: [{ id: 'web', engine: 'parallel' }],
          provider: { quantizations: ['fp8_e4m3'] },
        },
      },
    });

    const body = server.emulator.requests[0].body as Record<string, unknown>;
    expect(body.plugins).toStrictEqual([{ id: 'web', engine: 'parallel' }]);
    expect(body.provider).toStrictEqual({ quantizations: ['fp8_e4m3'] });
  });
});
