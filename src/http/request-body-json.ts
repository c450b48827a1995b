/**
 * The JSON text of a request body, byte for byte what `JSON.stringify`
 * writes, except that the text of a tool schema marked with
 * `reuseJsonText` is written once per schema object and then reused.
 *
 * Why: an agent sends the same tools at every step, and their schemas are
 * most of a short call's body (10.7 of 15 KB with ten tools in the cost per
 * call benchmark). Serializing each schema once halves the CPU of
 * `JSON.stringify` there, which is most of the fixed cost of a call
 * (`npm run bench`, "Cost per call for agents"). The AI SDK hands over the
 * same schema object at every step when a tool's schema is a `jsonSchema()`
 * or `zodSchema()` value, or an MCP tool's; a bare zod schema is converted
 * again at every step, and is then serialized like any other value.
 */

// The JSON text of each object marked as never changing; `undefined` until
// it is first written.
const jsonTextOf = new WeakMap<object, string | undefined>();

/**
 * Marks `value` as never changing, so its JSON text may be computed once.
 * It is frozen, deeply, so that nothing (a middleware that edits the sent
 * body, say) can change it behind the stored text.
 */
export function reuseJsonText(value: object): void {
  if (!jsonTextOf.has(value)) {
    deepFreeze(value);
    jsonTextOf.set(value, undefined);
  }
}

/** `JSON.stringify(body)`, reusing the text of marked tool schemas. */
export function stringifyRequestBody(body: unknown): string {
  if (!isPlainObject(body) || !Array.isArray(body.tools)) {
    return JSON.stringify(body);
  }
  // One array of pieces and one `join`: the tools' text, most of the body,
  // is copied once.
  const pieces: string[] = [];
  for (const key of Object.keys(body)) {
    const value = body[key];
    const separator = pieces.length === 0 ? '{' : ',';
    if (key === 'tools' && Array.isArray(value) && !hasToJSON(value)) {
      pieces.push(separator, '"tools":[');
      for (const [index, tool] of value.entries()) {
        pieces.push(index === 0 ? '' : ',', stringifyTool(tool, index));
      }
      pieces.push(']');
      continue;
    }
    const valueText = stringifyProperty(key, value);
    if (valueText !== undefined) {
      pieces.push(separator, JSON.stringify(key), ':', valueText);
    }
  }
  pieces.push(pieces.length === 0 ? '{}' : '}');
  return pieces.join('');
}

// A chat tool holds its schema in `function.parameters`; a Responses tool,
// flat, in `parameters`. The text of the whole tool is kept with a copy of
// what it was written from, because writing a tool's few other fields
// costs, entry by entry, about as much as the schema.
function stringifyTool(tool: unknown, index: number): string {
  if (!isPlainObject(tool)) {
    // `JSON.stringify` writes `null` for an element it cannot write.
    return stringifyProperty(String(index), tool) ?? 'null';
  }
  const inner = tool.function;
  const schema = isPlainObject(inner) ? inner.parameters : tool.parameters;
  if (
    typeof schema !== 'object' ||
    schema === null ||
    !jsonTextOf.has(schema)
  ) {
    return JSON.stringify(tool);
  }
  const written = writtenTools.get(schema);
  if (written != null && equalExceptSchema(tool, written.tool, schema)) {
    return written.text;
  }
  const text = stringifyEntries(tool, (key, value) => {
    if (key === 'parameters') {
      return stringifyMarked(key, value);
    }
    if (key === 'function' && isPlainObject(value)) {
      return stringifyEntries(value, (innerKey, innerValue) =>
        innerKey === 'parameters'
          ? stringifyMarked(innerKey, innerValue)
          : stringifyProperty(innerKey, innerValue),
      );
    }
    return stringifyProperty(key, value);
  });
  writtenTools.set(schema, { tool: copyExceptSchema(tool, schema), text });
  return text;
}

// The last tool written with each marked schema: a copy of it (the schema
// kept by reference) and its text.
const writtenTools = new WeakMap<object, { tool: unknown; text: string }>();

const UNCOPIED = Symbol('uncopied');

/** Deep equality, with `schema` compared by identity. */
function equalExceptSchema(
  value: unknown,
  copy: unknown,
  schema: object,
): boolean {
  if (copy === UNCOPIED) {
    return false;
  }
  if (value === copy) {
    return true;
  }
  if (value === schema || copy === schema) {
    return false;
  }
  // A `toJSON` given to an object since it was copied decides its text.
  if (typeof value !== 'object' || value === null || 'toJSON' in value) {
    return false;
  }
  if (Array.isArray(value)) {
    if (!Array.isArray(copy) || value.length !== copy.length) {
      return false;
    }
    // Index by index: `every` would skip a hole left by `delete`, which is
    // written as `null`.
    for (let index = 0; index < value.length; index++) {
      if (!equalExceptSchema(value[index], copy[index], schema)) {
        return false;
      }
    }
    return true;
  }
  // A copy holds no class instance (see `copyExceptSchema`), so an object
  // equals it only if it is plain too.
  if (
    typeof copy !== 'object' ||
    copy === null ||
    Array.isArray(copy) ||
    Object.getPrototypeOf(value) !== Object.prototype
  ) {
    return false;
  }
  const keys = Object.keys(value);
  const copyKeys = Object.keys(copy);
  return (
    keys.length === copyKeys.length &&
    keys.every(
      (key, index) =>
        key === copyKeys[index] &&
        equalExceptSchema(
          (value as Record<string, unknown>)[key],
          (copy as Record<string, unknown>)[key],
          schema,
        ),
    )
  );
}

function copyExceptSchema(value: unknown, schema: object): unknown {
  if (value === schema) {
    return schema;
  }
  if (typeof value === 'function' || typeof value === 'bigint') {
    // Written through a `toJSON`, if at all, which may change.
    return UNCOPIED;
  }
  if (Array.isArray(value) && !hasToJSON(value)) {
    return Array.from(value, item => copyExceptSchema(item, schema));
  }
  if (typeof value === 'object' && value !== null && !isPlainObject(value)) {
    // A class instance (a `Date`, say) may change behind its reference, so
    // a tool holding one is never taken as unchanged.
    return UNCOPIED;
  }
  if (!isPlainObject(value)) {
    return value;
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    copy[key] = copyExceptSchema(value[key], schema);
  }
  return copy;
}

function stringifyMarked(key: string, value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !jsonTextOf.has(value)) {
    return stringifyProperty(key, value);
  }
  let text = jsonTextOf.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    jsonTextOf.set(value, text);
  }
  return text;
}

/**
 * The text of `value` as `JSON.stringify` writes it under `key`, or
 * undefined when it leaves the entry out. A `toJSON` is passed the key it
 * is written under (`Date`'s ignores it, a custom one may not), which
 * `JSON.stringify(value)` alone would give as `''`.
 */
function stringifyProperty(key: string, value: unknown): string | undefined {
  if (!hasToJSON(value)) {
    return JSON.stringify(value);
  }
  const text = JSON.stringify({ [key]: value });
  return text === '{}'
    ? undefined
    : text.slice(JSON.stringify(key).length + 2, -1);
}

// What `JSON.stringify` asks for a `toJSON`: objects, functions and BigInts.
function hasToJSON(value: unknown): boolean {
  return (
    ((typeof value === 'object' && value !== null) ||
      typeof value === 'function' ||
      typeof value === 'bigint') &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  );
}

/**
 * An object's entries as `JSON.stringify` writes them: own enumerable keys
 * in order, entries whose value has no JSON text (undefined, a function)
 * left out.
 */
function stringifyEntries(
  object: Record<string, unknown>,
  stringifyEntryValue: (key: string, value: unknown) => string | undefined,
): string {
  const entries: string[] = [];
  for (const key of Object.keys(object)) {
    const valueText = stringifyEntryValue(key, object[key]);
    if (valueText !== undefined) {
      entries.push(`${JSON.stringify(key)}:${valueText}`);
    }
  }
  // `join` writes one flat string; text built with `+` or a template stays
  // a tree of pieces that every later join of a reused text walks again.
  return ['{', entries.join(','), '}'].join('');
}

// Only plain objects are written entry by entry: anything else (a class
// instance, an object with `toJSON`) is left to `JSON.stringify`.
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const prototype = Object.getPrototypeOf(value);
  return (
    (prototype === Object.prototype || prototype === null) &&
    !('toJSON' in value)
  );
}

function deepFreeze(value: unknown) {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) {
    return;
  }
  Object.freeze(value);
  for (const key of Object.keys(value)) {
    deepFreeze((value as Record<string, unknown>)[key]);
  }
}
