import {
  JSONParseError,
  type LanguageModelV4StreamPart,
  type SharedV4Warning,
} from '@ai-sdk/provider';
import { isAbortError, type ParseResult } from '@ai-sdk/provider-utils';
import { SseEventSplitter } from './sse-event-splitter';
import { containsPrototypePoisoning } from './sse-prototype-poisoning';

/** Marks the point where the connection failed in the middle of a stream. */
export type StreamTransportFailure = {
  success: false;
  transportFailure: true;
  error: unknown;
  rawValue: undefined;
};

/**
 * One event of an OpenRouter stream as the stream state receives it: a
 * checked chunk, a chunk that could not be parsed or checked, or the loss of
 * the connection.
 */
export type OpenRouterStreamEvent<T> = ParseResult<T> | StreamTransportFailure;

/**
 * Marks an exception thrown while events were turned into parts (a bug, or
 * a response this package cannot handle). Reading stops there.
 */
export type StreamProcessingFailure = {
  success: false;
  processingFailure: true;
  error: unknown;
  rawValue: undefined;
};

/** What a processor receives: an event of the body, or a failure to process one. */
export type SsePartStreamEvent<T> =
  | OpenRouterStreamEvent<T>
  | StreamProcessingFailure;

/** What turns checked chunks into stream parts, such as the chat state. */
export type SseEventProcessor<T> = {
  processEvent(event: SsePartStreamEvent<T>): void;
  /**
   * Closes what is open and emits the `finish` part. A reply that showed
   * neither content nor a finish reason emits an `error` part first.
   */
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
  /**
   * `emit` queues a part; `emitLater` queues one that is still being built
   * (an error, whose code loads with the first failure): it and everything
   * after it go out in order once it is ready, before more is read.
   */
  createProcessor: (
    emit: (part: LanguageModelV4StreamPart) => void,
    emitLater: (part: Promise<LanguageModelV4StreamPart>) => void,
  ) => SseEventProcessor<T>;
  /**
   * The call's abort signal. Once it has fired, a failed read is the abort,
   * whatever error the body gives (a custom reason, say), and never a lost
   * connection.
   */
  abortSignal?: AbortSignal | undefined;
  /**
   * Told when the stream shows its first sign of life, or when an error
   * comes before any: see `openSsePartStream`.
   */
  firstPartGate?:
    | {
        open: () => void;
        fail: (error: unknown) => void;
      }
    | undefined;
};

/**
 * Where the stream stands:
 * - `opening` (only with a first-part gate): no sign of life yet; an error
 *   is held for the gate instead of streamed;
 * - `failed-early`: such an error is held, and later parts are dropped;
 * - `streaming`: every part is queued;
 * - `closed`: finished, failed or cancelled; the body has been let go of
 *   and nothing more is read or queued.
 */
type StreamPhase =
  | { type: 'opening' }
  | { type: 'failed-early'; error: unknown }
  | { type: 'streaming' }
  | { type: 'closed' };

/** Parts that say nothing about the reply yet. */
const PRELUDE_PARTS = new Set(['stream-start', 'response-metadata', 'raw']);

/**
 * Opens the part stream and resolves once it shows its first sign of life:
 * content, a finish, the end of the body, or an SSE comment (OpenRouter's
 * `: OPENROUTER PROCESSING` keep-alive).
 *
 * Two wishes pull apart here. An error before any content (OpenRouter
 * streams an upstream 429 or 5xx this way after answering HTTP 200) is best
 * thrown from `doStream`, where the AI SDK's `maxRetries` retries it like an
 * HTTP error. But the AI SDK starts `timeout.firstChunkMs` only once
 * `doStream` has resolved, so holding `doStream` back until the first
 * content would switch that timeout off for exactly the requests it is for:
 * ones queued upstream, which OpenRouter keeps alive with comments for as
 * long as they wait. The keep-alive settles it: until one arrives, an error
 * is thrown from `doStream` (retried by `maxRetries`); from the first
 * keep-alive on the stream is open, the AI SDK's first-chunk, chunk, step
 * and total timeouts run, and a later error before content is an `error`
 * part, which the AI SDK retries when the call sets `streamRetries`
 * (`maxRetries` cannot: `doStream` has returned). The end of the body and
 * `[DONE]` count as signs of life only when the reply had content or a
 * finish reason; one that had neither is an error, thrown like the others.
 */
export async function openSsePartStream<T>(
  options: Omit<SsePartStreamOptions<T>, 'firstPartGate'>,
): Promise<ReadableStream<LanguageModelV4StreamPart>> {
  let open!: () => void;
  let fail!: (error: unknown) => void;
  const firstSignOfLife = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  const stream = createSsePartStream({
    ...options,
    firstPartGate: { open, fail },
  });
  await firstSignOfLife;
  return stream;
}

/**
 * Turns the bytes of an SSE response into AI SDK stream parts in a single
 * stage: each read of the body is decoded, split into events, parsed and
 * checked, and handed to the processor, whose parts are queued right away.
 * One stage instead of a chain of streams means no extra queue, promise or
 * object per chunk between the socket and the parts.
 *
 * How it ends:
 * - `[DONE]` ends the reply: it finishes at once and lets go of the body,
 *   so nothing after it is read, and a server that keeps the connection
 *   open or cuts it off afterwards changes nothing.
 * - The end of the body finishes it too.
 * - The connection failing mid-stream is not an error of the stream: it
 *   becomes one last event, so the processor can still close its blocks and
 *   report usage and a finish.
 * - An abort errors the stream with the abort's reason, as the AI SDK
 *   expects for cancellation.
 * - An exception while processing an event becomes a last event too (the
 *   processor reports it as an `error` part after everything already
 *   received), and reading stops.
 *
 * A chunk that is not JSON, or not the expected shape, becomes an `error`
 * part and the stream goes on.
 *
 * The body is let go of with `cancel()` but never waited for: when the
 * response was cloned (msw, logging middleware), the cancel of one branch
 * only settles once the other is cancelled too, which may be never.
 */
export function createSsePartStream<T>({
  body,
  warnings,
  validateChunk,
  handsOnObjects,
  includeRawChunks,
  createProcessor,
  abortSignal,
  firstPartGate,
}: SsePartStreamOptions<T>): ReadableStream<LanguageModelV4StreamPart> {
  const reader = body.getReader();
  let processor: SseEventProcessor<T>;
  let splitter: SseEventSplitter;
  let emittedCount = 0;
  let sawDone = false;
  let phase: StreamPhase =
    firstPartGate != null ? { type: 'opening' } : { type: 'streaming' };
  /**
   * What waits behind a part that is still being built, in order: that
   * part, and the parts and steps that came after it. Undefined while
   * nothing waits, which is almost always.
   */
  let waiting:
    | Array<Promise<LanguageModelV4StreamPart> | (() => void)>
    | undefined;

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

  function releaseBody(reason?: unknown) {
    reader.cancel(reason).catch(() => {});
  }

  /** Emits the finish and closes the stream (a held error stays held). */
  function finishStream(
    controller: ReadableStreamDefaultController<LanguageModelV4StreamPart>,
  ) {
    if (!runProcessor(controller, () => processor.finish())) {
      return;
    }
    closeStream(controller);
  }

  function closeStream(
    controller: ReadableStreamDefaultController<LanguageModelV4StreamPart>,
  ) {
    if (waiting !== undefined) {
      waiting.push(() => closeStream(controller));
      return;
    }
    if (phase.type === 'streaming') {
      phase = { type: 'closed' };
      controller.close();
    }
  }

  /**
   * Runs processor work. An exception becomes the processor's last event
   * and the stream ends after it; false then.
   */
  function runProcessor(
    controller: ReadableStreamDefaultController<LanguageModelV4StreamPart>,
    work: () => void,
  ): boolean {
    try {
      work();
      return true;
    } catch (cause) {
      releaseBody(cause);
      try {
        processor.processEvent({
          success: false,
          processingFailure: true,
          error: cause,
          rawValue: undefined,
        });
        processor.finish();
      } catch {
        // The processor cannot even report it: report the exception as it is.
        emit(controller, { type: 'error', error: cause });
      }
      failEarly(cause);
      closeStream(controller);
      return false;
    }
  }

  /** Before the first sign of life, the exception is what the gate gets. */
  function failEarly(cause: unknown) {
    if (waiting !== undefined) {
      waiting.push(() => failEarly(cause));
      return;
    }
    if (phase.type === 'opening') {
      phase = { type: 'failed-early', error: cause };
    }
  }

  function emit(
    controller: ReadableStreamDefaultController<LanguageModelV4StreamPart>,
    part: LanguageModelV4StreamPart,
  ) {
    if (waiting !== undefined) {
      waiting.push(() => emit(controller, part));
      return;
    }
    switch (phase.type) {
      case 'failed-early':
      case 'closed':
        // The rest is about to be discarded.
        return;
      case 'opening':
        // Before the first sign of life an error is held for the gate
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
  }

  /**
   * Waits for the parts still being built and hands them, and what waited
   * behind them, on in order. A part that could not be built is reported
   * by the error that stopped it.
   */
  async function emitWaiting(
    controller: ReadableStreamDefaultController<LanguageModelV4StreamPart>,
  ) {
    const queue = waiting;
    if (queue === undefined) {
      return;
    }
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      if (typeof next === 'function') {
        // A step that waited behind a part runs in its turn, and what it
        // emits goes straight out.
        waiting = undefined;
        next();
        waiting = queue;
        continue;
      }
      let part: LanguageModelV4StreamPart;
      try {
        part = await next;
      } catch (error) {
        part = { type: 'error', error };
      }
      waiting = undefined;
      emit(controller, part);
      waiting = queue;
    }
    waiting = undefined;
  }

  /** Ends the stream for an abort: the gate or the reader gets its reason. */
  function abort(
    controller: ReadableStreamDefaultController<LanguageModelV4StreamPart>,
    reason: unknown,
  ) {
    if (phase.type === 'opening') {
      phase = { type: 'failed-early', error: reason };
      return;
    }
    if (phase.type === 'streaming') {
      phase = { type: 'closed' };
      controller.error(reason);
    }
  }

  /**
   * Reads one piece of the body and hands its events on, parts still being
   * built included. False once the stream has ended (closed, errored,
   * cancelled or failed early).
   */
  async function readOnce(
    controller: ReadableStreamDefaultController<LanguageModelV4StreamPart>,
  ): Promise<boolean> {
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      result = await reader.read();
    } catch (error) {
      if (phase.type === 'closed') {
        return false;
      }
      if (abortSignal?.aborted === true) {
        abort(controller, abortSignal.reason);
      } else if (isAbortError(error)) {
        abort(controller, error);
      } else if (
        runProcessor(controller, () =>
          processor.processEvent({
            success: false,
            transportFailure: true,
            error,
            rawValue: undefined,
          }),
        )
      ) {
        finishStream(controller);
      }
      if (waiting !== undefined) {
        await emitWaiting(controller);
      }
      return false;
    }
    if (phase.type === 'closed') {
      return false;
    }
    if (result.done) {
      if (runProcessor(controller, () => splitter.end())) {
        finishStream(controller);
      }
    } else if (runProcessor(controller, () => splitter.write(result.value))) {
      if (sawDone) {
        releaseBody();
        finishStream(controller);
      }
    }
    // Parts still being built go out before anything more is read.
    if (waiting !== undefined) {
      await emitWaiting(controller);
    }
    return (
      !result.done &&
      !sawDone &&
      (phase.type === 'opening' || phase.type === 'streaming')
    );
  }

  return new ReadableStream<LanguageModelV4StreamPart>({
    async start(controller) {
      processor = createProcessor(
        part => emit(controller, part),
        part => {
          waiting ??= [];
          waiting.push(part);
        },
      );
      splitter = new SseEventSplitter(
        data => {
          if (sawDone) {
            // Events after the end marker in the same read are not read.
            return;
          }
          if (data === '[DONE]') {
            // The end marker carries no chunk (and no raw chunk).
            sawDone = true;
            return;
          }
          processor.processEvent(parseEvent(data));
        },
        () => {
          if (phase.type === 'opening' && !sawDone) {
            phase = { type: 'streaming' };
          }
        },
      );
      controller.enqueue({ type: 'stream-start', warnings });

      if (firstPartGate == null) {
        return;
      }
      try {
        while (phase.type === 'opening' && (await readOnce(controller))) {
          // Read on until the reply shows a sign of life, an error or its end.
        }
      } catch (error) {
        phase = { type: 'failed-early', error };
      }
      if (phase.type === 'failed-early') {
        const { error } = phase;
        phase = { type: 'closed' };
        releaseBody(error);
        controller.error(error);
        firstPartGate.fail(error);
        return;
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
      phase = { type: 'closed' };
      // Not awaited: see above, on cloned responses.
      releaseBody(reason);
    },
  });
}
