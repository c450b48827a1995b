import { EventSourceParserStream } from '@ai-sdk/provider-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SseEventSplitter } from './sse-event-splitter';

const encoder = new TextEncoder();

/** Feeds the pieces to a splitter and returns the data of every event. */
function split(pieces: Array<string | Uint8Array>) {
  const events: string[] = [];
  const splitter = new SseEventSplitter(data => events.push(data));
  for (const piece of pieces) {
    splitter.write(typeof piece === 'string' ? encoder.encode(piece) : piece);
  }
  splitter.end();
  return events;
}

/** Cuts bytes at the given offsets (any order, duplicates allowed). */
function cutBytes(bytes: Uint8Array, offsets: number[]) {
  const points = [...new Set(offsets.map(offset => offset % bytes.length))]
    .filter(point => point > 0)
    .sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let start = 0;
  for (const point of points) {
    pieces.push(bytes.subarray(start, point));
    start = point;
  }
  pieces.push(bytes.subarray(start));
  return pieces;
}

// A stream as OpenRouter sends it, with what makes splitting hard: a
// keep-alive comment, multi-byte characters (2, 3 and 4 bytes), CRLF and
// lone CR line ends, a multi-line event and the end marker.
const RECORDED_STREAM = [
  ': OPENROUTER PROCESSING\n\n',
  'data: {"id":"gen-1","choices":[{"delta":{"content":"Café "}}]}\n\n',
  'data: {"id":"gen-1","choices":[{"delta":{"content":"東京 🙂"}}]}\r\n\r\n',
  ': OPENROUTER PROCESSING\r\r',
  'data: {"id":"gen-1",\r\ndata: "choices":[{"delta":{"content":"naïve"}}]}\r\n\r\n',
  'data: {"id":"gen-1","choices":[{"delta":{},"finish_reason":"stop"}]}\r\r',
  'data: [DONE]\n\n',
].join('');

const RECORDED_EVENTS = [
  '{"id":"gen-1","choices":[{"delta":{"content":"Café "}}]}',
  '{"id":"gen-1","choices":[{"delta":{"content":"東京 🙂"}}]}',
  '{"id":"gen-1",\n"choices":[{"delta":{"content":"naïve"}}]}',
  '{"id":"gen-1","choices":[{"delta":{},"finish_reason":"stop"}]}',
  '[DONE]',
];

describe('SseEventSplitter', () => {
  it('dispatches the data of each event', () => {
    expect(split(['data: {"a":1}\n\ndata: {"b":2}\n\n'])).toStrictEqual([
      '{"a":1}',
      '{"b":2}',
    ]);
  });

  it('accepts \\n, \\r\\n and \\r line ends, mixed', () => {
    expect(
      split(['data: a\r\n\r\ndata: b\r\rdata: c\n\ndata: d\r\n\n']),
    ).toStrictEqual(['a', 'b', 'c', 'd']);
  });

  it('ignores comments, including keep-alives between the lines of an event', () => {
    expect(
      split([': OPENROUTER PROCESSING\n\ndata: a\n: ping\ndata: b\n\n:\n\n']),
    ).toStrictEqual(['a\nb']);
  });

  it('tells of each comment line, in order with the events, split or whole', () => {
    const seen: string[] = [];
    const splitter = new SseEventSplitter(
      data => seen.push(data),
      () => seen.push('comment'),
    );
    for (const piece of [
      ': OPENROUTER ',
      'PROCESSING\r\n\r\n',
      ':\n',
      'data: a\n\n',
    ]) {
      splitter.write(encoder.encode(piece));
    }
    splitter.end();

    expect(seen).toStrictEqual(['comment', 'comment', 'a']);
  });

  it('joins the data lines of an event with \\n', () => {
    expect(split(['data: one\ndata: two\ndata:three\n\n'])).toStrictEqual([
      'one\ntwo\nthree',
    ]);
  });

  it('removes exactly one space after the colon', () => {
    expect(split(['data:  two spaces\n\ndata:none\n\n'])).toStrictEqual([
      ' two spaces',
      'none',
    ]);
  });

  it('reads `data` without a colon, and empty data, as empty values', () => {
    expect(split(['data\n\ndata:\n\ndata: \n\n'])).toStrictEqual(['', '', '']);
  });

  it('reads past other fields and does not dispatch events without data', () => {
    expect(
      split([
        'event: message\nid: 7\nretry: 1000\nunknown: x\n\n',
        'event: message\ndata: kept\nid: 8\n\n',
        'datum: no\ndata-x: no\n\n',
      ]),
    ).toStrictEqual(['kept']);
  });

  it('keeps colons inside the value', () => {
    expect(split(['data: {"url":"https://x"}\n\n'])).toStrictEqual([
      '{"url":"https://x"}',
    ]);
  });

  it('drops an event the body leaves unfinished', () => {
    expect(split(['data: done\n\ndata: half\n'])).toStrictEqual(['done']);
    expect(split(['data: done\n\ndata: no line end'])).toStrictEqual(['done']);
  });

  it('strips a byte order mark at the start', () => {
    expect(
      split([new Uint8Array([0xef, 0xbb, 0xbf]), 'data: a\n\n']),
    ).toStrictEqual(['a']);
  });

  it('treats \\r then \\n in the next read as one line end', () => {
    expect(split(['data: a\r', '\ndata: b\r', '\n\r', '\n'])).toStrictEqual([
      'a\nb',
    ]);
    expect(split(['data: a\r', '\r', 'data: b\r', '\r'])).toStrictEqual([
      'a',
      'b',
    ]);
  });

  it('reassembles a line split over many reads', () => {
    expect(
      split(['da', 'ta: {"con', 'tent":', '"x"}', '\n', '\n']),
    ).toStrictEqual(['{"content":"x"}']);
  });

  it('decodes multi-byte characters split between reads', () => {
    const bytes = encoder.encode('data: 🙂é東\n\n');
    const pieces = Array.from(bytes, byte => new Uint8Array([byte]));
    expect(split(pieces)).toStrictEqual(['🙂é東']);
  });

  it('replaces invalid UTF-8 instead of failing', () => {
    expect(
      split([new Uint8Array([0x64, 0x61, 0x74, 0x61, 0x3a, 0xff, 0x0a, 0x0a])]),
    ).toStrictEqual(['\uFFFD']);
  });

  it('gives the same events however a recorded stream is cut in two', () => {
    const bytes = encoder.encode(RECORDED_STREAM);
    expect(split([bytes])).toStrictEqual(RECORDED_EVENTS);
    for (let point = 1; point < bytes.length; point++) {
      expect(
        split([bytes.subarray(0, point), bytes.subarray(point)]),
        `cut at byte ${point}`,
      ).toStrictEqual(RECORDED_EVENTS);
    }
  });

  it('gives the same events when a recorded stream arrives byte by byte', () => {
    const bytes = encoder.encode(RECORDED_STREAM);
    expect(
      split(Array.from(bytes, byte => new Uint8Array([byte]))),
    ).toStrictEqual(RECORDED_EVENTS);
  });

  it('gives the same events for a recorded stream cut at random bytes (property)', () => {
    const bytes = encoder.encode(RECORDED_STREAM);
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 40 }), offsets => {
        expect(split(cutBytes(bytes, offsets))).toStrictEqual(RECORDED_EVENTS);
      }),
      { numRuns: 500 },
    );
  });
});

// Generated streams: events of data lines with any text (multi-byte
// included), comments, other fields, and a line end chosen per line.
const lineEndArbitrary = fc.constantFrom('\n', '\r\n', '\r');
const valueArbitrary = fc
  .string({ unit: 'grapheme', maxLength: 12 })
  .map(value => value.replace(/[\r\n]/g, ''));
const lineArbitrary = fc.oneof(
  { weight: 4, arbitrary: valueArbitrary.map(value => ({ data: value })) },
  {
    weight: 1,
    arbitrary: valueArbitrary.map(value => ({ other: `: ${value}` })),
  },
  {
    weight: 1,
    arbitrary: valueArbitrary.map(value => ({ other: `event: ${value}` })),
  },
);
const eventArbitrary = fc.array(
  fc.record({ line: lineArbitrary, end: lineEndArbitrary }),
  { maxLength: 4 },
);

type GeneratedEvent = Array<{
  line: { data: string } | { other: string };
  end: string;
}>;

/** The stream's text and the data of the events it must give. */
function serialize(events: GeneratedEvent[], blankLineEnds: string[]) {
  let text = '';
  const expected: string[] = [];
  let previousEnd = '';
  const appendLine = (line: string, end: string) => {
    // After a lone `\r`, an empty line ended by `\n` would read as the
    // second half of `\r\n`; the specification cannot tell them apart.
    const safeEnd =
      previousEnd === '\r' && line === '' && end === '\n' ? '\r' : end;
    text += line + safeEnd;
    previousEnd = safeEnd;
  };
  events.forEach((event, index) => {
    const dataLines: string[] = [];
    for (const { line, end } of event) {
      if ('data' in line) {
        dataLines.push(line.data);
        appendLine(`data: ${line.data}`, end);
      } else {
        appendLine(line.other, end);
      }
    }
    appendLine('', blankLineEnds[index % blankLineEnds.length] ?? '\n');
    if (dataLines.length > 0) {
      expected.push(dataLines.join('\n'));
    }
  });
  return { text, expected };
}

describe('SseEventSplitter (property)', () => {
  it('gives the same events whatever the line ends and wherever the bytes are cut', () => {
    fc.assert(
      fc.property(
        fc.array(eventArbitrary, { maxLength: 6 }),
        fc.array(lineEndArbitrary, { minLength: 1, maxLength: 3 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (events, blankLineEnds, offsets) => {
          const { text, expected } = serialize(events, blankLineEnds);
          const bytes = encoder.encode(text);
          expect(split([bytes])).toStrictEqual(expected);
          if (bytes.length > 0) {
            expect(split(cutBytes(bytes, offsets))).toStrictEqual(expected);
          }
        },
      ),
      { numRuns: 1_000 },
    );
  });
});

/** The data of the events the AI SDK's own SSE parsing finds. */
async function splitWithEventSourceParser(pieces: Uint8Array[]) {
  const events: string[] = [];
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) {
        controller.enqueue(piece);
      }
      controller.close();
    },
  })
    // The DOM typings disagree on the byte type TextDecoderStream accepts.
    .pipeThrough(
      new TextDecoderStream() as unknown as TransformStream<Uint8Array, string>,
    )
    .pipeThrough(new EventSourceParserStream());
  for await (const event of stream as unknown as AsyncIterable<{
    data: string;
  }>) {
    events.push(event.data);
  }
  return events;
}

describe('SseEventSplitter against the AI SDK parser (property)', () => {
  it('finds the same events as TextDecoderStream and EventSourceParserStream', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventArbitrary, { maxLength: 6 }),
        fc.array(lineEndArbitrary, { minLength: 1, maxLength: 3 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        async (events, blankLineEnds, offsets) => {
          const { text } = serialize(events, blankLineEnds);
          // The one known difference: eventsource-parser waits for what
          // follows a final `\r` and so drops an event whose blank line is
          // the body's last `\r`; the specification, and this splitter,
          // end the line there.
          fc.pre(!text.endsWith('\r'));
          const bytes = encoder.encode(text);
          const pieces = bytes.length > 0 ? cutBytes(bytes, offsets) : [];
          expect(split(pieces)).toStrictEqual(
            await splitWithEventSourceParser(pieces),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
