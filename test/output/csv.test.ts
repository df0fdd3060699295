import { describe, expect, it } from 'vitest';
import { csvChunks, neutraliseText, restoreText } from '../../src/output/csv.js';
import { parseCsv, toCsv } from '../../src/output/index.js';

describe('csvChunks', () => {
  it('gives toCsv\'s bytes in pieces of at most the rows asked for, the header first', () => {
    const rows = Array.from({ length: 23 }, (_, i) => ({ i, text: i % 5 === 0 ? `a,"${i}"` : `=x${i}`, v: i % 7 === 0 ? Number.NaN : i / 3 }));
    for (const size of [1, 4, 23, 100]) {
      const pieces = [...csvChunks(rows, ['i', 'text', 'v'], size)];
      expect(pieces.join('')).toBe(toCsv(rows, ['i', 'text', 'v']));
      expect(pieces).toHaveLength(1 + Math.ceil(23 / size));
      for (const piece of pieces.slice(1)) expect(piece.split('\n').length - 1).toBeLessThanOrEqual(size);
    }
    expect([...csvChunks([], ['a'])].join('')).toBe(toCsv([], ['a']));
  });
});

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

describe('text that a spreadsheet would run as a formula', () => {
  it('is prefixed with a single quote, whatever the quoting', () => {
    const payloads = ['=1+1', '+1+1', '-1+1', '@SUM(1,1)', '\t=1+1', '\r=1+1', "=cmd|' /C calc'!A0", '=HYPERLINK("http://x","click")', "'=1+1"];
    const text = toCsv(payloads.map((v) => ({ v })), ['v']);
    expect(text).toBe(
      'v\n\'=1+1\n\'+1+1\n\'-1+1\n"\'@SUM(1,1)"\n\'\t=1+1\n"\'\r=1+1"\n\'=cmd|\' /C calc\'!A0\n"\'=HYPERLINK(""http://x"",""click"")"\n\'\'=1+1\n',
    );
    // Every cell of the output starts with something a spreadsheet shows as text.
    const cells = parseCsv(text, 'f.csv').slice(1).map((r) => r.fields[0] as string);
    expect(cells.every((c) => c.startsWith("'"))).toBe(true);
    expect(cells.map(restoreText)).toEqual(payloads);
  });

  it('leaves numbers, negative ones included, and ordinary text alone', () => {
    const rows = [{ n: -1.5, t: '-1.5' }, { n: -7, t: '+2' }, { n: -Infinity, t: '1e-3' }, { n: 0, t: 'mandate lifted' }, { n: 1, t: "it's" }, { n: 2, t: 'a=b' }];
    expect(toCsv(rows, ['n', 't'])).toBe("n,t\n-1.5,-1.5\n-7,+2\n-Infinity,1e-3\n0,mandate lifted\n1,it's\n2,a=b\n");
    for (const text of ['-1.5', '+2', "it's", 'a=b', '']) expect(restoreText(neutraliseText(text))).toBe(text);
  });
});
