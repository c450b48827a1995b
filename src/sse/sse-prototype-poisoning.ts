/**
 * Whether parsed JSON holds a key that could change an object's prototype
 * when a caller copies or merges it: an own `__proto__`, or an own
 * `constructor` object with a `prototype`. This is the rule of the AI SDK's
 * `secureJsonParse`. `text` is the JSON the value was parsed from; a key can
 * only spell `__proto__` or `prototype` if the text contains `proto` or a
 * `\u` escape, so the tree is walked only then.
 */
export function containsPrototypePoisoning(
  text: string,
  value: unknown,
): boolean {
  if (!text.includes('proto') && !text.includes('\\u')) {
    return false;
  }
  let level: unknown[] = [value];
  // Breadth first, without recursion, so deep nesting cannot overflow the
  // call stack.
  while (level.length > 0) {
    const next: unknown[] = [];
    for (const node of level) {
      if (typeof node !== 'object' || node === null) {
        continue;
      }
      if (Object.hasOwn(node, '__proto__')) {
        return true;
      }
      const ownConstructor = Object.hasOwn(node, 'constructor')
        ? (node as { constructor: unknown }).constructor
        : undefined;
      if (
        typeof ownConstructor === 'object' &&
        ownConstructor !== null &&
        Object.hasOwn(ownConstructor, 'prototype')
      ) {
        return true;
      }
      for (const child of Object.values(node)) {
        if (typeof child === 'object' && child !== null) {
          next.push(child);
        }
      }
    }
    level = next;
  }
  return false;
}
