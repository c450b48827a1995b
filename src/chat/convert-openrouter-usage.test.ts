import { describe, expect, it } from 'vitest';
import {
  convertOpenRouterUsage,
  convertOpenRouterUsageToMetadata,
} from './convert-openrouter-usage';
import type { OpenRouterUsage } from './openrouter-chat-response-schemas';

const emptyUsage = {
  inputTokens: {
    total: undefined,
    noCache: undefined,
    cacheRead: undefined,
    cacheWrite: undefined,
  },
  outputTokens: { total: undefined, text: undefined, reasoning: undefined },
  raw: undefined,
};

describe('convertOpenRouterUsage', () => {
  it.each([null, undefined])('returns only undefined counts for %j', usage => {
    expect(convertOpenRouterUsage(usage)).toStrictEqual(emptyUsage);
  });

  it('splits cached, cache-written and reasoning tokens out', () => {
    const usage: OpenRouterUsage = {
      prompt_tokens: 1000,
      completion_tokens: 300,
      total_tokens: 1300,
      cost: 0.0042,
      prompt_tokens_details: { cached_tokens: 600, cache_write_tokens: 150 },
      completion_tokens_details: { reasoning_tokens: 120 },
    };

    const result = convertOpenRouterUsage(usage);

    expect(result.inputTokens).toStrictEqual({
      total: 1000,
      noCache: 250,
      cacheRead: 600,
      cacheWrite: 150,
    });
    expect(result.outputTokens).toStrictEqual({
      total: 300,
      text: 180,
      reasoning: 120,
    });
    expect(result.raw).toBe(usage);
  });

  // Once usage is reported, a detail it does not mention is zero, as the
  // incumbent and @ai-sdk/openai-compatible report it.
  it('counts every prompt token as uncached, and the details zero, when there are no details', () => {
    const usage: OpenRouterUsage = {
      prompt_tokens: 42,
      completion_tokens: 7,
      total_tokens: 49,
    };

    expect(convertOpenRouterUsage(usage)).toStrictEqual({
      inputTokens: {
        total: 42,
        noCache: 42,
        cacheRead: 0,
        cacheWrite: 0,
      },
      outputTokens: { total: 7, text: 7, reasoning: 0 },
      raw: usage,
    });
  });

  it('treats null details like missing ones', () => {
    const result = convertOpenRouterUsage({
      prompt_tokens: 10,
      completion_tokens: 5,
      prompt_tokens_details: { cached_tokens: null, cache_write_tokens: null },
      completion_tokens_details: { reasoning_tokens: null },
    });

    expect(result.inputTokens).toStrictEqual({
      total: 10,
      noCache: 10,
      cacheRead: 0,
      cacheWrite: 0,
    });
    expect(result.outputTokens).toStrictEqual({
      total: 5,
      text: 5,
      reasoning: 0,
    });
  });

  it('leaves the differences undefined when the totals are missing', () => {
    const result = convertOpenRouterUsage({
      prompt_tokens: null,
      prompt_tokens_details: { cached_tokens: 5 },
      completion_tokens_details: { reasoning_tokens: 3 },
    });

    expect(result.inputTokens).toStrictEqual({
      total: undefined,
      noCache: undefined,
      cacheRead: 5,
      cacheWrite: undefined,
    });
    expect(result.outputTokens).toStrictEqual({
      total: undefined,
      text: undefined,
      reasoning: 3,
    });
  });

  it('never reports negative differences', () => {
    const result = convertOpenRouterUsage({
      prompt_tokens: 10,
      completion_tokens: 4,
      prompt_tokens_details: { cached_tokens: 8, cache_write_tokens: 8 },
      completion_tokens_details: { reasoning_tokens: 9 },
    });

    expect(result.inputTokens.noCache).toBe(0);
    expect(result.outputTokens.text).toBe(0);
  });
});

describe('convertOpenRouterUsageToMetadata', () => {
  it('camelCases every key, including nested details', () => {
    expect(
      convertOpenRouterUsageToMetadata({
        prompt_tokens: 1000,
        completion_tokens: 300,
        total_tokens: 1300,
        cost: 0.0042,
        is_byok: false,
        cost_details: {
          upstream_inference_cost: 0.004,
          upstream_inference_prompt_cost: 0.001,
          upstream_inference_completions_cost: 0.003,
        },
        prompt_tokens_details: {
          cached_tokens: 600,
          cache_write_tokens: 150,
          audio_tokens: 0,
        },
        completion_tokens_details: {
          reasoning_tokens: 120,
          image_tokens: 0,
        },
      }),
    ).toStrictEqual({
      promptTokens: 1000,
      completionTokens: 300,
      totalTokens: 1300,
      cost: 0.0042,
      isByok: false,
      costDetails: {
        upstreamInferenceCost: 0.004,
        upstreamInferencePromptCost: 0.001,
        upstreamInferenceCompletionsCost: 0.003,
      },
      promptTokensDetails: {
        cachedTokens: 600,
        cacheWriteTokens: 150,
        audioTokens: 0,
      },
      completionTokensDetails: {
        reasoningTokens: 120,
        imageTokens: 0,
      },
    });
  });

  it('leaves out null and undefined fields entirely', () => {
    const result = convertOpenRouterUsageToMetadata({
      prompt_tokens: 12,
      completion_tokens: null,
      total_tokens: undefined,
      cost: null,
      is_byok: null,
      cost_details: null,
      prompt_tokens_details: undefined,
      completion_tokens_details: null,
    });

    expect(result).toStrictEqual({ promptTokens: 12 });
    expect('completionTokens' in result).toBe(false);
    expect('totalTokens' in result).toBe(false);
    expect('cost' in result).toBe(false);
    expect('isByok' in result).toBe(false);
    expect('costDetails' in result).toBe(false);
    expect('promptTokensDetails' in result).toBe(false);
    expect('completionTokensDetails' in result).toBe(false);
  });

  it('leaves out null fields inside the details', () => {
    const result = convertOpenRouterUsageToMetadata({
      cost_details: {
        upstream_inference_cost: null,
        upstream_inference_prompt_cost: 0.5,
      },
      prompt_tokens_details: { cached_tokens: 3, cache_write_tokens: null },
    });

    expect(result).toStrictEqual({
      costDetails: { upstreamInferencePromptCost: 0.5 },
      promptTokensDetails: { cachedTokens: 3 },
    });
    const costDetails = result.costDetails as Record<string, unknown>;
    expect('upstreamInferenceCost' in costDetails).toBe(false);
    const promptDetails = result.promptTokensDetails as Record<string, unknown>;
    expect('cacheWriteTokens' in promptDetails).toBe(false);
  });

  it('leaves out details whose fields are all null', () => {
    const result = convertOpenRouterUsageToMetadata({
      total_tokens: 5,
      cost_details: { upstream_inference_cost: null },
      prompt_tokens_details: {},
      completion_tokens_details: { reasoning_tokens: null },
    });

    expect(result).toStrictEqual({ totalTokens: 5 });
    expect('costDetails' in result).toBe(false);
    expect('promptTokensDetails' in result).toBe(false);
    expect('completionTokensDetails' in result).toBe(false);
  });

  it('keeps zero and false values', () => {
    expect(
      convertOpenRouterUsageToMetadata({
        prompt_tokens: 0,
        completion_tokens: 0,
        cost: 0,
        is_byok: false,
      }),
    ).toStrictEqual({
      promptTokens: 0,
      completionTokens: 0,
      cost: 0,
      isByok: false,
    });
  });

  it('returns an empty object for empty usage', () => {
    expect(convertOpenRouterUsageToMetadata({})).toStrictEqual({});
  });
});
