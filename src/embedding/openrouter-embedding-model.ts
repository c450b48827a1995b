import type {
  EmbeddingModelV4,
  EmbeddingModelV4CallOptions,
  EmbeddingModelV4Result,
} from '@ai-sdk/provider';
import { LazyOpenRouterModel } from '../model-base/lazy-openrouter-model';
import type { LazyModelSource } from '../model-base/load-on-first-use';
import type { OpenRouterModelClass } from '../model-base/openrouter-model';
import { OPENROUTER_MAX_EMBEDDINGS_PER_CALL } from './openrouter-embedding-batch-size';
import type {
  OpenRouterEmbeddingModelId,
  OpenRouterEmbeddingSettings,
} from './openrouter-embedding-options';

/**
 * The embedding model `createOpenRouter().embeddingModel()` returns, for
 * `embed` and `embedMany`, over OpenRouter's `POST /embeddings`.
 */
export interface OpenRouterEmbeddingModel extends EmbeddingModelV4 {
  readonly modelId: OpenRouterEmbeddingModelId;
  /** The settings the model was created with. */
  readonly settings: OpenRouterEmbeddingSettings;
  /** Values one request embeds: 2,048. `embedMany` splits larger batches. */
  readonly maxEmbeddingsPerCall: number;
  /** Batches of one `embedMany` are sent in parallel. */
  readonly supportsParallelCalls: boolean;
  doEmbed(
    options: EmbeddingModelV4CallOptions,
  ): Promise<EmbeddingModelV4Result>;
}

/**
 * An embedding model over OpenRouter's `POST /embeddings`. Its code is
 * loaded on the first call, so an app that only chats does not ship it.
 *
 * @internal The provider builds models with it; the published
 * declarations show the interface above only.
 */
export const OpenRouterEmbeddingModel: OpenRouterModelClass<
  OpenRouterEmbeddingModel,
  OpenRouterEmbeddingModelId,
  OpenRouterEmbeddingSettings
> = class OpenRouterEmbeddingModel
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
};

export type { OpenRouterEmbeddingModelId };
