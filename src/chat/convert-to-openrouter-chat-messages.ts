import {
  type LanguageModelV4Prompt,
  UnsupportedFunctionalityError,
} from '@ai-sdk/provider';
import type {
  OpenRouterChatAssistantMessage,
  OpenRouterChatContentPart,
  OpenRouterChatPrompt,
} from './openrouter-chat-api-types';

/**
 * Converts an AI SDK prompt into OpenRouter chat messages. Each role has its
 * own converter so that new part kinds slot into exactly one place.
 */
export function convertToOpenRouterChatMessages(
  prompt: LanguageModelV4Prompt,
): OpenRouterChatPrompt {
  const messages: OpenRouterChatPrompt = [];

  for (const message of prompt) {
    switch (message.role) {
      case 'system': {
        messages.push({ role: 'system', content: message.content });
        break;
      }
      case 'user': {
        messages.push({
          role: 'user',
          content: convertUserContent(message.content),
        });
        break;
      }
      case 'assistant': {
        messages.push(convertAssistantMessage(message.content));
        break;
      }
      case 'tool': {
        throw new UnsupportedFunctionalityError({
          functionality: 'tool messages',
        });
      }
      default: {
        const unknownRole: never = message;
        throw new UnsupportedFunctionalityError({
          functionality: `message role ${(unknownRole as { role: string }).role}`,
        });
      }
    }
  }

  return messages;
}

type UserContent = Extract<
  LanguageModelV4Prompt[number],
  { role: 'user' }
>['content'];

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
        throw new UnsupportedFunctionalityError({
          functionality: `file parts (${part.mediaType}) in user messages`,
        });
      default: {
        const unknownPart: never = part;
        throw new UnsupportedFunctionalityError({
          functionality: `user message part ${(unknownPart as { type: string }).type}`,
        });
      }
    }
  });
}

type AssistantContent = Extract<
  LanguageModelV4Prompt[number],
  { role: 'assistant' }
>['content'];

function convertAssistantMessage(
  content: AssistantContent,
): OpenRouterChatAssistantMessage {
  let text = '';

  for (const part of content) {
    switch (part.type) {
      case 'text':
        text += part.text;
        break;
      default:
        throw new UnsupportedFunctionalityError({
          functionality: `${part.type} parts in assistant messages`,
        });
    }
  }

  return { role: 'assistant', content: text };
}
