import type {
  Experimental_DecisionModelV4 as DecisionModelV4,
  Experimental_DecisionModelV4CallOptions as DecisionModelV4CallOptions,
  Experimental_DecisionModelV4Result as DecisionModelV4Result,
} from '@ai-sdk/provider';
import { LazyOpenRouterModel } from '../model-base/lazy-openrouter-model';
import type { LazyModelSource } from '../model-base/load-on-first-use';
import type { OpenRouterModelClass } from '../model-base/openrouter-model';
import type {
  OpenRouterDecisionModelId,
  OpenRouterDecisionSettings,
} from './openrouter-decision-options';

/**
 * The decision model `createOpenRouter().decisionModel()` returns, for the
 * AI SDK's `experimental_decide`, over OpenRouter's Decisions API (alpha).
 */
export interface OpenRouterDecisionModel extends DecisionModelV4 {
  readonly modelId: OpenRouterDecisionModelId;
  /** The settings the model was created with. */
  readonly settings: OpenRouterDecisionSettings;
  readonly supportedQuestionTypes: readonly ['choice', 'score', 'boolean'];
  /**
   * The same as `doDecide`, under the name of the AI SDK's earlier
   * evaluation-model contract.
   * @deprecated Use `doDecide`.
   */
  doEvaluate(
    options: DecisionModelV4CallOptions,
  ): Promise<DecisionModelV4Result>;
  doDecide(options: DecisionModelV4CallOptions): Promise<DecisionModelV4Result>;
}

/**
 * A decision model over OpenRouter's Decisions API (alpha),
 * `POST {decisionsBaseURL}/decisions`, for the AI SDK's `experimental_decide`
 * (and its deprecated alias `experimental_evaluate`). It answers `choice`,
 * `score` and `boolean` questions (OpenRouter's `noul`) about one shared
 * state; `box` questions are not offered by the API. Its config's `baseURL`
 * is the decisions base URL, so its requests stay on that origin. Its code
 * (and the option schemas it validates with) loads on the first call, so an
 * app that does not decide does not ship it.
 *
 * @internal The provider builds models with it; the published
 * declarations show the interface above only.
 */
export const OpenRouterDecisionModel: OpenRouterModelClass<
  OpenRouterDecisionModel,
  OpenRouterDecisionModelId,
  OpenRouterDecisionSettings
> = class OpenRouterDecisionModel
  extends LazyOpenRouterModel<
    OpenRouterDecisionModelId,
    OpenRouterDecisionSettings,
    Pick<DecisionModelV4, 'doDecide'>
  >
  implements DecisionModelV4
{
  readonly supportedQuestionTypes = ['choice', 'score', 'boolean'] as const;

  protected async loadImplementation(
    source: LazyModelSource<
      OpenRouterDecisionModelId,
      OpenRouterDecisionSettings
    >,
  ): Promise<Pick<DecisionModelV4, 'doDecide'>> {
    return new (
      await import('./openrouter-decision-model-implementation')
    ).OpenRouterDecisionModelImplementation(source);
  }

  async doDecide(
    options: DecisionModelV4CallOptions,
  ): Promise<DecisionModelV4Result> {
    return (await this.implementation()).doDecide(options);
  }

  /**
   * The same as `doDecide`, under the name of the AI SDK's earlier
   * evaluation-model contract, which `@openrouter/ai-sdk-provider`'s
   * `evaluationModel` implements.
   * @deprecated Use `doDecide`.
   */
  doEvaluate(
    options: DecisionModelV4CallOptions,
  ): Promise<DecisionModelV4Result> {
    return this.doDecide(options);
  }
};

export type { OpenRouterDecisionModelId, OpenRouterDecisionSettings };
