// `ai-sdk-openrouter/internal`: the model classes as values, as
// `@openrouter/ai-sdk-provider/internal` exports them, so `instanceof` checks
// and imports of that entry keep working. The main entry exports them as
// types only, so that an app importing it does not load every model's code.
// Create models with the provider: the constructors take this package's own
// configuration, not the old package's.

export type {
  Experimental_EvaluationModelV4 as EvaluationModelV4,
  Experimental_EvaluationModelV4Answer as EvaluationModelV4Answer,
  Experimental_EvaluationModelV4CallOptions as EvaluationModelV4CallOptions,
  Experimental_EvaluationModelV4Input as EvaluationModelV4Input,
  Experimental_EvaluationModelV4Question as EvaluationModelV4Question,
  Experimental_EvaluationModelV4Result as EvaluationModelV4Result,
  LanguageModelV4,
  LanguageModelV4Prompt,
} from '@ai-sdk/provider';
export { OpenRouterChatLanguageModel } from '../chat/openrouter-chat-language-model';
export type { OpenRouterChatModelId } from '../chat/openrouter-chat-model-id';
export type {
  OpenRouterChatSettings,
  OpenRouterPercentileCutoffs,
  OpenRouterProviderOptions,
  OpenRouterSharedSettings,
} from '../chat/openrouter-chat-options';
export type { OpenRouterUsageAccounting } from '../chat/openrouter-provider-metadata';
export {
  OpenRouterCompletionLanguageModel,
  type OpenRouterCompletionModelId,
  type OpenRouterCompletionSettings,
} from '../completion/openrouter-completion-language-model';
export {
  OpenRouterDecisionModel,
  /** The decision model under `@openrouter/ai-sdk-provider`'s name. */
  OpenRouterDecisionModel as OpenRouterEvaluationModel,
} from '../decision/openrouter-decision-model';
export type {
  OpenRouterDecisionModelId,
  OpenRouterDecisionSettings,
  OpenRouterEvaluationModelId,
  OpenRouterEvaluationProviderPreferences,
  OpenRouterEvaluationSettings,
} from '../decision/openrouter-decision-options';
export {
  OpenRouterEmbeddingModel,
  type OpenRouterEmbeddingModelId,
} from '../embedding/openrouter-embedding-model';
export type { OpenRouterEmbeddingSettings } from '../embedding/openrouter-embedding-options';
export {
  OpenRouterImageModel,
  type OpenRouterImageModelId,
  type OpenRouterImageSettings,
} from '../image/openrouter-image-model';
export {
  OpenRouterResponsesLanguageModel,
  type OpenRouterResponsesModelId,
} from '../responses/openrouter-responses-language-model';
export type { OpenRouterResponsesSettings } from '../responses/openrouter-responses-options';
export {
  OpenRouterVideoModel,
  type OpenRouterVideoModelId,
  type OpenRouterVideoSettings,
} from '../video/openrouter-video-model';
