import { toTerminalText } from './terminal-text';

/** How a column's cells line up. */
export type ColumnAlignment = 'left' | 'right';

/** One column of a table: its heading and how to align it. */
export type TableColumn = { heading: string; align?: ColumnAlignment };

// Every row is padded to the widest cell of its column, so one hostile cell
// of a megabyte would pad every row to a megabyte. Real ids, names and tags
// are far shorter; longer ones are cut, and `--json` still has them whole.
// Only a bounded prefix is read, so a huge cell costs no more than a long
// one; a prefix made mostly of stripped controls just shows less.
const MAX_CELL_LENGTH = 120;
const MAX_CELL_READ = MAX_CELL_LENGTH * 32;

/**
 * An aligned plain-text table: a heading row, then one row per entry, columns
 * separated by two spaces. No borders or colours, so it reads well in any
 * terminal and still survives `grep` and `cut`. Cells are API data, so each
 * is made safe to print (see `toTerminalText`) before it is measured.
 */
export function formatTable(columns: TableColumn[], rows: string[][]): string {
  const cells = rows.map(row => row.map(toTableCell));
  const widths = columns.map(column => column.heading.length);
  for (const row of cells) {
    row.forEach((cell, index) => {
      widths[index] = Math.max(widths[index], cell.length);
    });
  }
  const formatRow = (row: string[]) =>
    row
      .map((cell, index) =>
        columns[index].align === 'right'
          ? cell.padStart(widths[index])
          : cell.padEnd(widths[index]),
      )
      .join('  ')
      .trimEnd();
  return [
    formatRow(columns.map(column => column.heading)),
    ...cells.map(formatRow),
  ]
    .map(line => `${line}\n`)
    .join('');
}

/**
 * Label–value lines with the values aligned, for single records. Values are
 * made safe to print, so none can break its line or drive the terminal.
 */
export function formatDetails(entries: [label: string, value: string][]) {
  const width = Math.max(...entries.map(([label]) => label.length));
  return entries
    .map(
      ([label, value]) => `${label.padEnd(width)}  ${toTerminalText(value)}\n`,
    )
    .join('');
}

function toTableCell(value: string): string {
  const cell = toTerminalText(value.slice(0, MAX_CELL_READ));
  return cell.length > MAX_CELL_LENGTH || value.length > MAX_CELL_READ
    ? `${cell.slice(0, MAX_CELL_LENGTH - 1)}…`
    : cell;
}
