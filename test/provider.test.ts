import { InvalidArgumentError } from '@ai-sdk/provider';
import { embed, generateText } from 'ai';
import { createOpenRouter, OpenRouter, openrouter } from 'ai-sdk-openrouter';
import { describe, expect, it } from 'vitest';
import { TEST_API_KEY, useEmulator } from './support/use-emulator';

const server = useEmulator();

describe('createOpenRouter', () => {
  it('is a ProviderV4 whose model functions create chat models', () => {
    const provider = createOpenRouter({ apiKey: TEST_API_KEY });

    expect(provider.specificationVersion).toBe('v4');
    for (const model of [
      provider('openai/gpt-4o'),
      provider.chat('openai/gpt-4o'),
      provider.languageModel('openai/gpt-4o'),
    ]) {
      expect(model.specificationVersion).toBe('v4');
      expect(model.provider).toBe('openrouter.chat');
      expect(model.modelId).toBe('openai/gpt-4o');
    }
  });

  it('creates image models', () => {
    const model = createOpenRouter().imageModel(
      'google/gemini-2.5-flash-image',
    );

    expect(model.specificationVersion).toBe('v4');
    expect(model.provider).toBe('openrouter.image');
    // POST /images makes up to 10 images a request; chat makes one.
    expect(model.maxImagesPerCall).toBe(10);
    expect(
      createOpenRouter().imageModel('google/gemini-2.5-flash-image', {
        endpoint: 'chat',
      }).maxImagesPerCall,
    ).toBe(1);
  });

  it('has a default instance', () => {
    expect(openrouter('openai/gpt-4o').provider).toBe('openrouter.chat');
  });

  it('refuses to be called with new', () => {
    const provider = createOpenRouter();
    expect(
      () => new (provider as unknown as new (id: string) => unknown)('x/y'),
    ).toThrow('cannot be called with the new keyword');
  });

  it('creates completion and embedding models under every name', () => {
    const provider = createOpenRouter();

    expect(provider.completion('openai/gpt-3.5-turbo-instruct').provider).toBe(
      'openrouter.completion',
    );
    for (const model of [
      provider.embeddingModel('openai/text-embedding-3-small'),
      provider.textEmbeddingModel('openai/text-embedding-3-small'),
      provider.embedding('openai/text-embedding-3-small'),
    ]) {
      expect(model.specificationVersion).toBe('v4');
      expect(model.provider).toBe('openrouter.embedding');
      expect(model.supportsParallelCalls).toBe(true);
    }
  });

  it('tolerates a trailing slash in baseURL', async () => {
    const provider = createOpenRouter({
      apiKey: TEST_API_KEY,
      baseURL: `${server.emulator.baseURL}/`,
    });

    await generateText({ model: provider('openai/gpt-4o'), prompt: 'Hi' });

    expect(server.emulator.requests[0].path).toBe('/chat/completions');
  });

  it('accepts the deprecated baseUrl spelling', async () => {
    const provider = createOpenRouter({
      apiKey: TEST_API_KEY,
      baseUrl: server.emulator.baseURL,
    });

    await generateText({ model: provider('openai/gpt-4o'), prompt: 'Hi' });

    expect(server.emulator.requests).toHaveLength(1);
  });

  it.each([
    [
      'credentials',
      'https://user:secret@openrouter.example/api/v1',
      'credentials',
    ],
    ['a relative URL', '/api/v1', 'absolute'],
    ['another protocol', 'ftp://openrouter.example/api/v1', 'http or https'],
  ])('rejects a baseURL with %s', (_, baseURL, expected) => {
    let caught: unknown;
    try {
      createOpenRouter({ baseURL });
    } catch (error) {
      caught = error;
    }
    expect(InvalidArgumentError.isInstance(caught)).toBe(true);
    expect((caught as Error).message).toContain(expected);
    expect((caught as Error).message).not.toContain('secret');
  });

  it('sends every request through a custom fetch', async () => {
    const seenUrls: string[] = [];
    const provider = createOpenRouter({
      apiKey: TEST_API_KEY,
      baseURL: server.emulator.baseURL,
      fetch: async (input, init) => {
        seenUrls.push(String(input));
        return fetch(input, init);
      },
    });

    const result = await generateText({
      model: provider('openai/gpt-4o'),
      prompt: 'Hi',
    });

    expect(result.text).toContain('You said: "Hi"');
    expect(seenUrls).toStrictEqual([
      `${server.emulator.baseURL}/chat/completions`,
    ]);
  });
});

describe('drop-in forms of @openrouter/ai-sdk-provider', () => {
  it('new OpenRouter(…) offers chat, completion and embedding models', async () => {
    const provider = new OpenRouter({
      apiKey: TEST_API_KEY,
      baseURL: server.emulator.baseURL,
    });

    const { text } = await generateText({
      model: provider.chat('openai/gpt-4o-mini'),
      prompt: 'Hi',
    });
    const completion = await generateText({
      model: provider.completion('openai/gpt-3.5-turbo-instruct'),
      prompt: 'Once',
    });
    const { embedding } = await embed({
      model: provider.textEmbeddingModel('openai/text-embedding-3-small'),
      value: 'hello',
    });

    expect(text).toContain('You said: "Hi"');
    expect(completion.text).not.toBe('');
    expect(embedding.length).toBeGreaterThan(0);
    expect(provider.embedding('openai/text-embedding-3-small').provider).toBe(
      'openrouter.embedding',
    );
  });

  it('sends api_keys as X-Provider-API-Keys, which the emulator keeps out of its records', async () => {
    const sent: Array<string | null> = [];
    const provider = server.createProvider({
      api_keys: { anthropic: 'sk-ant-own-key' },
      // Watches what goes on the wire; the request still reaches the emulator.
      fetch: (input, init) => {
        sent.push(new Headers(init?.headers).get('x-provider-api-keys'));
        return fetch(input, init);
      },
    });

    await generateText({
      model: provider('anthropic/claude-sonnet-4.5'),
      prompt: 'Hi',
    });

    expect(sent).toStrictEqual(['{"anthropic":"sk-ant-own-key"}']);
    const recorded = server.emulator.requests[0];
    expect(recorded.headers['x-provider-api-keys']).toBe('[REDACTED]');
    expect(JSON.stringify(recorded)).not.toContain('sk-ant-own-key');
  });
});
