import type {
  LanguageModelV4CallOptions,
  SharedV4Warning,
} from '@ai-sdk/provider';

export type RequestBodyLayer = {
  /** Where the values come from, as named in warnings. */
  source: string;
  values: Record<string, unknown> | undefined;
};

// Keys that would reach an object's prototype if a consumer merged the body
// naively; they never carry an OpenRouter setting.
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Builds a request body from layers listed from lowest to highest precedence.
 * A later layer replaces a whole top-level field of an earlier one; undefined
 * values never replace anything. Fields that the provider itself controls are
 * dropped with a warning instead of silently winning or losing.
 */
export function buildRequestBody({
  fixed,
  layers,
  reservedKeys,
  warnings,
}: {
  fixed: Record<string, unknown>;
  layers: RequestBodyLayer[];
  reservedKeys: readonly string[];
  warnings: SharedV4Warning[];
}): Record<string, unknown> {
  const body: Record<string, unknown> = { ...fixed };
  const isControlledKey = (key: string) =>
    reservedKeys.includes(key) || Object.hasOwn(fixed, key);

  for (const layer of layers) {
    const values = layer.values;
    if (values == null) {
      continue;
    }
    for (const key of Object.keys(values)) {
      const value = values[key];
      if (value === undefined) {
        continue;
      }
      if (isControlledKey(key) || PROTOTYPE_KEYS.has(key)) {
        warnings.push({
          type: 'other',
          message: `${layer.source} sets "${key}", which ai-sdk-openrouter controls itself; that value was ignored.`,
        });
        continue;
      }
      body[key] = value;
    }
  }

  return body;
}

/** The AI SDK's standard call settings, named as OpenRouter's body names them. */
export function standardCallSettings(
  options: LanguageModelV4CallOptions,
  stopSequences = options.stopSequences,
): Record<string, unknown> {
  return {
    max_tokens: options.maxOutputTokens,
    temperature: options.temperature,
    top_p: options.topP,
    top_k: options.topK,
    frequency_penalty: options.frequencyPenalty,
    presence_penalty: options.presencePenalty,
    stop: stopSequences,
    seed: options.seed,
  };
}
