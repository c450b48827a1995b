import type { JSONObject, SharedV4Warning } from '@ai-sdk/provider';
import * as z from 'zod/v4';
import { INCUMBENT_SPELLINGS } from '../options/option-spellings';
import {
  createOptionsReader,
  openObject,
  requestBodyOf,
} from '../options/read-options';

// Every known field of OpenRouter's chat request body, spelled as OpenRouter
// spells it, so users can copy settings straight from OpenRouter's docs.
// Unknown fields still pass through at run time, so a new OpenRouter feature
// works before this package knows it; the TypeScript types are closed, so a
// misspelt known field is caught at compile time, and at run time a key near
// a known one, or an unknown key inside an object whose shape is known,
// gets a warning.
//
// The types are written out, not inferred from the schemas, so that their
// documentation reaches the published declarations; a type test
// (test/option-types.test-d.ts) keeps the two the same.

/** A list OpenRouter extends over time: the known values, or any string. */
type OpenValues<Known extends string> = Known | (string & {});

/** Quantization levels of an endpoint. */
export type OpenRouterQuantization = OpenValues<
  'int4' | 'int8' | 'fp4' | 'fp6' | 'fp8' | 'fp16' | 'bf16' | 'fp32' | 'unknown'
>;

/** How providers are ranked when `provider.sort` is set. */
export type OpenRouterProviderSort =
  | 'price'
  | 'throughput'
  | 'latency'
  | 'exacto';

/**
 * Percentile cutoffs for `provider.preferred_min_throughput` and
 * `provider.preferred_max_latency`.
 */
export type OpenRouterPercentileCutoffs = {
  /** Cutoff for the median. */
  p50?: number | undefined;
  /** Cutoff for the 75th percentile. */
  p75?: number | undefined;
  /** Cutoff for the 90th percentile. */
  p90?: number | undefined;
  /** Cutoff for the 99th percentile. */
  p99?: number | undefined;
};

/** A price limit: a number, or a decimal string such as `'0.5'`. */
export type OpenRouterPrice = number | string;

/** The `provider` routing object, shared by every model kind. */
export type OpenRouterProviderRouting = {
  /**
   * Provider slugs to try in order, e.g. `['anthropic', 'openai']` or an
   * endpoint variant such as `'deepinfra/turbo'`.
   */
  order?: string[] | undefined;
  /**
   * Whether other providers may serve the request when those in `order`
   * fail. @default true
   */
  allow_fallbacks?: boolean | undefined;
  /**
   * Only route to providers that support every parameter in the request.
   * @default false
   */
  require_parameters?: boolean | undefined;
  /** `'deny'` skips providers that may store or train on prompts. */
  data_collection?: 'allow' | 'deny' | undefined;
  /** Only route to Zero Data Retention endpoints. */
  zdr?: boolean | undefined;
  /** Only route to providers whose output may be used for distillation. */
  enforce_distillable_text?: boolean | undefined;
  /** Only these provider slugs may serve the request. */
  only?: string[] | undefined;
  /** These provider slugs must not serve the request. */
  ignore?: string[] | undefined;
  /** Only endpoints with these quantizations. */
  quantizations?: OpenRouterQuantization[] | undefined;
  /**
   * Sort providers instead of load balancing: by `'price'`, `'throughput'`,
   * `'latency'` or `'exacto'`, or an object such as
   * `{ by: 'price', partition: 'none' }` (OpenRouter's `ProviderSortConfig`,
   * where both fields are optional).
   */
  sort?:
    | OpenRouterProviderSort
    | {
        /** What to sort by. */
        by?: OpenRouterProviderSort | undefined;
        /**
         * `'model'` sorts the endpoints of each model (the fallback models
         * too) apart; `'none'` sorts them all together.
         */
        partition?: OpenValues<'model' | 'none'> | undefined;
      }
    | undefined;
  /**
   * The most you will pay, in USD: `prompt` and `completion` per million
   * tokens, `request` per request, `image` per image, `audio` per audio unit.
   */
  max_price?:
    | {
        /** USD per million prompt tokens. */
        prompt?: OpenRouterPrice | undefined;
        /** USD per million completion tokens. */
        completion?: OpenRouterPrice | undefined;
        /** USD per request. */
        request?: OpenRouterPrice | undefined;
        /** USD per image. */
        image?: OpenRouterPrice | undefined;
        /** USD per audio unit. */
        audio?: OpenRouterPrice | undefined;
      }
    | undefined;
  /**
   * Prefer endpoints at or above this throughput (tokens per second); a
   * number applies to p50. Slower endpoints are deprioritized, not excluded.
   */
  preferred_min_throughput?: number | OpenRouterPercentileCutoffs | undefined;
  /**
   * Prefer endpoints at or below this latency (seconds); a number applies
   * to p50. Slower endpoints are deprioritized, not excluded.
   */
  preferred_max_latency?: number | OpenRouterPercentileCutoffs | undefined;
};

/**
 * The `provider` routing of image and video requests: the routing fields
 * that apply, and options passed to each provider.
 */
export type OpenRouterMediaProviderRouting = OpenRouterProviderRouting & {
  /**
   * Options for each provider, keyed by provider slug, e.g.
   * `{ 'black-forest-labs': { safety_tolerance: 2 } }`. Only the options
   * of the provider that serves the request are passed on.
   */
  options?: Record<string, JSONObject> | undefined;
};

/** Search engines of the web plugin and `web_search_options`. */
export type OpenRouterSearchEngine = OpenValues<
  'native' | 'exa' | 'firecrawl' | 'parallel' | 'perplexity'
>;

/** The web search plugin: results are added to the prompt. */
export type OpenRouterWebPlugin = {
  id: 'web';
  /** `false` turns the plugin off for this request. @default true */
  enabled?: boolean | undefined;
  /** Number of results to add to the prompt. */
  max_results?: number | undefined;
  /** The prompt that introduces the results. */
  search_prompt?: string | undefined;
  /** `'native'` uses the model provider's search, `'exa'` uses Exa, … */
  engine?: OpenRouterSearchEngine | undefined;
  /**
   * Engine-specific search mode, e.g. `'fast'` or `'deep'` for Exa and
   * `'turbo'` or `'advanced'` for Parallel; other engines ignore it.
   */
  mode?: string | undefined;
  /** Domains to search only, e.g. `'*.substack.com'` or `'openai.com/blog'`. */
  include_domains?: string[] | undefined;
  /** Domains to leave out of the results. */
  exclude_domains?: string[] | undefined;
  /** Most searches the model may run in one turn (native search). */
  max_uses?: number | undefined;
  /** Where the user is, for local results: `{ type: 'approximate', city, … }`. */
  user_location?: Record<string, unknown> | undefined;
  /** X (Twitter) search beside the web, on endpoints that offer it. */
  x_search?: Record<string, unknown> | undefined;
};

/** The file parser plugin: how PDFs become text. */
export type OpenRouterFileParserPlugin = {
  id: 'file-parser';
  /** `false` turns the plugin off for this request. @default true */
  enabled?: boolean | undefined;
  /** Most files to parse in one request. */
  max_files?: number | undefined;
  /** PDF parsing. */
  pdf?:
    | {
        /** `'pdf-text'` (free), `'mistral-ocr'` (scans) or `'native'`. */
        engine?: OpenValues<'pdf-text' | 'mistral-ocr' | 'native'> | undefined;
      }
    | undefined;
};

/** The response healing plugin: repairs malformed JSON output. */
export type OpenRouterResponseHealingPlugin = {
  id: 'response-healing';
  /** `false` turns the plugin off for this request. @default true */
  enabled?: boolean | undefined;
};

/** The auto router plugin, for `openrouter/auto`. */
export type OpenRouterAutoRouterPlugin = {
  id: 'auto-router';
  /** `false` turns the plugin off for this request. @default true */
  enabled?: boolean | undefined;
  /** Wildcard patterns the auto router may pick from, e.g. `'openai/*'`. */
  allowed_models?: string[] | undefined;
  /** Wildcard patterns the auto router must not pick. */
  excluded_models?: string[] | undefined;
  /** A cost band: `'low'`, `'medium'`, `'high'`, `'xhigh'` or `'max'`. */
  cost_tier?:
    | OpenValues<'low' | 'medium' | 'high' | 'xhigh' | 'max'>
    | undefined;
  /** The older numeric form of `cost_tier`. */
  cost_quality_tradeoff?: number | undefined;
  /** Keep the picked model for the rest of the conversation. */
  pin_model?: boolean | undefined;
};

/** The moderation plugin. */
export type OpenRouterModerationPlugin = { id: 'moderation' };

/** A plugin this package does not know yet; it is sent as given. */
export type OpenRouterOtherPlugin = {
  /** The plugin's id, e.g. `'web-fetch'`. */
  id: string;
};

/** One entry of `plugins`. */
export type OpenRouterPlugin =
  | OpenRouterWebPlugin
  | OpenRouterFileParserPlugin
  | OpenRouterResponseHealingPlugin
  | OpenRouterAutoRouterPlugin
  | OpenRouterModerationPlugin
  | OpenRouterOtherPlugin;

/** The `reasoning` object. */
export type OpenRouterReasoningOptions = {
  /** How hard the model thinks. `'none'` disables reasoning. */
  effort?: 'xhigh' | 'high' | 'medium' | 'low' | 'minimal' | 'none' | undefined;
  /** A token budget for reasoning; use this or `effort`, not both. */
  max_tokens?: number | undefined;
  /** Reason, but leave the reasoning out of the response. */
  exclude?: boolean | undefined;
  /** Turns reasoning on with the model's default effort, or off. */
  enabled?: boolean | undefined;
  /** Reasoning summary detail, for models that summarise. */
  summary?: 'auto' | 'concise' | 'detailed' | undefined;
};

/** `cache_control`, at request level or on a message or part. */
export type OpenRouterCacheControlOptions = {
  type: 'ephemeral';
  /** How long the cache entry lives. @default '5m' */
  ttl?: '5m' | '1h' | undefined;
};

/** Options for models with built-in web search. */
export type OpenRouterWebSearchOptions = {
  /** How much search context the model gets. */
  search_context_size?: 'low' | 'medium' | 'high' | undefined;
  /** Number of results. */
  max_results?: number | undefined;
  /** The prompt that introduces the results. */
  search_prompt?: string | undefined;
  /** The search engine. */
  engine?: OpenRouterSearchEngine | undefined;
};

/**
 * `providerOptions.openrouter` for chat models, and per-model settings
 * (`openrouter(modelId, settings)`), which take the same fields.
 */
export type OpenRouterChatOptions = {
  /** Fallback models, tried in order when the first fails. */
  models?: string[] | undefined;
  /** Legacy routing strategy, e.g. `'fallback'`. */
  route?: string | undefined;
  /** Prompt transforms, e.g. `['middle-out']`. */
  transforms?: string[] | undefined;
  /** Provider routing preferences. */
  provider?: OpenRouterProviderRouting | undefined;
  /** Plugins: web search, file parsing, response healing, auto router, moderation. */
  plugins?: OpenRouterPlugin[] | undefined;
  /** Options for models with built-in web search. */
  web_search_options?: OpenRouterWebSearchOptions | undefined;
  /** Reasoning settings; win over the AI SDK's `reasoning` call option. */
  reasoning?: OpenRouterReasoningOptions | undefined;
  /**
   * OpenRouter's legacy reasoning flag, sent as given: `true` asks for the
   * reasoning as `reasoning: {}` does, `false` hides it as
   * `reasoning: { exclude: true }` does (the model may still reason). Prefer
   * `reasoning`.
   */
  include_reasoning?: boolean | undefined;
  /**
   * Usage accounting, from `@openrouter/ai-sdk-provider`. Sent as given,
   * and changes nothing: OpenRouter now always reports usage and cost, and
   * this provider always puts them in `providerMetadata.openrouter.usage`.
   * @deprecated Leave it out; usage is always reported.
   */
  usage?:
    | {
        /** @deprecated Usage is always included. */
        include?: boolean | undefined;
      }
    | undefined;
  /** Your end user's id, for abuse monitoring and caching affinity. */
  user?: string | undefined;
  /** Groups related requests for observability. */
  session_id?: string | undefined;
  /** String key-value pairs stored with the generation. */
  metadata?: Record<string, string> | undefined;
  /** Output modalities, e.g. `['image', 'text']` for image generation. */
  modalities?: ('text' | 'image' | 'audio')[] | undefined;
  /**
   * Spoken output, with `modalities: ['text', 'audio']`: the voice (e.g.
   * `alloy`) and the format (`wav`, `mp3`, `flac`, `opus`, `pcm16`; models
   * differ). The audio comes back as a `file` part of that media type.
   */
  audio?:
    | {
        voice?: string | undefined;
        format?: string | undefined;
      }
    | undefined;
  /**
   * Image output settings such as `aspect_ratio` and `image_size`; a model
   * may take others of its own, which are sent as given.
   */
  image_config?:
    | {
        /** Aspect ratio, e.g. `'16:9'`. */
        aspect_ratio?: string | undefined;
        /** Size tier, e.g. `'2K'`. */
        image_size?: string | undefined;
      }
    | undefined;
  /**
   * Return log probabilities of the output tokens. A number `n`, as
   * `@openrouter/ai-sdk-provider` takes it, means `true` with
   * `top_logprobs: n`.
   */
  logprobs?: boolean | number | undefined;
  /** Most likely tokens to return at each position (with `logprobs`), 0–20. */
  top_logprobs?: number | undefined;
  /** Token id → bias from -100 to 100. */
  logit_bias?: Record<string, number> | undefined;
  /** Minimum probability relative to the most likely token, 0–1. */
  min_p?: number | undefined;
  /** Dynamic top-a sampling, 0–1. */
  top_a?: number | undefined;
  /** Penalises repeated tokens, 0–2; 1 means none. */
  repetition_penalty?: number | undefined;
  /** Sampling temperature, 0–2; a call's `temperature` wins. */
  temperature?: number | undefined;
  /** Nucleus sampling, 0–1; a call's `topP` wins. */
  top_p?: number | undefined;
  /** Top-k sampling; a call's `topK` wins. */
  top_k?: number | undefined;
  /** -2 to 2; a call's `frequencyPenalty` wins. */
  frequency_penalty?: number | undefined;
  /** -2 to 2; a call's `presencePenalty` wins. */
  presence_penalty?: number | undefined;
  /** Output token limit; a call's `maxOutputTokens` wins. */
  max_tokens?: number | undefined;
  /** Whether the model may call several tools at once. */
  parallel_tool_calls?: boolean | undefined;
  /** Predicted output, to speed up edits of known text. */
  prediction?:
    | {
        type: 'content';
        /** The text the output is expected to resemble. */
        content: string;
      }
    | undefined;
  /** Debugging aids, e.g. `{ echo_upstream_body: true }` (streaming only). */
  debug?:
    | {
        /** Echo the body sent upstream, in the first chunk of a stream. */
        echo_upstream_body?: boolean | undefined;
      }
    | undefined;
  /** Anthropic automatic prompt caching for the whole request. */
  cache_control?: OpenRouterCacheControlOptions | undefined;
  /** Output verbosity for models that support it. */
  verbosity?: 'low' | 'medium' | 'high' | undefined;
  /**
   * Structured-output settings. `strict: false` sends
   * `json_schema.strict: false`, for models whose providers reject strict
   * schemas. @default { strict: true }
   */
  structuredOutputs?:
    | {
        /** Whether the JSON schema is sent as strict. @default true */
        strict?: boolean | undefined;
      }
    | undefined;
  /**
   * Replayed signed or encrypted reasoning only verifies on the upstream that
   * produced it. When a request replays such reasoning and sets no `provider`
   * routing, it is routed to that upstream first (`provider.order`). Set to
   * `false` to let OpenRouter route freely. @default true
   */
  pinReasoningUpstream?: boolean | undefined;
  /** Extra body fields for this model, below the typed fields. */
  extraBody?: Record<string, unknown> | undefined;
  // Spellings of `@openrouter/ai-sdk-provider` (INCUMBENT_SPELLINGS), typed
  // here so editors strike them through; they are renamed before
  // validation.
  /** @deprecated Use `logit_bias`. */
  logitBias?: Record<string, number> | undefined;
  /** @deprecated Use `parallel_tool_calls`. */
  parallelToolCalls?: boolean | undefined;
  /** @deprecated Use `include_reasoning`. */
  includeReasoning?: boolean | undefined;
  /** @deprecated Use `top_p`. */
  topP?: number | undefined;
  /** @deprecated Use `top_k`. */
  topK?: number | undefined;
  /** @deprecated Use `frequency_penalty`. */
  frequencyPenalty?: number | undefined;
  /** @deprecated Use `presence_penalty`. */
  presencePenalty?: number | undefined;
  /** @deprecated Use `max_tokens`. */
  maxTokens?: number | undefined;
};

/** Per-model settings take the same fields as `providerOptions.openrouter`. */
export type OpenRouterChatSettings = OpenRouterChatOptions;

/**
 * `@openrouter/ai-sdk-provider`'s name for `providerOptions.openrouter`;
 * the same as `OpenRouterChatOptions`, which holds every field it has.
 */
export type OpenRouterProviderOptions = OpenRouterChatOptions;

/**
 * `@openrouter/ai-sdk-provider`'s name for model settings; the same as
 * `OpenRouterChatSettings`.
 */
export type OpenRouterSharedSettings = OpenRouterChatSettings;

/** A string whose known values the types suggest; any other is accepted. */
function openEnum<const Values extends readonly string[]>(_values: Values) {
  type Value = Values[number] | (string & {});
  return z.string() as unknown as z.ZodType<Value, Value>;
}

// Top-level fields of OpenRouter's chat request that the schemas leave to
// the call or to OpenRouter: set here they are no misspelling, so they get
// no "did you mean" (the request body builder says what becomes of those
// the provider sets itself).
const OTHER_CHAT_FIELDS = Object.fromEntries(
  [
    'model',
    'messages',
    'prompt',
    'stream',
    'stream_options',
    'tools',
    'tool_choice',
    'response_format',
    'seed',
    'stop',
    'suffix',
    'trace',
    'service_tier',
    'prompt_cache_key',
    'max_completion_tokens',
    'reasoning_effort',
  ].map(field => [field, true]),
);

// The schemas are built on the first parse, not when this module loads: the
// embedding model imports it for the routing schema alone, and the chat and
// completion models load it only once a call sets options. They check
// values; the documentation is on the types above.
export function buildSchemas() {
  const stringList = z.array(z.string());
  const providerSort = z.enum(['price', 'throughput', 'latency', 'exacto']);
  const percentileCutoffs = z.looseObject({
    p50: z.number().optional(),
    p75: z.number().optional(),
    p90: z.number().optional(),
    p99: z.number().optional(),
  });
  const price = z.union([z.number(), z.string()]);
  const quantization = openEnum([
    'int4',
    'int8',
    'fp4',
    'fp6',
    'fp8',
    'fp16',
    'bf16',
    'fp32',
    'unknown',
  ]);
  const searchEngine = openEnum([
    'native',
    'exa',
    'firecrawl',
    'parallel',
    'perplexity',
  ]);

  const providerRoutingShape = {
    order: stringList.optional(),
    allow_fallbacks: z.boolean().optional(),
    require_parameters: z.boolean().optional(),
    data_collection: z.enum(['allow', 'deny']).optional(),
    zdr: z.boolean().optional(),
    enforce_distillable_text: z.boolean().optional(),
    only: stringList.optional(),
    ignore: stringList.optional(),
    quantizations: z.array(quantization).optional(),
    sort: z
      .union([
        providerSort,
        z.looseObject({
          by: providerSort.optional(),
          partition: openEnum(['model', 'none']).optional(),
        }),
      ])
      .optional(),
    max_price: z
      .looseObject({
        prompt: price.optional(),
        completion: price.optional(),
        request: price.optional(),
        image: price.optional(),
        audio: price.optional(),
      })
      .optional(),
    preferred_min_throughput: z
      .union([z.number(), percentileCutoffs])
      .optional(),
    preferred_max_latency: z.union([z.number(), percentileCutoffs]).optional(),
  };

  const providerRoutingSchema = z.looseObject(providerRoutingShape);

  const enabled = z.boolean().optional();
  const positiveInteger = z.number().int().positive().optional();
  const KNOWN_PLUGIN_IDS = [
    'web',
    'file-parser',
    'response-healing',
    'auto-router',
    'moderation',
  ];
  const pluginSchema = z.union([
    z.looseObject({
      id: z.literal('web'),
      enabled,
      max_results: positiveInteger,
      search_prompt: z.string().optional(),
      engine: searchEngine.optional(),
      mode: z.string().optional(),
      include_domains: stringList.optional(),
      exclude_domains: stringList.optional(),
      max_uses: positiveInteger,
      user_location: openObject(z.looseObject({})).optional(),
      x_search: openObject(z.looseObject({})).optional(),
    }),
    z.looseObject({
      id: z.literal('file-parser'),
      enabled,
      max_files: positiveInteger,
      pdf: z
        .looseObject({
          engine: openEnum(['pdf-text', 'mistral-ocr', 'native']).optional(),
        })
        .optional(),
    }),
    z.looseObject({ id: z.literal('response-healing'), enabled }),
    z.looseObject({
      id: z.literal('auto-router'),
      enabled,
      allowed_models: stringList.optional(),
      excluded_models: stringList.optional(),
      cost_tier: openEnum(['low', 'medium', 'high', 'xhigh', 'max']).optional(),
      cost_quality_tradeoff: z.number().optional(),
      pin_model: z.boolean().optional(),
    }),
    z.looseObject({ id: z.literal('moderation') }),
    // Plugins this package does not know yet pass through, unreviewed.
    openObject(
      z.looseObject({
        // Aborting, so that zod reports the known plugin's own issue
        // rather than this one when a known plugin is invalid.
        id: z.string().refine(id => !KNOWN_PLUGIN_IDS.includes(id), {
          message: 'invalid plugin',
          abort: true,
        }),
      }),
    ),
  ]);

  const chatOptionsShape = {
    models: stringList.optional(),
    route: z.string().optional(),
    transforms: stringList.optional(),
    provider: providerRoutingSchema.optional(),
    plugins: z.array(pluginSchema).optional(),
    web_search_options: z
      .looseObject({
        search_context_size: z.enum(['low', 'medium', 'high']).optional(),
        max_results: positiveInteger,
        search_prompt: z.string().optional(),
        engine: searchEngine.optional(),
      })
      .optional(),
    include_reasoning: z.boolean().optional(),
    reasoning: z
      .looseObject({
        effort: z
          .enum(['xhigh', 'high', 'medium', 'low', 'minimal', 'none'])
          .optional(),
        max_tokens: positiveInteger,
        exclude: z.boolean().optional(),
        enabled: z.boolean().optional(),
        summary: z.enum(['auto', 'concise', 'detailed']).optional(),
      })
      .refine(
        reasoning => reasoning.effort == null || reasoning.max_tokens == null,
        'set either effort or max_tokens, not both (OpenRouter accepts one of them)',
      )
      .optional(),
    usage: z.looseObject({ include: z.boolean().optional() }).optional(),
    user: z.string().optional(),
    session_id: z.string().optional(),
    metadata: z.record(z.string(), z.string()).optional(),
    modalities: z.array(z.enum(['text', 'image', 'audio'])).optional(),
    audio: z
      .looseObject({
        voice: z.string().optional(),
        format: z.string().optional(),
      })
      .optional(),
    // Models take image settings of their own beside these two.
    image_config: openObject(
      z.looseObject({
        aspect_ratio: z.string().optional(),
        image_size: z.string().optional(),
      }),
    ).optional(),
    logprobs: z
      .union([z.boolean(), z.number().int().min(0).max(20)])
      .optional(),
    top_logprobs: z.number().int().min(0).max(20).optional(),
    logit_bias: z.record(z.string(), z.number()).optional(),
    min_p: z.number().min(0).max(1).optional(),
    top_a: z.number().min(0).max(1).optional(),
    repetition_penalty: z.number().min(0).max(2).optional(),
    temperature: z.number().min(0).max(2).optional(),
    top_p: z.number().min(0).max(1).optional(),
    top_k: z.number().int().min(0).optional(),
    frequency_penalty: z.number().min(-2).max(2).optional(),
    presence_penalty: z.number().min(-2).max(2).optional(),
    max_tokens: positiveInteger,
    parallel_tool_calls: z.boolean().optional(),
    prediction: z
      .looseObject({ type: z.literal('content'), content: z.string() })
      .optional(),
    debug: z
      .looseObject({ echo_upstream_body: z.boolean().optional() })
      .optional(),
    cache_control: z
      .looseObject({
        type: z.literal('ephemeral'),
        ttl: z.enum(['5m', '1h']).optional(),
      })
      .optional(),
    verbosity: z.enum(['low', 'medium', 'high']).optional(),
    structuredOutputs: z
      .looseObject({ strict: z.boolean().optional() })
      .optional(),
    pinReasoningUpstream: z.boolean().optional(),
    extraBody: z.record(z.string(), z.unknown()).optional(),
    // The incumbent's spellings, renamed before validation; listed so that
    // their values are checked like the fields they stand for.
    logitBias: z.record(z.string(), z.number()).optional(),
    parallelToolCalls: z.boolean().optional(),
    includeReasoning: z.boolean().optional(),
    topP: z.number().min(0).max(1).optional(),
    topK: z.number().int().min(0).optional(),
    frequencyPenalty: z.number().min(-2).max(2).optional(),
    presencePenalty: z.number().min(-2).max(2).optional(),
    maxTokens: positiveInteger,
  };

  const chatOptionsSchema = z.looseObject(chatOptionsShape);

  return { chatOptionsSchema, providerRoutingSchema };
}

let schemas: ReturnType<typeof buildSchemas> | undefined;

function getSchemas() {
  schemas ??= buildSchemas();
  return schemas;
}

/** The `provider` routing object, shared by every model kind. */
export function getProviderRoutingSchema() {
  return getSchemas().providerRoutingSchema;
}

type ProviderOptions = Record<string, JSONObject> | undefined;

/** The `provider` routing of image and video requests. */
export function getMediaProviderRoutingSchema() {
  return getProviderRoutingSchema().extend({
    // Each provider's options are its own, so their keys are not reviewed.
    options: z
      .record(z.string(), z.record(z.string(), z.unknown()))
      .optional() as z.ZodType<ProviderOptions, ProviderOptions>,
  });
}

/**
 * A reader of a model kind's options whose `provider` field is OpenRouter's
 * routing object: see `createOptionsReader`.
 */
export function createRoutedOptionsReader(
  buildSchema: () => z.ZodObject,
  alsoKnown?: Record<string, unknown>,
) {
  return createOptionsReader(
    buildSchema,
    alsoKnown != null ? { alsoKnown } : {},
  );
}

const readChatOptions = /* @__PURE__ */ createOptionsReader(
  () => getSchemas().chatOptionsSchema,
  { alsoKnown: OTHER_CHAT_FIELDS, spellings: INCUMBENT_SPELLINGS },
);

/** Validated options, split into what goes on the wire and what steers us. */
export type ParsedOpenRouterChatOptions = {
  /** Request-body fields, with legacy spellings translated. */
  body: Record<string, unknown>;
  /** `json_schema.strict` for structured output, when set. */
  strictJsonSchema: boolean | undefined;
  /** Whether replayed reasoning pins its upstream, when set. */
  pinReasoningUpstream: boolean | undefined;
  /** Keys OpenRouter will likely ignore, reported to the caller. */
  warnings: SharedV4Warning[];
};

// Keys that configure this package rather than the request.
const CONTROL_KEYS = new Set([
  'structuredOutputs',
  'pinReasoningUpstream',
  'extraBody',
]);

/**
 * Validates chat options from `source` (for error messages, e.g.
 * `providerOptions.openrouter`) and turns them into body fields. An invalid
 * value throws an `InvalidArgumentError` naming the full field path, before
 * any request is made.
 */
export function parseOpenRouterChatOptions(
  options: unknown,
  source: string,
): ParsedOpenRouterChatOptions | undefined {
  // Most calls set nothing; they need no schema at all.
  if (
    options == null ||
    (typeof options === 'object' && Object.keys(options).length === 0)
  ) {
    return undefined;
  }
  const warnings: SharedV4Warning[] = [];
  const parsed = readChatOptions(options, source, warnings);
  if (parsed == null) {
    return undefined;
  }
  // `@openrouter/ai-sdk-provider` takes a number as "the top n".
  if (typeof parsed.logprobs === 'number') {
    parsed.top_logprobs ??= parsed.logprobs;
    parsed.logprobs = true;
  }
  const body = requestBodyOf(parsed, CONTROL_KEYS);

  return {
    body,
    strictJsonSchema: (parsed.structuredOutputs as { strict?: boolean })
      ?.strict,
    pinReasoningUpstream: parsed.pinReasoningUpstream as boolean | undefined,
    warnings,
  };
}
