import { embed, generateText } from 'ai';
import { OpenRouter } from 'ai-sdk-openrouter';
import { describe, expect, it } from 'vitest';
import { TEST_API_KEY, useEmulator } from './support/use-emulator';

// Settings of `@openrouter/ai-sdk-provider` kept for drop-in use. They are
// typed @deprecated (test/published-declarations.test.ts checks that editors
// strike them through); here, that they still work as the README says.

const server = useEmulator();

describe('settings kept for drop-in use', () => {
  it('compatibility changes nothing in the request', async () => {
    for (const compatibility of [undefined, 'strict', 'compatible'] as const) {
      await generateText({
        model: server.createProvider(
          compatibility != null ? { compatibility } : {},
        )('openai/gpt-4o'),
        prompt: 'Hi',
      });
    }

    const [plain, strict, compatible] = server.emulator.requests.map(
      request => request.body,
    );
    expect(strict).toStrictEqual(plain);
    expect(compatible).toStrictEqual(plain);
  });

  it('usage: { include: true } is sent as given, and usage is reported either way', async () => {
    const withUsage = await generateText({
      model: server.createProvider()('openai/gpt-4o'),
      prompt: 'Hi',
      providerOptions: { openrouter: { usage: { include: true } } },
    });
    const without = await generateText({
      model: server.createProvider()('openai/gpt-4o'),
      prompt: 'Hi',
    });

    expect(withUsage.warnings).toStrictEqual([]);
    expect(
      (server.emulator.requests[0].body as { usage?: unknown }).usage,
    ).toStrictEqual({ include: true });
    for (const result of [withUsage, without]) {
      expect(result.usage.totalTokens).toBeGreaterThan(0);
      expect(result.providerMetadata?.openrouter?.usage).toMatchObject({
        cost: expect.any(Number),
      });
    }
  });

  it('textEmbeddingModel and embedding make the model embeddingModel makes', async () => {
    const provider = server.createProvider();
    const legacy = new OpenRouter({
      apiKey: TEST_API_KEY,
      baseURL: server.emulator.baseURL,
    });
    const id = 'openai/text-embedding-3-small';
    const models = [
      provider.embeddingModel(id),
      provider.textEmbeddingModel(id),
      provider.embedding(id),
      legacy.textEmbeddingModel(id),
      legacy.embedding(id),
    ];

    const embeddings = [];
    for (const model of models) {
      expect(model.provider).toBe('openrouter.embedding');
      expect(model.modelId).toBe(id);
      embeddings.push((await embed({ model, value: 'sunny day' })).embedding);
    }
    for (const embedding of embeddings) {
      expect(embedding).toStrictEqual(embeddings[0]);
    }
  });
});
