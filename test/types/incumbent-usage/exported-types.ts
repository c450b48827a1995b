// Every type @openrouter/ai-sdk-provider 3.1.0 exports (dist/index.d.ts),
// used as its declarations allow: each settings object written with every
// field the incumbent declares, and each result type read the way its
// fields promise.
import type {
  OpenRouterChatSettings,
  OpenRouterCompletionSettings,
  OpenRouterEmbeddingModelId,
  OpenRouterEmbeddingSettings,
  OpenRouterEvaluationModelId,
  OpenRouterEvaluationProviderPreferences,
  OpenRouterEvaluationSettings,
  OpenRouterImageModelId,
  OpenRouterImageSettings,
  OpenRouterPercentileCutoffs,
  OpenRouterProvider,
  OpenRouterProviderOptions,
  OpenRouterProviderSettings,
  OpenRouterSharedSettings,
  OpenRouterUsageAccounting,
  OpenRouterVideoModelId,
  OpenRouterVideoSettings,
} from 'ai-sdk-openrouter';
import { createOpenRouter } from 'ai-sdk-openrouter';

export const providerSettings: OpenRouterProviderSettings = {
  baseURL: 'https://openrouter.ai/api/v1',
  baseUrl: 'https://openrouter.ai/api/v1',
  decisionsBaseURL: 'https://openrouter.ai/api/alpha',
  apiKey: 'sk-or-v1-test',
  headers: { 'X-Custom': '1' },
  compatibility: 'strict',
  fetch: globalThis.fetch,
  extraBody: { transforms: ['middle-out'] },
  api_keys: { anthropic: 'sk-ant-test' },
  appName: 'My App',
  appUrl: 'https://my-app.example',
};

export const providerOptions: OpenRouterProviderOptions = {
  models: ['openai/gpt-4o', 'anthropic/claude-sonnet-4'],
  reasoning: { enabled: true, exclude: false, effort: 'xhigh' },
  user: 'user-1',
};
export const reasoningByTokens: OpenRouterProviderOptions['reasoning'] = {
  max_tokens: 1024,
};

export const sharedSettings: OpenRouterSharedSettings = {
  models: ['openai/gpt-4o'],
  reasoning: { effort: 'none' },
  user: 'user-1',
  includeReasoning: true,
  extraBody: { transforms: ['middle-out'] },
  usage: { include: true },
  temperature: 0.7,
  topP: 0.9,
  topK: 40,
  frequencyPenalty: 0.1,
  presencePenalty: 0.1,
  maxTokens: 256,
};

export const chatSettings: OpenRouterChatSettings = {
  ...sharedSettings,
  logitBias: { 50256: -100 },
  logprobs: 3,
  parallelToolCalls: false,
  user: 'user-1',
  plugins: [
    {
      id: 'web',
      max_results: 3,
      search_prompt: 'Relevant results:',
      engine: 'exa',
    },
    { id: 'file-parser', max_files: 2, pdf: { engine: 'mistral-ocr' } },
    { id: 'moderation' },
    { id: 'response-healing' },
    { id: 'auto-router', allowed_models: ['anthropic/*'] },
  ],
  web_search_options: {
    max_results: 5,
    search_prompt: 'Relevant results:',
    engine: 'native',
  },
  cache_control: { type: 'ephemeral', ttl: '1h' },
  debug: { echo_upstream_body: true },
  structuredOutputs: { strict: false },
  provider: {
    order: ['anthropic', 'openai'],
    allow_fallbacks: false,
    require_parameters: true,
    data_collection: 'deny',
    only: ['anthropic'],
    ignore: ['openai'],
    quantizations: ['fp8', 'bf16'],
    sort: 'throughput',
    max_price: {
      prompt: 1,
      completion: '2',
      image: 0.01,
      audio: 0.01,
      request: 0,
    },
    zdr: true,
  },
};

export const completionSettings: OpenRouterCompletionSettings = {
  ...sharedSettings,
  logitBias: { 50256: -100 },
  logprobs: true,
  suffix: '\n',
};

// The incumbent's logitBias is keyed by token number, so code may hold one
// in a `Record<number, number>`.
const bias: Record<number, number> = { 50256: -100 };
export const chatWithBias: OpenRouterChatSettings = { logitBias: bias };

// The incumbent's routing enums are open (`'price' | … | (string & {})`),
// so a value held in a plain string compiles.
declare const sortFromConfig: string;
declare const dataCollectionFromConfig: string;
export const openSort: OpenRouterChatSettings = {
  // @ts-expect-error DIFFERENCE: provider.sort takes only the known sorts
  provider: { sort: sortFromConfig },
};
export const openDataCollection: OpenRouterChatSettings = {
  // @ts-expect-error DIFFERENCE: data_collection takes only 'allow' | 'deny'
  provider: { data_collection: dataCollectionFromConfig },
};

export const embeddingModelId: OpenRouterEmbeddingModelId =
  'openai/text-embedding-3-small';
export const embeddingSettings: OpenRouterEmbeddingSettings = {
  user: 'user-1',
  provider: {
    order: ['openai'],
    allow_fallbacks: true,
    require_parameters: false,
    data_collection: 'allow',
    only: ['openai'],
    ignore: ['azure'],
    sort: 'price',
    max_price: {
      prompt: 0.1,
      completion: 0,
      image: 0,
      audio: 0,
      request: 0,
    },
  },
};
// The incumbent's embedding settings also take every shared setting
// (`OpenRouterSharedSettings`). `extraBody` is one an embedding request
// can use; the others only make sense for chat.
export const embeddingExtraBody: OpenRouterEmbeddingSettings = {
  extraBody: { input_type: 'query' },
};
type EmbeddingSettings = OpenRouterEmbeddingSettings;
// @ts-expect-error DIFFERENCE: embedding settings take no chat-only fields
export const embeddingModels: EmbeddingSettings = { models: ['a', 'b'] };
// @ts-expect-error DIFFERENCE: embedding settings take no chat-only fields
export const embeddingReasoning: EmbeddingSettings = { reasoning: { effort: 'low' } };
// @ts-expect-error DIFFERENCE: embedding settings take no chat-only fields
export const embeddingIncludeReasoning: EmbeddingSettings = { includeReasoning: true };
// @ts-expect-error DIFFERENCE: embedding settings take no chat-only fields
export const embeddingUsage: EmbeddingSettings = { usage: { include: true } };
// @ts-expect-error DIFFERENCE: embedding settings take no chat-only fields
export const embeddingTemperature: EmbeddingSettings = { temperature: 0 };
// @ts-expect-error DIFFERENCE: embedding settings take no chat-only fields
export const embeddingTopP: EmbeddingSettings = { topP: 1 };
// @ts-expect-error DIFFERENCE: embedding settings take no chat-only fields
export const embeddingTopK: EmbeddingSettings = { topK: 1 };
// @ts-expect-error DIFFERENCE: embedding settings take no chat-only fields
export const embeddingFrequencyPenalty: EmbeddingSettings = { frequencyPenalty: 0 };
// @ts-expect-error DIFFERENCE: embedding settings take no chat-only fields
export const embeddingPresencePenalty: EmbeddingSettings = { presencePenalty: 0 };
// @ts-expect-error DIFFERENCE: embedding settings take no chat-only fields
export const embeddingMaxTokens: EmbeddingSettings = { maxTokens: 1 };

export const percentiles: OpenRouterPercentileCutoffs = {
  p50: 1,
  p75: 2,
  p90: 3,
  p99: 4,
};

export const evaluationProvider: OpenRouterEvaluationProviderPreferences = {
  order: ['typesafe'],
  allow_fallbacks: true,
  require_parameters: false,
  data_collection: 'deny',
  zdr: true,
  enforce_distillable_text: false,
  only: ['typesafe'],
  ignore: ['other'],
  quantizations: ['fp16'],
  sort: { by: 'latency', partition: 'none' },
  max_price: { prompt: 1, completion: 1, image: 1, audio: 1, request: 1 },
  preferred_max_latency: percentiles,
  preferred_min_throughput: 50,
};
export const evaluationSort: OpenRouterEvaluationProviderPreferences = {
  sort: 'price',
  preferred_max_latency: 2,
  preferred_min_throughput: { p90: 10 },
};

export const evaluationModelId: OpenRouterEvaluationModelId =
  'typesafe/jev-1.13';
export const evaluationSettings: OpenRouterEvaluationSettings = {
  user: 'user-1',
  provider: evaluationProvider,
  session_id: 'session-1',
  trace: {
    trace_id: 't',
    trace_name: 'n',
    span_name: 's',
    generation_name: 'g',
    parent_span_id: 'p',
    custom: { any: 'value' },
  },
  extraBody: { temperature: 0 },
};

export const imageModelId: OpenRouterImageModelId =
  'google/gemini-2.5-flash-image';
export const imageSettings: OpenRouterImageSettings = {
  provider: {
    order: ['google'],
    allow_fallbacks: true,
    require_parameters: false,
    data_collection: 'deny',
    only: ['google'],
    ignore: ['other'],
    sort: 'latency',
    max_price: { prompt: 1, completion: 1, image: 1, request: 1 },
  },
  user: 'user-1',
  extraBody: { seed: 1 },
};
// The incumbent types `extraBody` as Record<string, unknown> everywhere.
const extra: Record<string, unknown> = { seed: 1 };
export const imageExtraBody: OpenRouterImageSettings = { extraBody: extra };
// The incumbent's image settings also take every shared setting, which
// its image model over POST /images does not send.
type ImageSettings = OpenRouterImageSettings;
// @ts-expect-error DIFFERENCE: image settings take no chat-only fields
export const imageModels: ImageSettings = { models: ['a', 'b'] };
// @ts-expect-error DIFFERENCE: image settings take no chat-only fields
export const imageReasoning: ImageSettings = { reasoning: { effort: 'low' } };
// @ts-expect-error DIFFERENCE: image settings take no chat-only fields
export const imageIncludeReasoning: ImageSettings = { includeReasoning: true };
// @ts-expect-error DIFFERENCE: image settings take no chat-only fields
export const imageUsage: ImageSettings = { usage: { include: true } };
// @ts-expect-error DIFFERENCE: image settings take no chat-only fields
export const imageTemperature: ImageSettings = { temperature: 0 };
// @ts-expect-error DIFFERENCE: image settings take no chat-only fields
export const imageTopP: ImageSettings = { topP: 1 };
// @ts-expect-error DIFFERENCE: image settings take no chat-only fields
export const imageTopK: ImageSettings = { topK: 1 };
// @ts-expect-error DIFFERENCE: image settings take no chat-only fields
export const imageFrequencyPenalty: ImageSettings = { frequencyPenalty: 0 };
// @ts-expect-error DIFFERENCE: image settings take no chat-only fields
export const imagePresencePenalty: ImageSettings = { presencePenalty: 0 };
// @ts-expect-error DIFFERENCE: image settings take no chat-only fields
export const imageMaxTokens: ImageSettings = { maxTokens: 1 };

export const videoModelId: OpenRouterVideoModelId = 'google/veo-3.1';
export const videoSettings: OpenRouterVideoSettings = {
  generateAudio: true,
  pollIntervalMs: 1000,
  maxPollTimeMs: 60_000,
  extraBody: { duration: 4 },
};

// `providerMetadata.openrouter.usage`, read as the incumbent types it.
export function readUsage(usage: OpenRouterUsageAccounting): number {
  const cached: number = usage.promptTokensDetails?.cachedTokens ?? 0;
  const reasoning: number =
    usage.completionTokensDetails?.reasoningTokens ?? 0;
  const cost: number | undefined = usage.cost;
  // @ts-expect-error DIFFERENCE: upstreamInferenceCost may be null
  const upstream: number | undefined = usage.costDetails?.upstreamInferenceCost;
  return (
    usage.promptTokens +
    usage.completionTokens +
    usage.totalTokens +
    cached +
    reasoning +
    (cost ?? 0) +
    (upstream ?? 0)
  );
}
export const usageAccounting: OpenRouterUsageAccounting = {
  promptTokens: 10,
  promptTokensDetails: { cachedTokens: 2 },
  completionTokens: 5,
  completionTokensDetails: { reasoningTokens: 1 },
  totalTokens: 15,
  cost: 0.001,
  costDetails: { upstreamInferenceCost: 0.0008 },
};

const provider: OpenRouterProvider = createOpenRouter(providerSettings);
export const models = {
  chat: provider('openai/gpt-4o', chatSettings),
  completion: provider.completion('openai/gpt-3.5-turbo-instruct', {
    logprobs: 2,
  }),
  embedding: provider.textEmbeddingModel(embeddingModelId, embeddingSettings),
  image: provider.imageModel(imageModelId, imageSettings),
  video: provider.videoModel(videoModelId, videoSettings),
  evaluation: provider.evaluationModel(evaluationModelId, evaluationSettings),
};

