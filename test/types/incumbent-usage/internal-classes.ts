// `@openrouter/ai-sdk-provider/internal`: the model classes as values, for
// `instanceof`, and the types that entry exports.
import type { LanguageModel } from 'ai';
import { openrouter } from 'ai-sdk-openrouter';
import {
  type EvaluationModelV4,
  type EvaluationModelV4Answer,
  type EvaluationModelV4CallOptions,
  type EvaluationModelV4Input,
  type EvaluationModelV4Question,
  type EvaluationModelV4Result,
  type LanguageModelV4,
  type LanguageModelV4Prompt,
  OpenRouterChatLanguageModel,
  type OpenRouterChatModelId,
  type OpenRouterChatSettings,
  OpenRouterCompletionLanguageModel,
  type OpenRouterCompletionModelId,
  type OpenRouterCompletionSettings,
  OpenRouterEmbeddingModel,
  type OpenRouterEmbeddingModelId,
  type OpenRouterEmbeddingSettings,
  OpenRouterEvaluationModel,
  type OpenRouterEvaluationModelId,
  type OpenRouterEvaluationProviderPreferences,
  type OpenRouterEvaluationSettings,
  OpenRouterImageModel,
  type OpenRouterImageModelId,
  type OpenRouterImageSettings,
  type OpenRouterPercentileCutoffs,
  type OpenRouterProviderOptions,
  type OpenRouterSharedSettings,
  type OpenRouterUsageAccounting,
  OpenRouterVideoModel,
  type OpenRouterVideoModelId,
  type OpenRouterVideoSettings,
} from 'ai-sdk-openrouter/internal';

/** The settings of a model, when it is an OpenRouter chat model. */
export function chatSettings(
  model: LanguageModel,
): OpenRouterChatSettings | undefined {
  return model instanceof OpenRouterChatLanguageModel
    ? model.settings
    : undefined;
}

export const kinds = [
  openrouter.completion('openai/gpt-3.5-turbo-instruct') instanceof
    OpenRouterCompletionLanguageModel,
  openrouter.textEmbeddingModel('openai/text-embedding-3-small') instanceof
    OpenRouterEmbeddingModel,
  openrouter.imageModel('google/gemini-2.5-flash-image') instanceof
    OpenRouterImageModel,
  openrouter.videoModel('google/veo-3.1') instanceof OpenRouterVideoModel,
  openrouter.evaluationModel('typesafe/jev-1.13') instanceof
    OpenRouterEvaluationModel,
];

export const languageModel: LanguageModelV4 = openrouter('openai/gpt-4o');
export const prompt: LanguageModelV4Prompt = [
  { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
];

export const evaluationModel: EvaluationModelV4 =
  openrouter.evaluationModel('typesafe/jev-1.13');
export type EvaluationContract = [
  EvaluationModelV4Answer,
  EvaluationModelV4CallOptions,
  EvaluationModelV4Input,
  EvaluationModelV4Question,
  EvaluationModelV4Result,
];

export const ids: [
  OpenRouterChatModelId,
  OpenRouterCompletionModelId,
  OpenRouterEmbeddingModelId,
  OpenRouterEvaluationModelId,
  OpenRouterImageModelId,
  OpenRouterVideoModelId,
] = [
  'openai/gpt-4o',
  'openai/gpt-3.5-turbo-instruct',
  'openai/text-embedding-3-small',
  'typesafe/jev-1.13',
  'google/gemini-2.5-flash-image',
  'google/veo-3.1',
];

export const settings: [
  OpenRouterCompletionSettings,
  OpenRouterEmbeddingSettings,
  OpenRouterEvaluationSettings,
  OpenRouterImageSettings,
  OpenRouterVideoSettings,
  OpenRouterSharedSettings,
  OpenRouterProviderOptions,
] = [
  { suffix: 'END' },
  { user: 'user-1' },
  { session_id: 'session-1' },
  {},
  { generateAudio: false },
  { user: 'user-1' },
  { user: 'user-1' },
];

export const routing: OpenRouterEvaluationProviderPreferences = {
  order: ['typesafe'],
};
export const cutoffs: OpenRouterPercentileCutoffs = { p50: 100 };
export function cost(usage: OpenRouterUsageAccounting): number | undefined {
  return usage.cost;
}
