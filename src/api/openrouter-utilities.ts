import type {
  OpenRouterActivityItem,
  OpenRouterActivityOptions,
} from './activity';
import type { OpenRouterApiKey, OpenRouterCurrentKey } from './api-key';
import {
  buildAuthorizationUrl,
  type OpenRouterAuthorizationUrlOptions,
} from './authorization-url';
import type { OpenRouterCatalogueList } from './catalogue-list';
import type {
  OpenRouterCoinbaseCharge,
  OpenRouterCoinbaseChargeOptions,
  OpenRouterCredits,
} from './credits';
import type { OpenRouterGeneration } from './generations';
import type {
  OpenRouterCreatedKey,
  OpenRouterCreateKeyOptions,
  OpenRouterDeletedKey,
  OpenRouterListKeysOptions,
  OpenRouterUpdateKeyOptions,
} from './keys';
import type { OpenRouterModel } from './model';
import type {
  OpenRouterModelEndpoint,
  OpenRouterModelEndpoints,
} from './model-endpoint';
import type {
  OpenRouterImageModelInfo,
  OpenRouterListModelsOptions,
  OpenRouterModelParameters,
  OpenRouterModelParametersOptions,
} from './models';
import type {
  OpenRouterExchangeCodeOptions,
  OpenRouterExchangedKey,
} from './oauth';
import type {
  OpenRouterApiConfig,
  OpenRouterRequestOptions,
} from './openrouter-api-config';
import type { OpenRouterPkcePair } from './pkce';
import type { OpenRouterProviderInfo } from './providers';

/**
 * The model catalogue. Uses the inference key; `list` and `endpoints`,
 * which OpenRouter serves to anyone, send it when one is configured and go
 * without one otherwise.
 *
 * The lists it returns skip a malformed entry instead of failing: the entries
 * left out are described in the list's non-enumerable `skipped` property
 * (see `OpenRouterCatalogueList`).
 */
export interface OpenRouterModelsClient {
  /** `GET /models`: every model, optionally filtered. */
  list(
    options?: OpenRouterListModelsOptions,
    requestOptions?: OpenRouterRequestOptions,
  ): Promise<OpenRouterCatalogueList<OpenRouterModel>>;
  /** `GET /models/count`: how many models there are. */
  count(requestOptions?: OpenRouterRequestOptions): Promise<number>;
  /** `GET /models/user`: the models your account's provider preferences allow. */
  listForUser(
    requestOptions?: OpenRouterRequestOptions,
  ): Promise<OpenRouterCatalogueList<OpenRouterModel>>;
  /** `GET /models/embeddings`: the embedding models. */
  listEmbeddings(
    requestOptions?: OpenRouterRequestOptions,
  ): Promise<OpenRouterCatalogueList<OpenRouterModel>>;
  /**
   * `GET /images/models`: the models of OpenRouter's image API (`POST
   * /images`), with the parameters each takes.
   */
  listImages(
    requestOptions?: OpenRouterRequestOptions,
  ): Promise<OpenRouterCatalogueList<OpenRouterImageModelInfo>>;
  /**
   * `GET /models/{author}/{slug}/endpoints`: every provider serving a model.
   * Takes `'author/slug'`; a variant suffix such as `:free` is dropped for
   * the lookup. Anything else throws `InvalidArgumentError`.
   */
  endpoints(
    model: string,
    requestOptions?: OpenRouterRequestOptions,
  ): Promise<OpenRouterModelEndpoints>;
  /**
   * `GET /parameters/{author}/{slug}`: the request parameters a model (or
   * one provider's endpoint of it) supports. Takes `'author/slug'` like
   * `endpoints`.
   */
  parameters(
    model: string,
    options?: OpenRouterModelParametersOptions,
    requestOptions?: OpenRouterRequestOptions,
  ): Promise<OpenRouterModelParameters>;
  /** `GET /endpoints/zdr`: the endpoints left under zero data retention. */
  zdrEndpoints(
    requestOptions?: OpenRouterRequestOptions,
  ): Promise<OpenRouterCatalogueList<OpenRouterModelEndpoint>>;
}

/** Inference providers. Uses the inference key. */
export interface OpenRouterProvidersClient {
  /**
   * `GET /providers`: every provider OpenRouter routes to. A malformed entry
   * is skipped and described in the list's `skipped` property.
   */
  list(
    requestOptions?: OpenRouterRequestOptions,
  ): Promise<OpenRouterCatalogueList<OpenRouterProviderInfo>>;
}

/**
 * API keys. `current` uses the inference key; the others need a provisioning
 * key (`provisioningKey` or `OPENROUTER_PROVISIONING_KEY`, falling back to
 * the inference key).
 */
export interface OpenRouterKeysClient {
  /** `GET /key`: limits and usage of the key in use (the inference key). */
  current(
    requestOptions?: OpenRouterRequestOptions,
  ): Promise<OpenRouterCurrentKey>;
  /** `GET /keys`: the account's keys, 100 at a time. */
  list(
    options?: OpenRouterListKeysOptions,
    requestOptions?: OpenRouterRequestOptions,
  ): Promise<OpenRouterApiKey[]>;
  /**
   * `POST /keys`: creates a key. The result's `key` is the secret, which
   * OpenRouter shows only this once.
   */
  create(
    options: OpenRouterCreateKeyOptions,
    requestOptions?: OpenRouterRequestOptions,
  ): Promise<OpenRouterCreatedKey>;
  /** `GET /keys/{hash}`: one key. */
  get(
    hash: string,
    requestOptions?: OpenRouterRequestOptions,
  ): Promise<OpenRouterApiKey>;
  /** `PATCH /keys/{hash}`: renames, disables or re-limits a key. */
  update(
    hash: string,
    patch: OpenRouterUpdateKeyOptions,
    requestOptions?: OpenRouterRequestOptions,
  ): Promise<OpenRouterApiKey>;
  /** `DELETE /keys/{hash}`: deletes a key. */
  delete(
    hash: string,
    requestOptions?: OpenRouterRequestOptions,
  ): Promise<OpenRouterDeletedKey>;
}

/** Account credits. Uses the provisioning key, falling back to the inference key. */
export interface OpenRouterCreditsClient {
  /** `GET /credits`: credits bought, used and remaining, in USD. */
  get(requestOptions?: OpenRouterRequestOptions): Promise<OpenRouterCredits>;
  /** `POST /credits/coinbase`: starts a crypto credit purchase. */
  createCoinbaseCharge(
    options: OpenRouterCoinbaseChargeOptions,
    requestOptions?: OpenRouterRequestOptions,
  ): Promise<OpenRouterCoinbaseCharge>;
}

/** Generation records. Uses the inference key. */
export interface OpenRouterGenerationsClient {
  /**
   * `GET /generation?id=`: cost and token counts of one generation, by the
   * id in `response.id` or `providerMetadata.openrouter.generationId`. A
   * fresh generation may answer 404 for a moment.
   */
  get(
    id: string,
    requestOptions?: OpenRouterRequestOptions,
  ): Promise<OpenRouterGeneration>;
}

/** Account activity. Uses the provisioning key, falling back to the inference key. */
export interface OpenRouterActivityClient {
  /** `GET /activity`: usage per endpoint and UTC day, for the last 30 days. */
  list(
    options?: OpenRouterActivityOptions,
    requestOptions?: OpenRouterRequestOptions,
  ): Promise<OpenRouterActivityItem[]>;
}

/** "Sign in with OpenRouter" (OAuth with PKCE). Needs no key. */
export interface OpenRouterOAuthClient {
  /** A PKCE verifier and its S256 challenge, made with Web Crypto. */
  createPkcePair(): Promise<OpenRouterPkcePair>;
  /** The sign-in page URL to send the user to. */
  authorizationUrl(options: OpenRouterAuthorizationUrlOptions): string;
  /** `POST /auth/keys`: exchanges the callback's `code` for the user's key. */
  exchangeCode(
    options: OpenRouterExchangeCodeOptions,
    requestOptions?: OpenRouterRequestOptions,
  ): Promise<OpenRouterExchangedKey>;
}

/** The catalogue, account and OAuth utilities on a provider instance. */
export interface OpenRouterUtilities {
  /** The model catalogue. */
  readonly models: OpenRouterModelsClient;
  /** Inference providers. */
  readonly providers: OpenRouterProvidersClient;
  /** API keys (management needs a provisioning key). */
  readonly keys: OpenRouterKeysClient;
  /** Account credits. */
  readonly credits: OpenRouterCreditsClient;
  /** Generation records and their cost. */
  readonly generations: OpenRouterGenerationsClient;
  /** Account activity. */
  readonly activity: OpenRouterActivityClient;
  /** "Sign in with OpenRouter". */
  readonly oauth: OpenRouterOAuthClient;
}

/**
 * Builds the utilities as thin stubs. Each method loads its implementation
 * with a dynamic `import()` on first use, so bundlers put the schemas and
 * mappers in separate chunks: an app that only uses the chat model never
 * downloads or parses them.
 */
export function createOpenRouterUtilities(
  config: OpenRouterApiConfig,
): OpenRouterUtilities {
  const models = () => import('./models');
  const keys = () => import('./keys');
  const credits = () => import('./credits');

  return {
    models: {
      list: async (options, requestOptions) =>
        (await models()).listModels(config, options, requestOptions),
      count: async requestOptions =>
        (await models()).countModels(config, requestOptions),
      listForUser: async requestOptions =>
        (await models()).listModelsForUser(config, requestOptions),
      listEmbeddings: async requestOptions =>
        (await models()).listEmbeddingModels(config, requestOptions),
      listImages: async requestOptions =>
        (await models()).listImageModels(config, requestOptions),
      endpoints: async (model, requestOptions) =>
        (await models()).listModelEndpoints(config, model, requestOptions),
      parameters: async (model, options, requestOptions) =>
        (await models()).getModelParameters(
          config,
          model,
          options,
          requestOptions,
        ),
      zdrEndpoints: async requestOptions =>
        (await models()).listZdrEndpoints(config, requestOptions),
    },
    providers: {
      list: async requestOptions =>
        (await import('./providers')).listProviders(config, requestOptions),
    },
    keys: {
      current: async requestOptions =>
        (await keys()).getCurrentKey(config, requestOptions),
      list: async (options, requestOptions) =>
        (await keys()).listKeys(config, options, requestOptions),
      create: async (options, requestOptions) =>
        (await keys()).createKey(config, options, requestOptions),
      get: async (hash, requestOptions) =>
        (await keys()).getKey(config, hash, requestOptions),
      update: async (hash, patch, requestOptions) =>
        (await keys()).updateKey(config, hash, patch, requestOptions),
      delete: async (hash, requestOptions) =>
        (await keys()).deleteKey(config, hash, requestOptions),
    },
    credits: {
      get: async requestOptions =>
        (await credits()).getCredits(config, requestOptions),
      createCoinbaseCharge: async (options, requestOptions) =>
        (await credits()).createCoinbaseCharge(config, options, requestOptions),
    },
    generations: {
      get: async (id, requestOptions) =>
        (await import('./generations')).getGeneration(
          config,
          id,
          requestOptions,
        ),
    },
    activity: {
      list: async (options, requestOptions) =>
        (await import('./activity')).listActivity(
          config,
          options,
          requestOptions,
        ),
    },
    oauth: {
      createPkcePair: async () => (await import('./pkce')).createPkcePair(),
      authorizationUrl: options =>
        buildAuthorizationUrl(config.baseURL, options),
      exchangeCode: async (options, requestOptions) =>
        (await import('./oauth')).exchangeCode(config, options, requestOptions),
    },
  };
}
