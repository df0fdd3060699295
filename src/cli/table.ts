/**
 * Plain-text tables for the terminal: columns padded to their widest cell, text left-aligned,
 * numbers right-aligned.
 */

import { formatNumber } from '../report/format-number.js';

// Shared with the HTML report, which shows the same digits.
export { formatNumber };

/** A table cell: text, or a number formatted by `formatNumber`. */
export type Cell = string | number;

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
