import { lazySchema, zodSchema } from '@ai-sdk/provider-utils';
import * as z from 'zod/v4';
import type {
  OpenRouterApiConfig,
  OpenRouterRequestOptions,
} from './openrouter-api-config';
import { requestOpenRouterApi } from './openrouter-api-request';
import { requiredString } from './validate-options';

/**
 * One generation's cost and metadata (`GET /generation?id=`). Token counts
 * come in two flavours: `tokens*` are normalised (OpenRouter's own
 * tokenizer), `nativeTokens*` are what the upstream counted and billed.
 * Timing fields are passed on unconverted, because OpenRouter's docs
 * disagree on whether they are seconds or milliseconds.
 */
export type OpenRouterGeneration = {
  /** The generation id (`gen-…`), the same as the AI SDK's `response.id`. */
  id: string;
  /** What the generation cost, in USD. */
  totalCost: number;
  /** The upstream provider's own id for the request. */
  upstreamId: string | null;
  /** Cache savings in USD: positive for cache reads, negative for writes. */
  cacheDiscount: number | null;
  /** What the upstream charged, in USD (for BYOK requests). */
  upstreamInferenceCost: number | null;
  /** ISO timestamp. */
  createdAt: string | null;
  /** The model that answered. */
  model: string | null;
  /** Your app's id, when attributed. */
  appId: number | null;
  /** Whether the response was streamed. */
  streamed: boolean | null;
  /** Whether the request was cancelled. */
  cancelled: boolean | null;
  /** The provider that served it, e.g. `Anthropic`. */
  providerName: string | null;
  /** Total latency, as OpenRouter reports it. */
  latency: number | null;
  /** Moderation latency, as OpenRouter reports it. */
  moderationLatency: number | null;
  /** Generation time, as OpenRouter reports it. */
  generationTime: number | null;
  /** The normalised finish reason, e.g. `stop`. */
  finishReason: string | null;
  /** The upstream's own finish reason, e.g. `end_turn`. */
  nativeFinishReason: string | null;
  /** Prompt tokens (normalised). */
  tokensPrompt: number | null;
  /** Completion tokens (normalised). */
  tokensCompletion: number | null;
  /** Prompt tokens as the upstream counted them; cached ones included. */
  nativeTokensPrompt: number | null;
  /** Completion tokens as the upstream counted them; reasoning included. */
  nativeTokensCompletion: number | null;
  /** Completion tokens spent on images. */
  nativeTokensCompletionImages: number | null;
  /** Reasoning tokens, part of `nativeTokensCompletion`. */
  nativeTokensReasoning: number | null;
  /** Prompt tokens read from the cache, part of `nativeTokensPrompt`. */
  nativeTokensCached: number | null;
  /** Media items in the prompt. */
  numMediaPrompt: number | null;
  /** Audio inputs in the prompt. */
  numInputAudioPrompt: number | null;
  /** Media items in the completion. */
  numMediaCompletion: number | null;
  /** Web search results used. */
  numSearchResults: number | null;
  /** The page or app the request came from. */
  origin: string | null;
  /** Total usage in USD when OpenRouter sends a number (some pages show an object; see `raw`). */
  usage: number | null;
  /** Whether your own provider key was used. */
  isByok: boolean | null;
  /** The `user` you sent with the request. */
  externalUser: string | null;
  /** The API that was called, e.g. `completions` or `embeddings`. */
  apiType: string | null;
  /** The object exactly as OpenRouter sent it, unknown fields included. */
  raw: Record<string, unknown>;
};

const numberField = z.number().nullish();
const stringField = z.string().nullish();
const booleanField = z.boolean().nullish();

const generationSchema = lazySchema(() =>
  zodSchema(
    z.looseObject({
      data: z.looseObject({
        id: z.string(),
        total_cost: z.number(),
        upstream_id: stringField,
        cache_discount: numberField,
        upstream_inference_cost: numberField,
        created_at: stringField,
        model: stringField,
        app_id: numberField,
        streamed: booleanField,
        cancelled: booleanField,
        provider_name: stringField,
        latency: numberField,
        moderation_latency: numberField,
        generation_time: numberField,
        finish_reason: stringField,
        native_finish_reason: stringField,
        tokens_prompt: numberField,
        tokens_completion: numberField,
        native_tokens_prompt: numberField,
        native_tokens_completion: numberField,
        native_tokens_completion_images: numberField,
        native_tokens_reasoning: numberField,
        native_tokens_cached: numberField,
        num_media_prompt: numberField,
        num_input_audio_prompt: numberField,
        num_media_completion: numberField,
        num_search_results: numberField,
        origin: stringField,
        usage: z.unknown().optional(),
        is_byok: booleanField,
        external_user: stringField,
        api_type: stringField,
      }),
    }),
  ),
);

export async function getGeneration(
  config: OpenRouterApiConfig,
  id: string,
  requestOptions?: OpenRouterRequestOptions,
): Promise<OpenRouterGeneration> {
  const { data: g } = await requestOpenRouterApi({
    config,
    method: 'GET',
    path: '/generation',
    query: { id: requiredString(id, 'id', 'generations.get') },
    keyKind: 'inference',
    schema: generationSchema,
    requestOptions,
  });
  return {
    id: g.id,
    totalCost: g.total_cost,
    upstreamId: g.upstream_id ?? null,
    cacheDiscount: g.cache_discount ?? null,
    upstreamInferenceCost: g.upstream_inference_cost ?? null,
    createdAt: g.created_at ?? null,
    model: g.model ?? null,
    appId: g.app_id ?? null,
    streamed: g.streamed ?? null,
    cancelled: g.cancelled ?? null,
    providerName: g.provider_name ?? null,
    latency: g.latency ?? null,
    moderationLatency: g.moderation_latency ?? null,
    generationTime: g.generation_time ?? null,
    finishReason: g.finish_reason ?? null,
    nativeFinishReason: g.native_finish_reason ?? null,
    tokensPrompt: g.tokens_prompt ?? null,
    tokensCompletion: g.tokens_completion ?? null,
    nativeTokensPrompt: g.native_tokens_prompt ?? null,
    nativeTokensCompletion: g.native_tokens_completion ?? null,
    nativeTokensCompletionImages: g.native_tokens_completion_images ?? null,
    nativeTokensReasoning: g.native_tokens_reasoning ?? null,
    nativeTokensCached: g.native_tokens_cached ?? null,
    numMediaPrompt: g.num_media_prompt ?? null,
    numInputAudioPrompt: g.num_input_audio_prompt ?? null,
    numMediaCompletion: g.num_media_completion ?? null,
    numSearchResults: g.num_search_results ?? null,
    origin: g.origin ?? null,
    usage: typeof g.usage === 'number' ? g.usage : null,
    isByok: g.is_byok ?? null,
    externalUser: g.external_user ?? null,
    apiType: g.api_type ?? null,
    raw: g,
  };
}
