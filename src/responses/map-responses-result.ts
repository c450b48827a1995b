import type {
  JSONObject,
  LanguageModelV4FinishReason,
  LanguageModelV4Usage,
  SharedV4ProviderMetadata,
  SharedV4Warning,
} from '@ai-sdk/provider';
import { isRecord } from '@ai-sdk/provider-utils';
import { convertOpenRouterUsage } from '../chat/convert-openrouter-usage';
import { unifyOpenRouterFinishReason } from '../chat/map-openrouter-finish-reason';
import type { OpenRouterUsage } from '../chat/openrouter-chat-response-schemas';
import { buildOpenRouterProviderMetadata } from '../chat/openrouter-provider-metadata';

// The Responses API reports the same things as chat completions under other
// names. They are renamed here and then go through the chat model's rules,
// so that usage, cost, finish reasons and `providerMetadata.openrouter` have
// one implementation and the same keys whichever API served the call.

const number = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/**
 * A Responses usage (`input_tokens`, `output_tokens`, `*_details`,
 * `cost_details.upstream_inference_input_cost`, …) in the chat shape. The
 * seeds' examples also show chat names (`prompt_tokens`), which are read
 * when the Responses names are missing.
 */
export function normalizeResponsesUsage(
  usage: unknown,
): OpenRouterUsage | undefined {
  if (!isRecord(usage)) {
    return undefined;
  }
  const inputDetails = isRecord(usage.input_tokens_details)
    ? usage.input_tokens_details
    : isRecord(usage.prompt_tokens_details)
      ? usage.prompt_tokens_details
      : undefined;
  const outputDetails = isRecord(usage.output_tokens_details)
    ? usage.output_tokens_details
    : isRecord(usage.completion_tokens_details)
      ? usage.completion_tokens_details
      : undefined;
  const costDetails = isRecord(usage.cost_details)
    ? renameCostDetails(usage.cost_details)
    : undefined;
  const promptTokens =
    number(usage.input_tokens) ?? number(usage.prompt_tokens);
  const completionTokens =
    number(usage.output_tokens) ?? number(usage.completion_tokens);
  const normalized: OpenRouterUsage = {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    // The seeds' examples leave the total out.
    total_tokens:
      number(usage.total_tokens) ??
      (promptTokens != null && completionTokens != null
        ? promptTokens + completionTokens
        : undefined),
    cost: number(usage.cost),
    is_byok: typeof usage.is_byok === 'boolean' ? usage.is_byok : undefined,
    ...(inputDetails != null ? { prompt_tokens_details: inputDetails } : {}),
    ...(outputDetails != null
      ? { completion_tokens_details: outputDetails }
      : {}),
    ...(costDetails != null ? { cost_details: costDetails } : {}),
  };
  if (
    isRecord(usage.server_tool_use_details) &&
    normalized.cost_details != null
  ) {
    normalized.cost_details.server_tool_use_details =
      usage.server_tool_use_details;
  }
  return normalized;
}

function renameCostDetails(details: Record<string, unknown>) {
  const renamed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) {
    renamed[
      key === 'upstream_inference_input_cost'
        ? 'upstream_inference_prompt_cost'
        : key === 'upstream_inference_output_cost'
          ? 'upstream_inference_completions_cost'
          : key
    ] = value;
  }
  return renamed;
}

/** The AI SDK usage of a Responses usage; `raw` is the usage as received. */
export function convertResponsesUsage(usage: unknown): LanguageModelV4Usage {
  const converted = convertOpenRouterUsage(normalizeResponsesUsage(usage));
  return isRecord(usage)
    ? { ...converted, raw: usage as JSONObject }
    : converted;
}

/**
 * The finish reason of a response that ended with `status`:
 * - `completed` → stop, or tool calls when the model called a client tool,
 *   or content filter when it refused;
 * - `incomplete` → length (`max_output_tokens`), content filter, or other;
 *   never tool calls, as the arguments may be cut;
 * - `failed` → error; `cancelled` and anything else → other.
 */
export function mapResponsesFinishReason({
  status,
  incompleteReason,
  hasToolCalls,
  hasRefusal,
}: {
  status: string | undefined;
  incompleteReason: string | undefined;
  hasToolCalls: boolean;
  hasRefusal: boolean;
}): LanguageModelV4FinishReason {
  const raw = incompleteReason ?? status;
  switch (status) {
    case 'completed':
      return {
        ...unifyOpenRouterFinishReason('stop', { hasToolCalls, hasRefusal }),
        raw,
      };
    case 'incomplete':
      return {
        unified:
          incompleteReason === 'max_output_tokens'
            ? 'length'
            : incompleteReason === 'content_filter'
              ? 'content-filter'
              : 'other',
        raw,
      };
    case 'failed':
      return { unified: 'error', raw };
    default:
      return { unified: 'other', raw };
  }
}

/** A Responses response as far as its metadata goes. */
export type ResponsesEnvelope = {
  id?: unknown;
  model?: unknown;
  created_at?: unknown;
  provider?: unknown;
  usage?: unknown;
  openrouter_metadata?: unknown;
};

/**
 * `providerMetadata.openrouter` of a Responses call, with the chat model's
 * keys: `generationId` is the response id. The serving provider is the
 * response's `provider`, or the successful attempt in `openrouter_metadata`
 * (sent when routing metadata is asked for).
 */
export function buildResponsesProviderMetadata(
  response: ResponsesEnvelope | undefined,
  extra: {
    annotations?: unknown[];
    refusal?: string;
    warnings?: SharedV4Warning[];
  } = {},
): SharedV4ProviderMetadata {
  return buildOpenRouterProviderMetadata({
    generationId: typeof response?.id === 'string' ? response.id : undefined,
    model: typeof response?.model === 'string' ? response.model : undefined,
    provider: servedBy(response),
    usage: normalizeResponsesUsage(response?.usage),
    annotations: extra.annotations ?? null,
    refusal: extra.refusal ?? null,
    warnings: extra.warnings ?? null,
  });
}

function servedBy(response: ResponsesEnvelope | undefined) {
  if (typeof response?.provider === 'string') {
    return response.provider;
  }
  const attempts = isRecord(response?.openrouter_metadata)
    ? response.openrouter_metadata.attempts
    : undefined;
  if (!Array.isArray(attempts)) {
    return undefined;
  }
  const served = attempts.findLast(
    attempt =>
      isRecord(attempt) &&
      attempt.status === 200 &&
      typeof attempt.provider === 'string',
  ) as { provider: string } | undefined;
  return served?.provider;
}

/** The AI SDK's response metadata of a Responses response. */
export function mapResponsesResponseMetadata(response: ResponsesEnvelope) {
  return {
    id: typeof response.id === 'string' ? response.id : undefined,
    modelId: typeof response.model === 'string' ? response.model : undefined,
    timestamp:
      typeof response.created_at === 'number'
        ? new Date(response.created_at * 1000)
        : undefined,
  };
}
