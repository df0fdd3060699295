import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/output/index.js';

describe('toCsv', () => {
  it('writes a header, one line per row, and ends every line with \\n', () => {
    const text = toCsv([{ a: 1, b: 'x' }, { a: 2, b: 'y' }], ['a', 'b']);
    expect(text).toBe('a,b\n1,x\n2,y\n');
  });

  it('follows the column order given, not the object key order', () => {
    expect(toCsv([{ a: 1, b: 2 }], ['b', 'a'])).toBe('b,a\n2,1\n');
  });

  it('quotes fields with commas, quotes, CR or LF (RFC 4180) and only those', () => {
    const rows = [{ v: 'a,b' }, { v: 'say "hi"' }, { v: 'two\nlines' }, { v: 'cr\rhere' }, { v: 'plain text' }];
    expect(toCsv(rows, ['v'])).toBe('v\n"a,b"\n"say ""hi"""\n"two\nlines"\n"cr\rhere"\nplain text\n');
  });

  it('writes numbers in shortest round-trip form: integers stay integers', () => {
    const values = [3, -7, 0.1 + 0.2, 1 / 3, 1e21, 5e-324, 2846173710];
    const text = toCsv(values.map((v) => ({ v })), ['v']);
    const fields = text.split('\n').slice(1, -1);
    expect(fields.slice(0, 2)).toEqual(['3', '-7']);
    expect(fields.map(Number)).toEqual(values);
  });

  it('writes NaN, undefined and null as empty fields', () => {
    const rows = [{ a: Number.NaN, b: undefined, c: null, d: 0 }];
    expect(toCsv(rows, ['a', 'b', 'c', 'd'])).toBe('a,b,c,d\n,,,0\n');
  });

  it('writes just the header for no rows', () => {
    expect(toCsv([] as { a: number }[], ['a'])).toBe('a\n');
  });

  it('is deterministic', () => {
    const rows = Array.from({ length: 500 }, (_, i) => ({ i, x: Math.sqrt(i), s: `r,${i}` }));
    expect(toCsv(rows, ['i', 'x', 's'])).toBe(toCsv(rows.map((r) => ({ ...r })), ['i', 'x', 's']));
  });
});
