import { LoadAPIKeyError } from '@ai-sdk/provider';
import {
  WORKFLOW_DESERIALIZE,
  WORKFLOW_SERIALIZE,
} from '@ai-sdk/provider-utils';
import {
  embed,
  generateImage,
  generateText,
  experimental_generateVideo as generateVideo,
  streamText,
} from 'ai';
import { createOpenRouter } from 'ai-sdk-openrouter';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_API_KEY, useEmulator } from './support/use-emulator';

const server = useEmulator();
/** The key of the environment the next step runs in. */
const STEP_API_KEY = 'sk-or-v1-workflow-step-4242';

type SerializableClass<MODEL> = {
  [WORKFLOW_SERIALIZE](model: MODEL): unknown;
  [WORKFLOW_DESERIALIZE](serialized: unknown): MODEL;
};

/**
 * What Workflow DevKit does between two steps: the model's class turns it
 * into data, the data is stored as text, and the class builds a new model
 * from it in the next step.
 */
function passBetweenSteps<MODEL extends object>(model: MODEL) {
  const modelClass = model.constructor as unknown as SerializableClass<MODEL>;
  const stored = JSON.stringify(modelClass[WORKFLOW_SERIALIZE](model));
  return {
    stored,
    restored: modelClass[WORKFLOW_DESERIALIZE](JSON.parse(stored)),
  };
}

describe('Workflow DevKit serialization', () => {
  const previousKey = process.env.OPENROUTER_API_KEY;
  afterEach(() => {
    if (previousKey === undefined) {
      delete process.env.OPENROUTER_API_KEY;
    } else {
      process.env.OPENROUTER_API_KEY = previousKey;
    }
  });

  // Reads its key from OPENROUTER_API_KEY, as a workflow's provider should.
  const createProvider = () =>
    createOpenRouter({
      baseURL: server.emulator.baseURL,
      appName: 'Workflow app',
      headers: { 'X-Team': 'search' },
      extraBody: { user: 'user-7' },
    });

  it('restores a chat model with its settings, headers and base URL, and no key', async () => {
    process.env.OPENROUTER_API_KEY = STEP_API_KEY;
    const model = createProvider()('anthropic/claude-sonnet-4.5', {
      provider: { order: ['anthropic'] },
    });

    const { stored, restored } = passBetweenSteps(model);
    expect(stored).not.toContain('sk-or-');
    expect(restored.modelId).toBe('anthropic/claude-sonnet-4.5');
    expect(restored.provider).toBe('openrouter.chat');

    const result = await generateText({ model: restored, prompt: 'Hi' });

    expect(result.text).toContain('You said: "Hi"');
    const [request] = server.emulator.requests;
    expect(request.body).toMatchObject({
      model: 'anthropic/claude-sonnet-4.5',
      provider: { order: ['anthropic'] },
      user: 'user-7',
    });
    expect(request.headers['x-openrouter-title']).toBe('Workflow app');
    expect(request.headers['x-team']).toBe('search');
    // The key came from the step's environment, not from the stored data.
    expect(request.headers.authorization).toContain('4242');
  });

  it('streams with a restored chat model', async () => {
    process.env.OPENROUTER_API_KEY = TEST_API_KEY;
    const { restored } = passBetweenSteps(
      createProvider()('openai/gpt-4o-mini'),
    );

    const result = streamText({ model: restored, prompt: 'Hello there' });

    expect(await result.text).toContain('You said: "Hello there"');
  });

  it('asks for OPENROUTER_API_KEY when the step has none, and sends nothing', async () => {
    delete process.env.OPENROUTER_API_KEY;
    const { restored } = passBetweenSteps(
      createProvider()('openai/gpt-4o-mini'),
    );

    const error = await generateText({ model: restored, prompt: 'Hi' }).catch(
      caught => caught,
    );

    expect(LoadAPIKeyError.isInstance(error)).toBe(true);
    expect(error.message).toContain('OPENROUTER_API_KEY');
    expect(server.emulator.requests).toHaveLength(0);
  });

  it.each([
    ['the apiKey setting', { apiKey: TEST_API_KEY }],
    [
      'an Authorization header',
      { headers: { Authorization: `Bearer ${TEST_API_KEY}` } },
    ],
    [
      "a gateway's credential header",
      { headers: { 'Helicone-Auth': 'Bearer sk-or-helicone-secret' } },
    ],
    ['api_keys', { api_keys: { anthropic: 'sk-or-like-provider-key' } }],
  ])(
    "refuses to run a model given credentials by %s on the environment's key",
    async (_, settings) => {
      process.env.OPENROUTER_API_KEY = STEP_API_KEY;
      const model = createOpenRouter({
        baseURL: server.emulator.baseURL,
        ...settings,
      })('openai/gpt-4o-mini');
      const { stored, restored } = passBetweenSteps(model);
      expect(stored).not.toContain('sk-or-');

      const error = await generateText({ model: restored, prompt: 'Hi' }).catch(
        caught => caught,
      );

      expect(LoadAPIKeyError.isInstance(error)).toBe(true);
      expect(error.message).toContain('credentials in code');
      expect(server.emulator.requests).toHaveLength(0);

      // A key given with the call itself still works.
      const result = await generateText({
        model: restored,
        prompt: 'Hi',
        headers: { Authorization: `Bearer ${TEST_API_KEY}` },
      });
      expect(result.text).toContain('You said: "Hi"');
    },
  );

  it('restores the completion, embedding, image and video models', async () => {
    process.env.OPENROUTER_API_KEY = TEST_API_KEY;
    const provider = createProvider();

    const completion = passBetweenSteps(
      provider.completion('openai/gpt-3.5-turbo-instruct'),
    ).restored;
    const embedding = passBetweenSteps(
      provider.embeddingModel('openai/text-embedding-3-small', {
        dimensions: 8,
      }),
    ).restored;
    const image = passBetweenSteps(
      provider.imageModel('google/gemini-2.5-flash-image'),
    ).restored;
    const video = passBetweenSteps(
      provider.videoModel('google/veo-3.1', { pollIntervalMs: 5 }),
    ).restored;

    expect(
      (await generateText({ model: completion, prompt: 'Once' })).text,
    ).not.toBe('');
    expect(
      (await embed({ model: embedding, value: 'sunny day' })).embedding,
    ).toHaveLength(8);
    expect(
      (await generateImage({ model: image, prompt: 'A red square' })).images,
    ).toHaveLength(1);
    expect(
      (await generateVideo({ model: video, prompt: 'A kite' })).videos,
    ).toHaveLength(1);
    expect(server.emulator.requests.map(request => request.path)).toEqual([
      '/completions',
      '/embeddings',
      '/images',
      '/videos',
      '/videos/video-emulator-3',
      '/videos/video-emulator-3',
      '/videos/video-emulator-3/content',
    ]);
  });
});
