import * as z from 'zod/v4';
import { snakeToCamel } from './snake-to-camel';

// OpenRouter sends prices as decimal strings ("0.0000025") so they survive
// JSON without float rounding; numbers are accepted as well. A string that
// is not a decimal number is a protocol violation: the catalogue entry
// carrying it is skipped and reported, because a silently dropped price
// would make a paid model look free.
//
// The pattern runs on response data, so each quantifier must be separated
// from the next by a character it cannot match: the integer digits end where
// the '.' or the exponent starts. Written as `\d+\.?\d*`, two adjacent digit
// runs split every digit string both ways, and `'1'.repeat(30000) + 'x'`
// backtracked for two seconds.
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

const priceSchema = z.union([
  z.number(),
  z.string().trim().refine(isFiniteDecimal, 'Expected a decimal price'),
]);

// A price beyond the range of a double ('1e999') would read as Infinity and
// break every cost computed from it, so it is malformed like any other.
function isFiniteDecimal(value: string) {
  return DECIMAL.test(value) && Number.isFinite(Number(value));
}

/** `pricing` of a model or an endpoint, as OpenRouter sends it. */
export const pricingWireSchema = z.looseObject({
  prompt: priceSchema,
  completion: priceSchema,
  request: priceSchema.nullish(),
  image: priceSchema.nullish(),
  image_output: priceSchema.nullish(),
  audio: priceSchema.nullish(),
  input_audio_cache: priceSchema.nullish(),
  web_search: priceSchema.nullish(),
  internal_reasoning: priceSchema.nullish(),
  input_cache_read: priceSchema.nullish(),
  input_cache_write: priceSchema.nullish(),
  discount: z.number().nullish(),
});

export type PricingWire = z.infer<typeof pricingWireSchema>;

/**
 * Prices in USD, parsed from OpenRouter's decimal strings. Token prices are
 * **per token** (multiply by 1,000,000 for the per-million figures shown on
 * openrouter.ai, or use `toPerMillionTokens`). A price OpenRouter does not
 * send is absent. OpenRouter uses `-1` for routers such as `openrouter/auto`,
 * whose price depends on the model they pick.
 */
export type OpenRouterPricing = {
  /** USD per input (prompt) token. */
  prompt: number;
  /** USD per output (completion) token, reasoning tokens included. */
  completion: number;
  /** USD per request, on top of token prices. */
  request?: number | undefined;
  /** USD per input image. */
  image?: number | undefined;
  /** USD per output image. */
  imageOutput?: number | undefined;
  /** USD per input audio token. */
  audio?: number | undefined;
  /** USD per cached input audio token. */
  inputAudioCache?: number | undefined;
  /** USD per web search. */
  webSearch?: number | undefined;
  /** USD per internal reasoning token, when billed apart from `completion`. */
  internalReasoning?: number | undefined;
  /** USD per input token read from the prompt cache. */
  inputCacheRead?: number | undefined;
  /** USD per input token written to the prompt cache. */
  inputCacheWrite?: number | undefined;
  /** A discount OpenRouter applies, as it sends it. */
  discount?: number | undefined;
  /** Prices OpenRouter adds later arrive camelCased and parsed, like these. */
  [otherPrice: string]: number | undefined;
};

/**
 * Parses every price, known or not: keys are camelCased, decimal strings
 * become numbers, and absent or null prices are left out.
 */
export function mapPricing(pricing: PricingWire): OpenRouterPricing {
  const result: OpenRouterPricing = {
    prompt: parsePrice(pricing.prompt) ?? 0,
    completion: parsePrice(pricing.completion) ?? 0,
  };
  for (const [key, value] of Object.entries(pricing)) {
    if (key === 'prompt' || key === 'completion') {
      continue;
    }
    const price = parsePrice(value);
    if (price != null) {
      result[snakeToCamel(key)] = price;
    }
  }
  return result;
}

/** A price as a number; undefined for null, absent, malformed or infinite values. */
export function parsePrice(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : undefined;
  }
  if (typeof value === 'string' && isFiniteDecimal(value.trim())) {
    return Number(value.trim());
  }
  return undefined;
}
