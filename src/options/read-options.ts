import { InvalidArgumentError, type SharedV4Warning } from '@ai-sdk/provider';
import type { z } from 'zod/v4';

// What every model kind's options share: validation with errors that name
// the field, the spellings OpenRouter's snake_case fields are also accepted
// in, and the request-body fields of what was validated.

/**
 * The schemas accept unknown fields at run time; the types leave them out,
 * so that a misspelt field is a compile error at every level.
 */
type WithoutIndexSignature<T> = {
  [K in keyof T as string extends K
    ? never
    : number extends K
      ? never
      : K]: T[K];
};
export type ClosedType<T> = T extends readonly (infer Item)[]
  ? ClosedType<Item>[]
  : T extends object
    ? { [K in keyof WithoutIndexSignature<T>]: ClosedType<T[K]> }
    : T;

/**
 * Validates `options` against `schema` and returns the parsed value; an
 * invalid value throws an `InvalidArgumentError` naming the full field path
 * (`source` is its start, e.g. `providerOptions.openrouter`).
 */
export function validateOptions<T>(
  schema: z.ZodType<T>,
  options: unknown,
  source: string,
): T {
  const result = schema.safeParse(options);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = [source, ...issue.path.map(String)].join('.');
    throw new InvalidArgumentError({
      argument: path,
      message: `Invalid ${path}: ${issue.message}.`,
      cause: result.error,
    });
  }
  return result.data;
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

/**
 * OpenRouter spells every field in snake_case and ignores what it does not
 * know, so a camelCase key would be dropped without a word. One that spells
 * a known field (`topLogprobs`, `provider.allowFallbacks`), or is one of
 * `spellings` (the incumbent's names, see `option-spellings.ts`), is renamed
 * to it; when both spellings are set, the snake_case value is used, with a
 * warning naming both. Any other camelCase key is still sent, as unknown
 * fields are, with a warning.
 */
export function respellCamelCaseKeys(
  options: unknown,
  {
    source,
    knownKeys,
    nested = {},
    spellings = {},
    warnings,
  }: {
    source: string;
    knownKeys: object;
    nested?: Record<string, object>;
    spellings?: Readonly<Record<string, string>>;
    warnings: SharedV4Warning[];
  },
): unknown {
  // A copy keeps own properties only, so objects with a prototype of their
  // own (getters on a class) are validated as they are.
  if (!isPlainRecord(options)) {
    return options;
  }
  let respelled: Record<string, unknown> | undefined;
  for (const key of Object.keys(options)) {
    const nestedKeys = Object.hasOwn(nested, key) ? nested[key] : undefined;
    if (nestedKeys != null) {
      const value = respellCamelCaseKeys(options[key], {
        source: `${source}.${key}`,
        knownKeys: nestedKeys,
        warnings,
      });
      if (value !== options[key]) {
        respelled ??= { ...options };
        respelled[key] = value;
      }
      continue;
    }
    const spelled = Object.hasOwn(spellings, key) ? spellings[key] : undefined;
    if (
      spelled == null &&
      (!/[A-Z]/.test(key) || Object.hasOwn(knownKeys, key))
    ) {
      continue;
    }
    const snakeCase = spelled ?? toSnakeCase(key);
    if (!Object.hasOwn(knownKeys, snakeCase)) {
      warnings.push({
        type: 'other',
        message: `${source}.${key} is not an option this provider knows. It is sent as is, but OpenRouter's fields are snake_case, so OpenRouter will likely ignore it.`,
      });
      continue;
    }
    respelled ??= { ...options };
    if (options[snakeCase] === undefined) {
      respelled[snakeCase] = options[key];
    } else {
      warnings.push({
        type: 'other',
        message: `${source} sets both ${key} and ${snakeCase}; ${snakeCase} is used.`,
      });
    }
    delete respelled[key];
  }
  return respelled ?? options;
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

/**
 * A reader of one model kind's options: it builds `buildSchema` on first
 * use (schemas cost time to build, and most calls set no options), respells
 * camelCase keys (of `nested` objects too, such as the `provider` routing),
 * validates, and returns the parsed value, or undefined when there are no
 * options. An invalid value throws an `InvalidArgumentError` naming the
 * field.
 */
export function createOptionsReader(
  buildSchema: () => z.ZodObject,
  {
    nested,
    alsoKnown,
  }: {
    nested?: () => Record<string, object>;
    /** Keys respelled like the schema's, though the schema does not list them. */
    alsoKnown?: Record<string, unknown>;
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
      respellCamelCaseKeys(options, {
        source,
        knownKeys:
          alsoKnown != null ? { ...schema.shape, ...alsoKnown } : schema.shape,
        ...(nested != null ? { nested: nested() } : {}),
        warnings,
      }),
      source,
    ) as Record<string, unknown>;
  };
}
