import { isRecord, type ParseResult } from '@ai-sdk/provider-utils';
import type { OpenRouterChatChunk } from '../chat/openrouter-chat-response-schemas';
import {
  findFirstChoice,
  findMetadataProblem,
  invalid,
  isOptionalString,
  NOT_AN_OBJECT,
} from '../chat/openrouter-chat-stream-parser';

/**
 * Checks a parsed chunk of the legacy `/completions` stream and reads it as a
 * chat chunk whose delta content is the choice's `text`, so the chat stream
 * state can handle it. The raw chunk stays the one OpenRouter sent.
 */
export function validateOpenRouterCompletionChunk(
  value: unknown,
): ParseResult<OpenRouterChatChunk> {
  if (!isRecord(value)) {
    return invalid(value, NOT_AN_OBJECT);
  }
  const problem = findMetadataProblem(value);
  if (problem !== undefined) {
    return invalid(value, problem);
  }
  const choices = value.choices;
  if (choices != null && !Array.isArray(choices)) {
    return invalid(value, 'choices: expected an array.');
  }
  const choice: unknown =
    choices == null ? undefined : findFirstChoice(choices as unknown[]);
  if (
    choice != null &&
    (!isRecord(choice) ||
      !isOptionalString(choice.text) ||
      !isOptionalString(choice.finish_reason))
  ) {
    return invalid(
      value,
      'choices[0]: expected an object with a string text and finish_reason.',
    );
  }
  const chatChoices = choices as OpenRouterChatChunk['choices'];
  let readChoices = chatChoices;
  if (choice != null && chatChoices != null) {
    // Without an index, so the chat state reads it as choice 0.
    const chatChoice = {
      delta: { content: choice.text as string | null | undefined },
      finish_reason: choice.finish_reason as string | null | undefined,
    };
    // Other choices stay as they are, so the chat state sees them and
    // warns; it reads only this one.
    readChoices =
      chatChoices.length === 1
        ? [chatChoice]
        : chatChoices.map(other => (other === choice ? chatChoice : other));
  }
  return {
    success: true,
    value: {
      id: value.id as string | null | undefined,
      created: value.created as number | null | undefined,
      model: value.model as string | null | undefined,
      provider: value.provider as string | null | undefined,
      usage: value.usage as OpenRouterChatChunk['usage'],
      error: value.error,
      choices: readChoices,
    },
    rawValue: value,
  };
}
