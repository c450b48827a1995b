import { isRecord } from '@ai-sdk/provider-utils';
import { EMULATED_IMAGE_BASE64 } from './emulator-attachments';
import {
  buildUsage,
  chatReplyToChunks,
  chatReplyToResponse,
  type EmulatedChatReply,
  errorChunk,
  estimateTokens,
  FIRST_CREATED,
  messageText,
} from './emulator-chat-model';
import { serveModel } from './emulator-models';
import type { EmulatedReasoning } from './emulator-reasoning';
import type { EmulatorContext } from './emulator-routes';
import type { EmulatedServerToolCall } from './emulator-tools';
import type {
  ScriptedChatReply,
  ScriptedConnectionCut,
  ScriptedErrorResponse,
  ScriptedImage,
  ScriptedInBandError,
  ScriptedReasoning,
  ScriptedSource,
  ScriptedStall,
  ScriptedToolCall,
  ScriptedWebSearch,
} from './emulator-types';

/** What a chat builder takes beside its own content. */
export type ScriptedReplyOptions = Omit<ScriptedChatReply, 'type'>;

/** What `scripted.httpError` takes beside the status and message. */
export type ScriptedHttpErrorOptions = Omit<
  ScriptedErrorResponse,
  'type' | 'status' | 'message'
>;

/** What `scripted.cut` and `scripted.stall` take. */
export type ScriptedFaultOptions = Omit<ScriptedConnectionCut, 'type'>;

/**
 * Typed builders for `emulator.enqueue`, so a test scripts a reply without
 * writing OpenRouter's wire format. A reply answers the next
 * `/chat/completions` or `/responses` request (`openrouter(id)` or
 * `openrouter.responses(id)`) in that API's shapes, as JSON to
 * `generateText` and streamed to `streamText`, one chunk per piece:
 *
 * ```ts
 * emulator.enqueue(
 *   scripted.text(['Hello', ' world'], { usage: { cost: 0.002 } }),
 *   scripted.toolCalls([{ name: 'weather', input: { city: 'Lisbon' } }]),
 *   scripted.httpError(429, 'Rate limited', { headers: { 'retry-after': '1' } }),
 *   scripted.streamError({ code: 502, message: 'Upstream failed' }, { text: 'Partial' }),
 * );
 * ```
 */
export const scripted = Object.freeze({
  /**
   * A reply with this text. A string is streamed a word a chunk, an array
   * one element a chunk (`['Hel', 'lo']`).
   */
  text(
    text: string | string[],
    options: ScriptedReplyOptions = {},
  ): ScriptedChatReply {
    return { ...options, type: 'chat', text };
  },

  /**
   * A reply that reasons first: the thinking as `reasoning` and as a
   * `reasoning.text` entry of `reasoning_details` (with `signature` and
   * further entries when given), then the text.
   */
  reasoning(
    reasoning: string | string[] | ScriptedReasoning,
    text: string | string[],
    options: ScriptedReplyOptions = {},
  ): ScriptedChatReply {
    return {
      ...options,
      type: 'chat',
      reasoning:
        typeof reasoning === 'string' || Array.isArray(reasoning)
          ? { text: reasoning }
          : reasoning,
      text,
    };
  },

  /**
   * A reply that calls function tools, with finish reason `tool_calls`.
   * Arguments are streamed in small pieces, as real upstreams send them.
   */
  toolCalls(
    calls: ScriptedToolCall | ScriptedToolCall[],
    options: ScriptedReplyOptions = {},
  ): ScriptedChatReply {
    return {
      ...options,
      type: 'chat',
      toolCalls: Array.isArray(calls) ? calls : [calls],
    };
  },

  /**
   * A reply that refuses: `message.refusal` in chat, a `refusal` content
   * part on `/responses`, after `options.text` when given. A string is
   * streamed a word a chunk, an array one element a chunk.
   */
  refusal(
    refusal: string | string[],
    options: ScriptedReplyOptions = {},
  ): ScriptedChatReply {
    return { ...options, type: 'chat', refusal };
  },

  /**
   * A reply with a generated image (a small PNG unless `data` is given):
   * in `images` of the chat message, an `image_generation_call` output item
   * on `/responses`. `options.text` goes with it.
   */
  image(
    image: ScriptedImage | ScriptedImage[] = {},
    options: ScriptedReplyOptions = {},
  ): ScriptedChatReply {
    return {
      ...options,
      type: 'chat',
      images: Array.isArray(image) ? image : [image],
    };
  },

  /**
   * A reply that searched the web, then answers with `text`, citing the
   * search's sources: a `web_search` server-tool call with its results in
   * chat, an `openrouter:web_search` (or, with `item`, a `web_search_call`)
   * output item on `/responses`. Offer `openrouter.tools.webSearch()` to
   * get it as a provider-executed tool call and result.
   */
  webSearch(
    search: ScriptedWebSearch,
    text: string | string[],
    options: ScriptedReplyOptions = {},
  ): ScriptedChatReply {
    return { ...options, type: 'chat', webSearch: search, text };
  },

  /**
   * A reply of any content: text, reasoning, tool calls, sources, a
   * refusal, images, a web search, usage.
   */
  reply(content: ScriptedReplyOptions): ScriptedChatReply {
    return { ...content, type: 'chat' };
  },

  /**
   * An HTTP error with OpenRouter's body `{ error: { code, message,
   * metadata } }`; `code` defaults to the status. On `/responses`, the
   * Responses API's body: `{ error: { code, message }, metadata,
   * error_type }`, with the string code and canonical error type of the
   * status unless `code` is a string.
   */
  httpError(
    status: number,
    message: string,
    options: ScriptedHttpErrorOptions = {},
  ): ScriptedErrorResponse {
    return { ...options, type: 'error', status, message };
  },

  /**
   * A reply that fails after `options.text` (none by default): streamed,
   * OpenRouter's error chunk follows the text and the stream ends; not
   * streamed, the body is the error alone with HTTP 200. On `/responses`,
   * the stream ends with `response.failed` (or the flat `error` event, with
   * `error.event: 'error'`), the last item left unfinished; not streamed,
   * the body is the failed response.
   */
  streamError(
    error: ScriptedInBandError | string,
    options: ScriptedReplyOptions = {},
  ): ScriptedChatReply {
    return {
      ...options,
      type: 'chat',
      error: typeof error === 'string' ? { message: error } : error,
    };
  },

  /** Drops the connection before a byte is sent. */
  cut(options: ScriptedFaultOptions = {}): ScriptedConnectionCut {
    return { ...options, type: 'cut' };
  },

  /** Accepts the request and never answers it. */
  stall(options: ScriptedFaultOptions = {}): ScriptedStall {
    return { ...options, type: 'stall' };
  },
});

/** A scripted chat reply as the emulator sends it, and what it holds. */
export type RenderedChatReply = { reply: EmulatedChatReply } & (
  | { type: 'json'; status: number; body: unknown }
  | { type: 'stream'; events: unknown[]; done: boolean }
);

/** A string streamed a word a chunk, an array one element a chunk. */
function pieces(text: string | string[] | undefined) {
  if (text == null) {
    return [];
  }
  return Array.isArray(text) ? text : (text.match(/\S+\s*|\s+/g) ?? []);
}

function scriptedReasoning(
  reasoning: ScriptedReasoning | undefined,
): EmulatedReasoning | undefined {
  if (reasoning == null) {
    return undefined;
  }
  const format = reasoning.format ?? 'anthropic-claude-v1';
  const reasoningPieces = pieces(reasoning.text);
  return {
    pieces: reasoningPieces,
    details: [
      {
        type: 'reasoning.text',
        index: 0,
        format,
        text: reasoningPieces.join(''),
        ...(reasoning.signature != null
          ? { signature: reasoning.signature }
          : {}),
      },
      ...(reasoning.details ?? []).map((detail, position) => ({
        index: position + 1,
        format,
        ...detail,
      })),
    ],
    excluded: false,
  };
}

/** A scripted source as OpenRouter's `url_citation` annotation. */
function citationOf(source: ScriptedSource, textLength: number) {
  return {
    type: 'url_citation',
    url_citation: {
      url: source.url,
      title: source.title ?? source.url,
      ...(source.content != null ? { content: source.content } : {}),
      start_index: 0,
      end_index: textLength,
    },
  };
}

/** A scripted image as a chat `images` entry, a `data:` URL. */
function imageOf(image: ScriptedImage) {
  const base64 =
    image.data == null
      ? EMULATED_IMAGE_BASE64
      : typeof image.data === 'string'
        ? image.data
        : Buffer.from(image.data).toString('base64');
  return {
    type: 'image_url',
    image_url: {
      url: `data:${image.mediaType ?? 'image/png'};base64,${base64}`,
    },
  };
}

/** A scripted web search as the server-tool call OpenRouter ran. */
function webSearchOf(
  search: ScriptedWebSearch,
  sequence: number,
  textLength: number,
): EmulatedServerToolCall {
  return {
    toolName: 'openrouter:web_search',
    id: `srv_scripted_${sequence}_0`,
    arguments: JSON.stringify({ query: search.query }),
    result: JSON.stringify(search.sources),
    summary: '',
    citations: search.sources.map(source => citationOf(source, textLength)),
    images: [],
    ...(search.item === 'web_search_call'
      ? { itemType: 'web_search_call' }
      : {}),
  };
}

function toolCallsOf(calls: ScriptedToolCall[] | undefined, sequence: number) {
  return (calls ?? []).map((call, index) => ({
    id: call.id ?? `call_scripted_${sequence}_${index}`,
    name: call.name,
    arguments:
      typeof call.input === 'string'
        ? call.input
        : JSON.stringify(call.input ?? {}),
  }));
}

/**
 * A scripted chat reply, as JSON or as stream events for `requestBody`:
 * what the script leaves out (id, model, provider, usage, finish reason)
 * is filled in as the default model would fill it.
 */
export function renderScriptedChat(
  script: ScriptedChatReply,
  requestBody: unknown,
  context: EmulatorContext,
  sequence: number,
): RenderedChatReply {
  const body = isRecord(requestBody) ? requestBody : {};
  const requested =
    script.model ??
    (typeof body.model === 'string' ? body.model : 'openai/gpt-4o-mini');
  // A script chooses its own model: prices and provider come from the
  // catalogue when it has the model, else the emulator's defaults.
  const served = serveModel(
    { ...context, options: { ...context.options, acceptAnyModel: true } },
    requested,
    'chat',
  );

  const textPieces = pieces(script.text);
  const refusalPieces = pieces(script.refusal);
  const reasoning = scriptedReasoning(script.reasoning);
  const toolCalls = toolCallsOf(script.toolCalls, sequence);
  const text = textPieces.join('');
  const sources = script.sources ?? script.webSearch?.sources ?? [];

  const messages = Array.isArray(body.messages) ? body.messages : [];
  const promptText = messages
    .map(message => messageText(isRecord(message) ? message.content : ''))
    .join('\n');
  const given = script.usage ?? {};
  const reasoningTokens =
    given.reasoningTokens ?? reasoning?.pieces.length ?? 0;
  const usage = buildUsage(
    served.prices,
    given.promptTokens ?? estimateTokens(promptText),
    given.completionTokens ??
      reasoningTokens +
        textPieces.length +
        refusalPieces.length +
        toolCalls.reduce(
          (sum, call) => sum + estimateTokens(call.arguments),
          0,
        ),
    reasoningTokens,
  );
  usage.prompt_tokens_details.cached_tokens = given.cachedTokens ?? 0;
  if (given.cost != null) {
    usage.cost = given.cost;
  }

  const reply: EmulatedChatReply = {
    id: script.id ?? `gen-scripted-${sequence}`,
    created: FIRST_CREATED + sequence,
    model: script.model ?? requested,
    provider: script.provider ?? served.provider,
    textPieces,
    refusalPieces,
    toolCalls,
    serverToolCalls:
      script.webSearch == null
        ? []
        : [webSearchOf(script.webSearch, sequence, text.length)],
    reasoning,
    annotations: sources.map(source => citationOf(source, text.length)),
    images: (script.images ?? []).map(imageOf),
    topLogprobs: undefined,
    finishReason:
      script.finishReason ??
      (script.error != null
        ? 'error'
        : toolCalls.length > 0
          ? 'tool_calls'
          : 'stop'),
    usage,
  };

  const streamed = body.stream === true;
  if (script.error != null) {
    const error = {
      code: script.error.code ?? 'server_error',
      message: script.error.message,
      ...(script.error.metadata != null
        ? { metadata: script.error.metadata }
        : {}),
    };
    if (!streamed) {
      return { reply, type: 'json', status: 200, body: { error } };
    }
    // Everything up to the finish, then the error in its place: a failed
    // generation has no finish and no usage.
    const events = chatReplyToChunks(reply).slice(0, -2);
    return {
      reply,
      type: 'stream',
      events: [...events, errorChunk(reply, error)],
      done: false,
    };
  }
  return streamed
    ? { reply, type: 'stream', events: chatReplyToChunks(reply), done: true }
    : { reply, type: 'json', status: 200, body: chatReplyToResponse(reply) };
}
