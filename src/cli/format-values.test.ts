import { describe, expect, it } from 'vitest';
import {
  formatBoolean,
  formatCount,
  formatEndpointStatus,
  formatMilliseconds,
  formatPricePerMillion,
  formatUnixDay,
  formatUsd,
} from './format-values';

describe('formatPricePerMillion', () => {
  it.each([
    [0.00000015, '0.15'],
    [0.0000006, '0.60'],
    [0.000015, '15.00'],
    [0.00000079, '0.79'],
    [0.000000075, '0.075'],
    [0.0000003833, '0.3833'],
    [0, 'free'],
    [-1, 'varies'],
    [undefined, '-'],
  ])('shows %d per token as %s', (price, expected) => {
    expect(formatPricePerMillion(price)).toBe(expected);
  });
});

describe('formatUsd', () => {
  it.each([
    [50, '$50.00'],
    [12.345, '$12.35'],
    [0.0078, '$0.0078'],
    [0.00000123456789, '$0.00000123457'],
    [0, '$0.00'],
    [-2.5, '$-2.50'],
    [null, '-'],
  ])('shows %d as %s', (value, expected) => {
    expect(formatUsd(value)).toBe(expected);
  });
});

describe('other values', () => {
  it('formats counts, booleans and days', () => {
    expect(formatCount(1_048_576)).toBe('1,048,576');
    expect(formatCount(null)).toBe('-');
    expect(formatBoolean(true)).toBe('yes');
    expect(formatBoolean(false)).toBe('no');
    expect(formatBoolean(null)).toBe('-');
    expect(formatUnixDay(1_759_161_676)).toBe('2025-09-29');
    expect(formatUnixDay(null)).toBe('-');
  });
});

describe('units and words', () => {
  it('shows milliseconds with their unit', () => {
    expect(formatMilliseconds(1840)).toBe('1,840 ms');
    expect(formatMilliseconds(0)).toBe('0 ms');
    expect(formatMilliseconds(null)).toBe('-');
  });

  it.each([
    [0, 'ok'],
    [-1, 'degraded (-1)'],
    [-2, 'degraded (-2)'],
    [-10, 'degraded (-10)'],
    [3, 'unknown (3)'],
    [null, '-'],
  ])('shows endpoint status %s as %s', (status, expected) => {
    expect(formatEndpointStatus(status)).toBe(expected);
  });
});
