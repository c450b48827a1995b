import {
  array,
  boolean,
  choices,
  number,
  object,
  record,
  type ShapeOf,
  string,
  unknown,
} from '../sse/chunk-shape';
import type { OpenRouterUsage } from './openrouter-chat-response-schemas';

// Stream chunks are not checked with zod: one schema run per chunk costs
// more than everything else a chunk needs, and a streaming app should not
// load zod for them. Their shape is declared here, once: the types are read from it, and `writeChunkCheck` writes from it the
// straight-line check in `openrouter-chat-stream-parser.ts` (whose test
// fails when the two differ). It declares the fields the stream state reads;
// like the response schemas in `openrouter-chat-response-schemas.ts`,
// every field is optional and nullable and unknown
// fields are kept.

/** Usage as a stream chunk carries it: the same type as `OpenRouterUsage`. */
export const openRouterUsageShape = /* @__PURE__ */ object({
  prompt_tokens: number,
  completion_tokens: number,
  total_tokens: number,
  cost: number,
  is_byok: boolean,
  cost_details: record,
  prompt_tokens_details: object({
    cached_tokens: number,
    cache_write_tokens: number,
  }),
  completion_tokens_details: object({
    reasoning_tokens: number,
  }),
});

// The usage a stream reports and the usage a response reports are one
// type: this fails to compile when the shape and the schema drift apart,
// a field added to one only included.
type Known<T> = T extends object
  ? { [K in keyof T as string extends K ? never : K]-?: Known<T[K]> }
  : T;
type SameType<A, B> = [A] extends [B]
  ? [B] extends [A]
    ? true
    : false
  : false;
type Assert<_ extends true> = never;
export type UsageShapeMatchesSchema = Assert<
  SameType<Known<ShapeOf<typeof openRouterUsageShape>>, Known<OpenRouterUsage>>
>;

/** The fields every chunk, chat or completion, may carry about the response. */
export const openRouterChunkEnvelopeFields = {
  id: string,
  created: number,
  model: string,
  provider: string,
  usage: openRouterUsageShape,
  /** Read with `extractOpenRouterErrorData`, which accepts any shape. */
  error: unknown,
};

const toolCallShape = /* @__PURE__ */ object({
  index: number,
  id: string,
  type: string,
  function: object({
    name: string,
    arguments: string,
  }),
});

/**
 * Entries are kept as received for the round trip (see
 * `OpenRouterReasoningDetail`), so only what the stream shows is checked.
 */
const reasoningDetailShape = /* @__PURE__ */ object({
  text: string,
  summary: string,
});

const deltaShape = /* @__PURE__ */ object({
  content: string,
  /** The model's refusal, streamed instead of content. */
  refusal: string,
  reasoning: string,
  reasoning_details: array(reasoningDetailShape),
  tool_calls: array(toolCallShape),
  annotations: array(unknown),
  images: array(unknown),
  /** Spoken reply in pieces, when `modalities` includes `audio`. */
  audio: object({
    id: string,
    data: string,
    transcript: string,
    expires_at: number,
  }),
});

const choiceShape = /* @__PURE__ */ object({
  /**
   * 0, or missing, for the only choice this provider reads. Not checked:
   * `findFirstChoice` copes with any value.
   */
  index: unknown,
  finish_reason: string,
  delta: deltaShape,
  logprobs: unknown,
});

/** A `chat.completion.chunk`. */
export const openRouterChatChunkShape = /* @__PURE__ */ object({
  ...openRouterChunkEnvelopeFields,
  /** Only choice 0 is read: see `findFirstChoice`. */
  choices: choices(choiceShape),
});

export type OpenRouterChatChunkToolCall = ShapeOf<typeof toolCallShape>;
export type OpenRouterChatChunkDelta = ShapeOf<typeof deltaShape>;
export type OpenRouterChatChunkAudio = NonNullable<
  OpenRouterChatChunkDelta['audio']
>;
export type OpenRouterChatChunkChoice = ShapeOf<typeof choiceShape>;
export type OpenRouterChatChunk = ShapeOf<typeof openRouterChatChunkShape>;
