import type { JSONObject, LanguageModelV4Usage } from '@ai-sdk/provider';
import { createNullLanguageModelUsage } from '@ai-sdk/provider-utils';
import { snakeToCamel } from '../api/snake-to-camel';
import type { OpenRouterUsage } from './openrouter-chat-response-schemas';

/**
 * Maps OpenRouter's usage to the AI SDK's. OpenRouter counts cached and
 * cache-written tokens inside `prompt_tokens` and reasoning tokens inside
 * `completion_tokens`, so the "no cache" and "text" parts are differences.
 * Like the first-party Anthropic provider, tokens written to the cache are not
 * counted as "no cache" tokens.
 */
export function convertOpenRouterUsage(
  usage: OpenRouterUsage | null | undefined,
): LanguageModelV4Usage {
  if (usage == null) {
    return createNullLanguageModelUsage();
  }

  const promptTokens = usage.prompt_tokens ?? undefined;
  const completionTokens = usage.completion_tokens ?? undefined;
  // Once a total is reported, a detail it does not mention is zero, as
  // `@openrouter/ai-sdk-provider` and `@ai-sdk/openai-compatible` report it.
  const inputDetail = (count: number | null | undefined) =>
    promptTokens == null ? (count ?? undefined) : (count ?? 0);
  const cacheRead = inputDetail(usage.prompt_tokens_details?.cached_tokens);
  const cacheWrite = inputDetail(
    usage.prompt_tokens_details?.cache_write_tokens,
  );
  const reasoningCount = usage.completion_tokens_details?.reasoning_tokens;
  const reasoning =
    completionTokens == null
      ? (reasoningCount ?? undefined)
      : (reasoningCount ?? 0);

  return {
    inputTokens: {
      total: promptTokens,
      noCache:
        promptTokens == null
          ? undefined
          : Math.max(0, promptTokens - (cacheRead ?? 0) - (cacheWrite ?? 0)),
      cacheRead,
      cacheWrite,
    },
    outputTokens: {
      total: completionTokens,
      text:
        completionTokens == null
          ? undefined
          : Math.max(0, completionTokens - (reasoning ?? 0)),
      reasoning,
    },
    raw: usage as JSONObject,
  };
}

/**
 * OpenRouter's usage, camelCased for `providerMetadata.openrouter.usage`.
 * Absent fields are left out rather than set to `undefined`, because the AI
 * SDK validates provider metadata as JSON.
 */
export function convertOpenRouterUsageToMetadata(
  usage: OpenRouterUsage,
): JSONObject {
  const metadata: JSONObject = {};
  setIfPresent(metadata, 'promptTokens', usage.prompt_tokens);
  setIfPresent(metadata, 'completionTokens', usage.completion_tokens);
  setIfPresent(metadata, 'totalTokens', usage.total_tokens);
  setIfPresent(metadata, 'cost', usage.cost);
  setIfPresent(metadata, 'isByok', usage.is_byok);
  const costDetails = camelCaseKeys(usage.cost_details);
  if (costDetails != null) {
    metadata.costDetails = costDetails;
  }
  const promptDetails = camelCaseKeys(usage.prompt_tokens_details);
  if (promptDetails != null) {
    metadata.promptTokensDetails = promptDetails;
  }
  const completionDetails = camelCaseKeys(usage.completion_tokens_details);
  if (completionDetails != null) {
    metadata.completionTokensDetails = completionDetails;
  }
  return metadata;
}

function setIfPresent(
  target: JSONObject,
  key: string,
  value: number | boolean | null | undefined,
) {
  if (value != null) {
    target[key] = value;
  }
}

function camelCaseKeys(
  record: Record<string, unknown> | null | undefined,
): JSONObject | undefined {
  if (record == null) {
    return undefined;
  }
  const result: JSONObject = {};
  let hasEntries = false;
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (value == null) {
      continue;
    }
    result[snakeToCamel(key)] = value as JSONObject[string];
    hasEntries = true;
  }
  return hasEntries ? result : undefined;
}
