import {
  embedMany,
  experimental_decide,
  generateImage,
  generateText,
  streamText,
} from 'ai';
import { openRouterMetadata } from 'ai-sdk-openrouter';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { useEmulator } from './support/use-emulator';

// `openRouterMetadata` reads `providerMetadata.openrouter` with its
// documented type, so that `usage.cost` needs no cast, and leaves out what
// does not have that type.

const server = useEmulator();

describe('openRouterMetadata through the public API', () => {
  it('types and reads a generateText result', async () => {
    const openrouter = server.createProvider();
    const result = await generateText({
      model: openrouter('openai/gpt-4o-mini'),
      prompt: 'Hello',
    });

    const metadata = openRouterMetadata(result);
    expectTypeOf(metadata?.usage?.cost).toEqualTypeOf<number | undefined>();
    expectTypeOf(metadata?.generationId).toEqualTypeOf<string | undefined>();
    expect(metadata?.usage?.cost).toEqual(expect.any(Number));
    expect(metadata?.usage?.cost).toBe(
      (
        result.providerMetadata?.openrouter?.usage as
          | { cost: number }
          | undefined
      )?.cost,
    );
    expect(metadata?.generationId).toBe(
      result.providerMetadata?.openrouter?.generationId,
    );
    expect(metadata?.provider).toEqual(expect.any(String));
    // Each step carries its own metadata.
    expect(openRouterMetadata(result.steps[0])?.generationId).toBe(
      metadata?.generationId,
    );
  });

  it('reads streamText metadata once awaited, and the finish part', async () => {
    const openrouter = server.createProvider();
    const result = streamText({
      model: openrouter('openai/gpt-4o-mini'),
      prompt: 'Hello',
    });
    let finishCost: number | undefined;
    for await (const part of result.fullStream) {
      if (part.type === 'finish-step') {
        finishCost = openRouterMetadata(part)?.usage?.cost;
      }
    }

    const metadata = openRouterMetadata(await result.providerMetadata);
    expect(metadata?.usage?.cost).toEqual(expect.any(Number));
    expect(finishCost).toBe(metadata?.usage?.cost);

    // The result's `providerMetadata` is a promise: passing the result
    // itself is refused by the types rather than read as "no metadata".
    // @ts-expect-error streamText's result must be awaited first
    openRouterMetadata(result);
  });

  it('reads embedding, image and decision metadata by kind', async () => {
    const openrouter = server.createProvider();

    const embedded = await embedMany({
      model: openrouter.embeddingModel('openai/text-embedding-3-small'),
      values: ['a', 'b'],
    });
    const embedding = openRouterMetadata(embedded, 'embedding');
    expectTypeOf(embedding).toEqualTypeOf<
      | import('ai-sdk-openrouter').OpenRouterEmbeddingProviderMetadata
      | undefined
    >();
    expect(embedding?.usage?.promptTokens).toEqual(expect.any(Number));

    const imageResult = await generateImage({
      model: openrouter.imageModel('google/gemini-2.5-flash-image'),
      prompt: 'A kite',
      n: 2,
    });
    const image = openRouterMetadata(imageResult.calls[0], 'image');
    expectTypeOf(image?.cost).toEqualTypeOf<number | undefined>();
    expect(image?.cost).toEqual(expect.any(Number));
    expect(image?.images).toHaveLength(2);

    const decided = await experimental_decide({
      model: openrouter.decisionModel('typesafe/jev-1.13'),
      state: 'The checkout page is blank.',
      questions: {
        urgent: {
          type: 'boolean',
          instructions: 'Is it urgent?',
          criteria: { true: 'Checkout is down', false: 'Cosmetic' },
        },
      },
    });
    const decision = openRouterMetadata(decided, 'decision');
    expect(decision?.answers?.urgent).toEqual(expect.any(Object));
    expect(decision?.generationId).toEqual(expect.any(String));
  });

  it('reads a video job', async () => {
    const openrouter = server.createProvider();
    // Called directly: the AI SDK will not download from 127.0.0.1.
    const result = await openrouter
      .videoModel('google/veo-3.1', { pollIntervalMs: 5 })
      .doGenerate({ prompt: 'A kite', n: 1, providerOptions: {} } as never);
    const video = openRouterMetadata(result, 'video');
    expect(video?.generationId).toEqual(expect.any(String));
    expect(video?.videos?.[0]?.jobId).toEqual(expect.any(String));
  });
});

describe('openRouterMetadata checks what it returns', () => {
  it('leaves out fields that do not have their documented type', () => {
    const metadata = openRouterMetadata({
      providerMetadata: {
        openrouter: {
          provider: 'Anthropic',
          model: 42,
          generationId: null,
          usage: { promptTokens: '10', completionTokens: 1, totalTokens: 11 },
          reasoning_details: [{ type: 'reasoning.text', text: 'hm' }, 'x'],
          refusal: 'No.',
          unknownField: true,
        },
      },
    });
    expect(metadata).toStrictEqual({ provider: 'Anthropic', refusal: 'No.' });
  });

  it('accepts the provider metadata itself, and gives undefined without one', () => {
    const usage = { promptTokens: 1, completionTokens: 2, totalTokens: 3 };
    expect(openRouterMetadata({ openrouter: { usage } })).toStrictEqual({
      usage,
    });
    expect(openRouterMetadata(undefined)).toBeUndefined();
    expect(openRouterMetadata({ providerMetadata: undefined })).toBeUndefined();
    expect(openRouterMetadata({ anthropic: {} })).toBeUndefined();
    expect(
      openRouterMetadata({ providerMetadata: { openrouter: [] } }),
    ).toBeUndefined();
  });

  it('reads only the fields of the kind asked for', () => {
    const source = {
      providerMetadata: {
        openrouter: { cost: 0.04, images: [{}], refusal: 'x', jobId: 'j' },
      },
    };
    expect(openRouterMetadata(source, 'image')).toStrictEqual({
      cost: 0.04,
      images: [{}],
    });
    expect(openRouterMetadata(source, 'video')).toStrictEqual({
      cost: 0.04,
      jobId: 'j',
    });
    expect(openRouterMetadata(source)).toStrictEqual({ refusal: 'x' });
  });
});
