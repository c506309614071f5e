/** One column of a table: its header and how a row shows in it. */
export interface Column<T> {
  readonly header: string;
  readonly value: (row: T) => string;
}

/** Rows as aligned text lines, headers first; the last column is never padded. */
export function formatTable<T>(columns: readonly Column<T>[], rows: readonly T[]): string[] {
  const cells = [columns.map((column) => column.header)];
  for (const row of rows) cells.push(columns.map((column) => oneLine(column.value(row))));
  const widths = columns.map((_, index) => Math.max(...cells.map((line) => width(line[index]))));
  return cells.map((line) => padLine(line, widths));
}

function padLine(line: readonly string[], widths: readonly number[]): string {
  const last = line.length - 1;
  return line
    .map((cell, index) => (index === last ? cell : cell.padEnd(widths[index] ?? 0)))
    .join('  ')
    .trimEnd();
}

function width(cell: string | undefined): number {
  // Code points, not UTF-16 units, so arrows and accents count as one column.
  return cell === undefined ? 0 : Array.from(cell).length;
}

// A newline inside a cell would break the alignment of every row after it.
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}
