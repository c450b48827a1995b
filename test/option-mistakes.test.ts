import {
  InvalidArgumentError,
  type JSONObject,
  type SharedV4Warning,
} from '@ai-sdk/provider';
import {
  embed,
  experimental_decide,
  experimental_generateVideo,
  generateImage,
  generateText,
  streamText,
} from 'ai';
import { describe, expect, it } from 'vitest';
import { useEmulator } from './support/use-emulator';

// Top-level keys are reviewed before the fields inside them, so their
// warnings come first.
//
// Inline providerOptions are typed by the AI SDK as any JSON, so a misspelt
// key is not caught by the compiler; these warnings are the user's only
// line of defence. Each mistake is still sent as written (OpenRouter may
// know a field this package does not), but never silently.

const server = useEmulator();

type Options = JSONObject;

function messagesOf(warnings: readonly SharedV4Warning[] = []) {
  return warnings.map(warning =>
    warning.type === 'other' ? warning.message : JSON.stringify(warning),
  );
}

function lastBody(path: string) {
  const request = server.emulator.requests.findLast(
    candidate => candidate.method === 'POST' && candidate.path.endsWith(path),
  );
  return request?.body as Record<string, unknown>;
}

async function chat(options: Record<string, unknown>) {
  const result = await generateText({
    model: server.createProvider()('openai/gpt-4o'),
    prompt: 'Hi',
    providerOptions: { openrouter: options as Options },
  });
  return {
    body: lastBody('/chat/completions'),
    warnings: messagesOf(result.warnings),
  };
}

describe('a misspelt key gets a warning with a suggestion, and is still sent', () => {
  it.each([
    [
      { provider: { data_colection: 'deny' } },
      'providerOptions.openrouter.provider.data_colection is not an OpenRouter option; did you mean data_collection?',
    ],
    [
      { provider: { allow_fallback: false } },
      'providerOptions.openrouter.provider.allow_fallback is not an OpenRouter option; did you mean allow_fallbacks?',
    ],
    [
      { provders: { order: ['openai'] } },
      'providerOptions.openrouter.provders is not an OpenRouter option; did you mean provider?',
    ],
    [
      { plugin: [{ id: 'web' }] },
      'providerOptions.openrouter.plugin is not an OpenRouter option; did you mean plugins?',
    ],
    [
      { transform: ['middle-out'] },
      'providerOptions.openrouter.transform is not an OpenRouter option; did you mean transforms?',
    ],
    [
      { reasoning: { max_token: 100 } },
      'providerOptions.openrouter.reasoning.max_token is not an OpenRouter option; did you mean max_tokens?',
    ],
    [
      { plugins: [{ id: 'web', max_result: 3 }] },
      'providerOptions.openrouter.plugins.0.max_result is not an OpenRouter option; did you mean max_results?',
    ],
    [
      { web_search_options: { search_context_sise: 'high' } },
      'providerOptions.openrouter.web_search_options.search_context_sise is not an OpenRouter option; did you mean search_context_size?',
    ],
  ])('%j', async (options, warning) => {
    const { body, warnings } = await chat(options);

    expect(warnings).toStrictEqual([expect.stringContaining(warning)]);
    expect(body).toMatchObject(options);
  });

  it('an unknown key inside a known object is named even when nothing is near', async () => {
    const { body, warnings } = await chat({
      provider: { order: ['openai'], preferred_region: 'eu' },
    });

    expect(warnings).toStrictEqual([
      expect.stringContaining(
        'providerOptions.openrouter.provider.preferred_region is not an option this provider knows',
      ),
    ]);
    expect(body.provider).toStrictEqual({
      order: ['openai'],
      preferred_region: 'eu',
    });
  });

  it('a new top-level field far from every known one passes quietly', async () => {
    const { body, warnings } = await chat({ brand_new_field: { on: true } });

    expect(warnings).toStrictEqual([]);
    expect(body.brand_new_field).toStrictEqual({ on: true });
  });

  it('objects that belong to models or providers are not judged', async () => {
    const { warnings } = await chat({
      image_config: { aspect_ratio: '1:1', output_quality: 'hd' },
      plugins: [{ id: 'web-fetch', max_uses: 2 }],
      metadata: { anything: 'goes' },
    });

    expect(warnings).toStrictEqual([]);
  });

  it('camelCase keys at any known depth are respelled, not reported', async () => {
    const { body, warnings } = await chat({
      reasoning: { maxTokens: 100 },
      provider: { allowFallbacks: false },
    });

    expect(warnings).toStrictEqual([]);
    expect(body.reasoning).toStrictEqual({ max_tokens: 100 });
    expect(body.provider).toStrictEqual({ allow_fallbacks: false });
  });

  it('model settings are reviewed too, and streaming calls warn the same way', async () => {
    const model = server.createProvider()('openai/gpt-4o', {
      provider: { data_colection: 'deny' },
    } as never);
    const result = streamText({
      model,
      prompt: 'Hi',
      providerOptions: { openrouter: { plugin: [] } as Options },
    });
    await result.consumeStream();

    expect(messagesOf(await result.warnings)).toStrictEqual([
      expect.stringContaining(
        'settings.provider.data_colection is not an OpenRouter option; did you mean data_collection?',
      ),
      expect.stringContaining(
        'providerOptions.openrouter.plugin is not an OpenRouter option; did you mean plugins?',
      ),
    ]);
  });
});

describe('every model kind reviews its options the same way', () => {
  const misspeltRouting = { provider: { data_colection: 'deny' } } as Options;
  const expected = expect.stringContaining(
    'providerOptions.openrouter.provider.data_colection is not an OpenRouter option; did you mean data_collection?',
  );

  it('completion', async () => {
    const result = await generateText({
      model: server
        .createProvider()
        .completion('openai/gpt-3.5-turbo-instruct'),
      prompt: 'Once',
      providerOptions: { openrouter: misspeltRouting },
    });
    expect(messagesOf(result.warnings)).toStrictEqual([expected]);
    expect(lastBody('/completions').provider).toStrictEqual({
      data_colection: 'deny',
    });
  });

  it('embedding', async () => {
    const result = await embed({
      model: server
        .createProvider()
        .embeddingModel('openai/text-embedding-3-small'),
      value: 'sunny day',
      providerOptions: {
        openrouter: { ...misspeltRouting, encoding_fromat: 'float' } as Options,
      },
    });
    expect(messagesOf(result.warnings)).toStrictEqual([
      expect.stringContaining('did you mean encoding_format?'),
      expected,
    ]);
    expect(lastBody('/embeddings').encoding_fromat).toBe('float');
  });

  it('image', async () => {
    const result = await generateImage({
      model: server
        .createProvider()
        .imageModel('google/gemini-2.5-flash-image'),
      prompt: 'A lighthouse',
      providerOptions: {
        openrouter: { ...misspeltRouting, output_fromat: 'webp' } as Options,
      },
    });
    expect(messagesOf(result.warnings)).toStrictEqual([
      expect.stringContaining('did you mean output_format?'),
      expected,
    ]);
    expect(lastBody('/images').provider).toStrictEqual({
      data_colection: 'deny',
    });
  });

  it('video', async () => {
    const result = await experimental_generateVideo({
      model: server
        .createProvider()
        .videoModel('google/veo-3.1', { pollIntervalMs: 5 }),
      prompt: 'A lighthouse at dawn',
      providerOptions: { openrouter: misspeltRouting },
    });
    expect(messagesOf(result.warnings)).toStrictEqual([expected]);
    expect(lastBody('/videos').provider).toStrictEqual({
      data_colection: 'deny',
    });
  });

  it('decision', async () => {
    const result = await experimental_decide({
      model: server.createProvider().decisionModel('typesafe/jev-1.13'),
      state: 'The checkout page is blank.',
      questions: {
        isBug: {
          type: 'boolean',
          instructions: 'Is this a defect?',
          criteria: { true: 'Broken behaviour', false: 'A wish' },
        },
      },
      providerOptions: {
        openrouter: { ...misspeltRouting, sesion_id: 's-1' } as Options,
      },
    });
    expect(messagesOf(result.warnings)).toStrictEqual([
      expect.stringContaining('did you mean session_id?'),
      expected,
    ]);
    expect(lastBody('/decisions').sesion_id).toBe('s-1');
  });
});

describe('a value outside a fixed list is refused with the list', () => {
  it.each([
    [
      { provider: { sort: 'cheapest' } },
      'Invalid providerOptions.openrouter.provider.sort: must be one of "price", "throughput", "latency", "exacto" or an object.',
    ],
    [
      { provider: { sort: 'throughtput' } },
      'must be one of "price", "throughput", "latency", "exacto" or an object; did you mean "throughput"?',
    ],
    [
      { provider: { sort: { by: 'fastest' } } },
      'Invalid providerOptions.openrouter.provider.sort.by: must be one of "price", "throughput", "latency" or "exacto".',
    ],
    [
      { provider: { data_collection: 'never' } },
      'Invalid providerOptions.openrouter.provider.data_collection: must be one of "allow" or "deny".',
    ],
    [{ reasoning: { effort: 'hihg' } }, 'did you mean "high"?'],
    [
      { plugins: [{ id: 'file-parser', max_files: -1 }] },
      'Invalid providerOptions.openrouter.plugins.0.max_files: Too small',
    ],
    [
      { plugins: [{ id: 'web', max_results: 'three' }] },
      'Invalid providerOptions.openrouter.plugins.0.max_results: Invalid input: expected number, received string.',
    ],
    [
      { provider: { preferred_max_latency: 'fast' } },
      'Invalid providerOptions.openrouter.provider.preferred_max_latency: must be a number or an object.',
    ],
  ])('%j', async (options, message) => {
    const error = await chat(options).catch(caught => caught);

    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect(error.message).toContain(message);
    expect(server.emulator.requests).toHaveLength(0);
  });
});
