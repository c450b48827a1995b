import type { SharedV4Warning } from '@ai-sdk/provider';
import * as z from 'zod/v4';
import type { OpenRouterChatModelId } from '../chat/openrouter-chat-model-id';
import {
  buildSchemas as buildChatSchemas,
  type OpenRouterChatOptions,
} from '../chat/openrouter-chat-options';
import {
  createOptionsReader,
  openObject,
  requestBodyOf,
} from '../options/read-options';

// The fields of OpenRouter's `POST /responses` body (`ResponsesRequest` in
// its published types) that this package knows. The routing fields are the
// chat model's, validated by the same schemas; the others are the Responses
// API's own. Unknown fields pass through, as for chat.

/** A model id for the Responses API: any OpenRouter chat model. */
export type OpenRouterResponsesModelId = OpenRouterChatModelId;

/** The `reasoning` object of a Responses request. */
export type OpenRouterResponsesReasoningOptions = {
  /** How hard the model thinks. `'none'` disables reasoning. */
  effort?:
    | 'max'
    | 'xhigh'
    | 'high'
    | 'medium'
    | 'low'
    | 'minimal'
    | 'none'
    | undefined;
  /** A token budget for reasoning; use this or `effort`, not both. */
  max_tokens?: number | undefined;
  /** Turns reasoning on with the model's default effort, or off. */
  enabled?: boolean | undefined;
  /**
   * Reasoning summaries. OpenAI models return empty summaries unless this
   * is set, e.g. to `'auto'`.
   */
  summary?: 'auto' | 'concise' | 'detailed' | undefined;
};

/** Tracing settings for observability integrations. */
export type OpenRouterTraceOptions = {
  /** Groups the generations of one trace. */
  trace_id?: string | undefined;
  /** The trace's name. */
  trace_name?: string | undefined;
  /** The span's name. */
  span_name?: string | undefined;
  /** The generation's name. */
  generation_name?: string | undefined;
  /** The parent span's id. */
  parent_span_id?: string | undefined;
};

/** The `text` object of a Responses request: output format and verbosity. */
export type OpenRouterResponsesTextOptions = {
  /**
   * The output format, e.g. `{ type: 'json_schema', name, schema, strict }`
   * or `{ type: 'json_object' }`. The call's `responseFormat` (what
   * `Output.object` sets) fills it in; one given here wins.
   */
  format?: { type: string; [field: string]: unknown } | undefined;
  /** Output verbosity for models that support it. */
  verbosity?: 'low' | 'medium' | 'high' | 'xhigh' | 'max' | undefined;
};

/**
 * `providerOptions.openrouter` for Responses models, and their settings
 * (`openrouter.responses(modelId, settings)`), which take the same fields.
 */
export type OpenRouterResponsesOptions = Pick<
  OpenRouterChatOptions,
  | 'models'
  | 'provider'
  | 'plugins'
  | 'user'
  | 'session_id'
  | 'metadata'
  | 'image_config'
  | 'top_logprobs'
  | 'temperature'
  | 'top_p'
  | 'top_k'
  | 'frequency_penalty'
  | 'presence_penalty'
  | 'parallel_tool_calls'
  | 'cache_control'
  | 'structuredOutputs'
  | 'extraBody'
> & {
  /**
   * Reasoning settings; replace the AI SDK's `reasoning` call option. With
   * reasoning on, `include: ['reasoning.encrypted_content']` is sent so
   * that the reasoning can be replayed next turn.
   */
  reasoning?: OpenRouterResponsesReasoningOptions | undefined;
  /** Output modalities, e.g. `['image', 'text']` for image generation. */
  modalities?: ('text' | 'image')[] | undefined;
  /** Output format and verbosity. */
  text?: OpenRouterResponsesTextOptions | undefined;
  /** Output verbosity; the chat spelling of `text.verbosity`. */
  verbosity?: 'low' | 'medium' | 'high' | 'xhigh' | 'max' | undefined;
  /** Output token limit; a call's `maxOutputTokens` wins. */
  max_output_tokens?: number | undefined;
  /** Most server-tool calls one response may make. @default 30 */
  max_tool_calls?: number | undefined;
  /** A key that groups requests sharing a prompt prefix, for caching. */
  prompt_cache_key?: string | undefined;
  /** Service tier, for upstreams that offer several. */
  service_tier?:
    | 'auto'
    | 'default'
    | 'fast'
    | 'flex'
    | 'priority'
    | 'scale'
    | undefined;
  /** Tracing settings for observability integrations. */
  trace?: OpenRouterTraceOptions | undefined;
  /** Extra output to include, e.g. `['reasoning.encrypted_content']`. */
  include?: string[] | undefined;
  /** What to do when the input exceeds the context window. */
  truncation?: 'auto' | 'disabled' | undefined;
  /** A stable id of your end user, for safety monitoring. */
  safety_identifier?: string | undefined;
  /**
   * System instructions. Used only when the prompt has no system message;
   * otherwise the prompt's wins.
   */
  instructions?: string | undefined;
};

/** Per-model settings take the same fields as `providerOptions.openrouter`. */
export type OpenRouterResponsesSettings = OpenRouterResponsesOptions;

// Top-level fields of the Responses request that the call or this provider
// sets: known, so they get no "did you mean".
const OTHER_RESPONSES_FIELDS = Object.fromEntries(
  [
    'model',
    'input',
    'stream',
    'store',
    'tools',
    'tool_choice',
    'previous_response_id',
    'background',
    'debug',
    'prompt_cache_options',
    'stop_server_tools_when',
  ].map(field => [field, true]),
);

/** The runtime schema of {@link OpenRouterResponsesOptions}. */
export function buildResponsesOptionsSchema() {
  const chat = buildChatSchemas().chatOptionsSchema.shape;
  const positiveInteger = z.number().int().positive().optional();
  const verbosity = z.enum(['low', 'medium', 'high', 'xhigh', 'max']);
  return z.looseObject({
    models: chat.models,
    provider: chat.provider,
    plugins: chat.plugins,
    user: z.string().max(256).optional(),
    session_id: z.string().max(256).optional(),
    metadata: chat.metadata,
    image_config: chat.image_config,
    top_logprobs: chat.top_logprobs,
    temperature: chat.temperature,
    top_p: chat.top_p,
    top_k: chat.top_k,
    frequency_penalty: chat.frequency_penalty,
    presence_penalty: chat.presence_penalty,
    parallel_tool_calls: chat.parallel_tool_calls,
    cache_control: chat.cache_control,
    structuredOutputs: chat.structuredOutputs,
    extraBody: chat.extraBody,
    reasoning: z
      .looseObject({
        effort: z
          .enum(['max', 'xhigh', 'high', 'medium', 'low', 'minimal', 'none'])
          .optional(),
        max_tokens: positiveInteger,
        enabled: z.boolean().optional(),
        summary: z.enum(['auto', 'concise', 'detailed']).optional(),
      })
      .refine(
        reasoning => reasoning.effort == null || reasoning.max_tokens == null,
        'set either effort or max_tokens, not both (OpenRouter accepts one of them)',
      )
      .optional(),
    modalities: z.array(z.enum(['text', 'image'])).optional(),
    text: z
      .looseObject({
        format: openObject(z.looseObject({ type: z.string() })).optional(),
        verbosity: verbosity.optional(),
      })
      .optional(),
    verbosity: verbosity.optional(),
    max_output_tokens: positiveInteger,
    max_tool_calls: positiveInteger,
    prompt_cache_key: z.string().optional(),
    service_tier: z
      .enum(['auto', 'default', 'fast', 'flex', 'priority', 'scale'])
      .optional(),
    trace: z
      .looseObject({
        trace_id: z.string().optional(),
        trace_name: z.string().optional(),
        span_name: z.string().optional(),
        generation_name: z.string().optional(),
        parent_span_id: z.string().optional(),
      })
      .optional(),
    include: z.array(z.string()).optional(),
    truncation: z.enum(['auto', 'disabled']).optional(),
    safety_identifier: z.string().optional(),
    instructions: z.string().optional(),
  });
}

const readResponsesOptions = /* @__PURE__ */ createOptionsReader(
  buildResponsesOptionsSchema,
  {
    alsoKnown: OTHER_RESPONSES_FIELDS,
  },
);

/** Validated options, split into what goes on the wire and what steers us. */
export type ParsedOpenRouterResponsesOptions = {
  /** Request-body fields. */
  body: Record<string, unknown>;
  /** `text.format.strict` for structured output, when set. */
  strictJsonSchema: boolean | undefined;
  warnings: SharedV4Warning[];
};

// Keys that configure this package rather than the request.
const CONTROL_KEYS = new Set(['structuredOutputs', 'extraBody', 'verbosity']);

/**
 * Validates Responses options from `source` (for error messages) and turns
 * them into body fields. An invalid value throws an `InvalidArgumentError`
 * naming the field, before any request is made.
 */
export function parseOpenRouterResponsesOptions(
  options: unknown,
  source: string,
): ParsedOpenRouterResponsesOptions | undefined {
  if (
    options == null ||
    (typeof options === 'object' && Object.keys(options).length === 0)
  ) {
    return undefined;
  }
  const warnings: SharedV4Warning[] = [];
  const parsed = readResponsesOptions(options, source, warnings);
  if (parsed == null) {
    return undefined;
  }
  const body = requestBodyOf(parsed, CONTROL_KEYS);
  // The chat spelling of the verbosity goes where the Responses API reads
  // it; `text.verbosity` wins when both are set.
  if (parsed.verbosity != null) {
    const text = (body.text ?? {}) as Record<string, unknown>;
    body.text = { verbosity: parsed.verbosity, ...text };
  }
  return {
    body,
    strictJsonSchema: (parsed.structuredOutputs as { strict?: boolean })
      ?.strict,
    warnings,
  };
}
