import type {
  RerankingModelV4,
  RerankingModelV4CallOptions,
  RerankingModelV4Result,
} from '@ai-sdk/provider';
import { LazyOpenRouterModel } from '../model-base/lazy-openrouter-model';
import type { LazyModelSource } from '../model-base/load-on-first-use';
import type { OpenRouterModelClass } from '../model-base/openrouter-model';
import type {
  OpenRouterRerankingModelId,
  OpenRouterRerankingSettings,
} from './openrouter-reranking-options';

type RerankingImplementation = Pick<RerankingModelV4, 'doRerank'>;

/**
 * The reranking model `createOpenRouter().rerankingModel()` returns,
 * for `rerank`, over OpenRouter's
 * `POST /rerank`.
 */
export interface OpenRouterRerankingModel extends RerankingModelV4 {
  readonly modelId: OpenRouterRerankingModelId;
  /** The settings the model was created with. */
  readonly settings: OpenRouterRerankingSettings;
  doRerank(
    options: RerankingModelV4CallOptions,
  ): Promise<RerankingModelV4Result>;
}

/**
 * A reranking model over `POST /rerank`. Its code is
 * loaded on the first call, so an app that only chats does not ship it.
 *
 * @internal The provider builds models with it; the published
 * declarations show the interface above only.
 */
export const OpenRouterRerankingModel: OpenRouterModelClass<
  OpenRouterRerankingModel,
  OpenRouterRerankingModelId,
  OpenRouterRerankingSettings
> = class OpenRouterRerankingModel
  extends LazyOpenRouterModel<
    OpenRouterRerankingModelId,
    OpenRouterRerankingSettings,
    RerankingImplementation
  >
  implements RerankingModelV4
{
  protected async loadImplementation(
    source: LazyModelSource<
      OpenRouterRerankingModelId,
      OpenRouterRerankingSettings
    >,
  ): Promise<RerankingImplementation> {
    return new (
      await import('./openrouter-reranking-model-implementation')
    ).OpenRouterRerankingModelImplementation(source);
  }

  async doRerank(
    options: RerankingModelV4CallOptions,
  ): Promise<RerankingModelV4Result> {
    return (await this.implementation()).doRerank(options);
  }
};
