import { InvalidArgumentError, type SharedV4Warning } from '@ai-sdk/provider';
import type { z } from 'zod/v4';
import { closestName } from './closest-name';

// What every model kind's options share: validation with errors that name
// the field, the spellings OpenRouter's snake_case fields are also accepted
// in, and the request-body fields of what was validated.

/**
 * Validates `options` against `schema` and returns the parsed value; an
 * invalid value throws an `InvalidArgumentError` naming the full field path
 * (`source` is its start, e.g. `providerOptions.openrouter`). A value that
 * must be one of a list is told the list, with the nearest entry when one is
 * close.
 */
export function validateOptions<T>(
  schema: z.ZodType<T>,
  options: unknown,
  source: string,
): T {
  const result = schema.safeParse(options);
  if (!result.success) {
    const { path: issuePath, message } = explainIssue(
      result.error.issues[0],
      options,
      [],
    );
    const path = [source, ...issuePath.map(String)].join('.');
    throw new InvalidArgumentError({
      argument: path,
      message: `Invalid ${path}: ${message}${/[.?!]$/.test(message) ? '' : '.'}`,
      cause: result.error,
    });
  }
  return result.data;
}

type Explained = { path: PropertyKey[]; message: string };

/**
 * What is wrong, in words. Zod reports a union that matched no alternative
 * as "Invalid input"; here the alternative the value was meant for (the one
 * whose literal fields it matches and that got furthest into it) speaks, or,
 * when the value itself fits none, the alternatives are listed.
 */
function explainIssue(
  issue: z.core.$ZodIssue,
  input: unknown,
  prefix: PropertyKey[],
): Explained {
  const path = [...prefix, ...issue.path];
  const value = valueAt(input, path);
  if (issue.code === 'invalid_value') {
    return { path, message: mustBeOneOf(issue.values, [], value) };
  }
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) {
    return { path, message: issue.message };
  }
  const firstIssues = issue.errors
    .filter(branch => !isAnotherVariant(branch, value))
    .map(branch => branch[0])
    .filter(first => first != null);
  const deepest = firstIssues.reduce<z.core.$ZodIssue | undefined>(
    (best, first) =>
      first.path.length > (best?.path.length ?? 0) ? first : best,
    undefined,
  );
  if (deepest != null) {
    return explainIssue(deepest, input, path);
  }
  const values: unknown[] = [];
  const kinds: string[] = [];
  collectAlternatives(issue, values, kinds);
  return { path, message: mustBeOneOf(values, kinds, value) };
}

/**
 * Whether a union alternative failed because the value is another variant:
 * a field the alternative fixes to one value (`id: 'web'`) holds another.
 */
function isAnotherVariant(branch: z.core.$ZodIssue[], value: unknown) {
  return branch.some(
    issue =>
      issue.code === 'invalid_value' &&
      issue.path.length === 1 &&
      issue.values.length === 1 &&
      isRecord(value) &&
      value[String(issue.path[0])] !== issue.values[0],
  );
}

function collectAlternatives(
  issue: z.core.$ZodIssue,
  values: unknown[],
  kinds: string[],
) {
  if (issue.code === 'invalid_union') {
    for (const branch of issue.errors) {
      if (branch[0] != null && branch[0].path.length === 0) {
        collectAlternatives(branch[0], values, kinds);
      }
    }
  } else if (issue.code === 'invalid_value') {
    values.push(...issue.values);
  } else if (issue.code === 'invalid_type') {
    kinds.push(issue.expected);
  }
}

/** `must be one of "a", "b" or an object; did you mean "b"?` */
function mustBeOneOf(
  values: readonly unknown[],
  kinds: readonly string[],
  received: unknown,
): string {
  const listed = [
    ...new Set(values.map(value => JSON.stringify(value))),
    ...new Set(
      kinds.map(kind => `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`),
    ),
  ];
  if (listed.length === 0) {
    return 'invalid value';
  }
  const list =
    listed.length === 1
      ? listed[0]
      : `${values.length > 0 ? 'one of ' : ''}${listed.slice(0, -1).join(', ')} or ${listed.at(-1)}`;
  const near =
    typeof received === 'string'
      ? closestName(
          received,
          values.filter(value => typeof value === 'string'),
        )
      : undefined;
  return `must be ${list}${near != null ? `; did you mean ${JSON.stringify(near)}?` : ''}`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (!isRecord(value) && !Array.isArray(value)) {
      return undefined;
    }
    value = Object.hasOwn(value, key)
      ? (value as Record<PropertyKey, unknown>)[key]
      : undefined;
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The request-body fields of validated options: `extraBody` underneath,
 * then every field but this package's own control keys. A null prototype keeps a `__proto__` key an ordinary entry, which
 * the request body builder then refuses with a warning.
 */
export function requestBodyOf(
  parsed: Record<string, unknown>,
  controlKeys: ReadonlySet<string>,
): Record<string, unknown> {
  const body: Record<string, unknown> = Object.create(null);
  Object.assign(body, parsed.extraBody);
  for (const key of Object.keys(parsed)) {
    if (!controlKeys.has(key)) {
      body[key] = parsed[key];
    }
  }
  return body;
}

/** Keeps a long list of unknown keys from flooding the warnings. */
const MAX_KEY_WARNINGS = 20;
/** Unknown keys looked up for a near known one, per options object. */
const MAX_KEY_LOOKUPS = 1000;

/** What one options object may still spend on unknown keys. */
type KeyReviewBudget = { warnings: number; lookups: number };

function createBudget(): KeyReviewBudget {
  return { warnings: MAX_KEY_WARNINGS, lookups: MAX_KEY_LOOKUPS };
}

/**
 * OpenRouter spells every field in snake_case and ignores what it does not
 * know, so a camelCase or misspelt key would be dropped without a word. One
 * that spells a known field (`topLogprobs`, `provider.allowFallbacks`), or is
 * one of `spellings` (the incumbent's names, see `option-spellings.ts`), is
 * renamed to it; when both spellings are set, the snake_case value is used,
 * with a warning naming both.
 *
 * Any other key is sent as written, so a field OpenRouter added after this
 * package still works. It gets a warning when it is close to a known key
 * ("did you mean"), when it is camelCase (OpenRouter would likely ignore
 * it), and, with `everyUnknownKey` (objects whose shape is known, such as
 * `provider`), always.
 */
export function respellCamelCaseKeys(
  options: unknown,
  {
    source,
    knownKeys,
    spellings = {},
    everyUnknownKey = false,
    warnings,
    budget = createBudget(),
  }: {
    source: string;
    knownKeys: object;
    spellings?: Readonly<Record<string, string>> | undefined;
    everyUnknownKey?: boolean | undefined;
    warnings: SharedV4Warning[];
    budget?: KeyReviewBudget | undefined;
  },
): unknown {
  // A copy keeps own properties only, so objects with a prototype of their
  // own (getters on a class) are validated as they are.
  if (!isPlainRecord(options)) {
    return options;
  }
  const warn = (message: string) => {
    budget.warnings--;
    if (budget.warnings >= 0) {
      warnings.push({ type: 'other', message });
    } else if (budget.warnings === -1) {
      warnings.push({
        type: 'other',
        message: `${source} has more keys this provider does not know; only the first ${MAX_KEY_WARNINGS} are named.`,
      });
    }
  };
  let respelled: Record<string, unknown> | undefined;
  for (const key of Object.keys(options)) {
    if (Object.hasOwn(knownKeys, key) && !Object.hasOwn(spellings, key)) {
      continue;
    }
    const isCamelCase = /[A-Z]/.test(key);
    const spelled = Object.hasOwn(spellings, key)
      ? spellings[key]
      : isCamelCase
        ? toSnakeCase(key)
        : undefined;
    if (spelled != null && Object.hasOwn(knownKeys, spelled)) {
      respelled ??= { ...options };
      if (options[spelled] === undefined) {
        respelled[spelled] = options[key];
      } else {
        warn(`${source} sets both ${key} and ${spelled}; ${spelled} is used.`);
      }
      delete respelled[key];
      continue;
    }
    const near = nearKnownKey(key, knownKeys, spellings, budget);
    if (near != null) {
      warn(
        `${source}.${key} is not an OpenRouter option; did you mean ${near}? It is sent as written, and OpenRouter ignores fields it does not know.`,
      );
    } else if (isCamelCase) {
      warn(
        `${source}.${key} is not an option this provider knows. It is sent as is, but OpenRouter's fields are snake_case, so OpenRouter will likely ignore it.`,
      );
    } else if (everyUnknownKey) {
      warn(
        `${source}.${key} is not an option this provider knows. It is sent as written; OpenRouter ignores fields it does not know.`,
      );
    }
  }
  return respelled ?? options;
}

/** The known key an unknown one is likely a misspelling of. */
function nearKnownKey(
  key: string,
  knownKeys: object,
  spellings: Readonly<Record<string, string>>,
  budget: KeyReviewBudget,
): string | undefined {
  if (budget.lookups <= 0 || budget.warnings <= 0) {
    return undefined;
  }
  budget.lookups--;
  // Suggest the names to use, not the old spellings.
  return closestName(
    key,
    Object.keys(knownKeys).filter(known => !Object.hasOwn(spellings, known)),
  );
}

function toSnakeCase(key: string) {
  return key.replace(/[A-Z]/g, letter => `_${letter.toLowerCase()}`);
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

// Objects whose keys belong to someone else (a model's own image settings,
// a plugin this package does not know yet): their keys are not reviewed.
const OPEN_OBJECTS = new WeakSet<z.ZodType>();

/**
 * Marks an object schema as open: its keys are not reviewed, and any key is
 * sent without a warning. For objects OpenRouter passes on to models or
 * providers. (Taking a built schema keeps zod out of this module's imports,
 * which the chat model loads at start.)
 */
export function openObject<Schema extends z.ZodObject>(schema: Schema): Schema {
  OPEN_OBJECTS.add(schema);
  return schema;
}

/**
 * Reviews the keys of `options` against `schema`, at every depth where the
 * schema knows the shape: see `respellCamelCaseKeys`. At the top level an
 * unknown key is judged only when it is near a known one (new OpenRouter
 * fields pass quietly); below it, in objects such as `provider`, `reasoning`
 * or a plugin, every unknown key gets a warning. Unknown keys are sent as
 * written at every depth. Returns `options`, or a copy with keys respelled.
 */
export function reviewOptionKeys(
  options: unknown,
  schema: z.ZodObject,
  {
    source,
    alsoKnown = {},
    spellings = {},
    warnings,
  }: {
    source: string;
    /** Top-level keys known without a schema of their own. */
    alsoKnown?: Record<string, unknown> | undefined;
    spellings?: Readonly<Record<string, string>> | undefined;
    warnings: SharedV4Warning[];
  },
): unknown {
  const budget = createBudget();
  const respelled = respellCamelCaseKeys(options, {
    source,
    knownKeys: { ...alsoKnown, ...schema.shape },
    spellings,
    warnings,
    budget,
  });
  return reviewFields(respelled, schema, source, warnings, budget);
}

/** Reviews the fields of an object whose own keys have been reviewed. */
function reviewFields(
  value: unknown,
  schema: z.ZodObject,
  source: string,
  warnings: SharedV4Warning[],
  budget: KeyReviewBudget,
): unknown {
  if (!isPlainRecord(value)) {
    return value;
  }
  let reviewed: Record<string, unknown> | undefined;
  for (const [key, fieldSchema] of Object.entries(schema.shape)) {
    if (!Object.hasOwn(value, key)) {
      continue;
    }
    const field = reviewNested(
      value[key],
      fieldSchema as z.ZodType,
      `${source}.${key}`,
      warnings,
      budget,
    );
    if (field !== value[key]) {
      reviewed ??= { ...value };
      reviewed[key] = field;
    }
  }
  return reviewed ?? value;
}

function reviewNested(
  value: unknown,
  schema: z.ZodType,
  source: string,
  warnings: SharedV4Warning[],
  budget: KeyReviewBudget,
): unknown {
  const inner = unwrap(schema);
  const def = inner._zod.def;
  if (def.type === 'array' && Array.isArray(value)) {
    const element = (def as z.core.$ZodArrayDef).element as z.ZodType;
    let reviewed: unknown[] | undefined;
    value.forEach((item, index) => {
      const result = reviewNested(
        item,
        element,
        `${source}.${index}`,
        warnings,
        budget,
      );
      if (result !== item) {
        reviewed ??= [...value];
        reviewed[index] = result;
      }
    });
    return reviewed ?? value;
  }
  if (def.type === 'union') {
    const variant = variantOf(
      (def as z.core.$ZodUnionDef).options as readonly z.ZodType[],
      value,
    );
    return variant != null
      ? reviewNested(value, variant, source, warnings, budget)
      : value;
  }
  if (
    def.type !== 'object' ||
    OPEN_OBJECTS.has(inner) ||
    !isPlainRecord(value)
  ) {
    return value;
  }
  const objectSchema = inner as z.ZodObject;
  const respelled = respellCamelCaseKeys(value, {
    source,
    knownKeys: objectSchema.shape,
    everyUnknownKey: true,
    warnings,
    budget,
  });
  return reviewFields(respelled, objectSchema, source, warnings, budget);
}

/**
 * The object alternative of a union that `value` is: the first whose
 * literal fields (`id: 'web'`) it matches.
 */
function variantOf(
  options: readonly z.ZodType[],
  value: unknown,
): z.ZodType | undefined {
  if (!isPlainRecord(value)) {
    return undefined;
  }
  return options.find(option => {
    const inner = unwrap(option);
    if (inner._zod.def.type !== 'object') {
      return false;
    }
    return Object.entries((inner as z.ZodObject).shape).every(
      ([key, field]) => {
        const fieldDef = unwrap(field as z.ZodType)._zod.def;
        return (
          fieldDef.type !== 'literal' ||
          (
            fieldDef as z.core.$ZodLiteralDef<z.core.util.Literal>
          ).values.includes(value[key] as z.core.util.Literal)
        );
      },
    );
  });
}

/** The schema inside `.optional()`, `.nullable()` and the like. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = current._zod.def as { type: string; innerType?: z.ZodType };
    if (
      def.innerType == null ||
      !['optional', 'nullable', 'default', 'prefault', 'readonly'].includes(
        def.type,
      )
    ) {
      return current;
    }
    current = def.innerType;
  }
}

/**
 * A reader of one model kind's options: it builds `buildSchema` on first
 * use (schemas cost time to build, and most calls set no options), reviews
 * the keys (`reviewOptionKeys`: camelCase respelled, misspellings and
 * unknown nested keys reported), validates, and returns the parsed value,
 * or undefined when there are no options. An invalid value throws an
 * `InvalidArgumentError` naming the field.
 */
export function createOptionsReader(
  buildSchema: () => z.ZodObject,
  {
    alsoKnown,
    spellings,
  }: {
    /** Top-level keys known, though the schema does not list them. */
    alsoKnown?: Record<string, unknown> | undefined;
    /** Other names of fields, renamed before validation. */
    spellings?: Readonly<Record<string, string>> | undefined;
  } = {},
) {
  let schema: z.ZodObject | undefined;
  return (
    options: unknown,
    source: string,
    warnings: SharedV4Warning[],
  ): Record<string, unknown> | undefined => {
    if (options == null) {
      return undefined;
    }
    schema ??= buildSchema();
    return validateOptions(
      schema,
      reviewOptionKeys(options, schema, {
        source,
        ...(alsoKnown != null ? { alsoKnown } : {}),
        ...(spellings != null ? { spellings } : {}),
        warnings,
      }),
      source,
    ) as Record<string, unknown>;
  };
}
