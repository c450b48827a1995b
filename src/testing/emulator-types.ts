/** One request the emulator received, with the API key redacted. */
export type RecordedRequest = {
  method: string;
  /** Path below the API root, e.g. `/chat/completions`. */
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
   * The parsed JSON body, or the raw text when it is not JSON; undefined
   * when there was none or it was refused as too large (413).
   */
  body: unknown;
};

type ScriptedResponseBase = {
  /** Only a request to this path (e.g. `/chat/completions`) takes it. */
  path?: string;
  /** Extra response headers, e.g. `{ 'retry-after': '1' }`. */
  headers?: Record<string, string>;
  /** Wait this long before answering. */
  delayMs?: number;
};

/** A JSON body with any status (200 by default). */
export type ScriptedJsonResponse = ScriptedResponseBase & {
  type: 'json';
  status?: number;
  body: unknown;
};

/** OpenRouter's error body `{ error: { code, message, metadata } }`. */
export type ScriptedErrorResponse = ScriptedResponseBase & {
  type: 'error';
  status: number;
  message: string;
  /** Defaults to the status. */
  code?: number | string;
  metadata?: Record<string, unknown>;
};

/** A body sent exactly as given: HTML pages, empty or truncated bodies. */
export type ScriptedRawResponse = ScriptedResponseBase & {
  type: 'raw';
  status?: number;
  body: string;
  contentType?: string;
};

/**
 * A server-sent event stream. Objects become `data: <json>` events; strings
 * are written verbatim (so `': comment\n\n'` or a malformed `'data: {\n\n'`
 * are possible). Without `events`, the default model's reply to the request
 * is streamed, which lets faults be applied to a realistic stream.
 */
export type ScriptedStreamResponse = ScriptedResponseBase & {
  type: 'stream';
  events?: unknown[];
  /** Send `data: [DONE]` at the end. @default true */
  done?: boolean;
  /** Wait this long between events. */
  eventDelayMs?: number;
  /** Insert an OpenRouter error chunk after this many events, then end. */
  errorAfterEvents?: number;
  /** The error for `errorAfterEvents`. */
  error?: { code?: number | string; message: string };
  /** Destroy the connection after this many events. */
  cutAfterEvents?: number;
  /** With `cutAfterEvents`: write half of the next event before the cut. */
  cutInsideEvent?: boolean;
  /** Stop sending after this many events but keep the connection open. */
  stallAfterEvents?: number;
  /**
   * The body after the keep-alive comment, written exactly as given: each
   * piece is flushed separately, so a test controls where the client sees
   * chunk boundaries (inside an event, a UTF-8 character or `\r\n`).
   * `events` and the fault options are ignored when this is set.
   */
  rawChunks?: Array<string | Uint8Array>;
};

/** Destroy the connection before sending a single byte. */
export type ScriptedConnectionCut = ScriptedResponseBase & { type: 'cut' };

/** Accept the request and never answer it. */
export type ScriptedStall = ScriptedResponseBase & { type: 'stall' };

export type ScriptedResponse =
  | ScriptedJsonResponse
  | ScriptedErrorResponse
  | ScriptedRawResponse
  | ScriptedStreamResponse
  | ScriptedConnectionCut
  | ScriptedStall;

export type OpenRouterEmulatorOptions = {
  /** Port on 127.0.0.1; 0 picks a free one. @default 0 */
  port?: number;
  /**
   * The only keys accepted. By default any non-empty bearer token is
   * accepted and a missing one gets OpenRouter's 401.
   */
  apiKeys?: string[];
  /**
   * Bearer tokens the emulator treats as provisioning (management) keys, in
   * addition to every token starting with `sk-or-prov-`. Any other token is
   * an inference key, which `/keys*` refuse with 401 and `/credits` and
   * `/activity` refuse with 403, as OpenRouter does. Keys listed here are
   * accepted even when `apiKeys` is set.
   */
  provisioningKeys?: string[];
  /** Delay between the default model's streamed chunks. @default 0 */
  chunkDelayMs?: number;
  /**
   * Size of the emulated embeddings when a request does not ask for
   * `dimensions`. @default 128
   */
  embeddingDimensions?: number;
  /**
   * Largest request body accepted, in bytes. A larger one is answered with
   * 413 as soon as its `Content-Length` or its bytes so far exceed this,
   * and its connection is closed; the rest is never read.
   * @default 33554432 (32 MiB: a prompt with several base64 images or PDFs)
   */
  maxRequestBodyBytes?: number;
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
