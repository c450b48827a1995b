import { isRecord, type ParseResult } from '@ai-sdk/provider-utils';
import {
  type OpenRouterChatChunk,
  openRouterChunkEnvelopeFields,
} from '../chat/openrouter-chat-chunk-shape';
import {
  findChunkEnvelopeProblem,
  invalid,
  NOT_AN_OBJECT,
} from '../chat/openrouter-chat-stream-parser';
import {
  choices,
  findFirstChoice,
  object,
  type ShapeOf,
  string,
  unknown,
} from '../sse/chunk-shape';

/**
 * A chunk of the legacy `/completions` stream, as far as it is read: the
 * chat chunk's envelope, and choices that carry `text`. `findCompletionChunkProblem`
 * below is written from it.
 */
export const openRouterCompletionChunkShape = object({
  ...openRouterChunkEnvelopeFields,
  /** Only choice 0 is read: see `findFirstChoice`. */
  choices: choices(
    object({
      /** Not checked: `findFirstChoice` copes with any value. */
      index: unknown,
      text: string,
      finish_reason: string,
    }),
  ),
});

type OpenRouterCompletionChunk = ShapeOf<typeof openRouterCompletionChunkShape>;

/**
 * Checks a parsed chunk of the legacy `/completions` stream and reads it as a
 * chat chunk whose delta content is the choice's `text`, so the chat stream
 * state can handle it. The raw chunk stays the one OpenRouter sent.
 */
export function validateOpenRouterCompletionChunk(
  value: unknown,
): ParseResult<OpenRouterChatChunk> {
  const problem = findCompletionChunkProblem(value);
  if (problem !== undefined) {
    return invalid(value, problem);
  }
  const chunk = value as OpenRouterCompletionChunk;
  const chunkChoices = chunk.choices;
  const choice =
    chunkChoices == null ? undefined : findFirstChoice(chunkChoices);
  let readChoices: OpenRouterChatChunk['choices'] = chunkChoices;
  if (choice != null && chunkChoices != null) {
    // Without an index, so the chat state reads it as choice 0.
    const chatChoice = {
      delta: { content: choice.text },
      finish_reason: choice.finish_reason,
    };
    // Other choices stay as they are, so the chat state sees them and
    // warns; it reads only this one.
    readChoices =
      chunkChoices.length === 1
        ? [chatChoice]
        : chunkChoices.map(other => (other === choice ? chatChoice : other));
  }
  return {
    success: true,
    value: {
      id: chunk.id,
      created: chunk.created,
      model: chunk.model,
      provider: chunk.provider,
      usage: chunk.usage,
      error: chunk.error,
      choices: readChoices,
    },
    rawValue: value,
  };
}

// Written by `writeChunkCheck` from the shapes; see the tests. Do not edit.
function findCompletionChunkProblem(chunk: unknown): string | undefined {
  if (!isRecord(chunk)) {
    return NOT_AN_OBJECT;
  }
  const sharedProblem = findChunkEnvelopeProblem(chunk);
  if (sharedProblem !== undefined) {
    return sharedProblem;
  }
  const choices = chunk.choices;
  if (choices != null) {
    if (!Array.isArray(choices)) {
      return 'choices: expected an array.';
    }
    const choice: unknown = findFirstChoice(choices);
    if (choice != null) {
      if (!isRecord(choice)) {
        return 'choices[0]: expected an object.';
      }
      if (choice.text != null && typeof choice.text !== 'string') {
        return 'choices[0].text: expected a string.';
      }
      if (
        choice.finish_reason != null &&
        typeof choice.finish_reason !== 'string'
      ) {
        return 'choices[0].finish_reason: expected a string.';
      }
    }
  }
  return undefined;
}
// End of the written check.
