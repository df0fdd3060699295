/**
 * toCsv: tidy rows to CSV text, with text cells that a spreadsheet would run as a formula
 * neutralised.
 */

/**
 * Text a spreadsheet would take for a formula (OWASP, CSV injection): it starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return, after any single quotes. Plain numbers (`-1.5`, `+2`,
 * `1e-3`) are not formulas and stay as they are.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A text cell made safe to open in a spreadsheet: prefixed with one single quote when it would
 * start a formula (`=1+1` → `'=1+1`); any other text, and plain numbers written as text, as it
 * is. `restoreText` undoes it exactly (a text that already starts with quotes before a formula
 * character gets one more, so the mapping is one to one).
 *
 * @example neutraliseText('=HYPERLINK("x")') // → `'=HYPERLINK("x")`
 * @example neutraliseText('-1') // → '-1'
 */
export function neutraliseText(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/**
 * The text `neutraliseText` was given, from what it returned.
 *
 * @example restoreText(`'=1+1`) // → '=1+1'
 */
export function restoreText(cell: string): string {
  return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/**
 * Formats `rows` as CSV with a header of `columns`, in that column order.
 *
 * - Text that would start a spreadsheet formula is prefixed with a single quote
 *   (`neutraliseText`); numbers are written as numbers, negative ones included.
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
export function toCsv<Row extends object>(table: Iterable<Row>, columns: readonly (keyof Row & string)[]): string {
  const rows: readonly Row[] = Array.isArray(table) ? table : [...table];
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

/**
 * The text of `toCsv(rows, columns)` in pieces of at most `chunkRows` rows each (the header
 * first, every piece ending with its newline), so that a large table is written without ever
 * holding its whole text: joined, the pieces are exactly `toCsv`'s bytes.
 *
 * @example [...csvChunks([{ n: 1 }, { n: 2 }], ['n'], 1)] // → ['n\n', '1\n', '2\n']
 */
export function* csvChunks<Row extends object>(
  rows: Iterable<Row>,
  columns: readonly (keyof Row & string)[],
  chunkRows = 8192,
): Generator<string> {
  yield `${columns.map(formatField).join(',')}\n`;
  const fields: string[] = new Array<string>(columns.length);
  let lines: string[] = [];
  for (const row of rows) {
    for (let c = 0; c < columns.length; c++) fields[c] = formatField(row[columns[c] as keyof Row]);
    lines.push(fields.join(','));
    if (lines.length === chunkRows) {
      lines.push('');
      yield lines.join('\n');
      lines = [];
    }
  }
  if (lines.length > 0) {
    lines.push('');
    yield lines.join('\n');
  }
}

/** One CSV field. */
function formatField(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isNaN(value) ? '' : String(value);
  const text = typeof value === 'string' ? neutraliseText(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
