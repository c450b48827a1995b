import type { RecordedRequestBody } from './emulator-request-types';

/** One request the emulator received, with the API key redacted. */
export type RecordedRequest = {
  method: string;
  /**
   * Path below the API root, e.g. `/chat/completions`; the whole path for
   * a request outside it (`/auth`, `/api/alpha/decisions`, or a client whose
   * `baseURL` lacks `/api/v1`).
   */
  path: string;
  query: Record<string, string>;
  /**
   * Lower-cased header names. Every header whose name marks a credential
   * (`authorization`, `x-api-key`, `cf-aig-authorization`,
   * `proxy-authorization`, `cookie`, …: the rule the provider uses) is
   * redacted to its scheme and last four characters, e.g.
   * `Bearer [REDACTED …cdef]`; `x-provider-api-keys` (your own provider
   * keys) entirely.
   */
  headers: Record<string, string>;
  /**
   * The body when it is a JSON object: a chat request's fields are typed
   * ({@link RecordedRequestBody}), so `requests[0].body?.messages` needs no
   * cast. Undefined when there was no body, it was not a JSON object (see
   * `rawBody`) or it was refused as too large (413).
   */
  body: RecordedRequestBody | undefined;
  /**
   * The body as received, as text; undefined when there was none or it was
   * refused as too large.
   */
  rawBody: string | undefined;
};

type ScriptedResponseBase = {
  /**
   * Only a request to this path (e.g. `/chat/completions`) takes it. By
   * default a chat reply (`type: 'chat'`, what `scripted.text` and the other
   * builders make) waits for the next language model request, to
   * `/chat/completions` or `/responses`, and is written in that API's
   * shapes; any other response takes the next request, whatever its path.
   */
  path?: string | undefined;
  /** Extra response headers, e.g. `{ 'retry-after': '1' }`. */
  headers?: Record<string, string> | undefined;
  /** Wait this long before answering. */
  delayMs?: number | undefined;
};

/** A JSON body with any status (200 by default). */
export type ScriptedJsonResponse = ScriptedResponseBase & {
  type: 'json';
  status?: number | undefined;
  body: unknown;
};

/** OpenRouter's error body `{ error: { code, message, metadata } }`. */
export type ScriptedErrorResponse = ScriptedResponseBase & {
  type: 'error';
  status: number;
  message: string;
  /** Defaults to the status. */
  code?: number | string | undefined;
  metadata?: Record<string, unknown> | undefined;
};

/** A body sent exactly as given: HTML pages, empty or truncated bodies. */
export type ScriptedRawResponse = ScriptedResponseBase & {
  type: 'raw';
  status?: number | undefined;
  body: string;
  contentType?: string | undefined;
};

/** How a stream is paced: keep-alive comments and delays. */
export type ScriptedStreamPacing = {
  /**
   * `: OPENROUTER PROCESSING` comments before the first event, beside the
   * one every stream starts with, as OpenRouter sends while a slow upstream
   * thinks. @default 0
   */
  keepAlives?: number | undefined;
  /** Wait this long before each extra keep-alive comment. @default 0 */
  keepAliveIntervalMs?: number | undefined;
  /** Wait this long before each event. @default 0 */
  eventDelayMs?: number | undefined;
};

/**
 * A server-sent event stream. Objects become `data: <json>` events; strings
 * are written verbatim (so `': comment\n\n'` or a malformed `'data: {\n\n'`
 * are possible). Without `events`, the default model's reply to the request
 * is streamed, which lets faults be applied to a realistic stream.
 */
export type ScriptedStreamResponse = ScriptedResponseBase &
  ScriptedStreamPacing & {
    type: 'stream';
    events?: unknown[] | undefined;
    /** Send `data: [DONE]` at the end. @default true */
    done?: boolean | undefined;
    /**
     * Insert OpenRouter's in-stream error after this many events, then end:
     * an error chunk on `/chat/completions`, a `response.failed` event (or
     * the flat `error` event, see `error.event`) on `/responses`.
     */
    errorAfterEvents?: number | undefined;
    /** The error for `errorAfterEvents`. */
    error?: ScriptedInBandError | undefined;
    /** Destroy the connection after this many events. */
    cutAfterEvents?: number | undefined;
    /** With `cutAfterEvents`: write half of the next event before the cut. */
    cutInsideEvent?: boolean | undefined;
    /** Stop sending after this many events but keep the connection open. */
    stallAfterEvents?: number | undefined;
    /**
     * The body after the keep-alive comment, written exactly as given: each
     * piece is flushed separately, so a test controls where the client sees
     * chunk boundaries (inside an event, a UTF-8 character or `\r\n`).
     * `events` and the fault options are ignored when this is set.
     */
    rawChunks?: Array<string | Uint8Array> | undefined;
  };

/** Destroy the connection before sending a single byte. */
export type ScriptedConnectionCut = ScriptedResponseBase & { type: 'cut' };

/** Accept the request and never answer it. */
export type ScriptedStall = ScriptedResponseBase & { type: 'stall' };

/** Reasoning of a scripted reply, as `reasoning` and `reasoning_details`. */
export type ScriptedReasoning = {
  /** The thinking text; an array is streamed one piece per chunk. */
  text: string | string[];
  /**
   * The signature of the `reasoning.text` entry, streamed after the text
   * as real upstreams send it. @default none
   */
  signature?: string | undefined;
  /**
   * The entries' `format`, e.g. `anthropic-claude-v1`,
   * `openai-responses-v1`, `google-gemini-v1`. @default 'anthropic-claude-v1'
   */
  format?: string | undefined;
  /**
   * Further `reasoning_details` entries after the text's, as OpenRouter
   * sends them (`{ type: 'reasoning.encrypted', data }`,
   * `{ type: 'reasoning.summary', summary }`); `index` and `format` are
   * filled in when missing.
   */
  details?: Array<Record<string, unknown> & { type: string }> | undefined;
};

/** A function tool call of a scripted reply. */
export type ScriptedToolCall = {
  /** The tool's name, as offered in the request. */
  name: string;
  /** The arguments: a value is sent as its JSON, a string as it is. @default {} */
  input?: unknown | undefined;
  /** @default `call_scripted_<n>_<index>` */
  id?: string | undefined;
};

/** A web source of a scripted reply, sent as a `url_citation` annotation. */
export type ScriptedSource = {
  url: string;
  title?: string | undefined;
  /** An excerpt of the page. */
  content?: string | undefined;
};

/**
 * Usage of a scripted reply. Token counts not given are counted from the
 * request and the reply, as the default model counts them; the cost is
 * priced from the catalogue unless given.
 */
export type ScriptedUsage = {
  promptTokens?: number | undefined;
  /** All output tokens, reasoning included. */
  completionTokens?: number | undefined;
  reasoningTokens?: number | undefined;
  /** Prompt tokens read from the cache. @default 0 */
  cachedTokens?: number | undefined;
  /** `usage.cost` in USD. */
  cost?: number | undefined;
};

/**
 * OpenRouter's error, as a mid-stream chunk or a 200 body. On `/responses`
 * it is written in the Responses API's shapes: a status `code` becomes the
 * API's string code (`invalid_prompt`, `rate_limit_exceeded`,
 * `server_error`, …) with the status's canonical `error_type` beside it.
 */
export type ScriptedInBandError = {
  message: string;
  /** An HTTP status or an error name, e.g. `429` or `'server_error'`. @default 'server_error' */
  code?: number | string | undefined;
  metadata?: Record<string, unknown> | undefined;
  /**
   * On `/responses`, the event that carries a streamed error:
   * `response.failed` (the failed response, with `error` and
   * `error_type`), or the flat `error` event of OpenRouter's published
   * types (`{ type: 'error', code, message, param }`). Ignored elsewhere.
   * @default 'response.failed'
   */
  event?: 'response.failed' | 'error' | undefined;
};

/**
 * An image a scripted reply generated: in `images` of the chat message, an
 * `image_generation_call` output item on `/responses`.
 */
export type ScriptedImage = {
  /** The image, as bytes or base64. @default a small PNG */
  data?: string | Uint8Array | undefined;
  /** @default 'image/png' */
  mediaType?: string | undefined;
};

/**
 * A web search OpenRouter ran for a scripted reply: a `web_search`
 * server-tool call with its results on `/chat/completions`, an output item
 * on `/responses`. Its sources are the reply's citations unless the reply
 * gives `sources` of its own.
 */
export type ScriptedWebSearch = {
  /** What was searched for. */
  query: string;
  /** The results. */
  sources: ScriptedSource[];
  /**
   * The output item on `/responses`: OpenRouter's own
   * `openrouter:web_search`, or the native `web_search_call`.
   * @default 'openrouter:web_search'
   */
  item?: 'openrouter:web_search' | 'web_search_call' | undefined;
};

/**
 * A model's reply, built by the `scripted` builders or written by hand:
 * sent as JSON to a request without `stream: true` and as an event stream
 * (one chunk per piece of text or reasoning, the finish, then usage) to a
 * request with it, so one script serves `generateText` and `streamText`.
 * To `/chat/completions` it is a chat completion; to `/responses`, a
 * response with its output items and events.
 */
export type ScriptedChatReply = ScriptedResponseBase &
  ScriptedStreamPacing & {
    type: 'chat';
    /** The reply's text; an array is streamed one piece per chunk. */
    text?: string | string[] | undefined;
    reasoning?: ScriptedReasoning | undefined;
    toolCalls?: ScriptedToolCall[] | undefined;
    sources?: ScriptedSource[] | undefined;
    /**
     * The model's refusal, instead of or after `text`: `message.refusal` in
     * chat, a `refusal` content part on `/responses`. An array is streamed
     * one piece per event.
     */
    refusal?: string | string[] | undefined;
    /** Images the reply generated. */
    images?: ScriptedImage[] | undefined;
    /** A web search OpenRouter ran before the reply. */
    webSearch?: ScriptedWebSearch | undefined;
    /**
     * @default 'tool_calls' with tool calls, 'error' with `error`, else
     * 'stop'
     */
    finishReason?:
      | 'stop'
      | 'length'
      | 'tool_calls'
      | 'content_filter'
      | 'error'
      | undefined;
    usage?: ScriptedUsage | undefined;
    /** The model the reply names. @default the request's model */
    model?: string | undefined;
    /**
     * The upstream provider the reply names. @default the catalogue
     * model's first endpoint
     */
    provider?: string | undefined;
    /** The generation id. @default `gen-scripted-<n>` */
    id?: string | undefined;
    /**
     * Fail after the text: streamed, OpenRouter's error chunk follows the
     * text and the stream ends without a finish or usage; not streamed, the
     * body is the error alone (HTTP 200, as OpenRouter answers an upstream
     * that failed after routing).
     */
    error?: ScriptedInBandError | undefined;
  };

export type ScriptedResponse =
  | ScriptedJsonResponse
  | ScriptedErrorResponse
  | ScriptedRawResponse
  | ScriptedStreamResponse
  | ScriptedChatReply
  | ScriptedConnectionCut
  | ScriptedStall;

export type OpenRouterEmulatorOptions = {
  /** Port on 127.0.0.1; 0 picks a free one. @default 0 */
  port?: number | undefined;
  /**
   * The only keys accepted. By default any non-empty bearer token is
   * accepted and a missing one gets OpenRouter's 401.
   */
  apiKeys?: string[] | undefined;
  /**
   * Bearer tokens the emulator treats as provisioning (management) keys, in
   * addition to every token starting with `sk-or-prov-`. Any other token is
   * an inference key, which `/keys*` refuse with 401 and `/credits` and
   * `/activity` refuse with 403, as OpenRouter does. Keys listed here are
   * accepted even when `apiKeys` is set.
   */
  provisioningKeys?: string[] | undefined;
  /**
   * Serve any model id. By default only the catalogue's models are served,
   * and OpenRouter's errors answer the rest: 400 `<id> is not a valid model
   * ID` for an unknown id, 400 for an embedding model sent to chat or
   * completions, 404 `No endpoints found for <id>.` for a chat model sent
   * to `/embeddings`. With this set, an unknown id is served as if it were
   * in the catalogue, priced at `EMULATOR_PROMPT_PRICE` and
   * `EMULATOR_COMPLETION_PRICE`. @default false
   */
  acceptAnyModel?: boolean | undefined;
  /** Delay between the default model's streamed chunks. @default 0 */
  chunkDelayMs?: number | undefined;
  /**
   * Size of the emulated embeddings when a request does not ask for
   * `dimensions`. @default 128
   */
  embeddingDimensions?: number | undefined;
  /**
   * Largest request body accepted, in bytes. A larger one is answered with
   * 413 as soon as its `Content-Length` or its bytes so far exceed this,
   * and its connection is closed; the rest is never read.
   * @default 33554432 (32 MiB: a prompt with several base64 images or PDFs)
   */
  maxRequestBodyBytes?: number | undefined;
  /**
   * Largest file `POST /files` stores, in bytes; a larger one is refused
   * with 413 as OpenRouter refuses it. The request body limit above still
   * applies first.
   * @default 104857600 (OpenRouter's 100 MB)
   */
  maxFileBytes?: number | undefined;
};

export interface OpenRouterEmulator {
  /** Use as the provider's `baseURL`, e.g. `http://127.0.0.1:4321/api/v1`. */
  readonly baseURL: string;
  /** Every request received so far, oldest first. */
  readonly requests: RecordedRequest[];
  /**
   * Responses still being written or held open (streams, stalls). It drops
   * when a response completes or the client drops the connection, e.g. on
   * abort.
   */
  readonly openResponses: number;
  /** Queues scripted responses; each is used once, in order. */
  enqueue(...responses: ScriptedResponse[]): void;
  /**
   * Forgets queued responses, recorded requests, created keys, OAuth codes
   * and served generations; ids start over.
   */
  reset(): void;
  /** Stops the server and ends every open connection. */
  close(): Promise<void>;
}
