const PROTO_KEY = '__proto__';
const CONSTRUCTOR_KEY = 'constructor';

/**
 * Parses a response body as JSON and drops the keys that could change an
 * object's prototype when a caller copies or merges the result: every own
 * `__proto__`, and every own `constructor` holding a `prototype`.
 *
 * The AI SDK's `secureJsonParse` throws on such keys instead. For a body
 * that is otherwise a valid answer that turns one odd key into a failed,
 * retried (and paid for) request, so here the key is dropped and the answer
 * kept. Throws a `SyntaxError` only when the text is not JSON.
 */
export function parseJsonWithoutPrototypeKeys(text: string): unknown {
  const value: unknown = JSON.parse(text);
  // A key can only spell `__proto__` or `prototype` if the text contains
  // one of them or a `\u` escape, so most bodies are not walked at all.
  if (
    !text.includes('__proto__') &&
    !text.includes('prototype') &&
    !text.includes('\\u')
  ) {
    return value;
  }
  const pending: unknown[] = [value];
  // Depth first with a stack of its own, so deep nesting cannot overflow
  // the call stack.
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node !== 'object' || node === null) {
      continue;
    }
    if (Object.hasOwn(node, '__proto__')) {
      delete (node as Record<string, unknown>)[PROTO_KEY];
    }
    if (Object.hasOwn(node, 'constructor')) {
      const ownConstructor = (node as { constructor: unknown }).constructor;
      if (
        typeof ownConstructor === 'object' &&
        ownConstructor !== null &&
        Object.hasOwn(ownConstructor, 'prototype')
      ) {
        delete (node as Record<string, unknown>)[CONSTRUCTOR_KEY];
      }
    }
    for (const child of Object.values(node)) {
      if (typeof child === 'object' && child !== null) {
        pending.push(child);
      }
    }
  }
  return value;
}
