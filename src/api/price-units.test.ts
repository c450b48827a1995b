import { describe, expect, it } from 'vitest';
import {
  fromPerMillionTokens,
  roundSignificant,
  toPerMillionTokens,
} from './price-units';

describe('per-million price helpers', () => {
  it.each([
    [0.000003, 3],
    [0.0000025, 2.5],
    [0.00000015, 0.15],
    [0.0000003833, 0.3833],
    [0, 0],
    [-1, -1_000_000],
  ])(
    'converts %d per token to %d per million tokens and back',
    (perToken, perMillion) => {
      expect(toPerMillionTokens(perToken)).toBe(perMillion);
      expect(fromPerMillionTokens(perMillion)).toBe(perToken);
    },
  );

  it('removes the binary noise of plain multiplication', () => {
    expect(0.00000079 * 1_000_000).not.toBe(0.79);
    expect(toPerMillionTokens(0.00000079)).toBe(0.79);
    expect(toPerMillionTokens(0.0000001)).toBe(0.1);
  });

  it('leaves non-finite values alone', () => {
    expect(roundSignificant(Number.POSITIVE_INFINITY)).toBe(
      Number.POSITIVE_INFINITY,
    );
    expect(roundSignificant(Number.NaN)).toBeNaN();
  });
});
