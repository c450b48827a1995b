/**
 * The emulator runs inside its user's test process, so no request may make
 * it allocate without bound: every size a request controls is checked
 * against a limit here, and a request over one is refused as OpenRouter
 * refuses an invalid one, with a 400 that names the field and its range.
 */

/**
 * Largest request body read, in bytes, unless the emulator is given
 * `maxRequestBodyBytes`: room for a prompt with several base64 images or
 * PDFs (base64 adds a third), far below what would strain a test process.
 */
export const DEFAULT_MAX_REQUEST_BODY_BYTES = 32 * 1024 * 1024;

/**
 * Deepest nesting of a JSON body. `JSON.parse` copes with any depth, but
 * `JSON.stringify` (answering with a schema's `const`) and a test's own
 * deep equality recurse, and would overflow the stack long before a
 * request needs this much.
 */
export const MAX_JSON_NESTING = 512;

/** `top_logprobs` as OpenRouter documents it: an integer from 0 to 20. */
export const TOP_LOGPROBS_RANGE = { min: 0, max: 20 } as const;

/**
 * Emulator limits for embeddings (OpenRouter documents none): OpenAI's 2048
 * texts a request, four times the largest real vector size (4096), and at
 * most 2048 × 2048 numbers in one answer.
 */
export const EMBEDDING_INPUTS_RANGE = { min: 0, max: 2048 } as const;
export const EMBEDDING_DIMENSIONS_RANGE = { min: 1, max: 16_384 } as const;
export const EMBEDDING_VALUES_RANGE = { min: 0, max: 2048 * 2048 } as const;

/**
 * The emulated model's output limit, in tokens (one word each): a longer
 * reply stops there with finish reason `length`, as a real model stops at
 * its own limit. Reasoning is held to the same limit, and a tool call's
 * arguments are streamed in at most this many pieces.
 */
export const MAX_COMPLETION_TOKENS = 16_384;

/**
 * Emulator limits for the values it synthesizes from a JSON schema (tool
 * arguments, structured answers): per `minItems` and `minLength`, and in
 * total, since nested arrays multiply.
 */
export const SCHEMA_MIN_ITEMS_RANGE = { min: 0, max: 1000 } as const;
export const SCHEMA_MIN_LENGTH_RANGE = { min: 0, max: 100_000 } as const;
export const MAX_SYNTHESIZED_CHARACTERS = 1_000_000;

/**
 * A request the emulator refuses with an OpenRouter error. Thrown from
 * anywhere in request handling; the request listener answers it.
 */
export class EmulatorRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'EmulatorRequestError';
  }
}

/**
 * `value` when it is an integer within `range`; otherwise a 400 naming the
 * field, the allowed range and what was sent.
 */
export function requireIntegerInRange(
  field: string,
  value: unknown,
  range: { min: number; max: number },
): number {
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < range.min ||
    value > range.max
  ) {
    throw new EmulatorRequestError(
      400,
      `Invalid ${field}: expected an integer from ${range.min} to ${range.max}, got ${describeValue(value)}`,
    );
  }
  return value;
}

function describeValue(value: unknown) {
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (value === null) {
    return 'null';
  }
  return Array.isArray(value) ? 'an array' : `a value of type ${typeof value}`;
}

/**
 * Refuses a parsed body nested deeper than {@link MAX_JSON_NESTING}. Walks
 * with its own stack, since recursion is exactly what such a body breaks.
 */
export function checkJsonNesting(value: unknown) {
  const pending: Array<{ value: unknown; depth: number }> = [
    { value, depth: 1 },
  ];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (typeof next.value !== 'object' || next.value === null) {
      continue;
    }
    if (next.depth > MAX_JSON_NESTING) {
      throw new EmulatorRequestError(
        400,
        `Invalid request body: JSON nested deeper than ${MAX_JSON_NESTING} levels`,
      );
    }
    for (const child of Object.values(next.value)) {
      if (typeof child === 'object' && child !== null) {
        pending.push({ value: child, depth: next.depth + 1 });
      }
    }
  }
}

/**
 * The first `limit` matches of a global `pattern` in `text`, and whether
 * there were more: the pieces past the limit are never allocated.
 */
export function takeMatches(text: string, pattern: RegExp, limit: number) {
  const matcher = new RegExp(pattern.source, 'g');
  const pieces: string[] = [];
  for (
    let match = matcher.exec(text);
    match != null;
    match = matcher.exec(text)
  ) {
    if (pieces.length >= limit) {
      return { pieces, truncated: true };
    }
    // An empty match would not move the search on.
    if (match[0] === '') {
      matcher.lastIndex++;
      continue;
    }
    pieces.push(match[0]);
  }
  return { pieces, truncated: false };
}
