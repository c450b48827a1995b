import type { OpenRouterChatLanguageModel as OpenRouterChatLanguageModelClass } from './chat/openrouter-chat-language-model';
import type { OpenRouterCompletionLanguageModel as OpenRouterCompletionLanguageModelClass } from './completion/openrouter-completion-language-model';
import type { OpenRouterDecisionModel as OpenRouterDecisionModelClass } from './decision/openrouter-decision-model';
import type { OpenRouterEmbeddingModel as OpenRouterEmbeddingModelClass } from './embedding/openrouter-embedding-model';
import type { OpenRouterImageModel as OpenRouterImageModelClass } from './image/openrouter-image-model';
import type { OpenRouterRerankingModel as OpenRouterRerankingModelClass } from './reranking/openrouter-reranking-model';
import type { OpenRouterResponsesLanguageModel as OpenRouterResponsesLanguageModelClass } from './responses/openrouter-responses-language-model';
import type { OpenRouterSpeechModel as OpenRouterSpeechModelClass } from './speech/openrouter-speech-model';
import type { OpenRouterTranscriptionModel as OpenRouterTranscriptionModelClass } from './transcription/openrouter-transcription-model';
import type { OpenRouterVideoModel as OpenRouterVideoModelClass } from './video/openrouter-video-model';

// As `@openrouter/ai-sdk-provider` does, for code that names them.
export type { LanguageModelV4, LanguageModelV4Prompt } from '@ai-sdk/provider';
export type {
  OpenRouterActivityItem,
  OpenRouterActivityOptions,
} from './api/activity';
export type {
  OpenRouterApiKey,
  OpenRouterCurrentKey,
  OpenRouterKeyUsage,
} from './api/api-key';
export type { OpenRouterAuthorizationUrlOptions } from './api/authorization-url';
export type {
  OpenRouterCatalogueList,
  OpenRouterSkippedEntry,
} from './api/catalogue-list';
export type {
  OpenRouterCoinbaseCharge,
  OpenRouterCoinbaseChargeOptions,
  OpenRouterCredits,
} from './api/credits';
export {
  estimateCost,
  type OpenRouterCostUsage,
  type OpenRouterEstimateCostOptions,
} from './api/estimate-cost';
export type { OpenRouterGeneration } from './api/generations';
export type {
  OpenRouterCreatedKey,
  OpenRouterCreateKeyOptions,
  OpenRouterDeletedKey,
  OpenRouterLimitReset,
  OpenRouterListKeysOptions,
  OpenRouterUpdateKeyOptions,
} from './api/keys';
export type {
  OpenRouterInputModality,
  OpenRouterModel,
  OpenRouterModelArchitecture,
  OpenRouterOutputModality,
  OpenRouterSupportedParameter,
} from './api/model';
export type {
  OpenRouterModelEndpoint,
  OpenRouterModelEndpoints,
} from './api/model-endpoint';
export type {
  OpenRouterImageModelInfo,
  OpenRouterImageModelParameter,
  OpenRouterListModelsOptions,
  OpenRouterModelParameters,
  OpenRouterModelParametersOptions,
} from './api/models';
export type {
  OpenRouterExchangeCodeOptions,
  OpenRouterExchangedKey,
} from './api/oauth';
export type { OpenRouterRequestOptions } from './api/openrouter-api-config';
export type {
  OpenRouterActivityClient,
  OpenRouterCreditsClient,
  OpenRouterGenerationsClient,
  OpenRouterKeysClient,
  OpenRouterModelsClient,
  OpenRouterOAuthClient,
  OpenRouterProvidersClient,
  OpenRouterUtilities,
} from './api/openrouter-utilities';
export type { OpenRouterPkcePair } from './api/pkce';
export {
  fromPerMillionTokens,
  toPerMillionTokens,
} from './api/price-units';
export type { OpenRouterPricing } from './api/pricing';
export type { OpenRouterProviderInfo } from './api/providers';
export type { OpenRouterTokenLogprob } from './chat/map-openrouter-annotations';
export type { OpenRouterChatModelId } from './chat/openrouter-chat-model-id';
export type {
  OpenRouterCacheControlOptions,
  OpenRouterChatOptions,
  OpenRouterChatSettings,
  OpenRouterPercentileCutoffs,
  OpenRouterPlugin,
  OpenRouterProviderOptions,
  OpenRouterProviderRouting,
  OpenRouterReasoningOptions,
  OpenRouterSharedSettings,
} from './chat/openrouter-chat-options';
export type { OpenRouterUsageAccounting } from './chat/openrouter-provider-metadata';
export type { OpenRouterReasoningDetail } from './chat/openrouter-reasoning-details';
export type {
  OpenRouterCompletionModelId,
  OpenRouterCompletionSettings,
} from './completion/openrouter-completion-language-model';
export type {
  OpenRouterDecisionModelId,
  OpenRouterDecisionOptions,
  OpenRouterDecisionSettings,
  OpenRouterDecisionTrace,
  OpenRouterEvaluationModelId,
  OpenRouterEvaluationProviderPreferences,
  OpenRouterEvaluationSettings,
} from './decision/openrouter-decision-options';
export { OPENROUTER_MAX_EMBEDDINGS_PER_CALL } from './embedding/openrouter-embedding-batch-size';
export type { OpenRouterEmbeddingModelId } from './embedding/openrouter-embedding-model';
export type {
  OpenRouterEmbeddingOptions,
  OpenRouterEmbeddingSettings,
} from './embedding/openrouter-embedding-options';
export type { OpenRouterFiles } from './files/openrouter-files';
export {
  OPENROUTER_MAX_FILE_BYTES,
  type OpenRouterFileInfo,
  type OpenRouterFileList,
  type OpenRouterFilesOptions,
  type OpenRouterListFilesOptions,
} from './files/openrouter-files-options';
export type { OpenRouterErrorData } from './http/openrouter-error';
export { VERSION } from './http/version';
export type {
  OpenRouterImageModelId,
  OpenRouterImageSettings,
} from './image/openrouter-image-model';
export type {
  OpenRouterImageApiSettings,
  OpenRouterImageAspectRatio,
  OpenRouterImageBackground,
  OpenRouterImageChatSettings,
  OpenRouterImageInputReference,
  OpenRouterImageOptions,
  OpenRouterImageOutputFormat,
  OpenRouterImageQuality,
  OpenRouterImageResolution,
} from './image/openrouter-image-options';
export { OpenRouter } from './openrouter-facade';
export {
  createOpenRouter,
  type OpenRouterProvider,
  type OpenRouterProviderSettings,
  openrouter,
} from './openrouter-provider';
export {
  type OpenRouterDecisionProviderMetadata,
  type OpenRouterEmbeddingProviderMetadata,
  type OpenRouterImageProviderMetadata,
  type OpenRouterMetadataByKind,
  type OpenRouterMetadataSource,
  type OpenRouterProviderMetadata,
  type OpenRouterRerankingProviderMetadata,
  type OpenRouterSpeechProviderMetadata,
  type OpenRouterTranscriptionProviderMetadata,
  type OpenRouterVideoProviderMetadata,
  openRouterMetadata,
} from './provider-metadata/openrouter-metadata';
export type {
  OpenRouterRerankingModelId,
  OpenRouterRerankingOptions,
  OpenRouterRerankingSettings,
} from './reranking/openrouter-reranking-options';
export type { OpenRouterResponsesModelId } from './responses/openrouter-responses-language-model';
export type {
  OpenRouterResponsesOptions,
  OpenRouterResponsesReasoningOptions,
  OpenRouterResponsesSettings,
  OpenRouterResponsesTextOptions,
  OpenRouterTraceOptions,
} from './responses/openrouter-responses-options';
export type {
  OpenRouterDatetimeToolArgs,
  OpenRouterImageGenerationToolArgs,
  OpenRouterServerTools,
  OpenRouterWebFetchToolArgs,
  OpenRouterWebSearchEngine,
  OpenRouterWebSearchToolArgs,
} from './server-tools/openrouter-server-tools';
export type {
  OpenRouterSpeechModelId,
  OpenRouterSpeechOptions,
  OpenRouterSpeechSettings,
} from './speech/openrouter-speech-options';
export type {
  OpenRouterAudioProviderOptions,
  OpenRouterTimestampGranularity,
  OpenRouterTranscriptionModelId,
  OpenRouterTranscriptionOptions,
  OpenRouterTranscriptionSettings,
} from './transcription/openrouter-transcription-options';
export type {
  OpenRouterVideoModelId,
  OpenRouterVideoSettings,
} from './video/openrouter-video-model';

// The model classes are exported as types only, as `@openrouter/ai-sdk-provider`'s
// main entry does: a value export would make a bundler that splits code load
// the chat model in an app that only uses the cost helpers. Create models
// with the provider; these types name what it returns. `ai-sdk-openrouter/internal`
// exports the classes as values, for `instanceof`.
/** The model `createOpenRouter` returns for this kind; see the provider's methods. */
export type OpenRouterChatLanguageModel = OpenRouterChatLanguageModelClass;
/** The model `createOpenRouter` returns for this kind; see the provider's methods. */
export type OpenRouterCompletionLanguageModel =
  OpenRouterCompletionLanguageModelClass;
/** The model `createOpenRouter` returns for this kind; see the provider's methods. */
export type OpenRouterDecisionModel = OpenRouterDecisionModelClass;
/** The model `createOpenRouter` returns for this kind; see the provider's methods. */
export type OpenRouterEmbeddingModel = OpenRouterEmbeddingModelClass;
/** The model `createOpenRouter` returns for this kind; see the provider's methods. */
export type OpenRouterImageModel = OpenRouterImageModelClass;
/** The model `createOpenRouter` returns for this kind; see the provider's methods. */
export type OpenRouterVideoModel = OpenRouterVideoModelClass;
/** The model `createOpenRouter` returns for this kind; see the provider's methods. */
export type OpenRouterResponsesLanguageModel =
  OpenRouterResponsesLanguageModelClass;
export type OpenRouterTranscriptionModel = OpenRouterTranscriptionModelClass;
/** The model `createOpenRouter` returns for this kind; see the provider's methods. */
export type OpenRouterSpeechModel = OpenRouterSpeechModelClass;
/** The model `createOpenRouter` returns for this kind; see the provider's methods. */
export type OpenRouterRerankingModel = OpenRouterRerankingModelClass;
