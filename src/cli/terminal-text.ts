// Everything the CLI prints passes through here on its way to the terminal.
// Text from the API is hostile until proven otherwise: a model name holding
// ESC can clear the screen (`ESC [2J`), retitle the window (`ESC ]0;…BEL`)
// or, in some terminals, write files and fake prompts; a CR or a newline can
// overwrite a line or forge a table row.
//
// The characters concerned: C0 controls and DEL (ESC starts every escape
// sequence, BEL ends an OSC, CR and BS move the cursor back), C1 controls
// (U+009B is a one-character CSI where a terminal honours 8-bit controls,
// U+0085 a line break), the Unicode line and paragraph separators, and the
// bidirectional embeddings, overrides and isolates, which reorder what a
// terminal shows.

/** Whether a UTF-16 code unit is one of the characters above. */
function isControl(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

// The ones that separate words: kept as a space inside a value, so
// "Fine\nprint" stays two words on one line.
const SPACING = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x85, 0x2028, 0x2029]);
const NEWLINE = 0x0a;

/**
 * What replaces each control character, indexed by code unit (null: kept),
 * and a pattern finding any replaced one, so text without one is returned
 * after a single native scan.
 */
type Replacements = {
  table: ReadonlyArray<string | null>;
  detect: RegExp;
};

const LAST_CONTROL = 0x2069;

function replacementsOfControls(
  replace: (code: number) => string | undefined,
): Replacements {
  // Filled with null rather than left with holes, so each lookup is a plain
  // array read.
  const table = new Array<string | null>(LAST_CONTROL + 1).fill(null);
  const listed: string[] = [];
  for (let code = 0; code <= LAST_CONTROL; code++) {
    const replacement = isControl(code) ? replace(code) : undefined;
    if (replacement !== undefined) {
      table[code] = replacement;
      listed.push(`\\u${code.toString(16).padStart(4, '0')}`);
    }
  }
  // A character class is matched one character at a time: linear.
  return { table, detect: new RegExp(`[${listed.join('')}]`) };
}

const IN_VALUE = replacementsOfControls(code => (SPACING.has(code) ? ' ' : ''));

// The last pass over every write: the CLI's own text holds no control but the
// newline ending each line, so anything else came from data that skipped
// formatting and is dropped.
const IN_OUTPUT = replacementsOfControls(code =>
  code === NEWLINE ? undefined : SPACING.has(code) ? ' ' : '',
);

// JSON.stringify escapes the C0 controls itself, and leaves the others raw.
const IN_JSON = replacementsOfControls(code =>
  code < 0x20 ? undefined : `\\u${code.toString(16).padStart(4, '0')}`,
);

/**
 * One API-derived value, safe to print inside a line: every control
 * character removed, and those that separate words (tab, line breaks)
 * turned into spaces.
 */
export function toTerminalText(value: string): string {
  return replaceCodeUnits(value, IN_VALUE);
}

/** A value as one line with single spaces, for messages such as errors. */
export function toOneLine(value: string): string {
  // One character class with `+` cannot backtrack: linear.
  return toTerminalText(value).replace(/\s+/g, ' ').trim();
}

/**
 * JSON text with the characters `JSON.stringify` leaves raw written as
 * `\uXXXX` escapes, so `--json` keeps every value exactly while the terminal
 * sees none of them. They can only occur inside strings, where the escape
 * means the same character.
 */
export function escapeJsonForTerminal(json: string): string {
  return replaceCodeUnits(json, IN_JSON);
}

/**
 * Replaces code units by the table in one pass. A regex replace, or string
 * concatenation, costs about 60 ns per replaced character, so a megabyte of
 * hostile controls would block for 60 ms; writing code units into a typed
 * array takes about 10 ms. Text without a control, the usual case, comes
 * back untouched after one native scan.
 */
function replaceCodeUnits(
  text: string,
  { table, detect }: Replacements,
): string {
  if (!detect.test(text)) {
    return text;
  }
  let output: Uint16Array = new Uint16Array(text.length + 16);
  let length = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const replacement = code <= LAST_CONTROL ? table[code] : null;
    const needed = replacement === null ? 1 : replacement.length;
    // A typed array ignores writes past its end, so check before each one.
    if (length + needed > output.length) {
      output = grow(output, needed);
    }
    if (replacement === null) {
      output[length++] = code;
      continue;
    }
    for (let offset = 0; offset < replacement.length; offset++) {
      output[length++] = replacement.charCodeAt(offset);
    }
  }
  return fromCodeUnits(output, length);
}

function grow(codeUnits: Uint16Array, needed: number): Uint16Array {
  const grown = new Uint16Array(codeUnits.length * 2 + needed);
  grown.set(codeUnits);
  return grown;
}

// `String.fromCharCode` takes its code units as arguments; chunks keep the
// argument count far below any engine's limit.
const CHUNK = 8192;

function fromCodeUnits(codeUnits: Uint16Array, length: number): string {
  let text = '';
  for (let start = 0; start < length; start += CHUNK) {
    const chunk = codeUnits.subarray(start, Math.min(length, start + CHUNK));
    // `apply` takes any array-like, a typed array included.
    text += String.fromCharCode.apply(null, chunk as unknown as number[]);
  }
  return text;
}

const REDACTED = '[REDACTED]';
// As `http/redact-secrets.ts` has it.
const MIN_SECRET_LENGTH = 8;

/** Where the CLI writes, as `runCli` receives it. */
export type TerminalStreams = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
};

/**
 * Wraps the CLI's output so no write can carry a control character or one
 * of `secrets` (the keys the CLI was configured with), in whatever form a
 * response echoed it. The library redacts keys in its errors too; this is
 * the second line of defence, for keys of any shape and for data (a key
 * label, an upstream message) that holds one.
 */
export function createTerminalOutput(
  streams: TerminalStreams,
  secrets: Array<string | undefined>,
): TerminalStreams {
  const forms = secretForms(secrets);
  const clean = (text: string) =>
    redact(replaceCodeUnits(text, IN_OUTPUT), forms);
  return {
    stdout: text => streams.stdout(clean(text)),
    stderr: text => streams.stderr(clean(text)),
  };
}

/**
 * Each secret as it may appear in output: as configured (without the
 * whitespace around it, which the provider drops too), as a JSON string
 * escapes it, and as a printed value shows it. Longest first, so a secret
 * containing another is replaced whole. A value shorter than the
 * provider's shortest redacted secret is no key (an emulator's `x`) and
 * would only blank out ordinary words.
 */
function secretForms(secrets: Array<string | undefined>): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    const trimmed = secret?.trim();
    if (trimmed == null || trimmed.length < MIN_SECRET_LENGTH) {
      continue;
    }
    forms.add(trimmed);
    forms.add(JSON.stringify(trimmed).slice(1, -1));
    forms.add(toTerminalText(trimmed));
  }
  return [...forms]
    .filter(form => form !== '')
    .sort((a, b) => b.length - a.length);
}

function redact(text: string, forms: string[]): string {
  let result = text;
  for (const form of forms) {
    if (result.includes(form)) {
      result = result.split(form).join(REDACTED);
    }
  }
  return result;
}
