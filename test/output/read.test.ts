import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPLICATION_COLUMNS, SUMMARY_COLUMNS } from '../../src/aggregate/index.js';
import fc from 'fast-check';
import { csvFileRecords } from '../../src/output/read.js';
import {
  parseCsv,
  parseManifest,
  parseReplicationsCsv,
  parseSummaryCsv,
  readRunOutput,
  RunOutputError,
  serializeManifest,
  toCsv,
  writeRunOutput,
  type RunOutput,
} from '../../src/output/index.js';
import { smallRun } from '../report/fixtures.js';

let dir: string;
let output: RunOutput;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copsim-read-'));
  output = (await smallRun()).output;
  await writeRunOutput(join(dir, 'run'), output);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readRunOutput', () => {
  it('reads back exactly the rows and manifest that were written (numbers bit for bit, empty fields as NaN)', async () => {
    const read = await readRunOutput(join(dir, 'run'));
    // toEqual compares numbers with Object.is: bit-identical values, NaN equal to NaN.
    expect(read.summary).toEqual(output.summary);
    expect(read.replications).toEqual(output.replications);
    expect(read.manifest).toEqual(output.manifest);
    expect(read.replications.rows().some((r) => Number.isNaN(r.value))).toBe(true);
  });

  it('writes the same bytes again from what it read', async () => {
    const read = await readRunOutput(join(dir, 'run'));
    expect(toCsv(read.summary, SUMMARY_COLUMNS)).toBe(await readFile(join(dir, 'run', 'summary.csv'), 'utf8'));
    expect(toCsv(read.replications, REPLICATION_COLUMNS)).toBe(await readFile(join(dir, 'run', 'replications.csv'), 'utf8'));
    expect(serializeManifest(read.manifest)).toBe(await readFile(join(dir, 'run', 'manifest.json'), 'utf8'));
  });

  it('says which file is missing and what the folder should be', async () => {
    const empty = await mkdtemp(join(dir, 'empty-'));
    await writeFile(join(empty, 'manifest.json'), serializeManifest(output.manifest));
    const error = await readRunOutput(empty).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunOutputError);
    expect((error as Error).message).toBe(`no summary.csv in ${empty}: is this a copsim output folder (made by copsim run)?`);
    await expect(readRunOutput(join(dir, 'nowhere'))).rejects.toThrow(/no manifest\.json in .*nowhere: is this a copsim output folder/);
  });
});

describe('toCsv numbers read back bit-identically', () => {
  it('round-trips awkward doubles: tiny, huge, subnormal, long fractions, infinities', () => {
    const values = [0.1 + 0.2, 1 / 3, -2 / 7, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 1e21, 123456789.12345679, -1e-7, Math.PI, Infinity, -Infinity, NaN];
    const rows = values.map((value, replication) => ({ scenario: 's', replication, seed: 1, cop: 'c', metric: 'death_week' as const, value }));
    const back = parseReplicationsCsv(toCsv(rows, REPLICATION_COLUMNS), 'r.csv');
    expect(back).toEqual(rows);
  });
});

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and numbers their lines', () => {
    const rows = [{ scenario: 'a,"b"\nc', replication: 0, seed: 1, cop: 'x', metric: 'death_week' as const, value: 2 }];
    const text = toCsv([...rows, { ...rows[0]!, scenario: 'plain', replication: 1 }], REPLICATION_COLUMNS);
    const records = parseCsv(text, 'r.csv');
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(records[1]?.fields[0]).toBe('a,"b"\nc');
    expect(parseReplicationsCsv(text, 'r.csv')[0]).toEqual(rows[0]);
  });

  it('accepts CRLF line ends', () => {
    expect(parseCsv('a,b\r\n1,\r\n', 'f.csv').map((r) => r.fields)).toEqual([['a', 'b'], ['1', '']]);
  });

  it('refuses an unclosed quote, naming the line it opened on', () => {
    expect(() => parseCsv('a,b\n"x,1\n', 'f.csv')).toThrow('f.csv line 2: a quoted field is never closed');
  });

  it('reads a file a few bytes at a time into the records and lines of the whole text', async () => {
    // Quoted fields with line breaks, doubled quotes and commas; characters of 1 to 4 bytes in UTF-8, which pieces split.
    const field = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', '0', ' ', 'é', '€', '𝄞') }),
      fc.string({ unit: fc.constantFrom('a', '"', ',', '\n', '\r\n', 'é', '𝄞') }).map((t) => `"${t.replaceAll('"', '""')}"`),
    );
    const line = fc.array(field, { minLength: 1, maxLength: 4 }).map((fields) => fields.join(','));
    const text = fc.tuple(fc.array(line, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([lines, end, last]) => lines.join(end) + (last ? end : ''));
    const file = join(dir, 'pieces.csv');
    await fc.assert(
      fc.asyncProperty(text, fc.integer({ min: 1, max: 9 }), async (csv, chunk) => {
        await writeFile(file, csv);
        expect([...csvFileRecords(file, 'f.csv', chunk)]).toEqual(parseCsv(csv, 'f.csv'));
      }),
      { numRuns: 300, seed: 17 },
    );
    await writeFile(file, 'a,b\n1,2\n"x,1\n');
    expect(() => [...csvFileRecords(file, 'f.csv', 2)]).toThrow('f.csv line 3: a quoted field is never closed');
  });
});

describe('bad tables', () => {
  const header = SUMMARY_COLUMNS.join(',');
  const good = 's,c,0,members,3,1.5,0.5,1,2,1,1,1.5,2,2';

  it('names the file, line and column of a field that is not a number', () => {
    const text = `${header}\n${good}\n${good.replace('1.5,0.5', '1.5,abc')}\n`;
    expect(() => parseSummaryCsv(text, 'out/summary.csv')).toThrow(
      'out/summary.csv line 3, column sd: expected a number or an empty field, got "abc"',
    );
  });

  it('refuses a fractional week and an unknown metric', () => {
    expect(() => parseSummaryCsv(`${header}\n${good.replace(',0,', ',0.5,')}\n`, 'f')).toThrow('f line 2, column week: expected a whole number, got "0.5"');
    expect(() => parseSummaryCsv(`${header}\n${good.replace('members', 'memberz')}\n`, 'f')).toThrow(/f line 2, column metric: expected one of the weekly metrics \(members, /);
  });

  it('refuses a wrong header or a wrong number of fields', () => {
    expect(() => parseSummaryCsv('scenario,cop\n', 'f')).toThrow(`f line 1: expected the header ${header}, got scenario,cop`);
    expect(() => parseSummaryCsv(`${header}\ns,c\n`, 'f')).toThrow('f line 2: expected 14 fields');
    expect(() => parseSummaryCsv('', 'f')).toThrow('f is empty');
  });
});

describe('parseManifest', () => {
  it('names the field that is missing or of the wrong type', () => {
    const data = JSON.parse(serializeManifest(output.manifest)) as Record<string, unknown>;
    expect(() => parseManifest(JSON.stringify({ ...data, runs: '6' }), 'm.json')).toThrow('m.json, field runs: expected a whole number, got "6"');
    const { masterSeed: _, ...withoutSeed } = data;
    expect(() => parseManifest(JSON.stringify(withoutSeed), 'm.json')).toThrow('m.json, field masterSeed: expected a whole number, got nothing');
    expect(() => parseManifest(JSON.stringify({ ...data, seeds: { derivation: 'x', first: [1, 'a'] } }), 'm.json')).toThrow('m.json, field seeds.first');
  });

  it('validates the scenario and refuses text that is not JSON', () => {
    const data = JSON.parse(serializeManifest(output.manifest)) as { scenario: { weeks: unknown } };
    data.scenario.weeks = -1;
    expect(() => parseManifest(JSON.stringify(data), 'm.json')).toThrow(/^m\.json, field scenario\.weeks: /);
    expect(() => parseManifest('{ not json', 'm.json')).toThrow(/^m\.json is not valid JSON: /);
  });
});
