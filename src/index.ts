export type { OpenRouterTokenLogprob } from './chat/map-openrouter-annotations';
export type { OpenRouterChatLanguageModel } from './chat/openrouter-chat-language-model';
export type { OpenRouterChatModelId } from './chat/openrouter-chat-model-id';
export type {
  OpenRouterCacheControlOptions,
  OpenRouterChatOptions,
  OpenRouterChatSettings,
  OpenRouterPlugin,
  OpenRouterProviderRouting,
  OpenRouterReasoningOptions,
} from './chat/openrouter-chat-options';
export type { OpenRouterReasoningDetail } from './chat/openrouter-reasoning-details';
export type { OpenRouterErrorData } from './openrouter-error';
export {
  createOpenRouter,
  type OpenRouterProvider,
  type OpenRouterProviderSettings,
  openrouter,
} from './openrouter-provider';
export { VERSION } from './version';
