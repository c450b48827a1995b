import { describe, expect, it } from 'vitest';
import { formatDetails, formatTable } from './format-table';

describe('formatTable', () => {
  it('aligns columns, right-aligning numbers, without trailing spaces', () => {
    const table = formatTable(
      [
        { heading: 'MODEL' },
        { heading: 'PRICE', align: 'right' },
        { heading: 'NOTE' },
      ],
      [
        ['openai/gpt-4o-mini', '0.15', ''],
        ['x/y', '15.00', 'pricey'],
      ],
    );

    expect(table).toBe(
      [
        'MODEL               PRICE  NOTE',
        'openai/gpt-4o-mini   0.15',
        'x/y                 15.00  pricey',
        '',
      ].join('\n'),
    );
  });

  it('prints only the heading row for no rows', () => {
    expect(formatTable([{ heading: 'A' }, { heading: 'B' }], [])).toBe(
      'A  B\n',
    );
  });
});

describe('formatDetails', () => {
  it('aligns values after the longest label', () => {
    expect(
      formatDetails([
        ['Total credits', '$50.00'],
        ['Remaining', '$37.65'],
      ]),
    ).toBe('Total credits  $50.00\nRemaining      $37.65\n');
  });
});
