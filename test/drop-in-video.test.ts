import { createOpenRouter as createIncumbent } from '@openrouter/ai-sdk-provider';
import { describe, expect, it } from 'vitest';
import { TEST_API_KEY, useEmulator } from './support/use-emulator';

// The same video call through `@openrouter/ai-sdk-provider` and this
// package, against the same emulator.

const server = useEmulator();
const MODEL = 'google/veo-3.1';

describe('video results', () => {
  it('put generationId and cost at the top of providerMetadata.openrouter, as the incumbent does', async () => {
    const settings = { apiKey: TEST_API_KEY, baseURL: server.emulator.baseURL };
    const incumbent = createIncumbent(settings);
    const ours = server.createProvider();

    // The incumbent hands back the emulator's URL, which the AI SDK will
    // not download from 127.0.0.1, so both models are called directly.
    const callOptions = {
      prompt: 'A kite',
      n: 1,
      providerOptions: {},
    } as never;
    const theirs = await incumbent
      .videoModel(MODEL, { pollIntervalMs: 5 } as never)
      .doGenerate(callOptions);
    server.emulator.reset();
    const mine = await ours
      .videoModel(MODEL, { pollIntervalMs: 5 })
      .doGenerate(callOptions);

    const theirMetadata = theirs.providerMetadata?.openrouter as Record<
      string,
      unknown
    >;
    const myMetadata = mine.providerMetadata?.openrouter as Record<
      string,
      unknown
    >;
    expect(myMetadata.generationId).toBe(theirMetadata.generationId);
    expect(myMetadata.cost).toBe(theirMetadata.cost);
    expect(myMetadata.generationId).toEqual(expect.any(String));
    // Ours also keeps the per-job list.
    expect(myMetadata.videos).toStrictEqual([
      expect.objectContaining({ jobId: 'video-emulator-0' }),
    ]);
    expect(mine.videos).toHaveLength(theirs.videos.length);
  });
});
