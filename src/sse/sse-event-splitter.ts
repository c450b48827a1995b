const LINE_FEED = 10;
const SPACE = 32;
const COLON = 58;

const STREAMING = { stream: true } as const;

/**
 * Splits a `text/event-stream` body into the data of its events, as the
 * server-sent events specification reads them: lines end in `\n`, `\r\n` or
 * `\r`; lines starting with `:` are comments (OpenRouter's keep-alives); the
 * `data` lines of an event are joined with `\n`; an empty line ends the
 * event, which is dispatched when it had data. Other fields (`event`, `id`,
 * `retry`) are read past: OpenRouter does not use them. An event that the
 * body leaves unfinished is dropped, as the specification says.
 *
 * It takes bytes as they arrive, split anywhere, also inside a multi-byte
 * character or between `\r` and `\n`, and does a small amount of work per
 * line: the common `data: {...}` line costs one search and one slice.
 *
 * `onComment` is told of each comment line, without its text: a keep-alive
 * is the only sign of life OpenRouter gives while a request waits upstream.
 */
export class SseEventSplitter {
  private readonly decoder = new TextDecoder();
  /** Pieces of a line whose end has not arrived yet. */
  private readonly pendingPieces: string[] = [];
  /** The data of the event being read, undefined until a data line. */
  private data: string | undefined;
  /** The last text ended in `\r`, so a `\n` opening the next is its pair. */
  private skipLeadingLineFeed = false;

  constructor(
    private readonly onData: (data: string) => void,
    private readonly onComment?: () => void,
  ) {}

  /** Reads the next bytes of the body. */
  write(bytes: Uint8Array) {
    const text = this.decoder.decode(bytes, STREAMING);
    if (text !== '') {
      this.writeText(text);
    }
  }

  /** Reads the end of the body; an event left unfinished is dropped. */
  end() {
    const text = this.decoder.decode();
    if (text !== '') {
      this.writeText(text);
    }
    this.pendingPieces.length = 0;
    this.data = undefined;
    this.skipLeadingLineFeed = false;
  }

  private writeText(text: string) {
    let start = 0;
    if (this.skipLeadingLineFeed) {
      this.skipLeadingLineFeed = false;
      if (text.charCodeAt(0) === LINE_FEED) {
        start = 1;
      }
    }
    let lineFeed = text.indexOf('\n', start);
    // Searched once per text: most streams have no `\r` at all.
    let carriageReturn = text.indexOf('\r', start);

    for (;;) {
      const end =
        carriageReturn === -1 || (lineFeed !== -1 && lineFeed < carriageReturn)
          ? lineFeed
          : carriageReturn;
      if (end === -1) {
        break;
      }

      if (this.pendingPieces.length === 0) {
        this.readLine(text, start, end);
      } else {
        this.pendingPieces.push(text.slice(start, end));
        const line = this.pendingPieces.join('');
        this.pendingPieces.length = 0;
        this.readLine(line, 0, line.length);
      }

      if (end === carriageReturn) {
        start = end + 1;
        if (start === text.length) {
          this.skipLeadingLineFeed = true;
        } else if (text.charCodeAt(start) === LINE_FEED) {
          start++;
        }
        carriageReturn = text.indexOf('\r', start);
        if (lineFeed !== -1 && lineFeed < start) {
          lineFeed = text.indexOf('\n', start);
        }
      } else {
        start = end + 1;
        lineFeed = text.indexOf('\n', start);
      }
    }

    if (start < text.length) {
      this.pendingPieces.push(text.slice(start));
    }
  }

  /** Reads the line `source[start, end)`, which has no line break. */
  private readLine(source: string, start: number, end: number) {
    if (start === end) {
      this.dispatch();
      return;
    }
    if (source.charCodeAt(start) === COLON) {
      this.onComment?.();
      return;
    }

    let valueStart: number;
    if (source.startsWith('data:', start)) {
      valueStart = start + 5;
    } else if (end - start === 4 && source.startsWith('data', start)) {
      // `data` alone is the data field with an empty value.
      valueStart = end;
    } else {
      return;
    }
    if (valueStart < end && source.charCodeAt(valueStart) === SPACE) {
      valueStart++;
    }

    const value = source.slice(valueStart, end);
    this.data = this.data === undefined ? value : `${this.data}\n${value}`;
  }

  private dispatch() {
    const data = this.data;
    if (data !== undefined) {
      this.data = undefined;
      this.onData(data);
    }
  }
}
