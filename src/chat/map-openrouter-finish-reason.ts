import type { LanguageModelV4FinishReason } from '@ai-sdk/provider';

/** Maps OpenRouter's normalised `finish_reason` to the AI SDK's unified one. */
export function mapOpenRouterFinishReason(
  finishReason: string | null | undefined,
): LanguageModelV4FinishReason['unified'] {
  switch (finishReason) {
    case 'stop':
    case 'end_turn':
    case 'stop_sequence':
      return 'stop';
    case 'length':
    case 'max_tokens':
      return 'length';
    case 'content_filter':
      return 'content-filter';
    case 'tool_calls':
    case 'function_call':
    case 'tool_use':
      return 'tool-calls';
    case 'error':
      return 'error';
    default:
      return 'other';
  }
}
