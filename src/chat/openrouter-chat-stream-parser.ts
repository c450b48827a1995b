import { TypeValidationError } from '@ai-sdk/provider';
import { isRecord, type ParseResult } from '@ai-sdk/provider-utils';
import type { OpenRouterChatChunk } from './openrouter-chat-response-schemas';

// Stream chunks are checked by hand rather than with zod: a schema run per
// chunk allocates a copy of every object and costs more than the rest of the
// chunk's handling together. The checks cover exactly the fields the stream
// state reads, with the schemas' leniency (every field optional and nullable,
// unknown fields kept, only choice 0 read), and a chunk that fails them
// becomes an `error` part, as a schema failure did. The success path
// allocates nothing but its result.

type UnknownRecord = Record<string, unknown>;

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

/**
 * The choice this provider reads: the first whose `index` is 0 or missing.
 * A choice whose `index` is any other number belongs to another completion
 * (`n` > 1) and is skipped. Entries that are not objects are taken as they
 * are, so that checking them finds the problem. Usually the first entry.
 */
export function findFirstChoice<CHOICE>(
  choices: readonly CHOICE[],
): CHOICE | undefined {
  for (let position = 0; position < choices.length; position++) {
    const choice = choices[position];
    const index = isRecord(choice) ? choice.index : undefined;
    if (typeof index !== 'number' || index === 0) {
      return choice;
    }
  }
  return undefined;
}

export const NOT_AN_OBJECT = 'The chunk is not a JSON object.';

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

function findChatChunkProblem(chunk: unknown): string | undefined {
  if (!isRecord(chunk)) {
    return NOT_AN_OBJECT;
  }
  const metadataProblem = findMetadataProblem(chunk);
  if (metadataProblem !== undefined) {
    return metadataProblem;
  }

  const choices = chunk.choices;
  if (choices == null) {
    return undefined;
  }
  if (!Array.isArray(choices)) {
    return 'choices: expected an array.';
  }
  const choice: unknown = findFirstChoice(choices);
  if (choice == null) {
    return undefined;
  }
  if (!isRecord(choice)) {
    return 'choices[0]: expected an object.';
  }
  if (!isOptionalString(choice.finish_reason)) {
    return 'choices[0].finish_reason: expected a string.';
  }

  const delta = choice.delta;
  if (delta == null) {
    return undefined;
  }
  if (!isRecord(delta)) {
    return 'choices[0].delta: expected an object.';
  }
  if (!isOptionalString(delta.content)) {
    return 'choices[0].delta.content: expected a string.';
  }
  if (!isOptionalString(delta.reasoning)) {
    return 'choices[0].delta.reasoning: expected a string.';
  }
  if (!isOptionalString(delta.refusal)) {
    return 'choices[0].delta.refusal: expected a string.';
  }
  if (delta.reasoning_details != null) {
    const problem = findReasoningDetailsProblem(delta.reasoning_details);
    if (problem !== undefined) {
      return problem;
    }
  }
  if (delta.tool_calls != null) {
    const problem = findToolCallsProblem(delta.tool_calls);
    if (problem !== undefined) {
      return problem;
    }
  }
  if (!isOptionalArray(delta.annotations)) {
    return 'choices[0].delta.annotations: expected an array.';
  }
  if (!isOptionalArray(delta.images)) {
    return 'choices[0].delta.images: expected an array.';
  }
  return undefined;
}

/**
 * The fields every chunk may carry about the response. `error` is not
 * checked: it is read with `extractOpenRouterErrorData`, which copes with
 * any shape, so even an odd error is reported as the error it is.
 */
export function findMetadataProblem(chunk: UnknownRecord): string | undefined {
  if (
    !isOptionalString(chunk.id) ||
    !isOptionalString(chunk.model) ||
    !isOptionalString(chunk.provider)
  ) {
    return 'id, model and provider: expected strings.';
  }
  if (!isOptionalNumber(chunk.created)) {
    return 'created: expected a number.';
  }
  return chunk.usage == null ? undefined : findUsageProblem(chunk.usage);
}

function findUsageProblem(usage: unknown): string | undefined {
  if (!isRecord(usage)) {
    return 'usage: expected an object.';
  }
  if (
    !isOptionalNumber(usage.prompt_tokens) ||
    !isOptionalNumber(usage.completion_tokens) ||
    !isOptionalNumber(usage.total_tokens) ||
    !isOptionalNumber(usage.cost)
  ) {
    return 'usage: expected numeric token counts and cost.';
  }
  if (usage.is_byok != null && typeof usage.is_byok !== 'boolean') {
    return 'usage.is_byok: expected a boolean.';
  }
  if (usage.cost_details != null && !isRecord(usage.cost_details)) {
    return 'usage.cost_details: expected an object.';
  }
  const promptDetails = usage.prompt_tokens_details;
  if (
    promptDetails != null &&
    (!isRecord(promptDetails) ||
      !isOptionalNumber(promptDetails.cached_tokens) ||
      !isOptionalNumber(promptDetails.cache_write_tokens))
  ) {
    return 'usage.prompt_tokens_details: expected an object with numeric token counts.';
  }
  const completionDetails = usage.completion_tokens_details;
  if (
    completionDetails != null &&
    (!isRecord(completionDetails) ||
      !isOptionalNumber(completionDetails.reasoning_tokens))
  ) {
    return 'usage.completion_tokens_details: expected an object with numeric token counts.';
  }
  return undefined;
}

/**
 * Entries are kept as received for the round trip, so only what the stream
 * shows is checked: each entry is an object whose text and summary are text.
 */
function findReasoningDetailsProblem(details: unknown): string | undefined {
  if (!Array.isArray(details)) {
    return 'choices[0].delta.reasoning_details: expected an array.';
  }
  for (const detail of details) {
    if (
      !isRecord(detail) ||
      !isOptionalString(detail.text) ||
      !isOptionalString(detail.summary)
    ) {
      return 'choices[0].delta.reasoning_details: expected objects with a string text and summary.';
    }
  }
  return undefined;
}

function findToolCallsProblem(toolCalls: unknown): string | undefined {
  if (!Array.isArray(toolCalls)) {
    return 'choices[0].delta.tool_calls: expected an array.';
  }
  for (const toolCall of toolCalls) {
    if (
      !isRecord(toolCall) ||
      !isOptionalNumber(toolCall.index) ||
      !isOptionalString(toolCall.id) ||
      !isOptionalString(toolCall.type)
    ) {
      return 'choices[0].delta.tool_calls: expected objects with a numeric index and a string id and type.';
    }
    const call = toolCall.function;
    if (
      call != null &&
      (!isRecord(call) ||
        !isOptionalString(call.name) ||
        !isOptionalString(call.arguments))
    ) {
      return 'choices[0].delta.tool_calls[].function: expected an object with a string name and arguments.';
    }
  }
  return undefined;
}

export function isOptionalString(value: unknown) {
  return value == null || typeof value === 'string';
}

function isOptionalNumber(value: unknown) {
  return value == null || typeof value === 'number';
}

function isOptionalArray(value: unknown) {
  return value == null || Array.isArray(value);
}
