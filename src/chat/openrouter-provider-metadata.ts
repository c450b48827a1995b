import type {
  JSONObject,
  JSONValue,
  SharedV4ProviderMetadata,
} from '@ai-sdk/provider';
import { convertOpenRouterUsageToMetadata } from './convert-openrouter-usage';
import type { OpenRouterTokenLogprob } from './map-openrouter-annotations';
import type { OpenRouterUsage } from './openrouter-chat-response-schemas';

/**
 * `providerMetadata.openrouter`, with the incumbent provider's key names so
 * that code reading them keeps working after a migration. Absent values are
 * left out, never written as `undefined`.
 */
export function buildOpenRouterProviderMetadata({
  generationId,
  model,
  provider,
  usage,
  reasoningDetails,
  annotations,
  logprobs,
}: {
  generationId: string | null | undefined;
  model: string | null | undefined;
  provider: string | null | undefined;
  usage: OpenRouterUsage | null | undefined;
  reasoningDetails?: unknown[] | null;
  annotations?: unknown[] | null;
  logprobs?: OpenRouterTokenLogprob[] | null;
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
  return { openrouter: metadata };
}
