export {
  EMULATOR_COMPLETION_PRICE,
  EMULATOR_PROMPT_PRICE,
} from './emulator-models';
export type {
  OpenRouterEmulator,
  OpenRouterEmulatorOptions,
  RecordedRequest,
  ScriptedConnectionCut,
  ScriptedErrorResponse,
  ScriptedJsonResponse,
  ScriptedRawResponse,
  ScriptedResponse,
  ScriptedStall,
  ScriptedStreamResponse,
} from './emulator-types';
export { createOpenRouterEmulator } from './openrouter-emulator';
