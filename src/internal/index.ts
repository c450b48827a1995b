// `ai-sdk-openrouter/internal`: the model classes as values, as
// `@openrouter/ai-sdk-provider/internal` exports them, so `instanceof` checks
// and imports of that entry keep working. The main entry exports them as
// types only, so that an app importing it does not load every model's code.
// Create models with the provider: the constructors take this package's own
// configuration, not the old package's.

import {
  OpenRouterChatLanguageModel as ChatLanguageModel,
  type OpenRouterChatLanguageModel as ChatLanguageModelFace,
} from '../chat/openrouter-chat-language-model';
import {
  OpenRouterCompletionLanguageModel as CompletionLanguageModel,
  type OpenRouterCompletionLanguageModel as CompletionLanguageModelFace,
} from '../completion/openrouter-completion-language-model';
import {
  OpenRouterDecisionModel as DecisionModel,
  type OpenRouterDecisionModel as DecisionModelFace,
} from '../decision/openrouter-decision-model';
import {
  OpenRouterEmbeddingModel as EmbeddingModel,
  type OpenRouterEmbeddingModel as EmbeddingModelFace,
} from '../embedding/openrouter-embedding-model';
import {
  OpenRouterImageModel as ImageModel,
  type OpenRouterImageModel as ImageModelFace,
} from '../image/openrouter-image-model';
import {
  OpenRouterRerankingModel as RerankingModel,
  type OpenRouterRerankingModel as RerankingModelFace,
} from '../reranking/openrouter-reranking-model';
import {
  OpenRouterResponsesLanguageModel as ResponsesLanguageModel,
  type OpenRouterResponsesLanguageModel as ResponsesLanguageModelFace,
} from '../responses/openrouter-responses-language-model';
import {
  OpenRouterSpeechModel as SpeechModel,
  type OpenRouterSpeechModel as SpeechModelFace,
} from '../speech/openrouter-speech-model';
import {
  OpenRouterTranscriptionModel as TranscriptionModel,
  type OpenRouterTranscriptionModel as TranscriptionModelFace,
} from '../transcription/openrouter-transcription-model';
import {
  OpenRouterVideoModel as VideoModel,
  type OpenRouterVideoModel as VideoModelFace,
} from '../video/openrouter-video-model';

/**
 * A model class for `instanceof` checks. It cannot be constructed here:
 * its constructor takes this package's internal configuration, so models
 * are created with the provider (`createOpenRouter()`).
 */
export type OpenRouterModelConstructor<MODEL> = abstract new (
  ...args: never[]
) => MODEL;

/** The chat model's class, for `instanceof`. */
export const OpenRouterChatLanguageModel: OpenRouterModelConstructor<ChatLanguageModelFace> =
  ChatLanguageModel;
export type OpenRouterChatLanguageModel = ChatLanguageModelFace;
/** The completion model's class, for `instanceof`. */
export const OpenRouterCompletionLanguageModel: OpenRouterModelConstructor<CompletionLanguageModelFace> =
  CompletionLanguageModel;
export type OpenRouterCompletionLanguageModel = CompletionLanguageModelFace;
/** The decision model's class, for `instanceof`. */
export const OpenRouterDecisionModel: OpenRouterModelConstructor<DecisionModelFace> =
  DecisionModel;
export type OpenRouterDecisionModel = DecisionModelFace;
/** The decision model under `@openrouter/ai-sdk-provider`'s name. */
export const OpenRouterEvaluationModel: OpenRouterModelConstructor<DecisionModelFace> =
  DecisionModel;
export type OpenRouterEvaluationModel = DecisionModelFace;
/** The embedding model's class, for `instanceof`. */
export const OpenRouterEmbeddingModel: OpenRouterModelConstructor<EmbeddingModelFace> =
  EmbeddingModel;
export type OpenRouterEmbeddingModel = EmbeddingModelFace;
/** The image model's class, for `instanceof`. */
export const OpenRouterImageModel: OpenRouterModelConstructor<ImageModelFace> =
  ImageModel;
export type OpenRouterImageModel = ImageModelFace;
/** The Responses model's class, for `instanceof`. */
export const OpenRouterResponsesLanguageModel: OpenRouterModelConstructor<ResponsesLanguageModelFace> =
  ResponsesLanguageModel;
export type OpenRouterResponsesLanguageModel = ResponsesLanguageModelFace;
/** The video model's class, for `instanceof`. */
export const OpenRouterVideoModel: OpenRouterModelConstructor<VideoModelFace> =
  VideoModel;
export type OpenRouterVideoModel = VideoModelFace;
/** The transcription model's class, for `instanceof`. */
export const OpenRouterTranscriptionModel: OpenRouterModelConstructor<TranscriptionModelFace> =
  TranscriptionModel;
export type OpenRouterTranscriptionModel = TranscriptionModelFace;
/** The speech model's class, for `instanceof`. */
export const OpenRouterSpeechModel: OpenRouterModelConstructor<SpeechModelFace> =
  SpeechModel;
export type OpenRouterSpeechModel = SpeechModelFace;
/** The reranking model's class, for `instanceof`. */
export const OpenRouterRerankingModel: OpenRouterModelConstructor<RerankingModelFace> =
  RerankingModel;
export type OpenRouterRerankingModel = RerankingModelFace;

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
export type { OpenRouterChatModelId } from '../chat/openrouter-chat-model-id';
export type {
  OpenRouterChatSettings,
  OpenRouterPercentileCutoffs,
  OpenRouterProviderOptions,
  OpenRouterSharedSettings,
} from '../chat/openrouter-chat-options';
export type { OpenRouterUsageAccounting } from '../chat/openrouter-provider-metadata';
export type {
  OpenRouterCompletionModelId,
  OpenRouterCompletionSettings,
} from '../completion/openrouter-completion-language-model';
export type {
  OpenRouterDecisionModelId,
  OpenRouterDecisionSettings,
  OpenRouterEvaluationModelId,
  OpenRouterEvaluationProviderPreferences,
  OpenRouterEvaluationSettings,
} from '../decision/openrouter-decision-options';
export type { OpenRouterEmbeddingModelId } from '../embedding/openrouter-embedding-model';
export type { OpenRouterEmbeddingSettings } from '../embedding/openrouter-embedding-options';
export type {
  OpenRouterImageModelId,
  OpenRouterImageSettings,
} from '../image/openrouter-image-model';
export type { OpenRouterResponsesModelId } from '../responses/openrouter-responses-language-model';
export type { OpenRouterResponsesSettings } from '../responses/openrouter-responses-options';
export type {
  OpenRouterVideoModelId,
  OpenRouterVideoSettings,
} from '../video/openrouter-video-model';
