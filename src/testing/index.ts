export {
  EMULATOR_COMPLETION_PRICE,
  EMULATOR_PROMPT_PRICE,
} from './emulator-models';
export type {
  RecordedChatBody,
  RecordedChatMessage,
  RecordedContentPart,
  RecordedReasoningDetail,
  RecordedRequestBody,
  RecordedResponseFormat,
  RecordedTextPart,
  RecordedTool,
  RecordedToolCall,
  RecordedToolChoice,
} from './emulator-request-types';
export {
  type ScriptedFaultOptions,
  type ScriptedHttpErrorOptions,
  type ScriptedReplyOptions,
  scripted,
} from './emulator-scripts';
export type {
  OpenRouterEmulator,
  OpenRouterEmulatorOptions,
  RecordedRequest,
  ScriptedChatReply,
  ScriptedConnectionCut,
  ScriptedErrorResponse,
  ScriptedImage,
  ScriptedInBandError,
  ScriptedJsonResponse,
  ScriptedRawResponse,
  ScriptedReasoning,
  ScriptedResponse,
  ScriptedSource,
  ScriptedStall,
  ScriptedStreamPacing,
  ScriptedStreamResponse,
  ScriptedToolCall,
  ScriptedUsage,
  ScriptedWebSearch,
} from './emulator-types';
export { createOpenRouterEmulator } from './openrouter-emulator';
