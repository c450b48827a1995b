import type { SharedV4Warning } from '@ai-sdk/provider';
import * as z from 'zod/v4';
import { INCUMBENT_SPELLINGS } from '../options/option-spellings';
import {
  type ClosedType,
  createOptionsReader,
  requestBodyOf,
  respellCamelCaseKeys,
  validateOptions,
} from '../options/read-options';

// Every known field of OpenRouter's chat request body, spelled as OpenRouter
// spells it, so users can copy settings straight from OpenRouter's docs.
// Unknown fields still pass through at run time, so a new OpenRouter feature
// works before this package knows it; the TypeScript type is closed, so a
// misspelt known field is caught at compile time.

/** A string whose known values the types suggest; any other is accepted. */
function openEnum<const Values extends readonly string[]>(_values: Values) {
  type Value = Values[number] | (string & {});
  return z.string() as unknown as z.ZodType<Value, Value>;
}

// The schemas are built on the first parse, not when this module loads: the
// embedding model imports it for the routing schema alone, and the chat and
// completion models load it only once a call sets options.
function buildSchemas() {
  const stringList = z.array(z.string());
  const providerSort = z.enum(['price', 'throughput', 'latency', 'exacto']);
  const percentileCutoffs = z.looseObject({
    p50: z.number().optional(),
    p75: z.number().optional(),
    p90: z.number().optional(),
    p99: z.number().optional(),
  });
  const price = z.union([z.number(), z.string()]);

  // Lists OpenRouter extends over time are open: the known values are
  // suggested by the types, and a newer one still goes through.
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
  const searchEngine = openEnum(['native', 'exa']);

  const providerRoutingShape = {
    /**
     * Provider slugs to try in order, e.g. `['anthropic', 'openai']` or an
     * endpoint variant such as `'deepinfra/turbo'`.
     */
    order: stringList.optional(),
    /**
     * Whether other providers may serve the request when those in `order`
     * fail. @default true
     */
    allow_fallbacks: z.boolean().optional(),
    /**
     * Only route to providers that support every parameter in the request.
     * @default false
     */
    require_parameters: z.boolean().optional(),
    /** `'deny'` skips providers that may store or train on prompts. */
    data_collection: z.enum(['allow', 'deny']).optional(),
    /** Only route to Zero Data Retention endpoints. */
    zdr: z.boolean().optional(),
    /** Only route to providers whose output may be used for distillation. */
    enforce_distillable_text: z.boolean().optional(),
    /** Only these provider slugs may serve the request. */
    only: stringList.optional(),
    /** These provider slugs must not serve the request. */
    ignore: stringList.optional(),
    /** Only endpoints with these quantizations. */
    quantizations: z.array(quantization).optional(),
    /**
     * Sort providers instead of load balancing: by `'price'`, `'throughput'`,
     * `'latency'` or `'exacto'`, or an object such as
     * `{ by: 'price', partition: 'none' }` (OpenRouter's `ProviderSortConfig`,
     * where both fields are optional).
     */
    sort: z
      .union([
        providerSort,
        z.looseObject({
          by: providerSort.optional(),
          partition: openEnum(['model', 'none']).optional(),
        }),
      ])
      .optional(),
    /**
     * The most you will pay, in USD: `prompt` and `completion` per million
     * tokens, `request` per request, `image` per image, `audio` per audio unit.
     */
    max_price: z
      .looseObject({
        prompt: price.optional(),
        completion: price.optional(),
        request: price.optional(),
        image: price.optional(),
        audio: price.optional(),
      })
      .optional(),
    /**
     * Prefer endpoints at or above this throughput (tokens per second); a
     * number applies to p50. Slower endpoints are deprioritized, not excluded.
     */
    preferred_min_throughput: z
      .union([z.number(), percentileCutoffs])
      .optional(),
    /**
     * Prefer endpoints at or below this latency (seconds); a number applies
     * to p50. Slower endpoints are deprioritized, not excluded.
     */
    preferred_max_latency: z.union([z.number(), percentileCutoffs]).optional(),
  };

  const providerRoutingSchema = z.looseObject(providerRoutingShape);

  const webPluginShape = {
    id: z.literal('web'),
    /** Number of results to add to the prompt. */
    max_results: z.number().int().positive().optional(),
    /** The prompt that introduces the results. */
    search_prompt: z.string().optional(),
    /** `'native'` uses the model provider's search, `'exa'` uses Exa. */
    engine: searchEngine.optional(),
  };

  const fileParserPluginShape = {
    id: z.literal('file-parser'),
    /** Most files to parse in one request. */
    max_files: z.number().int().positive().optional(),
    pdf: z
      .looseObject({
        /** `'pdf-text'` (free), `'mistral-ocr'` (scans) or `'native'`. */
        engine: openEnum(['pdf-text', 'mistral-ocr', 'native']).optional(),
      })
      .optional(),
  };

  const responseHealingPluginShape = { id: z.literal('response-healing') };

  const autoRouterPluginShape = {
    id: z.literal('auto-router'),
    /** Wildcard patterns the auto router may pick from, e.g. `'openai/*'`. */
    allowed_models: stringList.optional(),
  };

  const moderationPluginShape = { id: z.literal('moderation') };

  const KNOWN_PLUGIN_IDS = [
    'web',
    'file-parser',
    'response-healing',
    'auto-router',
    'moderation',
  ];

  const reasoningShape = {
    /** How hard the model thinks. `'none'` disables reasoning. */
    effort: z
      .enum(['xhigh', 'high', 'medium', 'low', 'minimal', 'none'])
      .optional(),
    /** A token budget for reasoning; use this or `effort`, not both. */
    max_tokens: z.number().int().positive().optional(),
    /** Reason, but leave the reasoning out of the response. */
    exclude: z.boolean().optional(),
    /** Turns reasoning on with the model's default effort, or off. */
    enabled: z.boolean().optional(),
    /** Reasoning summary detail, for models that summarise. */
    summary: z.enum(['auto', 'concise', 'detailed']).optional(),
  };

  const cacheControlShape = {
    type: z.literal('ephemeral'),
    /** How long the cache entry lives. @default '5m' */
    ttl: z.enum(['5m', '1h']).optional(),
  };

  const chatOptionsShape = {
    /** Fallback models, tried in order when the first fails. */
    models: stringList.optional(),
    /** Legacy routing strategy, e.g. `'fallback'`. */
    route: z.string().optional(),
    /** Prompt transforms, e.g. `['middle-out']`. */
    transforms: stringList.optional(),
    /** Provider routing preferences. */
    provider: providerRoutingSchema.optional(),
    /** Plugins: web search, file parsing, response healing, auto router, moderation. */
    plugins: z
      .array(
        z.union([
          z.looseObject(webPluginShape),
          z.looseObject(fileParserPluginShape),
          z.looseObject(responseHealingPluginShape),
          z.looseObject(autoRouterPluginShape),
          z.looseObject(moderationPluginShape),
          // Plugins this package does not know yet pass through.
          z.looseObject({
            id: z
              .string()
              .refine(id => !KNOWN_PLUGIN_IDS.includes(id), 'invalid plugin'),
          }),
        ]),
      )
      .optional(),
    /** Options for models with built-in web search. */
    web_search_options: z
      .looseObject({
        search_context_size: z.enum(['low', 'medium', 'high']).optional(),
        max_results: z.number().int().positive().optional(),
        search_prompt: z.string().optional(),
        engine: searchEngine.optional(),
      })
      .optional(),
    /** Reasoning settings; win over the AI SDK's `reasoning` call option. */
    reasoning: z
      .looseObject(reasoningShape)
      .refine(
        reasoning => reasoning.effort == null || reasoning.max_tokens == null,
        'set either effort or max_tokens, not both (OpenRouter accepts one of them)',
      )
      .optional(),
    /** Usage accounting. OpenRouter now always reports usage. */
    usage: z.looseObject({ include: z.boolean().optional() }).optional(),
    /** Your end user's id, for abuse monitoring and caching affinity. */
    user: z.string().optional(),
    /** Groups related requests for observability. */
    session_id: z.string().optional(),
    /** String key-value pairs stored with the generation. */
    metadata: z.record(z.string(), z.string()).optional(),
    /** Output modalities, e.g. `['image', 'text']` for image generation. */
    modalities: z.array(z.enum(['text', 'image', 'audio'])).optional(),
    /** Image output settings such as `aspect_ratio` and `image_size`. */
    image_config: z
      .looseObject({
        aspect_ratio: z.string().optional(),
        image_size: z.string().optional(),
      })
      .optional(),
    /**
     * Return log probabilities of the output tokens. A number `n`, as
     * `@openrouter/ai-sdk-provider` takes it, means `true` with
     * `top_logprobs: n`.
     */
    logprobs: z
      .union([z.boolean(), z.number().int().min(0).max(20)])
      .optional(),
    /** Most likely tokens to return at each position (with `logprobs`). */
    top_logprobs: z.number().int().min(0).max(20).optional(),
    /** Token id → bias from -100 to 100. */
    logit_bias: z.record(z.string(), z.number()).optional(),
    /** Minimum probability relative to the most likely token. */
    min_p: z.number().min(0).max(1).optional(),
    /** Dynamic top-a sampling. */
    top_a: z.number().min(0).max(1).optional(),
    /** Penalises repeated tokens; 1 means none. */
    repetition_penalty: z.number().min(0).max(2).optional(),
    /** Sampling temperature; a call's `temperature` wins. */
    temperature: z.number().min(0).max(2).optional(),
    /** Nucleus sampling; a call's `topP` wins. */
    top_p: z.number().min(0).max(1).optional(),
    /** Top-k sampling; a call's `topK` wins. */
    top_k: z.number().int().min(0).optional(),
    /** A call's `frequencyPenalty` wins. */
    frequency_penalty: z.number().min(-2).max(2).optional(),
    /** A call's `presencePenalty` wins. */
    presence_penalty: z.number().min(-2).max(2).optional(),
    /** Output token limit; a call's `maxOutputTokens` wins. */
    max_tokens: z.number().int().positive().optional(),
    /** Whether the model may call several tools at once. */
    parallel_tool_calls: z.boolean().optional(),
    /** Predicted output, to speed up edits of known text. */
    prediction: z
      .looseObject({ type: z.literal('content'), content: z.string() })
      .optional(),
    /** Debugging aids, e.g. `{ echo_upstream_body: true }` (streaming only). */
    debug: z
      .looseObject({ echo_upstream_body: z.boolean().optional() })
      .optional(),
    /** Anthropic automatic prompt caching for the whole request. */
    cache_control: z.looseObject(cacheControlShape).optional(),
    /** Output verbosity for models that support it. */
    verbosity: z.enum(['low', 'medium', 'high']).optional(),
    /**
     * Structured-output settings. `strict: false` sends
     * `json_schema.strict: false`, for models whose providers reject strict
     * schemas. @default { strict: true }
     */
    structuredOutputs: z
      .looseObject({ strict: z.boolean().optional() })
      .optional(),
    /**
     * Replayed signed or encrypted reasoning only verifies on the upstream that
     * produced it. When a request replays such reasoning and sets no `provider`
     * routing, it is routed to that upstream first (`provider.order`). Set to
     * `false` to let OpenRouter route freely. @default true
     */
    pinReasoningUpstream: z.boolean().optional(),
    /** Extra body fields for this model, below the typed fields. */
    extraBody: z.record(z.string(), z.unknown()).optional(),
    // Spellings of `@openrouter/ai-sdk-provider` (INCUMBENT_SPELLINGS), typed
    // here so editors strike them through; they are renamed before
    // validation, so these schemas only type them.
    /** @deprecated Use `logit_bias`. */
    logitBias: z.record(z.string(), z.number()).optional(),
    /** @deprecated Use `parallel_tool_calls`. */
    parallelToolCalls: z.boolean().optional(),
    /** @deprecated Use `reasoning: { enabled }`. */
    includeReasoning: z.boolean().optional(),
    /** @deprecated Use `top_p`. */
    topP: z.number().min(0).max(1).optional(),
    /** @deprecated Use `top_k`. */
    topK: z.number().int().min(0).optional(),
    /** @deprecated Use `frequency_penalty`. */
    frequencyPenalty: z.number().min(-2).max(2).optional(),
    /** @deprecated Use `presence_penalty`. */
    presencePenalty: z.number().min(-2).max(2).optional(),
    /** @deprecated Use `max_tokens`. */
    maxTokens: z.number().int().positive().optional(),
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

/**
 * A reader of a model kind's options whose `provider` field is OpenRouter's
 * routing object, camelCase keys in it respelled too: see
 * `createOptionsReader`.
 */
export function createRoutedOptionsReader(
  buildSchema: () => z.ZodObject,
  alsoKnown?: Record<string, unknown>,
) {
  return createOptionsReader(buildSchema, {
    nested: () => ({ provider: getProviderRoutingSchema().shape }),
    ...(alsoKnown != null ? { alsoKnown } : {}),
  });
}

type ChatOptionsSchema = ReturnType<typeof buildSchemas>['chatOptionsSchema'];

/**
 * `providerOptions.openrouter` for chat models, and per-model settings
 * (`openrouter(modelId, settings)`), which take the same fields.
 */
export type OpenRouterChatOptions = ClosedType<z.input<ChatOptionsSchema>>;

/** Per-model settings take the same fields as `providerOptions.openrouter`. */
export type OpenRouterChatSettings = OpenRouterChatOptions;

/** The `provider` routing object. */
export type OpenRouterProviderRouting = NonNullable<
  OpenRouterChatOptions['provider']
>;

/** One entry of `plugins`. */
export type OpenRouterPlugin = NonNullable<
  OpenRouterChatOptions['plugins']
>[number];

/** The `reasoning` object. */
export type OpenRouterReasoningOptions = NonNullable<
  OpenRouterChatOptions['reasoning']
>;

/**
 * Percentile cutoffs for `provider.preferred_min_throughput` and
 * `provider.preferred_max_latency`.
 */
export type OpenRouterPercentileCutoffs = Exclude<
  NonNullable<OpenRouterProviderRouting['preferred_max_latency']>,
  number
>;

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

/** `cache_control`, at request level or on a message or part. */
export type OpenRouterCacheControlOptions = NonNullable<
  OpenRouterChatOptions['cache_control']
>;

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
  'includeReasoning',
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
  const { chatOptionsSchema, providerRoutingSchema } = getSchemas();
  const warnings: SharedV4Warning[] = [];
  const parsed = validateOptions(
    chatOptionsSchema,
    respellCamelCaseKeys(options, {
      source,
      knownKeys: chatOptionsSchema.shape,
      nested: { provider: providerRoutingSchema.shape },
      spellings: INCUMBENT_SPELLINGS,
      warnings,
    }),
    source,
  ) as Record<string, unknown>;
  // `@openrouter/ai-sdk-provider` takes a number as "the top n".
  if (typeof parsed.logprobs === 'number') {
    parsed.top_logprobs ??= parsed.logprobs;
    parsed.logprobs = true;
  }
  const body = requestBodyOf(parsed, CONTROL_KEYS);
  if (parsed.includeReasoning != null && parsed.reasoning == null) {
    body.reasoning = { enabled: parsed.includeReasoning };
  }

  return {
    body,
    strictJsonSchema: (parsed.structuredOutputs as { strict?: boolean })
      ?.strict,
    pinReasoningUpstream: parsed.pinReasoningUpstream as boolean | undefined,
    warnings,
  };
}
