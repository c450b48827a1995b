import { withoutTrailingSlash } from '@ai-sdk/provider-utils';
import type { OpenRouterChatModelId } from './chat/openrouter-chat-model-id';
import type { OpenRouterChatSettings } from './chat/openrouter-chat-options';
import type {
  OpenRouterCompletionModelId,
  OpenRouterCompletionSettings,
} from './completion/openrouter-completion-language-model';
import type { OpenRouterEmbeddingModelId } from './embedding/openrouter-embedding-model';
import type { OpenRouterEmbeddingSettings } from './embedding/openrouter-embedding-options';
import {
  createOpenRouter,
  DEFAULT_BASE_URL,
  type OpenRouterProvider,
  type OpenRouterProviderSettings,
} from './openrouter-provider';

/**
 * The class form of the provider that `@openrouter/ai-sdk-provider` also
 * exports, so code written with `new OpenRouter(…)` keeps working. It offers
 * the same fields and four methods; `createOpenRouter` gives everything else.
 */
export class OpenRouter {
  /**
   * The URL prefix of API calls, without a trailing slash.
   * @default 'https://openrouter.ai/api/v1'
   */
  readonly baseURL: string;
  /** The app name sent as the `X-OpenRouter-Title` attribution header. */
  readonly appName?: string | undefined;
  /** The app URL sent as the `HTTP-Referer` attribution header. */
  readonly appUrl?: string | undefined;

  // Private fields, not properties: `console.log`, `util.inspect`,
  // `JSON.stringify` and `Object.keys` never show them. The getters below
  // read the credentials back for code that asks by name.
  readonly #provider: OpenRouterProvider;
  readonly #apiKey: string | undefined;
  readonly #headers: Record<string, string> | undefined;
  readonly #apiKeys: Record<string, string> | undefined;

  constructor(options: OpenRouterProviderSettings = {}) {
    // Checks the settings first, so a bad one fails before anything is kept.
    this.#provider = createOpenRouter(options);
    this.baseURL =
      withoutTrailingSlash(options.baseURL ?? options.baseUrl) ??
      DEFAULT_BASE_URL;
    this.appName = options.appName;
    this.appUrl = options.appUrl;
    this.#apiKey = options.apiKey;
    this.#headers = options.headers;
    this.#apiKeys = options.api_keys;
  }

  /**
   * The `apiKey` setting, if one was given (`OPENROUTER_API_KEY` is read
   * when a request is made, not here). An accessor on the class, so logging
   * or serializing the instance does not show the key.
   */
  get apiKey(): string | undefined {
    return this.#apiKey;
  }

  /**
   * The `headers` setting. Like `apiKey`, it is not shown when the
   * instance is logged or serialized: it may carry credentials.
   */
  get headers(): Record<string, string> | undefined {
    return this.#headers;
  }

  /**
   * The `api_keys` setting: your own provider keys by provider slug. Like
   * `apiKey`, it is not shown when the instance is logged or serialized.
   */
  get api_keys(): Record<string, string> | undefined {
    return this.#apiKeys;
  }

  chat(modelId: OpenRouterChatModelId, settings?: OpenRouterChatSettings) {
    return this.#provider.chat(modelId, settings);
  }

  completion(
    modelId: OpenRouterCompletionModelId,
    settings?: OpenRouterCompletionSettings,
  ) {
    return this.#provider.completion(modelId, settings);
  }

  /**
   * An embedding model, as `createOpenRouter().embeddingModel` makes it.
   * @deprecated Use `createOpenRouter().embeddingModel`.
   */
  textEmbeddingModel(
    modelId: OpenRouterEmbeddingModelId,
    settings?: OpenRouterEmbeddingSettings,
  ) {
    return this.#provider.embeddingModel(modelId, settings);
  }

  /**
   * Same as `textEmbeddingModel`.
   * @deprecated Use `createOpenRouter().embeddingModel`.
   */
  embedding(
    modelId: OpenRouterEmbeddingModelId,
    settings?: OpenRouterEmbeddingSettings,
  ) {
    return this.#provider.embeddingModel(modelId, settings);
  }
}
