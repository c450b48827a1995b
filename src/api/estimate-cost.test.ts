import { InvalidArgumentError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { estimateCost } from './estimate-cost';
import type { OpenRouterPricing } from './pricing';

const sonnet = {
  pricing: {
    prompt: 0.000003,
    completion: 0.000015,
    inputCacheRead: 0.0000003,
    inputCacheWrite: 0.00000375,
  } satisfies OpenRouterPricing,
};

function expectInvalid(run: () => unknown, argument: string, text: string) {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(InvalidArgumentError.isInstance(caught)).toBe(true);
  expect((caught as InvalidArgumentError).argument).toBe(argument);
  expect((caught as Error).message).toContain(text);
}

describe('estimateCost', () => {
  it('prices uncached input, cache reads, cache writes and output', () => {
    // 1,000 uncached × 0.000003 + 2,000 reads × 0.0000003 + 500 writes ×
    // 0.00000375 + 300 output × 0.000015 = 0.003 + 0.0006 + 0.001875 + 0.0045
    const cost = estimateCost(sonnet, {
      inputTokens: 3500,
      inputTokenDetails: { cacheReadTokens: 2000, cacheWriteTokens: 500 },
      outputTokens: 300,
      outputTokenDetails: { reasoningTokens: 0 },
    });

    expect(cost).toBe(0.009975);
  });

  it("accepts providerMetadata.openrouter.usage's shape", () => {
    expect(
      estimateCost(sonnet, {
        promptTokens: 3500,
        promptTokensDetails: { cachedTokens: 2000, cacheWriteTokens: 500 },
        completionTokens: 300,
      }),
    ).toBe(0.009975);
  });

  it('accepts the AI SDK usage object with undefined details', () => {
    expect(
      estimateCost(sonnet, {
        inputTokens: 100,
        inputTokenDetails: {
          cacheReadTokens: undefined,
          cacheWriteTokens: undefined,
        },
        outputTokens: 10,
        outputTokenDetails: { reasoningTokens: undefined },
      }),
    ).toBe(0.00045);
  });

  it('falls back to the prompt price for cache tokens without a cache price', () => {
    expect(
      estimateCost(
        { pricing: { prompt: 0.000001, completion: 0.000002 } },
        {
          inputTokens: 1000,
          inputTokenDetails: { cacheReadTokens: 400, cacheWriteTokens: 100 },
          outputTokens: 0,
        },
      ),
    ).toBe(0.001);
  });

  it('prices reasoning apart only when the model has a positive reasoning price', () => {
    const usage = {
      inputTokens: 0,
      outputTokens: 1000,
      outputTokenDetails: { reasoningTokens: 600 },
    };

    expect(
      estimateCost(
        {
          pricing: {
            prompt: 0,
            completion: 0.000002,
            internalReasoning: 0.000005,
          },
        },
        usage,
      ),
    ).toBe(0.0038);
    expect(
      estimateCost(
        { pricing: { prompt: 0, completion: 0.000002, internalReasoning: 0 } },
        usage,
      ),
    ).toBe(0.002);
  });

  it('adds the per-request price once per request', () => {
    const model = {
      pricing: { prompt: 0.000001, completion: 0, request: 0.005 },
    };
    const usage = { inputTokens: 1000, outputTokens: 0 };

    expect(estimateCost(model, usage)).toBe(0.006);
    expect(estimateCost(model, usage, { requests: 3 })).toBe(0.016);
  });

  it('never counts more cached tokens than input tokens', () => {
    expect(
      estimateCost(sonnet, {
        inputTokens: 100,
        inputTokenDetails: { cacheReadTokens: 500 },
        outputTokens: 0,
      }),
    ).toBe(0.00003);
  });

  it('is zero for a free model', () => {
    expect(
      estimateCost(
        { pricing: { prompt: 0, completion: 0 } },
        { inputTokens: 5000, outputTokens: 5000 },
      ),
    ).toBe(0);
  });

  it('refuses a router, whose price is -1', () => {
    expectInvalid(
      () =>
        estimateCost(
          { pricing: { prompt: -1, completion: -1 } },
          { inputTokens: 1, outputTokens: 1 },
        ),
      'model',
      'no fixed price',
    );
  });

  it('refuses a model without pricing', () => {
    expectInvalid(
      () => estimateCost({} as never, { inputTokens: 1 }),
      'model',
      'pricing',
    );
  });

  it('refuses usage without token counts', () => {
    expectInvalid(
      () => estimateCost(sonnet, { prompt_tokens: 10 } as never),
      'usage',
      'no token counts',
    );
  });

  it.each([-1, 1.5, Number.NaN])('refuses the token count %d', count => {
    expectInvalid(
      () => estimateCost(sonnet, { inputTokens: count, outputTokens: 1 }),
      'usage',
      'non-negative integers',
    );
  });

  it('refuses a negative request count', () => {
    expectInvalid(
      () => estimateCost(sonnet, { inputTokens: 1 }, { requests: -1 }),
      'requests',
      'non-negative integer',
    );
  });
});
