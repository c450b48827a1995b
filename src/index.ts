export type { OpenRouterChatLanguageModel } from './chat/openrouter-chat-language-model';
export type { OpenRouterChatModelId } from './chat/openrouter-chat-model-id';
export type {
  OpenRouterChatOptions,
  OpenRouterChatSettings,
} from './chat/openrouter-chat-options';
export type { OpenRouterErrorData } from './openrouter-error';
export {
  createOpenRouter,
  type OpenRouterProvider,
  type OpenRouterProviderSettings,
  openrouter,
} from './openrouter-provider';
export { VERSION } from './version';
