import { describe, expect, it } from 'vitest';
import { formatTable, TARGETS, targetsMet, toJson, type BenchReport } from '../../src/bench/report.js';

const one = (value: number) => ({ median: value, min: value, max: value, n: 1 });

function report(overrides: Partial<BenchReport> = {}): BenchReport {
  return {
    command: 'npm run bench',
    date: '2026-11-21',
    node: 'v20.20.2',
    cpus: 2,
    loadAverage: [0.5, 0.25, 0.125],
    quick: false,
    engine1k: { employees: 1000, weeks: 520, seconds: one(0.1), memberWeeksPerSecond: { median: 7e6, min: 6.5e6, max: 7.5e6, n: 5 } },
    engine10k: { employees: 10_000, weeks: 520, seconds: one(1), memberWeeksPerSecond: one(5.2e6) },
    engine100k: { employees: 100_000, weeks: 52, seconds: one(2), memberWeeksPerSecond: one(2.6e6) },
    speedup: { runs: 64, employees: 1000, weeks: 520, seconds1: one(10), seconds2: one(5.5), speedup2: 10 / 5.5 },
    smallBatches: { batches: 16, size: 8, employees: 1000, weeks: 52, oneBatch: one(2), keptPool: one(2.1), freshThreads: one(4.5), ratio: 2.1 / 2 },
    endToEnd: { runs: 1000, employees: 1000, weeks: 520, workers: 2, seconds: 70, filesSeconds: 2.5 },
    defaultRun: { runs: 200, employees: 1000, weeks: 156, workers: 2, seconds: 3.25, filesSeconds: 1.5 },
    ...overrides,
  };
}

describe('targetsMet', () => {
  it('holds the medians against the targets', () => {
    expect(targetsMet(report())).toEqual({ memberWeeksPerSecond: true, speedup2: true, endToEndSeconds: false, smallBatchRatio: true, peakMemoryMB: null });
  });

  it('holds the peak memory of every measured run to the bound, whatever the runs', () => {
    const figure = (runs: number, peakMB: number) => ({ runs, employees: 300, weeks: 4, workers: 2, peakMB, seconds: 1 });
    const at = (peaks: number[]) => targetsMet(report({ memory: peaks.map((p, i) => figure(10 ** (3 + i), p)) })).peakMemoryMB;
    expect(at([300, 320, TARGETS.peakMemoryMB])).toBe(true);
    expect(at([300, 320, TARGETS.peakMemoryMB + 1])).toBe(false);
    expect(formatTable(report({ memory: [figure(1000, TARGETS.peakMemoryMB + 1)] }))).toMatch(/peak memory of copsim run, 1,000 runs.*≤ 500 MB\s+✗/);
  });

  it('holds small batches on a kept pool to at most 10% over one batch', () => {
    const at = (ratio: number) => targetsMet(report({ smallBatches: { ...report().smallBatches, ratio } })).smallBatchRatio;
    expect(at(TARGETS.smallBatchRatio)).toBe(true);
    expect(at(TARGETS.smallBatchRatio + 0.01)).toBe(false);
  });

  it('fails throughput just below the target and passes it exactly at the target', () => {
    const at = (median: number) =>
      targetsMet(report({ engine1k: { ...report().engine1k, memberWeeksPerSecond: one(median) } })).memberWeeksPerSecond;
    expect(at(TARGETS.memberWeeksPerSecond)).toBe(true);
    expect(at(TARGETS.memberWeeksPerSecond - 1)).toBe(false);
  });

  it('has no verdict on a skipped end-to-end batch', () => {
    expect(targetsMet(report({ endToEnd: null })).endToEndSeconds).toBeNull();
  });

  it('has no verdict on the speed-up of a --quick batch, too small to compare with the target', () => {
    expect(targetsMet(report({ quick: true })).speedup2).toBeNull();
    expect(targetsMet(report({ quick: false })).speedup2).toBe(true);
  });
});

describe('formatTable, small batches', () => {
  it('shows one batch, the kept pool, fresh threads and the ratio against its target', () => {
    const table = formatTable(report());
    expect(table).toMatch(/128 runs × 1,000 employees × 52 weeks in one batch, 2 workers\s+2\.00 s/);
    expect(table).toMatch(/in 16 batches of 8 on one kept pool\s+2\.10 s/);
    expect(table).toMatch(/threads started per batch\s+4\.50 s/);
    expect(table).toMatch(/small batches on the kept pool ÷ one batch\s+1\.05\s+≤ 1\.1\s+✓/);
  });
});

describe('formatTable, default run', () => {
  it('shows the default run and the time spent writing files', () => {
    const table = formatTable(report());
    expect(table).toMatch(/default copsim run: baseline, 200 runs × 156 weeks, 2 workers\s+3\.25 s/);
    expect(table).toMatch(/of which writing tables, charts and report\s+1\.50 s/);
    expect(table).toMatch(/of which writing tables, charts and report\s+2\.50 s/);
  });
});

describe('toJson', () => {
  it('puts the headline figures at the top level', () => {
    const json = toJson(report());
    expect(json).toMatchObject({
      memberWeeksPerSecond: 7e6,
      memberWeeksPerSecond10k: 5.2e6,
      speedup2: 10 / 5.5,
      endToEndSeconds: 70,
      node: 'v20.20.2',
      cpus: 2,
    });
  });

  it('gives null seconds for a skipped end-to-end batch, and survives JSON.stringify', () => {
    const text = JSON.stringify(toJson(report({ endToEnd: null, quick: true })));
    expect(JSON.parse(text)).toMatchObject({ endToEndSeconds: null, quick: true });
  });
});

describe('formatTable', () => {
  const table = formatTable(report());

  it('names the machine and the command that reproduces it', () => {
    expect(table).toContain('Node v20.20.2, 2 CPUs, load average 0.50 0.25 0.13');
    expect(table).toContain('reproduce with: npm run bench');
  });

  it('marks a met target with ✓ and a missed one with ✗', () => {
    const line = (start: string) => table.split('\n').find((l) => l.startsWith(start)) ?? '';
    expect(line('engine, 1,000 employees')).toMatch(/7\.00 M .*✓$/);
    expect(line('speed-up')).toMatch(/1\.82 .*✓$/);
    expect(line('end-to-end')).toMatch(/70\.00 s .*✗$/);
    expect(line('engine, 10,000 employees')).not.toMatch(/[✓✗]/);
    expect(line('engine, 100,000 employees')).toMatch(/52 weeks/);
  });

  it('says when the end-to-end batch was skipped', () => {
    expect(formatTable(report({ endToEnd: null }))).toContain('skipped (--quick)');
  });

  it('prints the peak memory of each run and the merge time, and puts them in the JSON', () => {
    const memory = [
      { runs: 1000, employees: 300, weeks: 4, workers: 2, seconds: 9, peakMB: 216.9 },
      { runs: 10_000, employees: 300, weeks: 4, workers: 2, seconds: 60, peakMB: 336.3 },
    ];
    const merge = { shards: 100, runs: 200, employees: 300, weeks: 4, seconds: 4.62 };
    const text = formatTable(report({ memory, merge }));
    const line = (start: string) => text.split('\n').find((l) => l.startsWith(start)) ?? '';
    expect(line('peak memory of copsim run, 10,000 runs')).toMatch(/336 MB +≤ 500 MB +✓$/);
    expect(line('peak memory of copsim run, 1,000 runs')).toMatch(/217 MB +≤ 500 MB +✓$/);
    expect(line('merge of 100 shards')).toMatch(/4\.62 s$/);
    expect(toJson(report({ memory, merge }))).toMatchObject({ memory, merge });
    expect(formatTable(report())).not.toContain('peak memory');
  });
});
