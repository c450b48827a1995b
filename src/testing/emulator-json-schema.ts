/**
 * What the emulated model "knows" when it fills in a schema: the user's
 * words, which go into the first free-text field, and named values (from a
 * tool result), which fill the properties of the same name.
 */
export type SchemaHint = {
  text: string;
  values?: Record<string, unknown>;
};

/**
 * Makes a deterministic value that satisfies a JSON schema: the emulator's
 * stand-in for a model filling in tool arguments or a structured answer.
 */
export function synthesizeFromSchema(schema: unknown, hint: SchemaHint) {
  return synthesize(schema, { ...hint, textUsed: false }, undefined, 0);
}

type SynthesisState = SchemaHint & { textUsed: boolean };

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
    return schema.const;
  }
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    return schema.enum[0];
  }
  if (schema.default !== undefined) {
    return schema.default;
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
    return known;
  }

  switch (type) {
    case 'string':
      return synthesizeString(schema, hint, propertyName);
    case 'integer':
      return clampNumber(schema, 3);
    case 'number':
      return clampNumber(schema, 21.5);
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array': {
      const minItems =
        typeof schema.minItems === 'number' ? schema.minItems : 1;
      return Array.from({ length: Math.max(1, minItems) }, () =>
        synthesize(schema.items, hint, undefined, depth + 1),
      );
    }
    default: {
      const properties = isRecord(schema.properties) ? schema.properties : {};
      const result: Record<string, unknown> = {};
      for (const [name, propertySchema] of Object.entries(properties)) {
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
  if (!hint.textUsed && hint.text.trim() !== '') {
    hint.textUsed = true;
    value = hint.text.trim();
  } else {
    value = propertyName ?? 'example';
  }
  if (typeof schema.maxLength === 'number') {
    value = value.slice(0, schema.maxLength);
  }
  if (typeof schema.minLength === 'number' && value.length < schema.minLength) {
    value = value.padEnd(schema.minLength, 'x');
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
