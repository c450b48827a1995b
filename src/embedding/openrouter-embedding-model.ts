import type {
  EmbeddingModelV4,
  EmbeddingModelV4CallOptions,
  EmbeddingModelV4Result,
} from '@ai-sdk/provider';
import {
  WORKFLOW_DESERIALIZE,
  WORKFLOW_SERIALIZE,
} from '@ai-sdk/provider-utils';
import { LazyOpenRouterModel } from '../model-base/lazy-openrouter-model';
import type { LazyModelSource } from '../model-base/load-on-first-use';
import {
  deserializeOpenRouterModel,
  type SerializedOpenRouterModel,
  serializeOpenRouterModel,
} from '../model-base/workflow-serialization';
import { OPENROUTER_MAX_EMBEDDINGS_PER_CALL } from './openrouter-embedding-batch-size';
import type { OpenRouterEmbeddingSettings } from './openrouter-embedding-options';

/** Embedding models on OpenRouter, e.g. `openai/text-embedding-3-small`. */
export type OpenRouterEmbeddingModelId =
  | 'openai/text-embedding-3-small'
  | 'openai/text-embedding-3-large'
  | 'openai/text-embedding-ada-002'
  | 'mistralai/mistral-embed'
  | 'qwen/qwen3-embedding-8b'
  | (string & {});

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

  static [WORKFLOW_SERIALIZE](
    model: OpenRouterEmbeddingModel,
  ): SerializedOpenRouterModel<
    OpenRouterEmbeddingModelId,
    OpenRouterEmbeddingSettings
  > {
    return serializeOpenRouterModel(
      model.modelId,
      model.settings,
      model.config,
    );
  }

  static [WORKFLOW_DESERIALIZE](
    serialized: SerializedOpenRouterModel<
      OpenRouterEmbeddingModelId,
      OpenRouterEmbeddingSettings
    >,
  ) {
    return new OpenRouterEmbeddingModel(
      ...deserializeOpenRouterModel(serialized),
    );
  }

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
