import { InvalidArgumentError } from '@ai-sdk/provider';

// Small checks for the options users pass to the utilities. Each failure is
// an InvalidArgumentError that names the method and the field, thrown before
// any request, so a wrong value never reaches OpenRouter as a vague 400.

function fail(
  method: string,
  field: string,
  expected: string,
  value: unknown,
): never {
  throw new InvalidArgumentError({
    argument: field,
    message: `${method}: ${field} must be ${expected}, got ${describe(value)}.`,
  });
}

function describe(value: unknown) {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return typeof value;
}

/** Options objects are optional, but when given must be objects. */
export function optionsObject(value: unknown, method: string) {
  if (value != null && (typeof value !== 'object' || Array.isArray(value))) {
    fail(method, 'options', 'an object', value);
  }
}

export function requiredString(
  value: unknown,
  field: string,
  method: string,
): string {
  if (typeof value !== 'string' || value.trim() === '') {
    fail(method, field, 'a non-empty string', value);
  }
  return value;
}

export function optionalString(
  value: unknown,
  field: string,
  method: string,
): string | undefined {
  return value == null ? undefined : requiredString(value, field, method);
}

export function optionalStringList(
  value: unknown,
  field: string,
  method: string,
): string[] | undefined {
  if (value == null) {
    return undefined;
  }
  const list = Array.isArray(value) ? value : [value];
  for (const item of list) {
    if (typeof item !== 'string' || item.trim() === '') {
      fail(method, field, 'a non-empty string or an array of them', value);
    }
  }
  return list.length === 0 ? undefined : (list as string[]);
}

export function optionalBoolean(
  value: unknown,
  field: string,
  method: string,
): boolean | undefined {
  if (value == null) {
    return undefined;
  }
  if (typeof value !== 'boolean') {
    fail(method, field, 'a boolean', value);
  }
  return value;
}

export function requiredNumber(
  value: unknown,
  field: string,
  method: string,
  { min, integer = false }: { min?: number; integer?: boolean } = {},
): number {
  const valid =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!integer || Number.isInteger(value)) &&
    (min == null || value >= min);
  if (!valid) {
    const kind = integer ? 'an integer' : 'a number';
    fail(
      method,
      field,
      min == null ? kind : `${kind} of at least ${min}`,
      value,
    );
  }
  return value as number;
}

export function optionalNumber(
  value: unknown,
  field: string,
  method: string,
  constraints?: { min?: number; integer?: boolean },
): number | undefined {
  return value == null
    ? undefined
    : requiredNumber(value, field, method, constraints);
}

export function optionalEnum<T extends string>(
  value: unknown,
  field: string,
  method: string,
  allowed: readonly T[],
): T | undefined {
  if (value == null) {
    return undefined;
  }
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    fail(
      method,
      field,
      `one of ${allowed.map(a => `'${a}'`).join(', ')}`,
      value,
    );
  }
  return value as T;
}
