/**
 * The emulated account: its credits, its usage figures, the API keys it
 * starts with, recorded generations and daily activity, in OpenRouter's wire
 * format. Generation costs are worked out by hand from the catalogue prices
 * (see each comment), so they can check a cost estimate independently.
 */

/** `GET /credits`: 50 USD bought, 12.35 USD used. */
export const EMULATOR_CREDITS = { total_credits: 50, total_usage: 12.35 };

/** Limits and usage `GET /key` reports for keys the emulator did not create. */
export const EMULATOR_CURRENT_KEY_USAGE = {
  limit: 25,
  limit_remaining: 12.65,
  limit_reset: 'monthly',
  include_byok_in_limit: false,
  usage: 12.35,
  usage_daily: 0.42,
  usage_weekly: 3.1,
  usage_monthly: 12.35,
  byok_usage: 0,
  byok_usage_daily: 0,
  byok_usage_weekly: 0,
  byok_usage_monthly: 0,
  is_free_tier: false,
  rate_limit: {
    requests: -1,
    interval: '10s',
    note: 'This field is deprecated and safe to ignore.',
  },
};

const ZERO_BYOK = {
  byok_usage: 0,
  byok_usage_daily: 0,
  byok_usage_weekly: 0,
  byok_usage_monthly: 0,
};

/** The keys the account starts with; one of them disabled. */
export const EMULATOR_SEED_KEYS: readonly Record<string, unknown>[] = [
  {
    hash: 'f01d52606dc8f0a8303a7b5cc3fa07109c2e346cec7c0a16b40de462992ce943',
    name: 'Production',
    label: 'sk-or-v1-f01...943',
    disabled: false,
    limit: 100,
    limit_remaining: 74.5,
    limit_reset: 'monthly',
    include_byok_in_limit: false,
    usage: 25.5,
    usage_daily: 1.25,
    usage_weekly: 6.8,
    usage_monthly: 25.5,
    ...ZERO_BYOK,
    created_at: '2025-11-02T09:30:00.000Z',
    updated_at: '2025-12-01T00:00:00.000Z',
    expires_at: null,
  },
  {
    hash: '0b9ac3f1e2d4c5b6a7980f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4',
    name: 'CI',
    label: 'sk-or-v1-0b9...5f4',
    disabled: false,
    limit: 10,
    limit_remaining: 6.8,
    limit_reset: 'daily',
    include_byok_in_limit: true,
    usage: 3.2,
    usage_daily: 3.2,
    usage_weekly: 3.2,
    usage_monthly: 3.2,
    ...ZERO_BYOK,
    created_at: '2025-12-20T12:00:00.000Z',
    updated_at: null,
    expires_at: '2026-06-30T00:00:00.000Z',
  },
  {
    hash: '7c1e0d9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d',
    name: 'Old laptop',
    label: 'sk-or-v1-7c1...c1d',
    disabled: true,
    limit: null,
    limit_remaining: null,
    limit_reset: null,
    include_byok_in_limit: false,
    usage: 0.87,
    usage_daily: 0,
    usage_weekly: 0,
    usage_monthly: 0,
    ...ZERO_BYOK,
    created_at: '2025-03-14T08:00:00.000Z',
    updated_at: '2025-09-01T10:00:00.000Z',
    expires_at: null,
  },
];

/** A `/generation` record: the given fields over typical defaults. */
export function generation(
  fields: Record<string, unknown> & { id: string },
): Record<string, unknown> & { id: string } {
  return {
    upstream_inference_cost: null,
    app_id: null,
    streamed: true,
    cancelled: false,
    moderation_latency: null,
    native_tokens_completion_images: 0,
    num_media_prompt: 0,
    num_input_audio_prompt: 0,
    num_media_completion: 0,
    num_search_results: 0,
    origin: 'https://my-app.example/',
    is_byok: false,
    external_user: null,
    api_type: 'completions',
    ...fields,
  };
}

/** `GET /generation?id=`, by id. */
export const EMULATOR_GENERATIONS: ReadonlyMap<
  string,
  Record<string, unknown>
> = new Map(
  [
    // 500 uncached prompt tokens × 0.000003 + 1,000 cache reads × 0.0000003
    // + 400 completion tokens × 0.000015 = 0.0015 + 0.0003 + 0.006.
    generation({
      id: 'gen-1767225600-sonnet45a',
      upstream_id: 'msg_01XFDUDYJgAACzvnptvVoYEL',
      total_cost: 0.0078,
      cache_discount: 0.0027,
      usage: 0.0078,
      created_at: '2026-01-01T00:00:00.000Z',
      model: 'anthropic/claude-sonnet-4.5',
      provider_name: 'Anthropic',
      latency: 1840,
      generation_time: 1620,
      finish_reason: 'stop',
      native_finish_reason: 'end_turn',
      tokens_prompt: 1480,
      tokens_completion: 392,
      native_tokens_prompt: 1500,
      native_tokens_completion: 400,
      native_tokens_reasoning: 0,
      native_tokens_cached: 1000,
      external_user: 'user-42',
    }),
    // 2,000 prompt tokens × 0.0000003 + 900 completion tokens (600 of them
    // reasoning, billed at the completion price) × 0.0000025.
    generation({
      id: 'gen-1767225660-flash25b',
      upstream_id: null,
      total_cost: 0.00285,
      cache_discount: null,
      usage: 0.00285,
      created_at: '2026-01-01T00:01:00.000Z',
      model: 'google/gemini-2.5-flash',
      provider_name: 'Google AI Studio',
      latency: 3210,
      generation_time: 2990,
      finish_reason: 'stop',
      native_finish_reason: 'STOP',
      tokens_prompt: 1968,
      tokens_completion: 287,
      native_tokens_prompt: 2000,
      native_tokens_completion: 900,
      native_tokens_reasoning: 600,
      native_tokens_cached: 0,
      streamed: false,
    }),
    // 6,000 uncached prompt tokens × 0.00000015 + 4,000 cache reads ×
    // 0.000000075 + 500 completion tokens × 0.0000006.
    generation({
      id: 'gen-1767225720-mini4oc',
      upstream_id: 'chatcmpl-CCPLHlFY6sNSGMfMtWUzeMjvIBpEx',
      total_cost: 0.0015,
      cache_discount: 0.0003,
      usage: 0.0015,
      created_at: '2026-01-01T00:02:00.000Z',
      model: 'openai/gpt-4o-mini',
      provider_name: 'OpenAI',
      latency: 950,
      generation_time: 870,
      finish_reason: 'tool_calls',
      native_finish_reason: 'tool_calls',
      tokens_prompt: 9850,
      tokens_completion: 505,
      native_tokens_prompt: 10_000,
      native_tokens_completion: 500,
      native_tokens_reasoning: 0,
      native_tokens_cached: 4000,
    }),
    // A free model costs nothing.
    generation({
      id: 'gen-1767225780-llamafrd',
      upstream_id: null,
      total_cost: 0,
      cache_discount: null,
      usage: 0,
      created_at: '2026-01-01T00:03:00.000Z',
      model: 'meta-llama/llama-3.3-70b-instruct:free',
      provider_name: 'Chutes',
      latency: 4100,
      generation_time: 3800,
      finish_reason: 'length',
      native_finish_reason: 'length',
      tokens_prompt: 300,
      tokens_completion: 120,
      native_tokens_prompt: 310,
      native_tokens_completion: 120,
      native_tokens_reasoning: null,
      native_tokens_cached: null,
    }),
  ].map(record => [record.id, record]),
);

/** `GET /activity`: usage per endpoint and UTC day. */
export const EMULATOR_ACTIVITY: readonly Record<string, unknown>[] = [
  activity('2025-12-30', 'anthropic/claude-sonnet-4.5', 'Anthropic', {
    usage: 1.284,
    requests: 164,
    prompt_tokens: 247_000,
    completion_tokens: 36_200,
    reasoning_tokens: 0,
  }),
  activity('2025-12-30', 'openai/gpt-4o-mini', 'OpenAI', {
    usage: 0.0912,
    requests: 58,
    prompt_tokens: 402_000,
    completion_tokens: 51_500,
    reasoning_tokens: 0,
  }),
  activity('2025-12-31', 'google/gemini-2.5-flash', 'Google AI Studio', {
    usage: 0.3305,
    requests: 116,
    prompt_tokens: 231_500,
    completion_tokens: 104_420,
    reasoning_tokens: 69_600,
  }),
];

function activity(
  date: string,
  model: string,
  providerName: string,
  figures: {
    usage: number;
    requests: number;
    prompt_tokens: number;
    completion_tokens: number;
    reasoning_tokens: number;
  },
) {
  return {
    date,
    model,
    model_permaslug: model,
    endpoint_id: `${providerName.toLowerCase().replace(/\s+/g, '-')}/${model}`,
    provider_name: providerName,
    byok_usage_inference: 0,
    ...figures,
  };
}
