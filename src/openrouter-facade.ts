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
  type OpenRouterProvider,
  type OpenRouterProviderSettings,
} from './openrouter-provider';

/**
 * The class form of the provider that `@openrouter/ai-sdk-provider` also
 * exports, so code written with `new OpenRouter(…)` keeps working. It offers
 * the same four methods; `createOpenRouter` gives everything else.
 */
export class OpenRouter {
  private readonly provider: OpenRouterProvider;

  constructor(options: OpenRouterProviderSettings = {}) {
    this.provider = createOpenRouter(options);
  }

  chat(modelId: OpenRouterChatModelId, settings?: OpenRouterChatSettings) {
    return this.provider.chat(modelId, settings);
  }

  completion(
    modelId: OpenRouterCompletionModelId,
    settings?: OpenRouterCompletionSettings,
  ) {
    return this.provider.completion(modelId, settings);
  }

  /**
   * An embedding model, as `createOpenRouter().embeddingModel` makes it.
   * @deprecated Use `createOpenRouter().embeddingModel`.
   */
  textEmbeddingModel(
    modelId: OpenRouterEmbeddingModelId,
    settings?: OpenRouterEmbeddingSettings,
  ) {
    return this.provider.embeddingModel(modelId, settings);
  }

  /**
   * Same as `textEmbeddingModel`.
   * @deprecated Use `createOpenRouter().embeddingModel`.
   */
  embedding(
    modelId: OpenRouterEmbeddingModelId,
    settings?: OpenRouterEmbeddingSettings,
  ) {
    return this.provider.embeddingModel(modelId, settings);
  }
}
