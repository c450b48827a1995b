import type {
  JSONObject,
  JSONValue,
  LanguageModelV4ResponseMetadata,
  SharedV4ProviderMetadata,
  SharedV4Warning,
} from '@ai-sdk/provider';
import { convertOpenRouterUsageToMetadata } from './convert-openrouter-usage';
import type { OpenRouterTokenLogprob } from './map-openrouter-annotations';
import type { OpenRouterUsage } from './openrouter-chat-response-schemas';

/**
 * `providerMetadata.openrouter`, with the incumbent provider's key names so
 * that code reading them keeps working after a migration. Absent values are
 * left out, never written as `undefined`.
 *
 * Besides those:
 * - `refusal`: the model's refusal text, when it refused (the text is also
 *   the reply's text, and a `stop` finish is reported as `content-filter`);
 * - `warnings`: AI SDK warnings found while a stream was read, after its
 *   `stream-start` part had carried the others (choices other than index 0).
 */
export function buildOpenRouterProviderMetadata({
  generationId,
  model,
  provider,
  usage,
  reasoningDetails,
  annotations,
  logprobs,
  refusal,
  warnings,
}: {
  generationId: string | null | undefined;
  model: string | null | undefined;
  provider: string | null | undefined;
  usage: OpenRouterUsage | null | undefined;
  reasoningDetails?: unknown[] | null | undefined;
  annotations?: unknown[] | null | undefined;
  logprobs?: OpenRouterTokenLogprob[] | null | undefined;
  refusal?: string | null | undefined;
  warnings?: SharedV4Warning[] | null | undefined;
}): SharedV4ProviderMetadata {
  const metadata: JSONObject = {};
  if (provider != null) {
    metadata.provider = provider;
  }
  if (model != null) {
    metadata.model = model;
  }
  if (generationId != null) {
    metadata.generationId = generationId;
  }
  if (usage != null) {
    metadata.usage = convertOpenRouterUsageToMetadata(usage);
  }
  if (reasoningDetails != null) {
    metadata.reasoning_details = reasoningDetails as JSONValue[];
  }
  if (annotations != null && annotations.length > 0) {
    metadata.annotations = annotations as JSONValue[];
  }
  if (logprobs != null && logprobs.length > 0) {
    metadata.logprobs = logprobs as unknown as JSONValue[];
  }
  if (refusal != null && refusal !== '') {
    metadata.refusal = refusal;
  }
  if (warnings != null && warnings.length > 0) {
    metadata.warnings = warnings as unknown as JSONValue[];
  }
  return { openrouter: metadata };
}

/** The AI SDK's response metadata of an answer or a chunk. */
export function mapResponseMetadata({
  id,
  model,
  created,
}: {
  id?: string | null | undefined;
  model?: string | null | undefined;
  created?: number | null | undefined;
}): LanguageModelV4ResponseMetadata {
  return {
    id: id ?? undefined,
    modelId: model ?? undefined,
    timestamp: created != null ? new Date(created * 1000) : undefined,
  };
}

/**
 * `providerMetadata.openrouter.usage`: OpenRouter's usage, camelCased. Fields
 * OpenRouter did not report are left out; the details hold every count it
 * sent.
 */
export type OpenRouterUsageAccounting = {
  promptTokens: number;
  promptTokensDetails?:
    | {
        cachedTokens: number;
        cacheWriteTokens?: number | undefined;
        audioTokens?: number | undefined;
        videoTokens?: number | undefined;
      }
    | undefined;
  completionTokens: number;
  completionTokensDetails?:
    | {
        reasoningTokens: number;
        imageTokens?: number | undefined;
      }
    | undefined;
  totalTokens: number;
  cost?: number | undefined;
  isByok?: boolean | undefined;
  costDetails?:
    | {
        upstreamInferenceCost?: number | null | undefined;
        upstreamInferencePromptCost?: number | undefined;
        upstreamInferenceCompletionsCost?: number | undefined;
      }
    | undefined;
};
