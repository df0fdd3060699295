/**
 * series.parquet, read by an independent reader (DuckDB): one row per replication, CoP and
 * week, one column per weekly metric, whose means and counts are summary.csv's; the same bytes
 * whether the run kept its weekly values in memory or on disk, and for any number of workers.
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEEKLY_METRICS } from '../../dist/engine/result.js';
import { readRunOutput } from '../../dist/output/read.js';
import { run } from '../../dist/study/run.js';

let dir: string;
const runs = 7;
const weeks = 30;
const options = { scenario: 'two-cops-competing', runs, seed: 11, set: [`weeks=${weeks}`] };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copsim-parquet-'));
  await run({ ...options, workers: 2, out: join(dir, 'memory') });
  process.env['COPSIM_SPILL_ABOVE'] = '0';
  try {
    await run({ ...options, workers: 0, out: join(dir, 'disk') });
  } finally {
    delete process.env['COPSIM_SPILL_ABOVE'];
  }
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function query(sql: string): Promise<unknown[][]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRows();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('series.parquet', () => {
  it('has a row per replication, CoP and week, and a column per weekly metric', async () => {
    const file = join(dir, 'memory', 'series.parquet');
    const columns = await query(`select column_name from (describe select * from '${file}')`);
    expect(columns.map((row) => row[0])).toEqual(['replication', 'cop', 'week', ...WEEKLY_METRICS]);
    const [counts] = await query(
      `select count(*), count(distinct replication), min(replication), max(replication), count(distinct cop), min(week), max(week) from '${file}'`,
    );
    expect(counts!.map(Number)).toEqual([runs * 2 * weeks, runs, 0, runs - 1, 2, 0, weeks - 1]);
  });

  it('gives, for every CoP, metric and week, the n and mean of summary.csv', async () => {
    const file = join(dir, 'memory', 'series.parquet');
    const { summary } = await readRunOutput(join(dir, 'memory'));
    const selects = WEEKLY_METRICS.map((m) => `count("${m}") as "n_${m}", avg("${m}") as "mean_${m}"`).join(', ');
    const rows = await query(`select cop, week, ${selects} from '${file}' group by cop, week order by cop, week`);
    const byCell = new Map(rows.map((row) => [`${row[0]}/${row[1]}`, row]));
    let compared = 0;
    for (const s of summary) {
      const row = byCell.get(`${s.cop}/${s.week}`)!;
      const m = WEEKLY_METRICS.indexOf(s.metric);
      expect(Number(row[2 + 2 * m])).toBe(s.n);
      const mean = row[3 + 2 * m] as number | null;
      if (s.n === 0) expect(mean).toBeNull();
      // Only the order of summation differs between DuckDB and copsim: a few units in the last place.
      else expect(Math.abs((mean as number) - s.mean)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(s.mean)));
      compared++;
    }
    expect(compared).toBe(2 * WEEKLY_METRICS.length * weeks);
  });

  it('writes non-finite values as nulls and names its run in the footer', async () => {
    const file = join(dir, 'memory', 'series.parquet');
    const meta = await query(`select decode(key), decode(value) from parquet_kv_metadata('${file}') order by 1`);
    expect(Object.fromEntries(meta as [string, string][])).toEqual({
      'copsim.masterSeed': '11',
      'copsim.runs': String(runs),
      'copsim.scenario': 'two-cops-competing',
      'copsim.weeks': String(weeks),
    });
    const [nans] = await query(`select count(*) from '${file}' where isnan(participation_rate)`);
    expect(Number(nans![0])).toBe(0);
  });

  it('is the same bytes from weekly values kept on disk, on no worker thread', async () => {
    const a = await readFile(join(dir, 'memory', 'series.parquet'));
    const b = await readFile(join(dir, 'disk', 'series.parquet'));
    expect(b.equals(a)).toBe(true);
    const summaryA = await readFile(join(dir, 'memory', 'summary.csv'));
    expect((await readFile(join(dir, 'disk', 'summary.csv'))).equals(summaryA)).toBe(true);
  });
});
