/**
 * Plain-text tables for the terminal: columns padded to their widest cell, text left-aligned,
 * numbers right-aligned.
 */

/** A table cell: text, or a number formatted by `formatNumber`. */
export type Cell = string | number;

/**
 * A number as a short, readable cell: integers as is, others with three significant digits
 * below 1, two decimals above; NaN (empty) as "–".
 *
 * @example formatNumber(0.123456) // → '0.123'
 * @example formatNumber(1234.5678) // → '1234.57'
 */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return '–';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  if (Number.isInteger(value)) return String(value);
  const abs = Math.abs(value);
  const decimals = abs >= 1 ? 2 : Math.min(6, 2 - Math.floor(Math.log10(abs)));
  return String(Number(value.toFixed(decimals)));
}

/**
 * Lays out a header and rows as aligned text, two spaces between columns, one line per row,
 * ending with a newline.
 *
 * @example formatTable(['cop', 'members'], [['cop1', 12]])
 * // → 'cop   members\ncop1       12\n'
 */
export function formatTable(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const text = rows.map((row) => row.map((cell) => (typeof cell === 'number' ? formatNumber(cell) : cell)));
  const numeric = header.map((_, c) => rows.length > 0 && rows.every((row) => typeof row[c] === 'number'));
  const widths = header.map((title, c) => Math.max(title.length, ...text.map((row) => (row[c] ?? '').length)));
  const line = (cells: readonly string[], alignNumbers: boolean): string =>
    cells
      .map((cell, c) => {
        const width = widths[c] ?? cell.length;
        return alignNumbers && numeric[c] ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const headerLine = header
    .map((title, c) => (numeric[c] ? title.padStart(widths[c] ?? 0) : title.padEnd(widths[c] ?? 0)))
    .join('  ')
    .trimEnd();
  return [headerLine, ...text.map((row) => line(row, true))].join('\n') + '\n';
}
