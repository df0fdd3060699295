import { ReplicationTable } from '../../src/aggregate/replication-table.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyFigures, REPLICATION_COLUMNS, SUMMARY_COLUMNS } from '../../src/aggregate/index.js';
import { parseReplicationsCsv, parseSummaryCsv, readRunOutput, toCsv, writeRunOutput } from '../../src/output/index.js';
import { keyFiguresFromTables } from '../../src/report/index.js';
import { copIds } from '../../src/scenario/schema.js';
import { smallRun, type SmallRun } from './fixtures.js';

let dir: string;
let run: SmallRun;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copsim-kf-'));
  run = await smallRun();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('keyFiguresFromTables', () => {
  // Bit-identical, not merely close: the per-run figures are read from replications.csv in
  // replication order and go through the same estimators as keyFigures, the final-week rates
  // are the summary's own mean and interval (computed by summarize from the same values in the
  // same order), and the CSV files keep every number in its shortest round-trip form.
  it('gives exactly what keyFigures gives, from the files a run wrote', async () => {
    await writeRunOutput(dir, run.output);
    const { summary, replications, manifest } = await readRunOutput(dir);
    const fromFiles = keyFiguresFromTables(summary, replications, copIds(manifest.scenario));
    expect(fromFiles).toEqual(keyFigures(run.collected));
    expect(fromFiles.map((f) => f.cop)).toEqual(['scrum-masters', 'ways-of-working']);
  });

  it('agrees on deaths too: the share of runs in which a CoP died and the median death week', async () => {
    const fizzling = await smallRun('bottom-up-unsupported', ['weeks=104', 'organisation.employees=300'], 8);
    const expected = keyFigures(fizzling.collected);
    // A precondition, not a result under test: without a death the comparison says little.
    expect(expected[0]?.deathShare).toBeGreaterThan(0);
    const summary = parseSummaryCsv(toCsv(fizzling.output.summary, SUMMARY_COLUMNS), 'summary.csv');
    const replications = parseReplicationsCsv(toCsv(fizzling.output.replications, REPLICATION_COLUMNS), 'replications.csv');
    expect(keyFiguresFromTables(summary, ReplicationTable.fromRows(replications), ['scrum-masters'])).toEqual(expected);
  });

  it('does not depend on the order of the rows', () => {
    const { summary, replications } = run.output;
    const ids = ['scrum-masters', 'ways-of-working'];
    const shuffled = keyFiguresFromTables([...summary].reverse(), ReplicationTable.fromRows(replications.rows().reverse()), ids);
    expect(shuffled).toEqual(keyFigures(run.collected));
  });

  it('follows the CoP order asked for, and refuses a CoP with no rows', () => {
    const { summary, replications } = run.output;
    const figures = keyFiguresFromTables(summary, replications, ['ways-of-working', 'scrum-masters']);
    expect(figures.map((f) => f.cop)).toEqual(['ways-of-working', 'scrum-masters']);
    expect(() => keyFiguresFromTables(summary, replications, ['nobody'])).toThrow(/no replication rows for CoP nobody/);
  });
});
