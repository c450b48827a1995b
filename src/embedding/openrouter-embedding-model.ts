import type {
  EmbeddingModelV4,
  EmbeddingModelV4CallOptions,
  EmbeddingModelV4Result,
} from '@ai-sdk/provider';
import { LazyOpenRouterModel } from '../model-base/lazy-openrouter-model';
import type { LazyModelSource } from '../model-base/load-on-first-use';
import { OPENROUTER_MAX_EMBEDDINGS_PER_CALL } from './openrouter-embedding-batch-size';
import type {
  OpenRouterEmbeddingModelId,
  OpenRouterEmbeddingSettings,
} from './openrouter-embedding-options';

/**
 * An embedding model over OpenRouter's `POST /embeddings`. Its code is
 * loaded on the first call, so an app that only chats does not ship it.
 */
export class OpenRouterEmbeddingModel
  extends LazyOpenRouterModel<
    OpenRouterEmbeddingModelId,
    OpenRouterEmbeddingSettings,
    Pick<EmbeddingModelV4, 'doEmbed'>
  >
  implements EmbeddingModelV4
{
  readonly maxEmbeddingsPerCall = OPENROUTER_MAX_EMBEDDINGS_PER_CALL;
  readonly supportsParallelCalls = true;

  protected async loadImplementation(
    source: LazyModelSource<
      OpenRouterEmbeddingModelId,
      OpenRouterEmbeddingSettings
    >,
  ): Promise<Pick<EmbeddingModelV4, 'doEmbed'>> {
    return new (
      await import('./openrouter-embedding-model-implementation')
    ).OpenRouterEmbeddingModelImplementation(source);
  }

  async doEmbed(
    options: EmbeddingModelV4CallOptions,
  ): Promise<EmbeddingModelV4Result> {
    return (await this.implementation()).doEmbed(options);
  }
}

export type { OpenRouterEmbeddingModelId };
