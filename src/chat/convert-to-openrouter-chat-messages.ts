import {
  type LanguageModelV4Prompt,
  type LanguageModelV4ToolResultOutput,
  UnsupportedFunctionalityError,
} from '@ai-sdk/provider';
import { convertFileToContentPart } from './convert-file-part';
import type {
  OpenRouterChatAssistantMessage,
  OpenRouterChatContentPart,
  OpenRouterChatMessage,
  OpenRouterChatPrompt,
  OpenRouterChatToolCall,
} from './openrouter-chat-api-types';
import {
  isBoundToUpstream,
  type OpenRouterReasoningDetail,
  prepareReplayedReasoningDetails,
  readReasoningDetails,
} from './openrouter-reasoning-details';

type PromptMessage = LanguageModelV4Prompt[number];
type UserContent = Extract<PromptMessage, { role: 'user' }>['content'];
type AssistantContent = Extract<
  PromptMessage,
  { role: 'assistant' }
>['content'];
type ToolContent = Extract<PromptMessage, { role: 'tool' }>['content'];

/**
 * Converts an AI SDK prompt into OpenRouter chat messages. Each role has its
 * own converter so that a new part kind slots into exactly one place.
 */
export function convertToOpenRouterChatMessages(
  prompt: LanguageModelV4Prompt,
): OpenRouterChatPrompt {
  const messages: OpenRouterChatPrompt = [];

  for (const message of prompt) {
    switch (message.role) {
      case 'system':
        messages.push({ role: 'system', content: message.content });
        break;
      case 'user':
        messages.push({
          role: 'user',
          content: convertUserContent(message.content),
        });
        break;
      case 'assistant':
        messages.push(convertAssistantContent(message.content));
        break;
      case 'tool':
        messages.push(...convertToolContent(message.content));
        break;
      default: {
        const unknownMessage: never = message;
        throw new UnsupportedFunctionalityError({
          functionality: `message role ${(unknownMessage as { role: string }).role}`,
        });
      }
    }
  }

  return messages;
}

function convertUserContent(
  content: UserContent,
): string | OpenRouterChatContentPart[] {
  // A lone text part goes out as a plain string, which every upstream accepts.
  if (content.length === 1 && content[0].type === 'text') {
    return content[0].text;
  }

  return content.map((part): OpenRouterChatContentPart => {
    switch (part.type) {
      case 'text':
        return { type: 'text', text: part.text };
      case 'file':
        return convertFileToContentPart(part);
      default: {
        const unknownPart: never = part;
        throw new UnsupportedFunctionalityError({
          functionality: `user message part ${(unknownPart as { type: string }).type}`,
        });
      }
    }
  });
}

function convertAssistantContent(
  content: AssistantContent,
): OpenRouterChatAssistantMessage {
  let text = '';
  let reasoningText = '';
  // The last part that carries details holds the most complete array.
  let reasoningDetails: OpenRouterReasoningDetail[] | undefined;
  const toolCalls: OpenRouterChatToolCall[] = [];

  for (const part of content) {
    reasoningDetails =
      readReasoningDetails(part.providerOptions) ?? reasoningDetails;
    switch (part.type) {
      case 'text':
        text += part.text;
        break;
      case 'reasoning':
        reasoningText += part.text;
        break;
      case 'tool-call':
        // Tools that ran on the provider's side are not replayed as calls.
        if (part.providerExecuted) {
          break;
        }
        toolCalls.push({
          id: part.toolCallId,
          type: 'function',
          function: {
            name: part.toolName,
            arguments: stringifyToolInput(part.input),
          },
        });
        break;
      case 'tool-result':
      case 'reasoning-file':
      case 'file':
      case 'custom':
        // Not part of what OpenRouter accepts back on an assistant message.
        break;
      default: {
        const unknownPart: never = part;
        throw new UnsupportedFunctionalityError({
          functionality: `assistant message part ${(unknownPart as { type: string }).type}`,
        });
      }
    }
  }

  // Details go back exactly as received (an empty array included: some
  // upstreams require it); plain reasoning text only when there are none.
  const reasoning: Partial<OpenRouterChatAssistantMessage> =
    reasoningDetails != null
      ? { reasoning_details: prepareReplayedReasoningDetails(reasoningDetails) }
      : reasoningText !== ''
        ? { reasoning: reasoningText }
        : {};

  if (toolCalls.length === 0) {
    return { role: 'assistant', content: text, ...reasoning };
  }
  // Some upstreams (Bedrock Nova among them) reject an empty string next to
  // tool calls, so a tool-only message has `content: null`.
  return {
    role: 'assistant',
    content: text === '' ? null : text,
    tool_calls: toolCalls,
    ...reasoning,
  };
}

/**
 * The upstream that produced signed or encrypted reasoning in the latest
 * assistant turn of the prompt, if any. Such reasoning only verifies on the
 * upstream that made it, so the next request should go there too.
 */
export function findReasoningUpstream(
  prompt: LanguageModelV4Prompt,
): string | undefined {
  const lastAssistant = prompt.findLast(
    message => message.role === 'assistant',
  );
  if (lastAssistant == null || lastAssistant.role !== 'assistant') {
    return undefined;
  }
  for (const part of [...lastAssistant.content].reverse()) {
    const details = readReasoningDetails(part.providerOptions);
    if (details != null) {
      const upstream = part.providerOptions?.openrouter?.provider;
      return isBoundToUpstream(details) && typeof upstream === 'string'
        ? upstream
        : undefined;
    }
  }
  return undefined;
}

/** The AI SDK passes parsed input; OpenRouter wants the JSON text. */
function stringifyToolInput(input: unknown): string {
  // Input that failed to parse is kept as the text the model produced.
  return typeof input === 'string' ? input : JSON.stringify(input ?? {});
}

function convertToolContent(content: ToolContent): OpenRouterChatMessage[] {
  const messages: OpenRouterChatMessage[] = [];
  for (const part of content) {
    switch (part.type) {
      case 'tool-result':
        messages.push({
          role: 'tool',
          tool_call_id: part.toolCallId,
          content: convertToolOutput(part.output),
        });
        break;
      case 'tool-approval-response':
        // Approvals are settled by the AI SDK before the model sees them.
        break;
      default: {
        const unknownPart: never = part;
        throw new UnsupportedFunctionalityError({
          functionality: `tool message part ${(unknownPart as { type: string }).type}`,
        });
      }
    }
  }
  return messages;
}

function convertToolOutput(
  output: LanguageModelV4ToolResultOutput,
): string | OpenRouterChatContentPart[] {
  switch (output.type) {
    case 'text':
    case 'error-text':
      return output.value;
    case 'json':
    case 'error-json':
      return JSON.stringify(output.value);
    case 'execution-denied':
      return output.reason == null
        ? 'The tool call was not executed: the user denied it.'
        : `The tool call was not executed: the user denied it (${output.reason}).`;
    case 'content':
      // Images and files go out as content parts, so the model can see them
      // instead of a JSON dump of their bytes.
      return output.value.flatMap((part): OpenRouterChatContentPart[] => {
        switch (part.type) {
          case 'text':
            return [{ type: 'text', text: part.text }];
          case 'file':
            return [convertFileToContentPart(part)];
          default:
            return [];
        }
      });
    default: {
      const unknownOutput: never = output;
      throw new UnsupportedFunctionalityError({
        functionality: `tool result output ${(unknownOutput as { type: string }).type}`,
      });
    }
  }
}
