import { isRecord } from '@ai-sdk/provider-utils';

// The shape of a stream chunk, declared once. `ShapeOf` reads the TypeScript
// type from a declaration, and `writeChunkCheck` writes, from the same
// declaration, the source of the function that checks each chunk. The
// parsers hold that source between markers, and their tests fail when it
// no longer matches the declaration.
//
// Why written source rather than a check built at run time: a check has to
// cost less than the rest of a chunk's handling. A zod run copies every
// object it passes; a tree of closures over `[key, check]` arrays reads each
// field with a computed key, which V8 cannot cache per field, and measured
// five to eight times slower than straight-line code reading `delta.content`
// (roughly 200–500 ns against 35–70 ns per chunk). `new Function` would need
// `eval`, which edge runtimes forbid. Written source is straight-line code,
// allocates nothing on the success path and builds no message at run time.
//
// The leniency is that of the response schemas: every field is optional and
// nullable, unknown fields are kept (the types carry an index signature),
// array entries must be present, and a field declared `unknown` is typed
// but never looked at.

declare const shapeType: unique symbol;

type Descriptor =
  | { readonly kind: 'string' | 'number' | 'boolean' | 'unknown' | 'record' }
  | { readonly kind: 'object'; readonly fields: Fields }
  | { readonly kind: 'array' | 'choices'; readonly entry: Shape<unknown> };

/** A piece of a chunk's shape: what its check looks at, and its type. */
export type Shape<T> = Descriptor & {
  /** Only carries `T` for `ShapeOf`; never set. */
  readonly [shapeType]?: T;
};

/** The TypeScript type a shape declares. */
export type ShapeOf<S> = S extends Shape<infer T> ? T : never;

type Fields = { readonly [key: string]: Shape<unknown> };

/**
 * An object: each declared field optional and nullable, any other field
 * kept as `unknown`.
 */
export type ObjectOf<F extends Fields> = {
  -readonly [K in keyof F]?: ShapeOf<F[K]> | null;
} & { [key: string]: unknown };

export const string: Shape<string> = { kind: 'string' };
export const number: Shape<number> = { kind: 'number' };
export const boolean: Shape<boolean> = { kind: 'boolean' };
/** Typed `unknown` and never checked: for fields read with their own care. */
export const unknown: Shape<unknown> = { kind: 'unknown' };
/** An object whose entries are not checked. */
export const record: Shape<Record<string, unknown>> = { kind: 'record' };

/**
 * An object with the given fields; see `ObjectOf`. Fields are checked in
 * the order they are declared, and the first problem is the one reported.
 */
export function object<F extends Fields>(fields: F): Shape<ObjectOf<F>> {
  return { kind: 'object', fields };
}

/**
 * An array whose entries are all present and each fits `entry` (reported
 * as `path[]`). With an `unknown` entry only the array itself is checked.
 */
export function array<S extends Shape<unknown>>(entry: S): Shape<ShapeOf<S>[]> {
  return { kind: 'array', entry };
}

/**
 * The `choices` of a chunk: an array of which only the choice this provider
 * reads (see `findFirstChoice`) is checked, as `path[0]`. The others are
 * left alone: a stream with `n` > 1 only draws a warning.
 */
export function choices<S extends Shape<unknown>>(
  choice: S,
): Shape<(ShapeOf<S> | null)[]> {
  return { kind: 'choices', entry: choice };
}

/**
 * The choice this provider reads: the first whose `index` is 0 or missing.
 * A choice whose `index` is any other number belongs to another completion
 * (`n` > 1) and is skipped. Entries that are not objects are taken as they
 * are, so that checking them finds the problem. Usually the first entry.
 */
export function findFirstChoice<CHOICE>(
  choices: readonly CHOICE[],
): CHOICE | undefined {
  for (let position = 0; position < choices.length; position++) {
    const choice = choices[position];
    const index = isRecord(choice) ? choice.index : undefined;
    if (typeof index !== 'number' || index === 0) {
      return choice;
    }
  }
  return undefined;
}

const WRITTEN_START =
  '// Written by `writeChunkCheck` from the shapes; see the tests. Do not edit.';
const WRITTEN_END = '// End of the written check.';

/**
 * The TypeScript source of `function name(chunk: unknown): string |
 * undefined`, which returns `undefined` when the chunk fits the shape and
 * otherwise the first problem, path first (`choices[0].delta.content:
 * expected a string.`), or `notAnObject` (the name of a constant) when the
 * chunk is not an object. The source uses `isRecord` and `findFirstChoice`,
 * which its module imports.
 */
export function writeChunkCheck(
  shape: Shape<unknown>,
  {
    name,
    notAnObject,
    exported = false,
    shared,
  }: {
    name: string;
    notAnObject: string;
    /** Whether other modules import the check. */
    exported?: boolean | undefined;
    /**
     * Fields another written check already covers: they are left to it,
     * called by name first, instead of being checked here again.
     */
    shared?: { name: string; fields: Fields } | undefined;
  },
): string {
  if (shape.kind !== 'object') {
    throw new Error('A chunk is an object.');
  }
  const names = new Set([
    'chunk',
    'isRecord',
    'findFirstChoice',
    notAnObject,
    ...(shared === undefined ? [] : [shared.name]),
    ...RESERVED,
  ]);
  const lines: string[] = [];
  const line = (depth: number, text: string) => {
    lines.push(`${'  '.repeat(depth)}${text}`);
  };
  const fail = (depth: number, problem: string) => {
    line(depth, `return ${quote(problem)};`);
  };
  const when = (depth: number, condition: string, problem: string) => {
    line(depth, `if (${condition}) {`);
    fail(depth + 1, problem);
    line(depth, '}');
  };
  const variable = (name: string) => {
    const base = RESERVED.includes(name) ? `${name}Value` : name;
    let candidate = base;
    for (let count = 2; names.has(candidate); count++) {
      candidate = `${base}${count}`;
    }
    names.add(candidate);
    return candidate;
  };

  // Checks `value`, known to be present, at `path`.
  const checkPresent = (
    item: Shape<unknown>,
    value: string,
    path: string,
    depth: number,
  ) => {
    const problem = problemAt(path, item);
    switch (item.kind) {
      case 'unknown':
        return;
      case 'string':
      case 'number':
      case 'boolean':
        when(depth, `typeof ${value} !== '${item.kind}'`, problem);
        return;
      case 'record':
        when(depth, `!isRecord(${value})`, problem);
        return;
      case 'object':
        when(depth, `!isRecord(${value})`, problem);
        for (const [key, field] of Object.entries(item.fields)) {
          checkField(field, value, key, joinPath(path, key), depth);
        }
        return;
      case 'array': {
        when(depth, `!Array.isArray(${value})`, problem);
        if (item.entry.kind === 'unknown') {
          return;
        }
        // Every check but `unknown`'s fails a missing entry.
        const entry = variable(
          value.length > 1 && value.endsWith('s')
            ? value.slice(0, -1)
            : `${value}Entry`,
        );
        line(depth, `for (const ${entry} of ${value}) {`);
        checkPresent(item.entry, entry, `${path}[]`, depth + 1);
        line(depth, '}');
        return;
      }
      case 'choices': {
        when(depth, `!Array.isArray(${value})`, problem);
        if (item.entry.kind === 'unknown') {
          return;
        }
        const choice = variable('choice');
        line(depth, `const ${choice}: unknown = findFirstChoice(${value});`);
        line(depth, `if (${choice} != null) {`);
        checkPresent(item.entry, choice, `${path}[0]`, depth + 1);
        line(depth, '}');
        return;
      }
    }
  };

  // Checks the field `key` of `owner`, an object, at `path`.
  const checkField = (
    field: Shape<unknown>,
    owner: string,
    key: string,
    path: string,
    depth: number,
  ) => {
    const read = readField(owner, key);
    switch (field.kind) {
      case 'unknown':
        return;
      case 'string':
      case 'number':
      case 'boolean':
        when(
          depth,
          `${read} != null && typeof ${read} !== '${field.kind}'`,
          problemAt(path, field),
        );
        return;
      case 'record':
        when(
          depth,
          `${read} != null && !isRecord(${read})`,
          problemAt(path, field),
        );
        return;
      case 'array':
      case 'choices':
        // Only the array itself needs checking.
        if (field.entry.kind === 'unknown') {
          when(
            depth,
            `${read} != null && !Array.isArray(${read})`,
            problemAt(path, field),
          );
          return;
        }
        checkNested(field, read, key, path, depth);
        return;
      default:
        checkNested(field, read, key, path, depth);
    }
  };

  // Reads a field that needs more than one check once.
  const checkNested = (
    field: Shape<unknown>,
    read: string,
    key: string,
    path: string,
    depth: number,
  ) => {
    const value = variable(camelCase(key));
    line(depth, `const ${value} = ${read};`);
    line(depth, `if (${value} != null) {`);
    checkPresent(field, value, path, depth + 1);
    line(depth, '}');
  };
  line(
    0,
    `${exported ? 'export ' : ''}function ${name}(chunk: unknown): string | undefined {`,
  );
  line(1, 'if (!isRecord(chunk)) {');
  line(2, `return ${notAnObject};`);
  line(1, '}');
  let fields = Object.entries(shape.fields);
  if (shared !== undefined) {
    const sharedProblem = variable('sharedProblem');
    line(1, `const ${sharedProblem} = ${shared.name}(chunk);`);
    line(1, `if (${sharedProblem} !== undefined) {`);
    line(2, `return ${sharedProblem};`);
    line(1, '}');
    fields = fields.filter(([key, field]) => shared.fields[key] !== field);
  }
  for (const [key, field] of fields) {
    checkField(field, 'chunk', key, key, 1);
  }
  line(1, 'return undefined;');
  line(0, '}');
  return lines.join('\n');
}

/**
 * Whether the module source `text` holds, between its markers, the checks
 * `writeChunkCheck` writes now (up to layout, so that the formatter may
 * rewrap them), and `text` with those checks there instead.
 */
export function compareWrittenChecks(
  text: string,
  checks: Parameters<typeof writeChunkCheck>[],
) {
  const start = text.indexOf(WRITTEN_START);
  const end = text.indexOf(WRITTEN_END);
  if (start < 0 || end < start) {
    throw new Error('The markers of the written check are missing.');
  }
  const from = start + WRITTEN_START.length;
  const source = checks
    .map(([shape, options]) => writeChunkCheck(shape, options))
    .join('\n\n');
  return {
    upToDate: withoutLayout(text.slice(from, end)) === withoutLayout(source),
    rewritten: `${text.slice(0, from)}\n${source}\n${text.slice(end)}`,
  };
}

function withoutLayout(source: string) {
  return source.replace(/,(\s*[)\]}])/g, '$1').replace(/\s+/g, '');
}

function problemAt(path: string, shape: Shape<unknown>) {
  return `${path}: expected ${EXPECTED[shape.kind]}.`;
}

const EXPECTED: Record<Shape<unknown>['kind'], string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  unknown: 'anything',
  record: 'an object',
  object: 'an object',
  array: 'an array',
  choices: 'an array',
};

function joinPath(path: string, key: string) {
  return path === '' ? key : `${path}.${key}`;
}

function readField(owner: string, key: string) {
  return /^[A-Za-z_$][\w$]*$/.test(key)
    ? `${owner}.${key}`
    : `${owner}[${quote(key)}]`;
}

function camelCase(key: string) {
  const name = key
    .replace(/[^\w$]+/g, '_')
    .replace(/_+([a-z\d])/gi, (_, letter: string) => letter.toUpperCase())
    .replace(/^_+|_+$/g, '');
  return /^[A-Za-z_$]/.test(name) ? name : `field${name}`;
}

function quote(text: string) {
  return `'${text.replace(/[\\']/g, '\\$&')}'`;
}

const RESERVED = [
  'arguments',
  'await',
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'debugger',
  'default',
  'delete',
  'do',
  'else',
  'enum',
  'eval',
  'export',
  'extends',
  'false',
  'finally',
  'for',
  'function',
  'if',
  'implements',
  'import',
  'in',
  'instanceof',
  'interface',
  'let',
  'new',
  'null',
  'package',
  'private',
  'protected',
  'public',
  'return',
  'static',
  'super',
  'switch',
  'this',
  'throw',
  'true',
  'try',
  'typeof',
  'undefined',
  'var',
  'void',
  'while',
  'with',
  'yield',
];
