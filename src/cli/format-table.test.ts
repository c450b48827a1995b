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

  it('makes API text safe before measuring it, so rows stay aligned and whole', () => {
    const table = formatTable(
      [{ heading: 'MODEL' }, { heading: 'N', align: 'right' }],
      [
        ['evil/\u001b]0;x\u0007id', '1'],
        ['two\nlines', '2'],
      ],
    );

    expect(table).toBe(
      ['MODEL        N', 'evil/]0;xid  1', 'two lines    2', ''].join('\n'),
    );
  });

  it('cuts a huge cell instead of padding every row to its width', () => {
    const table = formatTable(
      [{ heading: 'ID' }, { heading: 'N' }],
      [
        ['x'.repeat(1_000_000), '1'],
        ['short', '2'],
      ],
    );
    const [, huge, short] = table.split('\n');

    expect(huge).toBe(`${'x'.repeat(119)}…  1`);
    expect(short).toBe(`short${' '.repeat(115)}  2`);
  });

  it('shows less of a cell whose start is mostly controls, never more', () => {
    const [, row] = formatTable(
      [{ heading: 'ID' }],
      [[`${'\u001b'.repeat(10_000)}visible`]],
    ).split('\n');

    expect(row).toBe('…');
  });
});

describe('formatDetails', () => {
  it('makes values safe to print on their line', () => {
    expect(
      formatDetails([
        ['Label', '\u001b[2Jfake\nLimit  $1000'],
        ['Limit', 'none'],
      ]),
    ).toBe('Label  [2Jfake Limit  $1000\nLimit  none\n');
  });

  it('aligns values after the longest label', () => {
    expect(
      formatDetails([
        ['Total credits', '$50.00'],
        ['Remaining', '$37.65'],
      ]),
    ).toBe('Total credits  $50.00\nRemaining      $37.65\n');
  });
});
