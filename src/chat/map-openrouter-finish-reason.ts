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

/**
 * The finish reason of a reply that OpenRouter ended, in generate and
 * stream alike. A refusal that ends like an answer is reported as a content
 * filter, so it never passes for one; several upstreams end tool turns with
 * `stop` or an unknown reason, and reporting those as tool calls keeps agent
 * loops going.
 */
export function unifyOpenRouterFinishReason(
  raw: string | null | undefined,
  { hasToolCalls, hasRefusal }: { hasToolCalls: boolean; hasRefusal: boolean },
): LanguageModelV4FinishReason {
  const mapped = mapOpenRouterFinishReason(raw);
  const unified = mapped === 'stop' && hasRefusal ? 'content-filter' : mapped;
  return {
    unified:
      hasToolCalls && (unified === 'stop' || unified === 'other')
        ? 'tool-calls'
        : unified,
    raw: raw ?? undefined,
  };
}
