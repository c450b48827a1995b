import { describe, expect, it } from 'vitest';
import { stableStringify } from './stable-stringify';

describe('stableStringify', () => {
  it('gives the same text for the same value whatever the key order', () => {
    expect(
      stableStringify({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } }),
    ).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
    expect(
      stableStringify({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }),
    ).toBe(stableStringify({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } }));
  });

  it('handles primitives and undefined', () => {
    expect(stableStringify('text')).toBe('"text"');
    expect(stableStringify(undefined)).toBe('null');
  });
});
