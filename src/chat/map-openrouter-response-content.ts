import {
  InvalidResponseDataError,
  type LanguageModelV4Content,
} from '@ai-sdk/provider';
import { generateId } from '@ai-sdk/provider-utils';
import type { OpenRouterChatResponse } from './openrouter-chat-response-schemas';

type ResponseMessage = NonNullable<
  NonNullable<OpenRouterChatResponse['choices']>[number]['message']
>;

/**
 * The content of a non-streamed reply, in the order a reader meets it. Tool
 * call ids are kept, made unique, and generated when the upstream left them
 * out; a call without arguments gets `{}`.
 */
export function mapOpenRouterResponseContent(
  message: ResponseMessage | null | undefined,
): LanguageModelV4Content[] {
  const content: LanguageModelV4Content[] = [];
  if (message == null) {
    return content;
  }

  if (message.content != null && message.content !== '') {
    content.push({ type: 'text', text: message.content });
  }

  const usedIds = new Set<string>();
  for (const toolCall of message.tool_calls ?? []) {
    const toolName = toolCall.function?.name;
    if (toolName == null || toolName.trim() === '') {
      throw new InvalidResponseDataError({
        data: toolCall,
        message: 'OpenRouter returned a tool call without a function name.',
      });
    }
    let toolCallId =
      toolCall.id != null && toolCall.id.trim() !== ''
        ? toolCall.id
        : generateId();
    while (usedIds.has(toolCallId)) {
      toolCallId = `${toolCallId}-${generateId()}`;
    }
    usedIds.add(toolCallId);

    const input = toolCall.function?.arguments ?? '';
    content.push({
      type: 'tool-call',
      toolCallId,
      toolName,
      input: input.trim() === '' ? '{}' : input,
    });
  }

  return content;
}
