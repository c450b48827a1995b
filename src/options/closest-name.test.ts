import { describe, expect, it } from 'vitest';
import { boundedEditDistance, closestName } from './closest-name';

const ROUTING_KEYS = [
  'order',
  'allow_fallbacks',
  'require_parameters',
  'data_collection',
  'zdr',
  'only',
  'ignore',
  'sort',
];

describe('closestName', () => {
  it.each([
    ['data_colection', 'data_collection'], // a letter missing
    ['allow_fallback', 'allow_fallbacks'],
    ['requrie_parameters', 'require_parameters'], // two letters swapped
    ['Data-Collection', 'data_collection'], // case and separators
    ['dataCollection', 'data_collection'],
    ['zrd', 'zdr'], // a swap counts as one edit, even in a short name
    ['ordr', 'order'],
  ])('%s → %s', (name, expected) => {
    expect(closestName(name, ROUTING_KEYS)).toBe(expected);
  });

  it.each([
    'preferred_region', // nothing near
    'xyz', // three letters, all different
    'or', // two letters are never guessed at
    'data_colection_policy', // three edits from the nearest
  ])('suggests nothing for %s', name => {
    expect(closestName(name, ROUTING_KEYS)).toBeUndefined();
  });

  it('prefers the nearer of two candidates', () => {
    expect(closestName('top_b', ['top_p', 'stop_b'])).toBe('top_p');
    expect(closestName('max_token', ['max_tokens', 'max_tokenss'])).toBe(
      'max_tokens',
    );
  });

  it('never compares names longer than any field, however many', () => {
    const hostile = 'a'.repeat(1_000_000);
    const candidates = Array.from({ length: 10_000 }, () => hostile);

    const started = performance.now();
    expect(closestName(hostile, ['order'])).toBeUndefined();
    expect(closestName('order', candidates)).toBeUndefined();
    // Unbounded, the second call would fill 1e4 tables of 5 × 1e6 cells:
    // minutes. Bounded, both take microseconds; the limit allows for a busy
    // machine.
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('boundedEditDistance', () => {
  it.each([
    ['kitten', 'sitting', 3, 3],
    ['kitten', 'sitting', 2, 3], // over the limit: limit + 1
    ['abcd', 'acbd', 2, 1], // a swap
    ['', 'abc', 3, 3],
    ['same', 'same', 0, 0],
    ['abcdef', 'a', 2, 3], // lengths too far apart
  ])('%s → %s within %i is %i', (a, b, limit, expected) => {
    expect(boundedEditDistance(a, b, limit)).toBe(expected);
  });

  it('agrees with the full table wherever the distance is within the limit', () => {
    const words = [
      'order',
      'ordre',
      'odrer',
      'orders',
      'rder',
      'border',
      'oder',
    ];
    for (const a of words) {
      for (const b of words) {
        const full = fullDistance(a, b);
        for (const limit of [0, 1, 2, 3]) {
          expect(boundedEditDistance(a, b, limit), `${a} ${b} ${limit}`).toBe(
            Math.min(full, limit + 1),
          );
        }
      }
    }
  });
});

/** The textbook optimal-string-alignment table, filled in full. */
function fullDistance(a: string, b: string): number {
  const table = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) =>
      i === 0 ? j : j === 0 ? i : 0,
    ),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      table[i][j] = Math.min(
        table[i - 1][j] + 1,
        table[i][j - 1] + 1,
        table[i - 1][j - 1] + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        table[i][j] = Math.min(table[i][j], table[i - 2][j - 2] + 1);
      }
    }
  }
  return table[a.length][b.length];
}
