import {
  JSONParseError,
  type LanguageModelV4StreamPart,
  type SharedV4Warning,
} from '@ai-sdk/provider';
import { isAbortError, type ParseResult } from '@ai-sdk/provider-utils';
import type { OpenRouterStreamEvent } from './openrouter-response-handlers';
import { SseEventSplitter } from './sse-event-splitter';
import { containsPrototypePoisoning } from './sse-prototype-poisoning';

/** What turns checked chunks into stream parts, such as the chat state. */
export type SseEventProcessor<T> = {
  processEvent(event: OpenRouterStreamEvent<T>): void;
  /** Closes what is open and emits the `finish` part. */
  finish(): void;
};

export type SsePartStreamOptions<T> = {
  /** The body of the streaming response. */
  body: ReadableStream<Uint8Array>;
  /** Sent in the first part, `stream-start`. */
  warnings: SharedV4Warning[];
  /** Checks the shape of a parsed chunk; unknown fields are allowed. */
  validateChunk: (value: unknown) => ParseResult<T>;
  /**
   * Whether a checked chunk hands objects of the parsed JSON on to callers
   * as they are (usage, say), rather than strings and numbers read out of
   * it. Only those chunks, and every chunk when raw chunks are on, are
   * checked for prototype poisoning.
   */
  handsOnObjects: (chunk: T) => boolean;
  /** Raw chunks hand on every parsed chunk. */
  includeRawChunks: boolean;
  createProcessor: (
    emit: (part: LanguageModelV4StreamPart) => void,
  ) => SseEventProcessor<T>;
  /**
   * Told when the first part that carries content (or the finish) is ready,
   * or when an error comes before any: see `openSsePartStream`.
   */
  firstPartGate?: {
    open: () => void;
    fail: (error: unknown) => void;
  };
};

/**
 * Where the stream stands. `opening` (only with a first-part gate): no
 * content yet, and an error is held for the gate instead of streamed;
 * `failed-early`: such an error is held and later parts are dropped;
 * `streaming`: every part is queued; `cancelled`: the body was let go of
 * and reads are ignored.
 */
type StreamPhase =
  | { type: 'opening' }
  | { type: 'failed-early'; error: unknown }
  | { type: 'streaming' }
  | { type: 'cancelled' };

/** Parts that say nothing about the reply yet. */
const PRELUDE_PARTS = new Set(['stream-start', 'response-metadata', 'raw']);

/**
 * Opens the part stream and waits for its first content. An error that
 * arrives before any content (OpenRouter streams an upstream 429 or 5xx this
 * way after answering HTTP 200) is thrown instead of streamed, so the AI
 * SDK's `maxRetries` retries it like an HTTP error. Later errors stay `error`
 * parts, because content has already reached the caller.
 */
export async function openSsePartStream<T>(
  options: Omit<SsePartStreamOptions<T>, 'firstPartGate'>,
): Promise<ReadableStream<LanguageModelV4StreamPart>> {
  let open!: () => void;
  let fail!: (error: unknown) => void;
  const firstPart = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  const stream = createSsePartStream({
    ...options,
    firstPartGate: { open, fail },
  });
  await firstPart;
  return stream;
}

/**
 * Turns the bytes of an SSE response into AI SDK stream parts in a single
 * stage: each read of the body is decoded, split into events, parsed and
 * checked, and handed to the processor, whose parts are queued right away.
 * One stage instead of a chain of streams means no extra queue, promise or
 * object per chunk between the socket and the parts.
 *
 * The connection failing mid-stream is not an error of the stream: it becomes
 * one last event, so the processor can still close its blocks and report
 * usage and a finish. An abort does error the stream, as the AI SDK expects
 * for cancellation. A chunk that is not JSON, or not the expected shape,
 * becomes an `error` part and the stream goes on.
 */
export function createSsePartStream<T>({
  body,
  warnings,
  validateChunk,
  handsOnObjects,
  includeRawChunks,
  createProcessor,
  firstPartGate,
}: SsePartStreamOptions<T>): ReadableStream<LanguageModelV4StreamPart> {
  const reader = body.getReader();
  let processor: SseEventProcessor<T>;
  let splitter: SseEventSplitter;
  let emittedCount = 0;
  let phase: StreamPhase =
    firstPartGate != null ? { type: 'opening' } : { type: 'streaming' };

  /**
   * Parses and checks one event's data. Plain `JSON.parse` is what the
   * floor pays; the prototype-poisoning check that `secureJsonParse` runs on
   * every chunk is only run where the parsed objects leave this package.
   */
  function parseEvent(data: string): ParseResult<T> {
    let value: unknown;
    try {
      value = JSON.parse(data);
    } catch (cause) {
      // The text is the raw chunk: there is no JSON value to show instead.
      return {
        success: false,
        error: new JSONParseError({ text: data, cause }),
        rawValue: data,
      };
    }
    const result = validateChunk(value);
    if (
      (includeRawChunks || (result.success && handsOnObjects(result.value))) &&
      containsPrototypePoisoning(data, value)
    ) {
      // Rejected whole, raw chunk included, as `secureJsonParse` does.
      return {
        success: false,
        error: new JSONParseError({
          text: data,
          cause: new SyntaxError(
            'Object contains forbidden prototype property',
          ),
        }),
        rawValue: undefined,
      };
    }
    return result;
  }

  /**
   * Reads one piece of the body and hands its events on. False once the
   * stream has ended (closed, errored or cancelled).
   */
  async function readOnce(
    controller: ReadableStreamDefaultController<LanguageModelV4StreamPart>,
  ): Promise<boolean> {
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      result = await reader.read();
    } catch (error) {
      if (phase.type === 'cancelled') {
        return false;
      }
      if (isAbortError(error)) {
        controller.error(error);
        return false;
      }
      processor.processEvent({
        success: false,
        transportFailure: true,
        error,
        rawValue: undefined,
      });
      processor.finish();
      controller.close();
      return false;
    }
    if (phase.type === 'cancelled') {
      return false;
    }
    if (result.done) {
      splitter.end();
      processor.finish();
      controller.close();
      return false;
    }
    try {
      splitter.write(result.value);
    } catch (error) {
      // A bug in turning chunks into parts must not leave the response
      // open: release the connection and fail the stream.
      phase = { type: 'cancelled' };
      reader.cancel(error).catch(() => {});
      controller.error(error);
      return false;
    }
    return true;
  }

  return new ReadableStream<LanguageModelV4StreamPart>({
    async start(controller) {
      processor = createProcessor(part => {
        switch (phase.type) {
          case 'failed-early':
          case 'cancelled':
            // The rest is about to be discarded.
            return;
          case 'opening':
            // Before the first content an error is held for the gate
            // instead of being queued.
            if (part.type === 'error') {
              phase = { type: 'failed-early', error: part.error };
              return;
            }
            if (!PRELUDE_PARTS.has(part.type)) {
              phase = { type: 'streaming' };
            }
            break;
        }
        emittedCount++;
        controller.enqueue(part);
      });
      splitter = new SseEventSplitter(data => {
        // The end marker carries no chunk (and no raw chunk).
        if (data !== '[DONE]') {
          processor.processEvent(parseEvent(data));
        }
      });
      controller.enqueue({ type: 'stream-start', warnings });

      if (firstPartGate == null) {
        return;
      }
      try {
        while (phase.type === 'opening' && (await readOnce(controller))) {
          // Read on until the reply shows content, an error or its end.
        }
      } catch (error) {
        phase = { type: 'failed-early', error };
      }
      if (phase.type === 'failed-early') {
        const { error } = phase;
        phase = { type: 'cancelled' };
        await reader.cancel(error).catch(() => {});
        firstPartGate.fail(error);
        try {
          controller.error(error);
        } catch {
          // Already closed by the end of the body; nobody will read it.
        }
        return;
      }
      if (phase.type === 'opening') {
        // The body ended without content: the finish part says how.
        phase = { type: 'streaming' };
      }
      firstPartGate.open();
    },

    async pull(controller) {
      // A read that completes no event emits nothing, and a stream whose
      // pull emitted nothing is not pulled again: read on until it has.
      const emittedBefore = emittedCount;
      while (emittedCount === emittedBefore) {
        if (!(await readOnce(controller))) {
          return;
        }
      }
    },

    cancel(reason) {
      phase = { type: 'cancelled' };
      return reader.cancel(reason);
    },
  });
}
