/**
 * formatNumber: a number as a short, readable table cell, shared by the terminal table and the
 * HTML report so both show the same digits.
 */

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
