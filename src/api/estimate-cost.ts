import { InvalidArgumentError } from '@ai-sdk/provider';
import { roundSignificant } from './price-units';
import type { OpenRouterPricing } from './pricing';

/**
 * Token counts to price. Both shapes are accepted: the AI SDK's `usage`
 * (`result.usage`, `result.totalUsage`) and OpenRouter's own camelCased usage
 * (`providerMetadata.openrouter.usage`).
 */
export type OpenRouterCostUsage =
  | {
      /** All input tokens, cached ones included. */
      inputTokens?: number | undefined;
      /** Where the input tokens came from. */
      inputTokenDetails?:
        | {
            /** Input tokens read from the prompt cache. */
            cacheReadTokens?: number | undefined;
            /** Input tokens written to the prompt cache. */
            cacheWriteTokens?: number | undefined;
          }
        | undefined;
      /** All output tokens, reasoning included. */
      outputTokens?: number | undefined;
      /** What the output tokens were spent on. */
      outputTokenDetails?:
        | {
            /** Output tokens spent on reasoning. */
            reasoningTokens?: number | undefined;
          }
        | undefined;
    }
  | {
      /** All prompt tokens, cached ones included. */
      promptTokens?: number | undefined;
      /** Where the prompt tokens came from. */
      promptTokensDetails?:
        | {
            /** Prompt tokens read from the cache. */
            cachedTokens?: number | undefined;
            /** Prompt tokens written to the cache. */
            cacheWriteTokens?: number | undefined;
          }
        | undefined;
      /** All completion tokens, reasoning included. */
      completionTokens?: number | undefined;
      /** What the completion tokens were spent on. */
      completionTokensDetails?:
        | {
            /** Completion tokens spent on reasoning. */
            reasoningTokens?: number | undefined;
          }
        | undefined;
    };

/** Options for `estimateCost`. */
export type OpenRouterEstimateCostOptions = {
  /** Requests made, for models with a per-request price. @default 1 */
  requests?: number | undefined;
};

/**
 * Estimates what a call cost in USD from a model's (or endpoint's) pricing,
 * as returned by `models.list()` or `models.endpoints()`:
 *
 * - uncached input tokens × `prompt`;
 * - cache reads × `inputCacheRead` and cache writes × `inputCacheWrite`
 *   (each falling back to `prompt` when the model has no cache price);
 * - reasoning tokens × `internalReasoning` when the model prices them apart
 *   (a positive value; OpenRouter lists `0` for models that bill reasoning as
 *   ordinary output), the other output tokens × `completion`;
 * - `request` × requests.
 *
 * Images, audio and web searches are not included. Model-level prices are
 * the cheapest endpoint's, so when a call was served by a pricier endpoint
 * pass that endpoint (from `models.endpoints()`). The exact figure is
 * `providerMetadata.openrouter.usage.cost`, or `generations.get(id)`.
 */
export function estimateCost(
  model: { pricing: OpenRouterPricing },
  usage: OpenRouterCostUsage,
  options: OpenRouterEstimateCostOptions = {},
): number {
  const pricing = model?.pricing;
  if (pricing == null || typeof pricing.prompt !== 'number') {
    throw new InvalidArgumentError({
      argument: 'model',
      message:
        'estimateCost: model must have a pricing object, as returned by models.list() or models.endpoints().',
    });
  }
  const prices = [
    pricing.prompt,
    pricing.completion,
    pricing.inputCacheRead,
    pricing.inputCacheWrite,
    pricing.internalReasoning,
    pricing.request,
  ];
  if (prices.some(price => price != null && price < 0)) {
    throw new InvalidArgumentError({
      argument: 'model',
      message:
        'estimateCost: this model has no fixed price (OpenRouter lists -1 for routers such as openrouter/auto). Estimate with the model that answered, from providerMetadata.openrouter.model.',
    });
  }

  const tokens = readTokens(usage);
  const cacheRead = Math.min(tokens.cacheRead, tokens.input);
  const cacheWrite = Math.min(tokens.cacheWrite, tokens.input - cacheRead);
  const uncachedInput = tokens.input - cacheRead - cacheWrite;
  const reasoning = Math.min(tokens.reasoning, tokens.output);

  // OpenRouter lists internal_reasoning "0" for most models whose thinking
  // is billed as ordinary output (Gemini, for one), so only a positive value
  // is a separate reasoning price.
  const reasoningPrice =
    pricing.internalReasoning != null && pricing.internalReasoning > 0
      ? pricing.internalReasoning
      : pricing.completion;
  const requests = options.requests ?? 1;
  if (!isCount(requests)) {
    throw new InvalidArgumentError({
      argument: 'requests',
      message: `estimateCost: requests must be a non-negative integer, got ${String(requests)}.`,
    });
  }

  return roundSignificant(
    uncachedInput * pricing.prompt +
      cacheRead * (pricing.inputCacheRead ?? pricing.prompt) +
      cacheWrite * (pricing.inputCacheWrite ?? pricing.prompt) +
      (tokens.output - reasoning) * pricing.completion +
      reasoning * reasoningPrice +
      requests * (pricing.request ?? 0),
  );
}

type TokenCounts = {
  input: number;
  cacheRead: number;
  cacheWrite: number;
  output: number;
  reasoning: number;
};

function readTokens(usage: OpenRouterCostUsage): TokenCounts {
  const source = (usage ?? {}) as Record<string, unknown> & {
    inputTokenDetails?: Record<string, unknown> | undefined;
    outputTokenDetails?: Record<string, unknown> | undefined;
    promptTokensDetails?: Record<string, unknown> | undefined;
    completionTokensDetails?: Record<string, unknown> | undefined;
  };
  const isAiSdkShape =
    source.inputTokens !== undefined || source.outputTokens !== undefined;
  const counts = isAiSdkShape
    ? {
        input: source.inputTokens,
        cacheRead: source.inputTokenDetails?.cacheReadTokens,
        cacheWrite: source.inputTokenDetails?.cacheWriteTokens,
        output: source.outputTokens,
        reasoning: source.outputTokenDetails?.reasoningTokens,
      }
    : {
        input: source.promptTokens,
        cacheRead: source.promptTokensDetails?.cachedTokens,
        cacheWrite: source.promptTokensDetails?.cacheWriteTokens,
        output: source.completionTokens,
        reasoning: source.completionTokensDetails?.reasoningTokens,
      };

  if (counts.input == null && counts.output == null) {
    throw new InvalidArgumentError({
      argument: 'usage',
      message:
        "estimateCost: usage has no token counts. Pass the AI SDK's usage (inputTokens, outputTokens, …) or providerMetadata.openrouter.usage (promptTokens, completionTokens, …).",
    });
  }

  const result = {} as TokenCounts;
  for (const [name, value] of Object.entries(counts)) {
    if (value != null && !isCount(value)) {
      throw new InvalidArgumentError({
        argument: 'usage',
        message: `estimateCost: token counts must be non-negative integers, got ${String(value)} for ${name}.`,
      });
    }
    result[name as keyof TokenCounts] = (value as number | undefined) ?? 0;
  }
  return result;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
