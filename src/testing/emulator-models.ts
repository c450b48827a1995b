import {
  EMULATOR_CHAT_MODELS,
  EMULATOR_EMBEDDING_MODELS,
  type EmulatedModel,
} from './emulator-catalog';
import { EmulatorRequestError } from './emulator-limits';
import type { EmulatorContext } from './emulator-routes';

/**
 * Which catalogue model serves a request, and at what price. The emulator
 * refuses model ids OpenRouter would refuse, so a test cannot pass against
 * it with an id that fails in production:
 *
 * - an id that is in neither catalogue gets OpenRouter's 400
 *   `<id> is not a valid model ID` (what openrouter.ai answers today; it
 *   answered 404 `Model … is not available` until late 2024);
 * - an embedding model sent to chat or completions gets OpenRouter's 400
 *   `<id> is an embedding model and cannot be used with the
 *   chat/completions endpoint. Use the /embeddings endpoint instead.`;
 * - a chat model sent to `/embeddings` has no embedding endpoint, so it
 *   gets OpenRouter's routing 404 `No endpoints found for <id>.`
 *
 * The option `acceptAnyModel` lets any id through, priced at
 * {@link EMULATOR_PROMPT_PRICE} and {@link EMULATOR_COMPLETION_PRICE}.
 */

/**
 * USD per prompt token of a model that is not in the catalogue, served
 * because the emulator was started with `acceptAnyModel`. Catalogue models
 * are priced from the catalogue.
 */
export const EMULATOR_PROMPT_PRICE = 0.000001;
/** USD per completion token of a model that is not in the catalogue. */
export const EMULATOR_COMPLETION_PRICE = 0.000002;

/** Prices in USD, per token (per request for `request`). */
export type ModelPrices = {
  prompt: number;
  completion: number;
  request: number;
  /** Zero when reasoning is billed as ordinary output. */
  internalReasoning: number;
};

export type ServedModel = {
  /** The id the reply names (a router's reply names the model it picked). */
  id: string;
  /** The upstream provider the reply names: the model's first endpoint. */
  provider: string;
  prices: ModelPrices;
};

export type ModelKind = 'chat' | 'embedding';

/**
 * Suffixes OpenRouter accepts on any model id, which change routing but not
 * the model: `:online` (web search), `:nitro` (speed), `:floor` (price),
 * `:exacto` (tool-calling quality). `:free`, `:thinking` and `:extended`
 * name separate catalogue entries instead.
 */
const ROUTING_SUFFIX = /:(online|nitro|floor|exacto)$/;

/** What a router such as `openrouter/auto` picks in the emulator. */
const ROUTER_PICK = 'openai/gpt-4o-mini';

const UPSTREAM_BY_AUTHOR: Record<string, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  google: 'Google',
  'meta-llama': 'Together',
  mistralai: 'Mistral',
  deepseek: 'DeepSeek',
  'x-ai': 'xAI',
  qwen: 'Alibaba',
};

/** A plausible upstream for a model the catalogue does not hold. */
export function upstreamFor(model: string) {
  return UPSTREAM_BY_AUTHOR[model.split('/')[0]] ?? 'Emulator';
}

function findListed(models: readonly EmulatedModel[], id: string) {
  const base = id.replace(ROUTING_SUFFIX, '');
  return models.find(model => model.wire.id === base);
}

function isRouter(model: EmulatedModel) {
  return Number(model.wire.pricing.prompt) < 0;
}

function pricesOf(model: EmulatedModel): ModelPrices {
  // The model's own prices are its cheapest endpoint's, which is the one
  // listed first and the one that serves: so they are what `estimateCost`
  // is given by `models.list()`.
  const pricing = model.endpoints[0]?.pricing ?? model.wire.pricing;
  const price = (value: string | undefined) =>
    value == null ? 0 : Number(value);
  return {
    prompt: price(pricing.prompt),
    completion: price(pricing.completion),
    request: price(pricing.request),
    internalReasoning: price(pricing.internal_reasoning),
  };
}

function served(model: EmulatedModel, id: string): ServedModel {
  return {
    id,
    provider: model.endpoints[0]?.provider_name ?? upstreamFor(id),
    prices: pricesOf(model),
  };
}

/** The error OpenRouter answers for an id it does not know. */
export function invalidModelError(id: string) {
  return new EmulatorRequestError(400, `${id} is not a valid model ID`);
}

/**
 * The model that serves `requested` on an endpoint for models of `kind`,
 * or the error OpenRouter answers (thrown, so the route answers it).
 * `endpoint` names the endpoint in the error for an embedding model.
 */
export function serveModel(
  context: EmulatorContext,
  requested: string,
  kind: ModelKind,
  endpoint = 'chat/completions',
): ServedModel {
  const chat = findListed(EMULATOR_CHAT_MODELS, requested);
  const embedding = findListed(EMULATOR_EMBEDDING_MODELS, requested);

  if (kind === 'chat' && chat != null) {
    if (isRouter(chat)) {
      const picked = findListed(EMULATOR_CHAT_MODELS, ROUTER_PICK);
      if (picked != null) {
        return served(picked, ROUTER_PICK);
      }
    }
    return served(chat, requested);
  }
  if (kind === 'embedding' && embedding != null) {
    return served(embedding, requested);
  }
  if (context.options.acceptAnyModel === true) {
    return {
      id: requested,
      provider: upstreamFor(requested),
      prices: {
        prompt: EMULATOR_PROMPT_PRICE,
        completion: EMULATOR_COMPLETION_PRICE,
        request: 0,
        internalReasoning: 0,
      },
    };
  }
  if (kind === 'chat' && embedding != null) {
    throw new EmulatorRequestError(
      400,
      `${requested} is an embedding model and cannot be used with the ${endpoint} endpoint. Use the /embeddings endpoint instead.`,
    );
  }
  if (kind === 'embedding' && chat != null) {
    throw new EmulatorRequestError(404, `No endpoints found for ${requested}.`);
  }
  throw invalidModelError(requested);
}

/**
 * Checks every id of a request's `models` fallback list the way `model` is
 * checked: OpenRouter refuses the request when one is unknown.
 */
export function checkFallbackModels(
  context: EmulatorContext,
  models: unknown,
  kind: ModelKind,
  endpoint?: string,
) {
  if (!Array.isArray(models)) {
    return;
  }
  for (const id of models) {
    if (typeof id !== 'string') {
      throw new EmulatorRequestError(
        400,
        'models: expected an array of model ids',
      );
    }
    serveModel(context, id, kind, endpoint);
  }
}

/** Token counts to price, as a reply's usage reports them. */
export type PricedTokens = {
  prompt: number;
  /** All output tokens, reasoning included. */
  completion: number;
  reasoning: number;
};

/**
 * What a reply costs, computed the way `estimateCost` from the package
 * computes it (same terms, same order, same rounding), so that a test can
 * compare the two exactly.
 */
export function priceTokens(prices: ModelPrices, tokens: PricedTokens) {
  const reasoning = Math.min(tokens.reasoning, tokens.completion);
  const reasoningPrice =
    prices.internalReasoning > 0 ? prices.internalReasoning : prices.completion;
  const promptCost = tokens.prompt * prices.prompt;
  const completionCost =
    (tokens.completion - reasoning) * prices.completion +
    reasoning * reasoningPrice;
  const total =
    tokens.prompt * prices.prompt +
    (tokens.completion - reasoning) * prices.completion +
    reasoning * reasoningPrice +
    prices.request;
  return {
    cost: roundCost(total),
    promptCost: roundCost(promptCost),
    completionCost: roundCost(completionCost),
  };
}

/** Twelve significant digits: float noise gone, no billable amount lost. */
export function roundCost(cost: number) {
  return Number.isFinite(cost) ? Number(cost.toPrecision(12)) : cost;
}
