import { UnsupportedFunctionalityError } from '@ai-sdk/provider';
import { createOpenRouter as createIncumbent } from '@openrouter/ai-sdk-provider';
import { generateImage, type ImageModel } from 'ai';
import { createOpenRouter } from 'ai-sdk-openrouter';
import { describe, expect, it } from 'vitest';
import { TEST_API_KEY, useEmulator } from './support/use-emulator';

// The same `generateImage` calls through `@openrouter/ai-sdk-provider`'s
// image model and ours, against the emulator: both post to `/images`, and
// the request bodies and results match, except where ours deliberately
// differs (each asserted below and listed in the README's migration notes).

const server = useEmulator();

const MODEL = 'google/gemini-2.5-flash-image';
const PNG_BYTES = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
]);

type Settings = Record<string, unknown>;

function models(settings: Settings = {}) {
  const common = { apiKey: TEST_API_KEY, baseURL: server.emulator.baseURL };
  return {
    incumbent: createIncumbent(common).imageModel(
      MODEL,
      settings,
    ) as ImageModel,
    ours: createOpenRouter(common).imageModel(MODEL, settings) as ImageModel,
  };
}

type Call = Omit<Parameters<typeof generateImage>[0], 'model'>;

/** Runs `call` through both, and returns each one's result and requests. */
async function runBoth(call: Call, settings?: Settings) {
  const { incumbent, ours } = models(settings);
  const outcome = async (model: ImageModel) => {
    server.emulator.reset();
    const result = await generateImage({ ...call, model }).catch(
      (error: unknown) => error,
    );
    return {
      result,
      requests: server.emulator.requests.map(request => ({
        method: request.method,
        path: request.path,
        body: request.body,
      })),
    };
  };
  return { incumbent: await outcome(incumbent), ours: await outcome(ours) };
}

describe('drop-in: generateImage over POST /images', () => {
  it.each<[string, Call, Settings?]>([
    [
      'n: 4 with aspect ratio and seed',
      { prompt: 'A lighthouse at dawn', n: 4, aspectRatio: '16:9', seed: 42 },
    ],
    ['one image, no options', { prompt: 'a red square' }],
    [
      'a size that agrees with the aspect ratio',
      { prompt: 'a', size: '1920x1080', aspectRatio: '16:9' },
    ],
    ['a size alone', { prompt: 'a', size: '1024x1024' }],
    [
      'files as input_references',
      {
        prompt: {
          text: 'Make it blue',
          images: [PNG_BYTES, 'https://images.example/cat.png'],
        },
      },
    ],
    [
      'provider routing and user from the settings',
      { prompt: 'a', n: 2 },
      {
        provider: { order: ['google-vertex'], allow_fallbacks: false },
        user: 'user-1',
      },
    ],
    [
      'published fields in providerOptions',
      {
        prompt: 'a logo',
        providerOptions: {
          openrouter: {
            resolution: '2K',
            quality: 'high',
            background: 'transparent',
            output_format: 'webp',
            output_compression: 80,
          },
        },
      },
    ],
  ])('%s: the same request body and images', async (_name, call, settings) => {
    const { incumbent, ours } = await runBoth(call, settings);

    expect(incumbent.requests.map(request => request.path)).toStrictEqual([
      '/images',
    ]);
    expect(ours.requests).toStrictEqual(incumbent.requests);

    const incumbentResult = incumbent.result as Awaited<
      ReturnType<typeof generateImage>
    >;
    const ourResult = ours.result as Awaited<ReturnType<typeof generateImage>>;
    expect(ourResult.images.map(image => image.base64)).toStrictEqual(
      incumbentResult.images.map(image => image.base64),
    );
    expect(ourResult.usage).toStrictEqual(incumbentResult.usage);
    expect(ourResult.warnings).toStrictEqual(incumbentResult.warnings);
  });

  it('13 images: both ask for 10, then 3', async () => {
    const { incumbent, ours } = await runBoth({ prompt: 'stars', n: 13 });

    expect(
      incumbent.requests.map(request => (request.body as { n: number }).n),
    ).toStrictEqual([10, 3]);
    expect(ours.requests).toStrictEqual(incumbent.requests);
  });

  it('a mask: both refuse with UnsupportedFunctionalityError before any request', async () => {
    const { incumbent, ours } = await runBoth({
      prompt: { text: 'fill it', images: [PNG_BYTES], mask: PNG_BYTES },
    });

    for (const side of [incumbent, ours]) {
      expect(UnsupportedFunctionalityError.isInstance(side.result)).toBe(true);
      expect(side.requests).toStrictEqual([]);
    }
  });

  it('improvement: usage and cost in providerMetadata.openrouter, where the incumbent has none', async () => {
    const { incumbent, ours } = await runBoth({ prompt: 'a', n: 2 });

    const incumbentCall = (
      incumbent.result as Awaited<ReturnType<typeof generateImage>>
    ).calls[0];
    const ourCall = (ours.result as Awaited<ReturnType<typeof generateImage>>)
      .calls[0];
    expect(incumbentCall.providerMetadata).toBeUndefined();
    expect(ourCall.providerMetadata?.openrouter).toMatchObject({
      images: [{ mediaType: 'image/png' }, { mediaType: 'image/png' }],
      cost: expect.any(Number),
      usage: { promptTokens: 1, completionTokens: 2580 },
    });
  });

  it('improvement: a size that contradicts the aspect ratio is sent alone, where the incumbent gets a 400', async () => {
    const { incumbent, ours } = await runBoth({
      prompt: 'a',
      size: '1024x1024',
      aspectRatio: '16:9',
      maxRetries: 0,
    });

    expect(incumbent.requests[0].body).toMatchObject({
      size: '1024x1024',
      aspect_ratio: '16:9',
    });
    expect((incumbent.result as { statusCode?: number }).statusCode).toBe(400);

    expect(ours.requests[0].body).not.toHaveProperty('aspect_ratio');
    const ourResult = ours.result as Awaited<ReturnType<typeof generateImage>>;
    expect(ourResult.images).toHaveLength(1);
    expect(ourResult.warnings).toStrictEqual([
      expect.objectContaining({ type: 'unsupported', feature: 'aspectRatio' }),
    ]);
  });

  it('improvement: model, prompt and n stay the call’s own; the incumbent lets providerOptions replace them', async () => {
    const { incumbent, ours } = await runBoth({
      prompt: 'a',
      n: 1,
      providerOptions: { openrouter: { n: 3 } },
    });

    // The incumbent asks for 3 images where the AI SDK asked for 1.
    expect(incumbent.requests[0].body).toMatchObject({ n: 3 });
    expect(ours.requests[0].body).toMatchObject({ n: 1 });
    expect(
      (ours.result as Awaited<ReturnType<typeof generateImage>>).warnings,
    ).toStrictEqual([
      expect.objectContaining({
        type: 'other',
        message: expect.stringContaining('"n"'),
      }),
    ]);
  });
});
