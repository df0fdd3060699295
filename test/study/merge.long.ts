/**
 * Shards and merge: a run cut into shards (`run` with `shard`) and merged (`merge`) gives the
 * files of a single run of the whole, byte for byte apart from the manifest's wall times and
 * shard list; shards that are not of one run, that overlap or that leave replications out are
 * refused with a message naming the folder and the field; a partial merge says so.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import * as copsim from '../../dist/index.js';
import { toCsv } from '../../dist/output/csv.js';
import { serializeManifest } from '../../dist/output/provenance.js';
import { REPLICATION_COLUMNS, SUMMARY_COLUMNS } from '../../dist/aggregate/types.js';
import { COMPARISON_COLUMNS } from '../../dist/compare/paired.js';
import { tempDir } from '../cli/helpers.js';

const RUNS = 6;
const common = { runs: RUNS, weeks: 12, seed: 5, workers: 0, set: ['organisation.employees=200'] } as const;

/** A manifest's text without what may differ between a merge and a single run: the clock and the shard list. */
function manifestWithoutClock(text: string): Record<string, unknown> {
  const { startedAt, wallTimeSeconds, shards, ...rest } = JSON.parse(text) as Record<string, unknown>;
  expect(typeof startedAt).toBe('string');
  expect(typeof wallTimeSeconds).toBe('number');
  void shards;
  return rest;
}

/** A report's text without its start time, wall time and the line naming the shards. */
function reportWithoutClock(text: string): string {
  return text
    .replace(/(started at<\/dt>\s*<dd>)[^<]*/g, '$1<time>')
    .replace(/(wall time<\/dt>\s*<dd>)[^<]*/g, '$1<wall>')
    .replace(/\s*<dt>merged from<\/dt>\s*<dd>[^<]*<\/dd>/g, '');
}

/** Every file of `whole` is in `merged` with the same bytes (manifest and report: apart from the clock and shard list). */
function expectSameRunFolder(whole: string, merged: string): void {
  const names = readdirSync(whole).sort();
  expect(readdirSync(merged).sort()).toEqual(names);
  expect(names).toContain('summary.csv');
  expect(names).toContain('members.png');
  expect(names).toContain('series.parquet');
  for (const name of names) {
    const a = readFileSync(join(whole, name));
    const b = readFileSync(join(merged, name));
    if (name === 'manifest.json') expect(manifestWithoutClock(b.toString()), name).toEqual(manifestWithoutClock(a.toString()));
    else if (name === 'report.html') expect(reportWithoutClock(b.toString()), name).toBe(reportWithoutClock(a.toString()));
    else expect(b.equals(a), `${name} differs`).toBe(true);
  }
}

/** A chart's title, its wrapped lines joined. */
function chartTitle(file: string): string {
  const spec = JSON.parse(readFileSync(file, 'utf8')) as { title: { text: string | string[] } };
  return [spec.title.text].flat().join(' ');
}

describe('merge', () => {
  let dir: string;
  let whole: copsim.RunResult;
  beforeAll(async () => {
    dir = tempDir();
    whole = await copsim.run({ ...common, out: join(dir, 'whole') });
  });

  it('writes the files of a single run from shards k/n given in any order', async () => {
    for (const index of [0, 1, 2]) await copsim.run({ ...common, shard: { index, count: 3 }, out: join(dir, 'three', String(index)) });
    const shards = ['2', '0', '1'].map((k) => join(dir, 'three', k));
    const result = await copsim.merge({ shards, out: join(dir, 'merged') });
    expect(result.partial).toBeUndefined();
    expect(result.shards.map((s) => [s.first, s.end])).toEqual([[0, 2], [2, 4], [4, 6]]);
    expectSameRunFolder(join(dir, 'whole'), join(dir, 'merged'));
    const manifest = JSON.parse(readFileSync(join(dir, 'merged', 'manifest.json'), 'utf8')) as { shards: { folder: string }[] };
    expect(manifest.shards.map((s) => s.folder)).toEqual(['0', '1', '2'].map((k) => join(dir, 'three', k)));
    expect(readFileSync(join(dir, 'merged', 'report.html'), 'utf8')).toContain('3 shards (replications 0–1, 2–3, 4–5)');
  });

  it('writes the same files when the runs and the merge keep their weekly values on disk, one shard in memory at a time', async () => {
    process.env['COPSIM_SPILL_ABOVE'] = '0';
    try {
      for (const index of [0, 1]) await copsim.run({ ...common, shard: { index, count: 2 }, out: join(dir, 'spilled', String(index)) });
      await copsim.merge({ shards: [0, 1].map((k) => join(dir, 'spilled', String(k))), out: join(dir, 'spilled-merged') });
    } finally {
      delete process.env['COPSIM_SPILL_ABOVE'];
    }
    expectSameRunFolder(join(dir, 'whole'), join(dir, 'spilled-merged'));
    expect(readFileSync(join(dir, 'spilled-merged', 'series.parquet')).equals(readFileSync(join(dir, 'whole', 'series.parquet')))).toBe(true);
  });

  it('writes into a used folder through a staging folder: the earlier output\'s charts go, nothing is left behind', async () => {
    const shards = [0, 1].map((index) => join(dir, 'two', String(index)));
    for (const [index, out] of shards.entries()) await copsim.run({ ...common, shard: { index, count: 2 }, out });
    const target = join(dir, 'reused');
    mkdirSync(target, { recursive: true });
    for (const file of ['earlier.vl.json', 'earlier.svg', 'earlier.png', 'manifest.json']) writeFileSync(join(target, file), 'earlier');
    await copsim.merge({ shards, out: target });
    expectSameRunFolder(join(dir, 'whole'), target);
    for (const stale of ['earlier.vl.json', 'earlier.svg', 'earlier.png']) expect(existsSync(join(target, stale))).toBe(false);
    expect(existsSync(join(target, '.copsim-checkpoint'))).toBe(false);
  });

  it('merges random uneven partitions into the same tables and manifest', async () => {
    const expected = {
      summary: toCsv(whole.output.summary, SUMMARY_COLUMNS),
      replications: toCsv(whole.output.replications, REPLICATION_COLUMNS),
      manifest: manifestWithoutClock(serializeManifest(whole.output.manifest)),
    };
    let case_ = 0;
    // Cut points: a set of indices in 1 .. RUNS − 1; the shards are the ranges between them, given in a shuffled order.
    const partition = fc.record({
      cuts: fc.uniqueArray(fc.integer({ min: 1, max: RUNS - 1 }), { maxLength: RUNS - 1 }),
      order: fc.array(fc.nat(), { minLength: RUNS, maxLength: RUNS }),
    });
    await fc.assert(
      fc.asyncProperty(partition, async ({ cuts, order }) => {
        const bounds = [0, ...[...cuts].sort((a, b) => a - b), RUNS];
        const folders: string[] = [];
        case_++;
        for (let s = 0; s + 1 < bounds.length; s++) {
          const out = join(dir, 'random', String(case_), String(s));
          await copsim.run({ ...common, shard: { first: bounds[s] as number, end: bounds[s + 1] as number }, out });
          folders.push(out);
        }
        const shuffled = folders.map((f, i) => ({ f, key: order[i] ?? 0 })).sort((a, b) => a.key - b.key).map((x) => x.f);
        const merged = await copsim.merge({ shards: shuffled });
        if (merged.kind !== 'run') throw new Error('expected a merged run');
        expect(toCsv(merged.output.summary, SUMMARY_COLUMNS)).toBe(expected.summary);
        expect(toCsv(merged.output.replications, REPLICATION_COLUMNS)).toBe(expected.replications);
        expect(manifestWithoutClock(serializeManifest(merged.output.manifest))).toEqual(expected.manifest);
        expect(merged.shards).toHaveLength(bounds.length - 1);
      }),
      { numRuns: 8, seed: 20261203 },
    );
  });

  it('refuses shards of different runs, naming the folder and the field', async () => {
    await copsim.run({ ...common, seed: 6, shard: { index: 1, count: 3 }, out: join(dir, 'seed6') });
    await copsim.run({ ...common, set: ['organisation.employees=200', 'cops.0.founders=4'], shard: { index: 1, count: 3 }, out: join(dir, 'founders') });
    await copsim.run({ ...common, weeks: 13, shard: { index: 1, count: 3 }, out: join(dir, 'weeks') });
    const zero = join(dir, 'three', '0');
    await expect(copsim.merge({ shards: [zero, join(dir, 'seed6')] })).rejects.toThrow(`${join(dir, 'seed6')} has masterSeed 6 but ${zero} has 5`);
    await expect(copsim.merge({ shards: [zero, join(dir, 'founders')] })).rejects.toThrow(/field scenario\.cops\.0\.founders is 4 in one and 5 in the other/);
    await expect(copsim.merge({ shards: [zero, join(dir, 'weeks')] })).rejects.toThrow(`${join(dir, 'weeks')} has weeks 13 but ${zero} has 12`);
  });

  it('refuses overlapping shards and a set that leaves replications out', async () => {
    await copsim.run({ ...common, shard: { first: 1, end: 3 }, out: join(dir, 'overlap') });
    const [a, b, c] = ['0', '1', '2'].map((k) => join(dir, 'three', k)) as [string, string, string];
    await expect(copsim.merge({ shards: [a, join(dir, 'overlap'), c] })).rejects.toThrow(`replications 1 are in both ${a} and ${join(dir, 'overlap')}`);
    await expect(copsim.merge({ shards: [a, a, b, c] })).rejects.toThrow('the folder was named twice');
    await expect(copsim.merge({ shards: [a, c] })).rejects.toThrow('no shard holds replications 2–3 (of 0–5)');
    await expect(copsim.merge({ shards: [whole.out ?? join(dir, 'whole')] })).rejects.toThrow('is not a shard folder: its manifest.json has no shard field');
  });

  it('refuses a damaged shard', async () => {
    const damaged = join(dir, 'damaged');
    await copsim.run({ ...common, shard: { index: 1, count: 3 }, out: damaged });
    const data = readFileSync(join(damaged, 'replications.f64'));
    data[100] = (data[100] as number) ^ 1;
    writeFileSync(join(damaged, 'replications.f64'), data);
    await expect(copsim.merge({ shards: [join(dir, 'three', '0'), damaged, join(dir, 'three', '2')] })).rejects.toThrow(
      'does not match the SHA-256',
    );
  });

  it('with partial, merges what there is and says so in the manifest, report and charts', async () => {
    const out = join(dir, 'partial');
    const shards = [join(dir, 'three', '0'), join(dir, 'three', '2')];
    const result = await copsim.merge({ shards, out, partial: true });
    expect(result.partial).toEqual({ replications: 4, of: 6, missing: [{ first: 2, end: 4 }] });
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { runs: number; partial: unknown };
    expect(manifest.runs).toBe(4);
    expect(manifest.partial).toEqual(result.partial);
    const label = 'partial: 4 of 6 replications (missing 2–3)';
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain(`<h1>baseline (${label})</h1>`);
    const charts = readdirSync(out).filter((f) => f.endsWith('.vl.json'));
    expect(charts.length).toBeGreaterThan(3);
    for (const chart of charts) expect(chartTitle(join(out, chart)), chart).toContain('(partial: 4 of 6 runs)');
    // Replications keep their own indices, so the rows are those of the whole run at those indices.
    const rows = (text: string) => text.trim().split('\n').slice(1);
    const wholeRows = rows(readFileSync(join(dir, 'whole', 'replications.csv'), 'utf8'));
    const partialRows = rows(readFileSync(join(out, 'replications.csv'), 'utf8'));
    expect(partialRows).toEqual(wholeRows.filter((line) => ['0', '1', '4', '5'].includes(line.split(',')[1] as string)));
    // Redrawing the folder keeps the label.
    await copsim.plot({ dirs: [out] });
    expect(chartTitle(join(out, 'members.vl.json'))).toContain('(partial: 4 of 6 runs)');
    expect(statSync(join(out, 'report.html')).size).toBeGreaterThan(0);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain(label);
  });

  it('refuses a shard with agent-level files and a shard count above the runs', async () => {
    await expect(copsim.run({ ...common, agents: 1, shard: { index: 0, count: 2 } })).rejects.toThrow('agents cannot be combined with shard');
    await expect(copsim.run({ ...common, shard: { index: 0, count: RUNS + 1 } })).rejects.toThrow('use at most 6 shards');
    await expect(copsim.run({ ...common, shard: { index: 3, count: 3 } })).rejects.toThrow('shard index must be a whole number from 0 to 2');
  });
});

describe('merge of comparison shards', () => {
  it('gives the comparison of the whole: paired differences, every scenario\'s tables and manifests', async () => {
    const dir = tempDir();
    const options = { ...common, runs: 5, scenarios: ['baseline', { scenario: 'baseline', set: ['cops.0.founders=4'] }] };
    const whole = await copsim.compare(options);
    for (const index of [0, 1]) {
      const shard = await copsim.compare({ ...options, shard: { index, count: 2 }, out: join(dir, String(index)) });
      expect(shard.shard).toEqual({ index, count: 2, first: index === 0 ? 0 : 2, end: index === 0 ? 2 : 5 });
    }
    const merged = await copsim.merge({ shards: [join(dir, '1'), join(dir, '0')] });
    if (merged.kind !== 'compare') throw new Error('expected a merged comparison');
    expect(toCsv(merged.comparison, COMPARISON_COLUMNS)).toBe(toCsv(whole.comparison, COMPARISON_COLUMNS));
    expect(merged.scenarios.map((s) => s.folder)).toEqual(whole.scenarios.map((s) => s.folder));
    for (const [i, arm] of merged.scenarios.entries()) {
      const single = whole.scenarios[i] as (typeof whole.scenarios)[number];
      expect(toCsv(arm.output.summary, SUMMARY_COLUMNS)).toBe(toCsv(single.output.summary, SUMMARY_COLUMNS));
      expect(toCsv(arm.output.replications, REPLICATION_COLUMNS)).toBe(toCsv(single.output.replications, REPLICATION_COLUMNS));
      expect(manifestWithoutClock(serializeManifest(arm.output.manifest))).toEqual(manifestWithoutClock(serializeManifest(single.output.manifest)));
    }
    expect(manifestWithoutClock(merged.manifest)).toEqual(manifestWithoutClock(whole.manifest));
    expect((JSON.parse(merged.manifest) as { shards: unknown[] }).shards).toHaveLength(2);
    await expect(copsim.merge({ shards: [join(dir, '0')] })).rejects.toThrow('no shard holds replications 2–4 (of 0–4)');
    await expect(copsim.merge({ shards: [join(dir, '0'), join(dir, '0', 'baseline')] })).rejects.toThrow('is a shard of "copsim run" but');

    // With partial, the comparison of the replications there are, labelled partial wherever it is shown.
    const out = join(dir, 'partial');
    const part = await copsim.merge({ shards: [join(dir, '1')], partial: true, out });
    if (part.kind !== 'compare') throw new Error('expected a merged comparison');
    const coverage = { replications: 3, of: 5, missing: [{ first: 0, end: 2 }] };
    expect(part.partial).toEqual(coverage);
    const label = 'partial: 3 of 5 replications (missing 0–1)';
    const comparisonJson = JSON.parse(readFileSync(join(out, 'comparison.json'), 'utf8')) as { runs: number; partial: unknown };
    expect([comparisonJson.runs, comparisonJson.partial]).toEqual([3, coverage]);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain(`(${label})</h1>`);
    const charts = readdirSync(out).filter((f) => f.endsWith('.vl.json'));
    expect(charts.length).toBeGreaterThan(3);
    for (const chart of charts) expect(chartTitle(join(out, chart)), chart).toContain(`(${label})`);
    for (const arm of part.scenarios) {
      const folder = join(out, arm.folder);
      expect(JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'))).toMatchObject({ runs: 3, partial: coverage });
      expect(readFileSync(join(folder, 'report.html'), 'utf8')).toContain(label);
      // Each replication under its own index: the whole comparison's rows at indices 2–4.
      const rows = (text: string) => text.trim().split('\n').slice(1);
      const single = whole.scenarios.find((s) => s.folder === arm.folder)!;
      expect(rows(readFileSync(join(folder, 'replications.csv'), 'utf8'))).toEqual(
        rows(toCsv(single.output.replications, REPLICATION_COLUMNS)).filter((line) => ['2', '3', '4'].includes(line.split(',')[1] as string)),
      );
    }
    // The paired differences are those of the replications there are: the same as a comparison of slice 2–4.
    const slice = await copsim.compare({ ...options, shard: { first: 2, end: 5 } });
    expect(toCsv(part.comparison, COMPARISON_COLUMNS)).toBe(toCsv(slice.comparison, COMPARISON_COLUMNS));
  });

  it('is refused by the verbs that do not shard', async () => {
    await expect(copsim.calibrate({ targets: 'scenarios/calibration/quick.yaml', ...common, shard: { index: 0, count: 2 } })).rejects.toThrow(
      'shard is taken by run, compare, sweep, sensitivity and hypotheses only',
    );
  });
});

describe('merge of hypotheses shards', () => {
  // Two hypotheses on three distinct arms (one shared), measures of a 12-week run.
  const hypothesisFile = (dir: string): string => {
    const file = join(dir, 'h.yaml');
    writeFileSync(
      file,
      [
        'weeks: 12',
        'hypotheses:',
        '  - { id: coach-safety, statement: s, source: s, kind: mechanism, compare: { a: baseline, b: { scenario: baseline, set: cops.0.support.coach=true } },',
        '      measure: { metric: safety, at: { from: 4, to: 11 }, while_alive: true }, expect: increase, smallest_effect: 0.005 }',
        '  - { id: founders-members, statement: s, source: s, compare: { a: baseline, b: { scenario: baseline, set: cops.0.founders=10 } },',
        '      measure: { metric: members }, expect: increase, smallest_effect: 1 }',
      ].join('\n'),
    );
    return file;
  };

  it('slices every arm, knock-out and context alike and merges them into the files of the whole test', async () => {
    const dir = tempDir();
    const file = hypothesisFile(dir);
    const options = { ...common, runs: 5, file, ablate: true, contexts: true };
    const whole = await copsim.hypotheses({ ...options, out: join(dir, 'whole') });
    // An uneven partition, merged in another order than computed.
    const slices = [{ first: 3, end: 5 }, { first: 0, end: 1 }, { first: 1, end: 3 }];
    for (const [i, shard] of slices.entries()) {
      const part = await copsim.hypotheses({ ...options, shard, out: join(dir, String(i)) });
      expect(part.shard).toEqual(shard);
      // A shard's own test is of its replications alone.
      expect(part.outcomes[0]?.n).toBe(shard.end - shard.first);
      expect(readdirSync(join(dir, String(i))).sort()).toEqual(['manifest.json', 'values.f64']);
    }
    const merged = await copsim.merge({ shards: ['2', '0', '1'].map((k) => join(dir, k)), out: join(dir, 'merged') });
    if (merged.kind !== 'hypotheses') throw new Error('expected a merged test of hypotheses');
    expect(merged.shards.map((s) => [s.first, s.end])).toEqual([[0, 1], [1, 3], [3, 5]]);
    expect(merged.outcomes).toEqual(whole.outcomes);
    const names = readdirSync(join(dir, 'whole')).sort();
    expect(names).toEqual(expect.arrayContaining(['hypotheses.csv', 'ablation.csv', 'contexts.csv', 'hypotheses.png', 'ablation.png', 'contexts.png']));
    expect(readdirSync(join(dir, 'merged')).sort()).toEqual(names);
    for (const name of names) {
      const a = readFileSync(join(dir, 'whole', name));
      const b = readFileSync(join(dir, 'merged', name));
      if (name === 'manifest.json') expect(manifestWithoutClock(b.toString())).toEqual(manifestWithoutClock(a.toString()));
      else expect(b.equals(a), `${name} differs`).toBe(true);
    }

    await expect(copsim.merge({ shards: [join(dir, '0'), join(dir, '1')] })).rejects.toThrow('no shard holds replications 1–2 (of 0–4)');
    await expect(copsim.merge({ shards: [join(dir, '0'), join(dir, '1'), join(dir, '2')], partial: true })).rejects.toThrow('a test of hypotheses is merged whole');
    await expect(copsim.hypotheses({ ...options, untilDecided: true, shard: { index: 0, count: 2 } })).rejects.toThrow('untilDecided cannot be combined with shard');
    // A changed hypothesis file is not replayed on the old shards' values.
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n`);
    await expect(copsim.merge({ shards: ['2', '0', '1'].map((k) => join(dir, k)) })).rejects.toThrow(`${file} has changed since the shards tested it`);
    rmSync(file);
    await expect(copsim.merge({ shards: ['2', '0', '1'].map((k) => join(dir, k)) })).rejects.toThrow(
      `the shards tested the hypothesis file ${file}, which a merge reads again, and it cannot be read`,
    );
  });

  it('refuses shards of different tests and a damaged shard', async () => {
    const dir = tempDir();
    const file = hypothesisFile(dir);
    const options = { ...common, runs: 4, file, only: ['founders-members'] };
    await copsim.hypotheses({ ...options, shard: { index: 0, count: 2 }, out: join(dir, '0') });
    await copsim.hypotheses({ ...options, shard: { index: 1, count: 2 }, out: join(dir, '1') });
    await copsim.hypotheses({ ...options, seed: 6, shard: { index: 1, count: 2 }, out: join(dir, 'other-seed') });
    await copsim.hypotheses({ ...options, only: ['coach-safety'], shard: { index: 1, count: 2 }, out: join(dir, 'other-ids') });
    await expect(copsim.merge({ shards: [join(dir, '0'), join(dir, 'other-seed')] })).rejects.toThrow('differ in masterSeed');
    await expect(copsim.merge({ shards: [join(dir, '0'), join(dir, 'other-ids')] })).rejects.toThrow('differ in study.only.0');
    const whole = await copsim.merge({ shards: [join(dir, '0'), join(dir, '1')] });
    expect(whole.kind).toBe('hypotheses');
    const data = join(dir, '1', 'values.f64');
    const bytes = readFileSync(data);
    bytes[0] = (bytes[0] as number) ^ 1;
    writeFileSync(data, bytes);
    await expect(copsim.merge({ shards: [join(dir, '0'), join(dir, '1')] })).rejects.toThrow('does not match the SHA-256');
  });
});

describe('merge of sweep shards', () => {
  it('slices the design points and merges them into the sweep of every point', async () => {
    const dir = tempDir();
    const options = { ...common, runs: 4, scenario: 'baseline', vary: ['cops.0.founders=3:7:1'], measure: { metric: 'members' as const } };
    const whole = await copsim.sweep(options);
    const slices = [{ first: 3, end: 5 }, { first: 0, end: 1 }, { first: 1, end: 3 }];
    for (const [i, shard] of slices.entries()) {
      const part = await copsim.sweep({ ...options, shard, out: join(dir, String(i)) });
      expect(part.points.map((p) => p.index)).toEqual(Array.from({ length: shard.end - shard.first }, (_, k) => shard.first + k));
    }
    const merged = await copsim.merge({ shards: slices.map((_, i) => join(dir, String(i))) });
    if (merged.kind !== 'sweep') throw new Error('expected a merged sweep');
    const table = (study: { tables: readonly { rows: unknown; columns: readonly string[] }[] }) =>
      toCsv(study.tables[0]?.rows as Record<string, unknown>[], study.tables[0]?.columns as string[]);
    expect(table(merged)).toBe(table(whole));
    expect(JSON.stringify(merged.charts)).toBe(JSON.stringify(whole.charts));
    expect(manifestWithoutClock(merged.manifest)).toEqual(manifestWithoutClock(whole.manifest));
    expect(merged.shards.map((s) => [s.first, s.end])).toEqual([[0, 1], [1, 3], [3, 5]]);
    await expect(copsim.merge({ shards: [join(dir, '0'), join(dir, '1')] })).rejects.toThrow('no shard holds design points 1–2 (of 0–4)');
    await expect(copsim.merge({ shards: [join(dir, '2'), join(dir, '2')] })).rejects.toThrow('design points 1–2 are in both');

    // With partial: the points there are, each as in the whole sweep, labelled partial.
    const warnings: string[] = [];
    const part = await copsim.merge({ shards: [join(dir, '0'), join(dir, '1')], partial: true, out: join(dir, 'partial'), onWarning: (m) => warnings.push(m) });
    if (part.kind !== 'sweep') throw new Error('expected a merged sweep');
    const coverage = { points: 3, of: 5, missing: [{ first: 1, end: 3 }] };
    expect(part.partial).toEqual(coverage);
    expect(part.points.map((p) => p.index)).toEqual([0, 3, 4]);
    expect(part.rows).toEqual([0, 3, 4].map((i) => whole.rows[i]));
    expect((JSON.parse(part.manifest) as { partial: unknown }).partial).toEqual(coverage);
    const label = 'partial: 3 of 5 design points (missing 1–2)';
    expect(warnings).toContain(`the merge is ${label}`);
    for (const chart of readdirSync(join(dir, 'partial')).filter((f) => f.endsWith('.vl.json'))) expect(chartTitle(join(dir, 'partial', chart))).toContain(`(${label})`);
    await expect(copsim.merge({ shards: [join(dir, '0')], partial: true })).resolves.toMatchObject({ partial: { points: 2, of: 5, missing: [{ first: 0, end: 3 }] } });
  });
});

describe('merge of Morris screening shards', () => {
  it('slices the design points and merges them into the ranking of every point', async () => {
    const dir = tempDir();
    const options = { ...common, runs: 3, scenario: 'baseline', params: ['cops.0.founders=3:7', 'cops.0.meetings.cadence=1:4'], trajectories: 2 };
    const whole = await copsim.sensitivity(options);
    expect(whole.designPoints).toBe(6);
    for (const index of [0, 1, 2]) {
      const part = await copsim.sensitivity({ ...options, shard: { index, count: 3 }, out: join(dir, String(index)) });
      expect(part.rows).toEqual([]);
      expect(part.counts.filter((n) => n > 0)).toHaveLength(2);
    }
    const merged = await copsim.merge({ shards: ['1', '2', '0'].map((k) => join(dir, k)) });
    if (merged.kind !== 'sensitivity') throw new Error('expected a merged screening');
    const tables = (study: { tables: readonly { file: string; rows: unknown; columns: readonly string[] }[] }) =>
      study.tables.map((t) => [t.file, toCsv(t.rows as Record<string, unknown>[], t.columns as string[])]);
    expect(tables(merged)).toEqual(tables(whole));
    expect(JSON.stringify(merged.charts)).toBe(JSON.stringify(whole.charts));
    expect(manifestWithoutClock(merged.manifest)).toEqual(manifestWithoutClock(whole.manifest));
  });
});

describe('merge of Sobol shards', () => {
  it('slices the Saltelli design points and merges them into the indices of every measure, as one analysis writes them', async () => {
    const dir = tempDir();
    const options = {
      ...common,
      runs: 2,
      method: 'sobol' as const,
      scenario: 'baseline',
      params: ['cops.0.founders=3:7', 'cops.0.meetings.cadence=1:4'],
      samples: 4,
      measures: [{ metric: 'members' as const }, { metric: 'alive' as const }],
    };
    const whole = await copsim.sensitivity({ ...options, out: join(dir, 'whole') });
    expect(whole.designPoints).toBe(16);
    for (const index of [0, 1, 2]) {
      const part = await copsim.sensitivity({ ...options, shard: { index, count: 3 }, out: join(dir, String(index)) });
      expect([part.rows, part.shard?.first, part.shard?.end]).toEqual([[], [0, 5, 10][index], [5, 10, 16][index]]);
    }
    await expect(copsim.merge({ shards: ['0', '2'].map((k) => join(dir, k)) })).rejects.toThrow('no shard holds design points 5–9 (of 0–15)');
    const merged = await copsim.merge({ shards: ['2', '0', '1'].map((k) => join(dir, k)), out: join(dir, 'merged') });
    if (merged.kind !== 'sobol') throw new Error('expected a merged Sobol analysis');
    expect(merged.rows.length).toBe(4);
    for (const file of readdirSync(join(dir, 'whole'))) {
      const a = readFileSync(join(dir, 'whole', file));
      const b = readFileSync(join(dir, 'merged', file));
      if (file === 'manifest.json') expect(manifestWithoutClock(b.toString())).toEqual(manifestWithoutClock(a.toString()));
      else expect(b.equals(a), `${file} differs`).toBe(true);
    }
    expect(readdirSync(join(dir, 'merged')).sort()).toEqual(readdirSync(join(dir, 'whole')).sort());
  });
});
