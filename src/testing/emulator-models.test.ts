import { describe, expect, it } from 'vitest';
import {
  EMULATOR_COMPLETION_PRICE,
  EMULATOR_PROMPT_PRICE,
  priceTokens,
  serveModel,
} from './emulator-models';
import type { EmulatorContext } from './emulator-routes';

const context = (acceptAnyModel?: boolean): EmulatorContext => ({
  options: { acceptAnyModel },
  nextSequence: () => 0,
  state: new Map(),
});

describe('serveModel', () => {
  it('serves a catalogue model by its first endpoint, at that endpoint’s prices', () => {
    expect(
      serveModel(context(), 'meta-llama/llama-3.3-70b-instruct', 'chat'),
    ).toStrictEqual({
      id: 'meta-llama/llama-3.3-70b-instruct',
      provider: 'DeepInfra',
      prices: {
        prompt: 0.00000013,
        completion: 0.00000039,
        request: 0,
        internalReasoning: 0,
      },
    });
  });

  it('accepts routing suffixes but not unknown variants', () => {
    expect(serveModel(context(), 'openai/gpt-4o:floor', 'chat').id).toBe(
      'openai/gpt-4o:floor',
    );
    expect(() => serveModel(context(), 'openai/gpt-4o:free', 'chat')).toThrow(
      'openai/gpt-4o:free is not a valid model ID',
    );
  });

  it('refuses each kind on the other’s endpoint the way OpenRouter does', () => {
    expect(() =>
      serveModel(context(), 'qwen/qwen3-embedding-8b', 'chat', 'completions'),
    ).toThrow(
      expect.objectContaining({
        status: 400,
        message:
          'qwen/qwen3-embedding-8b is an embedding model and cannot be used with the completions endpoint. Use the /embeddings endpoint instead.',
      }),
    );
    expect(() => serveModel(context(), 'openai/gpt-4o', 'embedding')).toThrow(
      expect.objectContaining({
        status: 404,
        message: 'No endpoints found for openai/gpt-4o.',
      }),
    );
  });

  it('serves anything with acceptAnyModel, at the default prices', () => {
    expect(serveModel(context(true), 'acme/x', 'embedding')).toStrictEqual({
      id: 'acme/x',
      provider: 'Emulator',
      prices: {
        prompt: EMULATOR_PROMPT_PRICE,
        completion: EMULATOR_COMPLETION_PRICE,
        request: 0,
        internalReasoning: 0,
      },
    });
  });
});

describe('priceTokens', () => {
  const prices = {
    prompt: 0.00000079,
    completion: 0.000002,
    request: 0.001,
    internalReasoning: 0,
  };

  it('sums prompt, completion and request prices, rounded to 12 significant digits', () => {
    expect(
      priceTokens(prices, { prompt: 3, completion: 7, reasoning: 0 }),
    ).toStrictEqual({
      cost: 0.00101637,
      promptCost: 0.00000237,
      completionCost: 0.000014,
    });
  });

  it('prices reasoning apart only when the model has a reasoning price', () => {
    const withReasoningPrice = { ...prices, internalReasoning: 0.00001 };

    expect(
      priceTokens(prices, { prompt: 0, completion: 10, reasoning: 4 })
        .completionCost,
    ).toBe(0.00002);
    expect(
      priceTokens(withReasoningPrice, {
        prompt: 0,
        completion: 10,
        reasoning: 4,
      }).completionCost,
    ).toBe(0.000052);
  });
});
