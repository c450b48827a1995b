import { TypeValidationError } from '@ai-sdk/provider';
import { isRecord, type ParseResult } from '@ai-sdk/provider-utils';
import { findFirstChoice } from '../sse/chunk-shape';
import type { OpenRouterChatChunk } from './openrouter-chat-chunk-shape';

export { findFirstChoice };

// Stream chunks are not checked with zod: a schema run per chunk allocates
// a copy of every object and costs more than the rest of the chunk's
// handling together. They are checked by `findChatChunkProblem` below,
// which `writeChunkCheck` writes from `openRouterChatChunkShape`, the
// declaration the chunk types are read from too. It checks exactly the
// fields the stream state reads, with the schemas' leniency (every field
// optional and nullable, unknown fields kept, only choice 0 read), and a
// chunk that fails it becomes an `error` part, as a schema failure did. The
// success path allocates nothing but its result.

export const NOT_AN_OBJECT = 'The chunk is not a JSON object.';

/** Checks a parsed `chat.completion.chunk`. */
export function validateOpenRouterChatChunk(
  value: unknown,
): ParseResult<OpenRouterChatChunk> {
  const problem = findChatChunkProblem(value);
  return problem === undefined
    ? { success: true, value: value as OpenRouterChatChunk, rawValue: value }
    : invalid(value, problem);
}

/**
 * Whether a chunk hands objects of its JSON on to callers as they are: usage
 * (in `usage.raw` and the metadata), error metadata, reasoning details and
 * annotations. Everything else the state reads is a string or a number, or
 * is copied field by field into new objects.
 */
export function handsOnOpenRouterChunkObjects(
  chunk: OpenRouterChatChunk,
): boolean {
  if (chunk.usage != null || chunk.error != null) {
    return true;
  }
  const delta =
    chunk.choices == null ? undefined : findFirstChoice(chunk.choices)?.delta;
  return (
    delta != null &&
    (delta.reasoning_details != null || delta.annotations != null)
  );
}

/** A failed check, as the stream state receives it. */
export function invalid(
  value: unknown,
  problem: string,
): ParseResult<OpenRouterChatChunk> {
  return {
    success: false,
    error: new TypeValidationError({ value, cause: new Error(problem) }),
    rawValue: value,
  };
}

// Written by `writeChunkCheck` from the shapes; see the tests. Do not edit.
export function findChunkEnvelopeProblem(chunk: unknown): string | undefined {
  if (!isRecord(chunk)) {
    return NOT_AN_OBJECT;
  }
  if (chunk.id != null && typeof chunk.id !== 'string') {
    return 'id: expected a string.';
  }
  if (chunk.created != null && typeof chunk.created !== 'number') {
    return 'created: expected a number.';
  }
  if (chunk.model != null && typeof chunk.model !== 'string') {
    return 'model: expected a string.';
  }
  if (chunk.provider != null && typeof chunk.provider !== 'string') {
    return 'provider: expected a string.';
  }
  const usage = chunk.usage;
  if (usage != null) {
    if (!isRecord(usage)) {
      return 'usage: expected an object.';
    }
    if (
      usage.prompt_tokens != null &&
      typeof usage.prompt_tokens !== 'number'
    ) {
      return 'usage.prompt_tokens: expected a number.';
    }
    if (
      usage.completion_tokens != null &&
      typeof usage.completion_tokens !== 'number'
    ) {
      return 'usage.completion_tokens: expected a number.';
    }
    if (usage.total_tokens != null && typeof usage.total_tokens !== 'number') {
      return 'usage.total_tokens: expected a number.';
    }
    if (usage.cost != null && typeof usage.cost !== 'number') {
      return 'usage.cost: expected a number.';
    }
    if (usage.is_byok != null && typeof usage.is_byok !== 'boolean') {
      return 'usage.is_byok: expected a boolean.';
    }
    if (usage.cost_details != null && !isRecord(usage.cost_details)) {
      return 'usage.cost_details: expected an object.';
    }
    const promptTokensDetails = usage.prompt_tokens_details;
    if (promptTokensDetails != null) {
      if (!isRecord(promptTokensDetails)) {
        return 'usage.prompt_tokens_details: expected an object.';
      }
      if (
        promptTokensDetails.cached_tokens != null &&
        typeof promptTokensDetails.cached_tokens !== 'number'
      ) {
        return 'usage.prompt_tokens_details.cached_tokens: expected a number.';
      }
      if (
        promptTokensDetails.cache_write_tokens != null &&
        typeof promptTokensDetails.cache_write_tokens !== 'number'
      ) {
        return 'usage.prompt_tokens_details.cache_write_tokens: expected a number.';
      }
    }
    const completionTokensDetails = usage.completion_tokens_details;
    if (completionTokensDetails != null) {
      if (!isRecord(completionTokensDetails)) {
        return 'usage.completion_tokens_details: expected an object.';
      }
      if (
        completionTokensDetails.reasoning_tokens != null &&
        typeof completionTokensDetails.reasoning_tokens !== 'number'
      ) {
        return 'usage.completion_tokens_details.reasoning_tokens: expected a number.';
      }
    }
  }
  return undefined;
}

function findChatChunkProblem(chunk: unknown): string | undefined {
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
      if (
        choice.finish_reason != null &&
        typeof choice.finish_reason !== 'string'
      ) {
        return 'choices[0].finish_reason: expected a string.';
      }
      const delta = choice.delta;
      if (delta != null) {
        if (!isRecord(delta)) {
          return 'choices[0].delta: expected an object.';
        }
        if (delta.content != null && typeof delta.content !== 'string') {
          return 'choices[0].delta.content: expected a string.';
        }
        if (delta.refusal != null && typeof delta.refusal !== 'string') {
          return 'choices[0].delta.refusal: expected a string.';
        }
        if (delta.reasoning != null && typeof delta.reasoning !== 'string') {
          return 'choices[0].delta.reasoning: expected a string.';
        }
        const reasoningDetails = delta.reasoning_details;
        if (reasoningDetails != null) {
          if (!Array.isArray(reasoningDetails)) {
            return 'choices[0].delta.reasoning_details: expected an array.';
          }
          for (const reasoningDetail of reasoningDetails) {
            if (!isRecord(reasoningDetail)) {
              return 'choices[0].delta.reasoning_details[]: expected an object.';
            }
            if (
              reasoningDetail.text != null &&
              typeof reasoningDetail.text !== 'string'
            ) {
              return 'choices[0].delta.reasoning_details[].text: expected a string.';
            }
            if (
              reasoningDetail.summary != null &&
              typeof reasoningDetail.summary !== 'string'
            ) {
              return 'choices[0].delta.reasoning_details[].summary: expected a string.';
            }
          }
        }
        const toolCalls = delta.tool_calls;
        if (toolCalls != null) {
          if (!Array.isArray(toolCalls)) {
            return 'choices[0].delta.tool_calls: expected an array.';
          }
          for (const toolCall of toolCalls) {
            if (!isRecord(toolCall)) {
              return 'choices[0].delta.tool_calls[]: expected an object.';
            }
            if (toolCall.index != null && typeof toolCall.index !== 'number') {
              return 'choices[0].delta.tool_calls[].index: expected a number.';
            }
            if (toolCall.id != null && typeof toolCall.id !== 'string') {
              return 'choices[0].delta.tool_calls[].id: expected a string.';
            }
            if (toolCall.type != null && typeof toolCall.type !== 'string') {
              return 'choices[0].delta.tool_calls[].type: expected a string.';
            }
            const functionValue = toolCall.function;
            if (functionValue != null) {
              if (!isRecord(functionValue)) {
                return 'choices[0].delta.tool_calls[].function: expected an object.';
              }
              if (
                functionValue.name != null &&
                typeof functionValue.name !== 'string'
              ) {
                return 'choices[0].delta.tool_calls[].function.name: expected a string.';
              }
              if (
                functionValue.arguments != null &&
                typeof functionValue.arguments !== 'string'
              ) {
                return 'choices[0].delta.tool_calls[].function.arguments: expected a string.';
              }
            }
          }
        }
        if (delta.annotations != null && !Array.isArray(delta.annotations)) {
          return 'choices[0].delta.annotations: expected an array.';
        }
        if (delta.images != null && !Array.isArray(delta.images)) {
          return 'choices[0].delta.images: expected an array.';
        }
        const audio = delta.audio;
        if (audio != null) {
          if (!isRecord(audio)) {
            return 'choices[0].delta.audio: expected an object.';
          }
          if (audio.id != null && typeof audio.id !== 'string') {
            return 'choices[0].delta.audio.id: expected a string.';
          }
          if (audio.data != null && typeof audio.data !== 'string') {
            return 'choices[0].delta.audio.data: expected a string.';
          }
          if (
            audio.transcript != null &&
            typeof audio.transcript !== 'string'
          ) {
            return 'choices[0].delta.audio.transcript: expected a string.';
          }
          if (
            audio.expires_at != null &&
            typeof audio.expires_at !== 'number'
          ) {
            return 'choices[0].delta.audio.expires_at: expected a number.';
          }
        }
      }
    }
  }
  return undefined;
}
// End of the written check.
