/** How a column's cells line up. */
export type ColumnAlignment = 'left' | 'right';

/** One column of a table: its heading and how to align it. */
export type TableColumn = { heading: string; align?: ColumnAlignment };

/**
 * An aligned plain-text table: a heading row, then one row per entry, columns
 * separated by two spaces. No borders or colours, so it reads well in any
 * terminal and still survives `grep` and `cut`.
 */
export function formatTable(columns: TableColumn[], rows: string[][]): string {
  const widths = columns.map((column, index) =>
    Math.max(column.heading.length, ...rows.map(row => row[index].length)),
  );
  const formatRow = (cells: string[]) =>
    cells
      .map((cell, index) =>
        columns[index].align === 'right'
          ? cell.padStart(widths[index])
          : cell.padEnd(widths[index]),
      )
      .join('  ')
      .trimEnd();
  return [
    formatRow(columns.map(column => column.heading)),
    ...rows.map(formatRow),
  ]
    .map(line => `${line}\n`)
    .join('');
}

/** Label–value lines with the values aligned, for single records. */
export function formatDetails(entries: [label: string, value: string][]) {
  const width = Math.max(...entries.map(([label]) => label.length));
  return entries
    .map(([label, value]) => `${label.padEnd(width)}  ${value}\n`)
    .join('');
}
