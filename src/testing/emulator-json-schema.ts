import { isRecord } from '@ai-sdk/provider-utils';
import {
  EmulatorRequestError,
  MAX_SYNTHESIZED_CHARACTERS,
  requireIntegerInRange,
  SCHEMA_MIN_ITEMS_RANGE,
  SCHEMA_MIN_LENGTH_RANGE,
} from './emulator-limits';

/**
 * What the emulated model "knows" when it fills in a schema: the user's
 * words, which go into the first free-text field, and named values (from a
 * tool result), which fill the properties of the same name.
 */
export type SchemaHint = {
  text: string;
  values?: Record<string, unknown> | undefined;
};

/**
 * Makes a deterministic value that satisfies a JSON schema: the emulator's
 * stand-in for a model filling in tool arguments or a structured answer.
 */
export function synthesizeFromSchema(schema: unknown, hint: SchemaHint) {
  return synthesize(
    schema,
    { ...hint, textUsed: false, written: 0 },
    undefined,
    0,
  );
}

type SynthesisState = SchemaHint & {
  textUsed: boolean;
  /** Characters of JSON made so far, not counting the user's own text. */
  written: number;
};

/**
 * Counts `characters` against {@link MAX_SYNTHESIZED_CHARACTERS}: a schema
 * may repeat a value (a `const`, `minItems` of nested arrays) far beyond
 * the size of the request.
 */
function spend(hint: SynthesisState, characters: number) {
  hint.written += characters;
  if (hint.written > MAX_SYNTHESIZED_CHARACTERS) {
    throw new EmulatorRequestError(
      400,
      `Invalid JSON schema: the emulator makes at most ${MAX_SYNTHESIZED_CHARACTERS} characters of JSON for one schema, and its minItems, minLength or repeated values ask for more`,
    );
  }
}

/** `value`, once its size in JSON is counted. */
function charge<T>(hint: SynthesisState, value: T): T {
  spend(
    hint,
    typeof value === 'string'
      ? value.length
      : typeof value === 'object' && value !== null
        ? (JSON.stringify(value)?.length ?? 0)
        : 8,
  );
  return value;
}

function synthesize(
  schema: unknown,
  hint: SynthesisState,
  propertyName: string | undefined,
  depth: number,
): unknown {
  if (!isRecord(schema) || depth > 8) {
    return null;
  }
  if (schema.const !== undefined) {
    return charge(hint, schema.const);
  }
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    return charge(hint, schema.enum[0]);
  }
  if (schema.default !== undefined) {
    return charge(hint, schema.default);
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) {
      const firstNonNull = options.find(
        option => !(isRecord(option) && option.type === 'null'),
      );
      return synthesize(
        firstNonNull ?? options[0],
        hint,
        propertyName,
        depth + 1,
      );
    }
  }

  const type = Array.isArray(schema.type)
    ? schema.type.find(candidate => candidate !== 'null')
    : schema.type;

  const known = propertyName != null ? hint.values?.[propertyName] : undefined;
  if (known !== undefined && matchesType(known, type)) {
    return charge(hint, known);
  }

  switch (type) {
    case 'string':
      return synthesizeString(schema, hint, propertyName);
    case 'integer':
      return charge(hint, clampNumber(schema, 3));
    case 'number':
      return charge(hint, clampNumber(schema, 21.5));
    case 'boolean':
      return charge(hint, true);
    case 'null':
      return charge(hint, null);
    case 'array': {
      const minItems =
        typeof schema.minItems === 'number'
          ? requireIntegerInRange(
              'minItems in a JSON schema',
              schema.minItems,
              SCHEMA_MIN_ITEMS_RANGE,
            )
          : 1;
      const items: unknown[] = [];
      for (let index = 0; index < Math.max(1, minItems); index++) {
        charge(hint, ',');
        items.push(synthesize(schema.items, hint, undefined, depth + 1));
      }
      return items;
    }
    default: {
      const properties = isRecord(schema.properties) ? schema.properties : {};
      const result: Record<string, unknown> = {};
      for (const [name, propertySchema] of Object.entries(properties)) {
        charge(hint, name);
        result[name] = synthesize(propertySchema, hint, name, depth + 1);
      }
      return result;
    }
  }
}

function matchesType(value: unknown, type: unknown) {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return false;
  }
}

function synthesizeString(
  schema: Record<string, unknown>,
  hint: SynthesisState,
  propertyName: string | undefined,
) {
  switch (schema.format) {
    case 'date':
      return '2026-01-01';
    case 'date-time':
      return '2026-01-01T00:00:00Z';
    case 'email':
      return 'someone@example.com';
    case 'uri':
    case 'url':
      return 'https://example.com';
  }
  let value: string;
  // The user's words are used once and are as long as the request, so
  // they do not count against the limit; everything repeatable does.
  if (!hint.textUsed && hint.text.trim() !== '') {
    hint.textUsed = true;
    value = hint.text.trim();
  } else {
    value = charge(hint, propertyName ?? 'example');
  }
  if (typeof schema.maxLength === 'number') {
    value = value.slice(0, schema.maxLength);
  }
  if (typeof schema.minLength === 'number') {
    const minLength = requireIntegerInRange(
      'minLength in a JSON schema',
      schema.minLength,
      SCHEMA_MIN_LENGTH_RANGE,
    );
    if (value.length < minLength) {
      spend(hint, minLength - value.length);
      value = value.padEnd(minLength, 'x');
    }
  }
  return value;
}

function clampNumber(schema: Record<string, unknown>, preferred: number) {
  let value = preferred;
  if (typeof schema.minimum === 'number' && value < schema.minimum) {
    value = schema.minimum;
  }
  if (typeof schema.maximum === 'number' && value > schema.maximum) {
    value = schema.maximum;
  }
  return schema.type === 'integer' ? Math.round(value) : value;
}
