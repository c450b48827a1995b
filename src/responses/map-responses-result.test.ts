import { describe, expect, it } from 'vitest';
import {
  buildResponsesProviderMetadata,
  convertResponsesUsage,
  mapResponsesFinishReason,
  normalizeResponsesUsage,
} from './map-responses-result';

// A usage OpenRouter's Responses API returned for an OpenAI model (copied
// from a gateway's test fixture of real traffic).
const RECORDED_USAGE = {
  input_tokens: 622051,
  input_tokens_details: { cached_tokens: 594944 },
  output_tokens: 304,
  output_tokens_details: { reasoning_tokens: 0 },
  total_tokens: 622355,
  cost: 0.0439847,
  is_byok: true,
  cost_details: {
    upstream_inference_cost: 0.879694,
    upstream_inference_input_cost: 0.866014,
    upstream_inference_output_cost: 0.01368,
  },
};

describe('normalizeResponsesUsage', () => {
  it("renames a recorded Responses usage to the chat model's names", () => {
    expect(normalizeResponsesUsage(RECORDED_USAGE)).toEqual({
      prompt_tokens: 622051,
      completion_tokens: 304,
      total_tokens: 622355,
      cost: 0.0439847,
      is_byok: true,
      prompt_tokens_details: { cached_tokens: 594944 },
      completion_tokens_details: { reasoning_tokens: 0 },
      cost_details: {
        upstream_inference_cost: 0.879694,
        upstream_inference_prompt_cost: 0.866014,
        upstream_inference_completions_cost: 0.01368,
      },
    });
  });

  it("reads the seeds' chat names and sums a missing total", () => {
    expect(
      normalizeResponsesUsage({ prompt_tokens: 5, completion_tokens: 7 }),
    ).toMatchObject({
      prompt_tokens: 5,
      completion_tokens: 7,
      total_tokens: 12,
    });
    expect(normalizeResponsesUsage(null)).toBeUndefined();
  });
});

describe('convertResponsesUsage', () => {
  it('gives the AI SDK usage, with cache reads apart and the usage as received in raw', () => {
    const usage = convertResponsesUsage(RECORDED_USAGE);
    expect(usage.inputTokens).toEqual({
      total: 622051,
      noCache: 622051 - 594944,
      cacheRead: 594944,
      cacheWrite: 0,
    });
    expect(usage.outputTokens).toEqual({ total: 304, text: 304, reasoning: 0 });
    expect(usage.raw).toBe(RECORDED_USAGE);
  });
});

describe('buildResponsesProviderMetadata', () => {
  it("uses the chat model's keys, with the response id as generation id", () => {
    expect(
      buildResponsesProviderMetadata({
        id: 'resp_1',
        model: 'openai/o4-mini',
        usage: RECORDED_USAGE,
        openrouter_metadata: {
          attempts: [
            { provider: 'Azure', status: 429 },
            { provider: 'OpenAI', status: 200 },
          ],
        },
      }).openrouter,
    ).toMatchObject({
      generationId: 'resp_1',
      model: 'openai/o4-mini',
      provider: 'OpenAI',
      usage: {
        promptTokens: 622051,
        completionTokens: 304,
        totalTokens: 622355,
        cost: 0.0439847,
        isByok: true,
        costDetails: {
          upstreamInferenceCost: 0.879694,
          upstreamInferencePromptCost: 0.866014,
          upstreamInferenceCompletionsCost: 0.01368,
        },
      },
    });
  });
});

describe('mapResponsesFinishReason', () => {
  const map = (
    status: string | undefined,
    incompleteReason?: string,
    flags = { hasToolCalls: false, hasRefusal: false },
  ) => mapResponsesFinishReason({ status, incompleteReason, ...flags });

  it.each([
    ['completed', undefined, 'stop', 'completed'],
    ['incomplete', 'max_output_tokens', 'length', 'max_output_tokens'],
    ['incomplete', 'content_filter', 'content-filter', 'content_filter'],
    ['incomplete', undefined, 'other', 'incomplete'],
    ['failed', undefined, 'error', 'failed'],
    ['cancelled', undefined, 'other', 'cancelled'],
  ])('%s (%s) is %s', (status, reason, unified, raw) => {
    expect(map(status, reason)).toEqual({ unified, raw });
  });

  it('is tool calls when a completed response called a client tool, never when it was cut', () => {
    const calls = { hasToolCalls: true, hasRefusal: false };
    expect(map('completed', undefined, calls).unified).toBe('tool-calls');
    expect(map('incomplete', 'max_output_tokens', calls).unified).toBe(
      'length',
    );
  });

  it('is content filter when a completed response refused', () => {
    expect(
      map('completed', undefined, { hasToolCalls: false, hasRefusal: true })
        .unified,
    ).toBe('content-filter');
  });
});
