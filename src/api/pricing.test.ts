import { describe, expect, it } from 'vitest';
import { measureEventLoopBlocking } from '../../test/support/hostile-server';
import { mapPricing, parsePrice } from './pricing';

describe('parsePrice', () => {
  it.each([
    ['0.0000025', 0.0000025],
    [' 0.000003 ', 0.000003],
    ['0', 0],
    ['-1', -1],
    ['2.5e-6', 0.0000025],
    ['.5', 0.5],
    ['5.', 5],
    ['+1E3', 1000],
    [0.00001, 0.00001],
  ])('parses %j as %d', (value, expected) => {
    expect(parsePrice(value)).toBe(expected);
  });

  it.each([
    null,
    undefined,
    '',
    'free',
    'NaN',
    Number.NaN,
    {},
    '1,5',
    '.',
    '1e',
    '1.2.3',
    // Out of a double's range: Infinity would break every cost computed.
    '1e999',
    `${'9'.repeat(400)}`,
    Number.POSITIVE_INFINITY,
  ])('gives undefined for %j', value => {
    expect(parsePrice(value)).toBeUndefined();
  });

  it('rejects a megabyte of digits that is not a decimal in linear time', async () => {
    const { longestBlockMs } = await measureEventLoopBlocking(
      () => {
        for (const value of [
          `${'1'.repeat(1_000_000)}x`,
          `1.${'1'.repeat(1_000_000)}e`,
          `1e${'1'.repeat(1_000_000)}.`,
        ]) {
          expect(parsePrice(value)).toBeUndefined();
        }
      },
      { runs: 5 },
    );
    // The old pattern took two seconds for 30,000 digits.
    expect(longestBlockMs).toBeLessThan(200);
  });
});

describe('mapPricing', () => {
  it('camelCases and parses every price and leaves out null ones', () => {
    expect(
      mapPricing({
        prompt: '0.000003',
        completion: '0.000015',
        input_cache_read: '0.0000003',
        input_cache_write: '0.00000375',
        image_output: '0.00003',
        web_search: null,
        discount: 0,
        input_video: '0.00004',
      }),
    ).toStrictEqual({
      prompt: 0.000003,
      completion: 0.000015,
      inputCacheRead: 0.0000003,
      inputCacheWrite: 0.00000375,
      imageOutput: 0.00003,
      discount: 0,
      inputVideo: 0.00004,
    });
  });

  it('skips unknown fields that are not prices', () => {
    expect(
      mapPricing({ prompt: '1', completion: '2', currency: 'USD' }),
    ).toStrictEqual({ prompt: 1, completion: 2 });
  });
});
