import { describe, expect, it } from 'vitest';
import { parseJsonWithoutPrototypeKeys } from './parse-json';

describe('parseJsonWithoutPrototypeKeys', () => {
  it('parses ordinary JSON unchanged', () => {
    expect(
      parseJsonWithoutPrototypeKeys('{"a":[1,{"b":"proto"}]}'),
    ).toStrictEqual({ a: [1, { b: 'proto' }] });
  });

  it('drops own __proto__ keys at any depth, spelled plainly or escaped', () => {
    const value = parseJsonWithoutPrototypeKeys(
      '{"__proto__":{"x":1},"a":[{"\\u005f_proto__":{"x":1},"keep":2}]}',
    ) as { a: Array<Record<string, unknown>> };

    expect(Object.hasOwn(value, '__proto__')).toBe(false);
    expect(Object.hasOwn(value.a[0], '__proto__')).toBe(false);
    expect(value.a[0].keep).toBe(2);
    expect(({} as { x?: unknown }).x).toBe(undefined);
  });

  it('drops a constructor that holds a prototype, keeps other constructors', () => {
    const value = parseJsonWithoutPrototypeKeys(
      '{"a":{"constructor":{"prototype":{"x":1}}},"b":{"constructor":"plain"}}',
    ) as Record<string, Record<string, unknown>>;

    expect(Object.hasOwn(value.a, 'constructor')).toBe(false);
    expect(value.b.constructor).toBe('plain');
  });

  it('walks deep nesting without overflowing the stack', () => {
    const depth = 100_000;
    const text = `${'['.repeat(depth)}{"__proto__":1}${']'.repeat(depth)}`;
    let parsed: unknown;
    try {
      parsed = parseJsonWithoutPrototypeKeys(text);
    } catch (error) {
      // V8's own parser may refuse such depth; then nothing was walked.
      expect(error).toBeInstanceOf(RangeError);
      return;
    }
    let node = parsed;
    while (Array.isArray(node)) {
      node = node[0];
    }
    expect(Object.hasOwn(node as object, '__proto__')).toBe(false);
  });

  it('throws a SyntaxError for text that is not JSON', () => {
    expect(() => parseJsonWithoutPrototypeKeys('{"a":')).toThrow(SyntaxError);
  });
});
