/**
 * toCsv: tidy rows to CSV text.
 */

/**
 * Formats `rows` as CSV with a header of `columns`, in that column order.
 *
 * - Fields are quoted per RFC 4180 only where needed (a comma, double quote, CR or LF inside);
 *   quotes are doubled.
 * - Lines end with `\n`, the last one included.
 * - Numbers are written in their shortest round-trip form (`String(x)`), so integers stay
 *   integers and a value read back is bit-identical; NaN, `undefined` and `null` give an empty
 *   field (R and pandas read it as missing).
 * - Deterministic: the same rows give the same bytes.
 *
 * The text is built as an array of lines joined once, which stays linear for large tables.
 *
 * @example toCsv([{ cop: 'a,b', n: 3, mean: NaN }], ['cop', 'n', 'mean'])
 * // → 'cop,n,mean\n"a,b",3,\n'
 */
export function toCsv<Row extends object>(rows: readonly Row[], columns: readonly (keyof Row & string)[]): string {
  const lines: string[] = new Array<string>(rows.length + 2);
  lines[0] = columns.map(formatField).join(',');
  const fields: string[] = new Array<string>(columns.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as Row;
    for (let c = 0; c < columns.length; c++) fields[c] = formatField(row[columns[c] as keyof Row]);
    lines[r + 1] = fields.join(',');
  }
  lines[rows.length + 1] = '';
  return lines.join('\n');
}

/** One CSV field. */
function formatField(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isNaN(value) ? '' : String(value);
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
