import {
  JSONParseError,
  type LanguageModelV4StreamPart,
  TypeValidationError,
} from '@ai-sdk/provider';
import type { ParseResult } from '@ai-sdk/provider-utils';
import { describe, expect, it } from 'vitest';
import {
  createSsePartStream,
  openSsePartStream,
  type SsePartStreamEvent,
} from './sse-part-stream';

const encoder = new TextEncoder();

type Chunk = { text?: string; details?: unknown };

function validateChunk(value: unknown): ParseResult<Chunk> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? { success: true, value: value as Chunk, rawValue: value }
    : {
        success: false,
        error: new TypeValidationError({ value, cause: 'not an object' }),
        rawValue: value,
      };
}

/** A body that delivers the pieces, then ends or fails as told. */
function bodyOf(
  pieces: Array<string | Uint8Array>,
  ending: { error?: unknown } = {},
) {
  let index = 0;
  let cancelReason: unknown = 'not cancelled';
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (index < pieces.length) {
        const piece = pieces[index++];
        controller.enqueue(
          typeof piece === 'string' ? encoder.encode(piece) : piece,
        );
      } else if (ending.error !== undefined) {
        controller.error(ending.error);
      } else {
        controller.close();
      }
    },
    cancel(reason) {
      cancelReason = reason;
    },
  });
  return { body, cancelReason: () => cancelReason };
}

/**
 * A body whose reads are answered by hand: `push` delivers text, `fail`
 * errors it, and reads otherwise wait.
 */
function manualBody({ cancel }: { cancel?: () => Promise<void> } = {}) {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(bodyController) {
      controller = bodyController;
    },
    cancel,
  });
  return {
    body,
    push: (text: string) => controller.enqueue(encoder.encode(text)),
    fail: (error: unknown) => controller.error(error),
  };
}

type OpenOptions = {
  includeRawChunks?: boolean;
  handsOnObjects?: boolean;
  /** Makes the processor throw on the event whose text this is. */
  throwOn?: string;
  abortSignal?: AbortSignal;
};

/**
 * The options of a stream whose processor turns each event into a text
 * part, and the events it received.
 */
function optionsFor(body: ReadableStream<Uint8Array>, options: OpenOptions) {
  const events: SsePartStreamEvent<Chunk>[] = [];
  return {
    events,
    streamOptions: {
      body,
      warnings: [],
      validateChunk,
      handsOnObjects: () => options.handsOnObjects ?? false,
      includeRawChunks: options.includeRawChunks ?? false,
      abortSignal: options.abortSignal,
      createProcessor: (emit: (part: LanguageModelV4StreamPart) => void) =>
        processorFor(events, emit, options.throwOn),
    },
  };
}

/**
 * Runs a body through the stream with a processor that turns each event
 * into a text part, and returns the parts and the events.
 */
function open(body: ReadableStream<Uint8Array>, options: OpenOptions = {}) {
  const { events, streamOptions } = optionsFor(body, options);
  return { stream: createSsePartStream<Chunk>(streamOptions), events };
}

function processorFor(
  events: SsePartStreamEvent<Chunk>[],
  emit: (part: LanguageModelV4StreamPart) => void,
  throwOn: string | undefined,
) {
  return {
    processEvent(event: SsePartStreamEvent<Chunk>) {
      events.push(event);
      if (event.success && event.value.text === throwOn) {
        throw new RangeError('Maximum call stack size exceeded');
      }
      emit({
        type: 'text-delta',
        id: 'txt-0',
        delta: event.success ? (event.value.text ?? '') : 'error',
      });
    },
    finish() {
      emit({
        type: 'finish',
        finishReason: { unified: 'stop', raw: undefined },
        usage: {
          inputTokens: {
            total: undefined,
            noCache: undefined,
            cacheRead: undefined,
            cacheWrite: undefined,
          },
          outputTokens: {
            total: undefined,
            text: undefined,
            reasoning: undefined,
          },
        },
      });
    },
  };
}

async function readAll(stream: ReadableStream<LanguageModelV4StreamPart>) {
  const parts: LanguageModelV4StreamPart[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      return parts;
    }
    parts.push(value);
  }
}

const typesOf = (parts: LanguageModelV4StreamPart[]) =>
  parts.map(part => part.type);

describe('createSsePartStream', () => {
  it('starts with stream-start, hands each event over and ends with the finish', async () => {
    const { stream, events } = open(
      bodyOf([
        ': keep-alive\n\n',
        'data: {"text":"A"}\n\ndata: {"text":"B"}\n\n',
      ]).body,
    );

    const parts = await readAll(stream);

    expect(typesOf(parts)).toStrictEqual([
      'stream-start',
      'text-delta',
      'text-delta',
      'finish',
    ]);
    expect(events).toStrictEqual([
      { success: true, value: { text: 'A' }, rawValue: { text: 'A' } },
      { success: true, value: { text: 'B' }, rawValue: { text: 'B' } },
    ]);
  });

  it('keeps reading when a read completes no event (a body arriving byte by byte)', async () => {
    const bytes = encoder.encode(
      'data: {"text":"é🙂"}\r\n\r\ndata: {"text":"B"}\n\n',
    );
    const { stream } = open(
      bodyOf(Array.from(bytes, byte => new Uint8Array([byte]))).body,
    );

    const parts = await readAll(stream);

    expect(
      parts.flatMap(part => (part.type === 'text-delta' ? [part.delta] : [])),
    ).toStrictEqual(['é🙂', 'B']);
    expect(parts.at(-1)?.type).toBe('finish');
  });

  it('does not hand the [DONE] marker over', async () => {
    const { stream, events } = open(
      bodyOf(['data: {"text":"A"}\n\ndata: [DONE]\n\n']).body,
    );

    await readAll(stream);

    expect(events).toHaveLength(1);
  });

  it('turns data that is not JSON into a parse error whose raw value is the text', async () => {
    const { stream, events } = open(
      bodyOf(['data: {"text":\n\ndata: {"text":"after"}\n\n']).body,
    );

    const parts = await readAll(stream);

    expect(events[0]).toMatchObject({ success: false, rawValue: '{"text":' });
    expect(
      JSONParseError.isInstance((events[0] as { error: unknown }).error),
    ).toBe(true);
    expect(events[1]).toMatchObject({
      success: true,
      value: { text: 'after' },
    });
    expect(parts.at(-1)?.type).toBe('finish');
  });

  it('passes a chunk of the wrong shape on as the validation failure', async () => {
    const { stream, events } = open(bodyOf(['data: [1,2]\n\n']).body);

    await readAll(stream);

    expect(events[0]).toMatchObject({ success: false, rawValue: [1, 2] });
  });

  it('turns a connection lost mid-stream into a last event, then finishes', async () => {
    const lost = new TypeError('terminated');
    const { stream, events } = open(
      bodyOf(['data: {"text":"A"}\n\ndata: {"te'], { error: lost }).body,
    );

    const parts = await readAll(stream);

    expect(events.at(-1)).toStrictEqual({
      success: false,
      transportFailure: true,
      error: lost,
      rawValue: undefined,
    });
    expect(typesOf(parts)).toStrictEqual([
      'stream-start',
      'text-delta',
      'text-delta',
      'finish',
    ]);
  });

  it('errors the stream with the abort error when the request is aborted', async () => {
    const abort = new DOMException('This operation was aborted', 'AbortError');
    const { stream } = open(
      bodyOf(['data: {"text":"A"}\n\n'], { error: abort }).body,
    );

    await expect(readAll(stream)).rejects.toBe(abort);
  });

  it('cancels the body when the stream is cancelled, and emits nothing more', async () => {
    const { body, cancelReason } = bodyOf([
      'data: {"text":"A"}\n\n',
      'data: {"text":"B"}\n\n',
    ]);
    const { stream } = open(body);
    const reader = stream.getReader();

    await reader.read();
    await reader.cancel('enough');

    expect(cancelReason()).toBe('enough');
    expect(await reader.read()).toStrictEqual({ done: true, value: undefined });
  });

  it('turns an exception in processing into a last event after the parts before it, and stops reading', async () => {
    const { body, cancelReason } = bodyOf([
      'data: {"text":"A"}\n\ndata: {"text":"boom"}\n\ndata: {"text":"C"}\n\n',
      'data: {"text":"D"}\n\n',
    ]);
    const { stream, events } = open(body, { throwOn: 'boom' });

    const parts = await readAll(stream);

    expect(
      parts.map(part => (part.type === 'text-delta' ? part.delta : part.type)),
    ).toStrictEqual(['stream-start', 'A', 'error', 'finish']);
    const failure = events.at(-1) as {
      processingFailure?: true;
      error?: unknown;
    };
    expect(failure.processingFailure).toBe(true);
    expect(failure.error).toBeInstanceOf(RangeError);
    expect(cancelReason()).toBe(failure.error);
  });

  it('finishes at [DONE] and lets go of the body, reading nothing after it', async () => {
    const { body, cancelReason } = bodyOf([
      'data: {"text":"A"}\n\ndata: [DONE]\n\ndata: {"text":"B"}\n\n',
      'data: {"text":"C"}\n\n',
    ]);
    const { stream, events } = open(body);

    const parts = await readAll(stream);

    expect(events).toHaveLength(1);
    expect(typesOf(parts)).toStrictEqual([
      'stream-start',
      'text-delta',
      'finish',
    ]);
    expect(cancelReason()).toBeUndefined();
  });

  it('errors the stream with the abort reason, whatever error the body gives', async () => {
    const controller = new AbortController();
    const reason = new Error('the caller gave up');
    const { body, push, fail } = manualBody();
    const { stream } = open(body, { abortSignal: controller.signal });
    const reader = stream.getReader();
    push('data: {"text":"A"}\n\n');
    await reader.read();
    await reader.read();

    controller.abort(reason);
    fail(new TypeError('terminated'));

    await expect(reader.read()).rejects.toBe(reason);
  });

  it('does not wait for the body to settle its cancel (a cloned response)', async () => {
    const { body } = manualBody({ cancel: () => new Promise(() => {}) });
    const { stream } = open(body);
    const reader = stream.getReader();
    await reader.read();

    const settled = await Promise.race([
      reader.cancel('enough').then(() => 'settled'),
      new Promise(resolve => setTimeout(() => resolve('waiting'), 200)),
    ]);

    expect(settled).toBe('settled');
  });

  describe('openSsePartStream', () => {
    it('resolves at the first keep-alive, before any content', async () => {
      const { body, push } = manualBody();
      const opened = openSsePartStream(optionsFor(body, {}).streamOptions);

      push(': OPENROUTER PROCESSING\n\n');

      const stream = await opened;
      const reader = stream.getReader();
      expect((await reader.read()).value?.type).toBe('stream-start');
      push('data: {"text":"A"}\n\n');
      expect((await reader.read()).value).toMatchObject({ delta: 'A' });
      await reader.cancel();
    });

    it('rejects with an error that comes before any sign of life, and lets go of the body', async () => {
      const { body, cancelReason } = bodyOf(['data: [1]\n\n', 'data: {}\n\n']);
      const { streamOptions } = optionsFor(body, {});
      const error = new Error('upstream failed');

      const opened = openSsePartStream({
        ...streamOptions,
        createProcessor: emit => ({
          processEvent: () => emit({ type: 'error', error }),
          finish: () => {},
        }),
      });

      await expect(opened).rejects.toBe(error);
      expect(cancelReason()).toBe(error);
    });

    it('rejects with the abort reason when the request is aborted before any sign of life', async () => {
      const controller = new AbortController();
      const reason = new Error('the caller gave up');
      const { body, fail } = manualBody();
      const opened = openSsePartStream(
        optionsFor(body, { abortSignal: controller.signal }).streamOptions,
      );

      controller.abort(reason);
      fail(reason);

      await expect(opened).rejects.toBe(reason);
    });
  });

  describe('parts built later (emitLater)', () => {
    /** A part whose building the test finishes by hand. */
    function later() {
      let resolve!: (part: LanguageModelV4StreamPart) => void;
      let reject!: (error: unknown) => void;
      const part = new Promise<LanguageModelV4StreamPart>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { part, resolve, reject };
    }

    it('hands a part built later on in its place, and what came after it behind it', async () => {
      const { body } = bodyOf([
        'data: {"text":"A"}\n\ndata: {"text":"late"}\n\ndata: {"text":"B"}\n\n',
        'data: {"text":"C"}\n\n',
      ]);
      const { streamOptions } = optionsFor(body, {});
      const error = later();
      const stream = createSsePartStream<Chunk>({
        ...streamOptions,
        createProcessor: (emit, emitLater) => {
          const processor = processorFor([], emit, undefined);
          return {
            processEvent: event => {
              if (event.success && event.value.text === 'late') {
                emitLater(error.part);
              } else {
                processor.processEvent(event);
              }
            },
            finish: processor.finish,
          };
        },
      });
      const reader = stream.getReader();
      const parts: LanguageModelV4StreamPart[] = [];
      // What came before the waiting part goes out; nothing after it does.
      parts.push((await reader.read()).value as LanguageModelV4StreamPart);
      parts.push((await reader.read()).value as LanguageModelV4StreamPart);
      const next = reader.read();
      await new Promise(resolve => setTimeout(resolve, 20));
      expect(typesOf(parts)).toStrictEqual(['stream-start', 'text-delta']);

      error.resolve({ type: 'error', error: 'late error' });
      parts.push((await next).value as LanguageModelV4StreamPart);
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          break;
        }
        parts.push(value);
      }

      expect(
        parts.map(part =>
          part.type === 'text-delta'
            ? part.delta
            : part.type === 'error'
              ? part.error
              : part.type,
        ),
      ).toStrictEqual(['stream-start', 'A', 'late error', 'B', 'C', 'finish']);
    });

    it('reports a part that could not be built by the error that stopped it', async () => {
      const { body } = bodyOf(['data: {"text":"A"}\n\n']);
      const { streamOptions } = optionsFor(body, {});
      const cause = new Error('chunk failed to load');
      const stream = createSsePartStream<Chunk>({
        ...streamOptions,
        createProcessor: (emit, emitLater) => ({
          processEvent: () => emitLater(Promise.reject(cause)),
          finish: processorFor([], emit, undefined).finish,
        }),
      });

      const parts = await readAll(stream);

      expect(typesOf(parts)).toStrictEqual(['stream-start', 'error', 'finish']);
      expect(parts[1]).toStrictEqual({ type: 'error', error: cause });
    });

    it('rejects the opening with an error built later before any sign of life, and lets go of the body', async () => {
      const { body, cancelReason } = bodyOf(['data: [1]\n\n', 'data: {}\n\n']);
      const { streamOptions } = optionsFor(body, {});
      const error = new Error('upstream failed');

      const opened = openSsePartStream<Chunk>({
        ...streamOptions,
        createProcessor: (emit, emitLater) => ({
          processEvent: () =>
            emitLater(
              new Promise(resolve =>
                setTimeout(() => resolve({ type: 'error', error }), 10),
              ),
            ),
          finish: processorFor([], emit, undefined).finish,
        }),
      });

      await expect(opened).rejects.toBe(error);
      expect(cancelReason()).toBe(error);
    });

    it('keeps the error built later, not the exception, as the reason an opening fails', async () => {
      const { body } = bodyOf(['data: {"text":"A"}\n\n']);
      const { streamOptions } = optionsFor(body, {});
      const reported = new Error('the processor reported the exception');

      const opened = openSsePartStream<Chunk>({
        ...streamOptions,
        createProcessor: (emit, emitLater) => ({
          processEvent: event => {
            if ('processingFailure' in event) {
              emitLater(Promise.resolve({ type: 'error', error: reported }));
              return;
            }
            throw new RangeError('Maximum call stack size exceeded');
          },
          finish: processorFor([], emit, undefined).finish,
        }),
      });

      await expect(opened).rejects.toBe(reported);
    });
  });

  describe('prototype poisoning', () => {
    const poisoned = 'data: {"text":"A","details":{"__proto__":{"x":1}}}\n\n';
    const poisonedByConstructor =
      'data: {"text":"A","details":{"constructor":{"prototype":{"x":1}}}}\n\n';
    const escaped = 'data: {"text":"A","details":{"\\u005f_proto__":{}}}\n\n';

    it.each([
      ['__proto__', poisoned],
      ['constructor.prototype', poisonedByConstructor],
      ['an escaped __proto__', escaped],
    ])('rejects a chunk that hands on objects with %s', async (_, text) => {
      const { stream, events } = open(bodyOf([text]).body, {
        handsOnObjects: true,
      });

      await readAll(stream);

      expect(events[0]).toMatchObject({ success: false, rawValue: undefined });
      expect(
        JSONParseError.isInstance((events[0] as { error: unknown }).error),
      ).toBe(true);
    });

    it('rejects any such chunk when raw chunks are handed on', async () => {
      const { stream, events } = open(bodyOf([poisoned]).body, {
        includeRawChunks: true,
      });

      await readAll(stream);

      expect(events[0]).toMatchObject({ success: false, rawValue: undefined });
    });

    it('lets through chunks that hand nothing on, and harmless mentions', async () => {
      const { stream, events } = open(
        bodyOf([
          poisoned,
          'data: {"text":"Object.prototype and __proto__ in prose"}\n\n',
        ]).body,
      );
      const harmless = open(
        bodyOf([
          'data: {"text":"x","details":{"proto":"prototype","constructor":"y"}}\n\n',
        ]).body,
        { handsOnObjects: true },
      );

      await readAll(stream);
      await readAll(harmless.stream);

      expect(events.map(event => event.success)).toStrictEqual([true, true]);
      expect(harmless.events[0].success).toBe(true);
    });
  });
});
