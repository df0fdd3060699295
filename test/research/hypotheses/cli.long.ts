/**
 * `copsim hypotheses`, end to end through the built CLI: the shipped study file with few
 * replications (every hypothesis gets a verdict and finite numbers), the files written, and
 * bad input.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HYPOTHESIS_COLUMNS } from '../../../dist/research/hypotheses/index.js';
import { parseCsv } from '../../../dist/output/index.js';
import { copsim, hasStackTrace, tempDir } from '../../cli/helpers.js';

function readRows(file: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'), file).map((record) => record.fields);
  return rows.filter((row) => row.join('') !== '').map((row) => Object.fromEntries((header ?? []).map((h, i) => [h, row[i] ?? ''])));
}

describe('copsim hypotheses', () => {
  it('tests every hypothesis of the shipped study file and writes the table, chart and manifest', () => {
    const dir = tempDir();
    const result = copsim(['hypotheses', '--runs', '4', '--workers', '2', '--seed', '7', '--out', 'out'], dir);
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.status).toBe(0);
    const out = join(dir, 'out');
    const text = readFileSync(join(out, 'hypotheses.csv'), 'utf8');
    expect(text.split('\n')[0]).toBe(HYPOTHESIS_COLUMNS.join(','));
    const rows = readRows(join(out, 'hypotheses.csv'));
    const study = readFileSync(new URL('../../../scenarios/hypotheses/study.yaml', import.meta.url), 'utf8');
    const ids = [...study.matchAll(/^ {2}- id: (\S+)$/gm)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThanOrEqual(10);
    expect(rows.map((r) => r['id'])).toEqual(ids);
    for (const row of rows) {
      expect(['supported', 'contradicted', 'inconclusive']).toContain(row['verdict']);
      for (const column of ['n', 'mean_a', 'mean_b', 'difference', 'ci_low', 'ci_high']) {
        expect(Number.isFinite(Number(row[column])), `${row['id']} ${column}`).toBe(true);
      }
      expect(row['source']).not.toBe('');
      expect(row).toMatchObject({ runs: '4', seed: '7' });
      expect(row['test']).toMatch(/^Wilcoxon signed-rank/);
      expect(['mechanism', 'emergent']).toContain(row['kind']);
      expect(['true', 'false']).toContain(row['exceeds_smallest_effect']);
      expect(row['reason']).not.toBe('');
      expect(Number(row['n']) + Number(row['dropped'])).toBe(4);
      expect(row['a']).not.toBe('');
      expect(row['looks']).toBe('1');
      // The terminal table lists the hypothesis with its verdict.
      expect(result.stdout).toMatch(new RegExp(`^${row['id']}\\s+${row['verdict']}`, 'm'));
    }
    for (const file of ['hypotheses.vl.json', 'hypotheses.svg', 'hypotheses.png', 'manifest.json']) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ masterSeed: 7, runs: 4, untilDecided: false });
    expect(manifest.hypotheses.map((h: { id: string }) => h.id)).toEqual(ids);
    expect(manifest.hypotheses.every((h: { looks: number; kind: string }) => h.looks === 1 && h.kind !== undefined)).toBe(true);
    expect(manifest.seeds.first).toHaveLength(4);
  });

  it('tests only the hypotheses named by --only, and is reproducible', () => {
    const dir = tempDir();
    const args = ['hypotheses', '--only', 'irregular-habit', '--runs', '3', '--weeks', '30', '--quiet'];
    // --weeks 30 leaves "irregular-habit"'s window (weeks 52–155) outside the run: an error.
    const refused = copsim([...args, '--out', 'x'], dir);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/hypotheses\[\d+\]\.measure: window 52\.\.155 is outside the run/);

    const file = join(dir, 'h.yaml');
    writeFileSync(
      file,
      [
        'weeks: 20',
        'hypotheses:',
        '  - { id: one, statement: s, source: seeds/001, kind: mechanism, compare: { a: baseline, b: { scenario: baseline, set: cops.0.support.coach=true } },',
        '      measure: { metric: safety, at: { from: 10, to: 19 } }, expect: increase, smallest_effect: 0.01 }',
        '  - { id: two, statement: s, source: seeds/001, kind: mechanism, compare: { a: baseline, b: baseline },',
        '      measure: { metric: members }, expect: increase, smallest_effect: 1 }',
      ].join('\n'),
    );
    for (const outDir of ['r1', 'r2']) {
      const result = copsim(['hypotheses', file, '--only', 'two', '--runs', '3', '--workers', String(outDir === 'r1' ? 1 : 2), '--out', outDir, '--quiet'], dir);
      expect(result.status).toBe(0);
      expect(result.stdout).toBe('');
    }
    const rows = readRows(join(dir, 'r1', 'hypotheses.csv'));
    expect(rows.map((r) => [r['id'], r['difference'], r['verdict']])).toEqual([['two', '0', 'contradicted']]);
    expect(readFileSync(join(dir, 'r2', 'hypotheses.csv'), 'utf8')).toBe(readFileSync(join(dir, 'r1', 'hypotheses.csv'), 'utf8'));
  });

  it('refuses a bad file or option with a message and exit code 2, never a stack trace', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'bad.yaml'),
      'hypotheses:\n  - { id: h, statement: s, source: s, kind: emergent, compare: { a: baseline, b: baseline }, measure: { metric: members }, expect: up, smallest_effect: 1 }\n',
    );
    const bad = copsim(['hypotheses', 'bad.yaml'], dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('bad.yaml: hypotheses[0].expect: expected one of increase | decrease, got "up"\n');

    const only = copsim(['hypotheses', '--only', 'top-down-rech'], dir);
    expect(only.status).toBe(2);
    expect(only.stderr).toMatch(/--only: no hypothesis "top-down-rech" \(did you mean "top-down-reach"\?\)/);

    const missing = copsim(['hypotheses', 'nope.yaml'], dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read nope\.yaml: no such file/);

    const misspelt = copsim(['hypotheses', '--until-decide'], dir);
    expect(misspelt.status).toBe(2);
    expect(misspelt.stderr).toMatch(/did you mean --until-decided/);

    const ablate = copsim(['hypotheses', '--ablate=maybe'], dir);
    expect(ablate.status).toBe(2);
    expect(ablate.stderr).toMatch(/^copsim: --ablate is a switch: give it alone, or as --ablate=true or =false; got "maybe"/);

    const contexts = copsim(['hypotheses', '--contexts=yes'], dir);
    expect(contexts.status).toBe(2);
    expect(contexts.stderr).toMatch(/--contexts is a switch/);

    for (const r of [bad, only, missing, misspelt, ablate, contexts]) expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('with --ablate, prints which channels carry each effect and says where the declared kind disagrees', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'h.yaml'),
      [
        'weeks: 20',
        'hypotheses:',
        '  - { id: coach, statement: s, source: s, kind: emergent, compare: { a: baseline, b: { scenario: baseline, set: cops.0.support.coach=true } },',
        '      measure: { metric: safety, at: { from: 8, to: 19 }, while_alive: true }, expect: increase, smallest_effect: 0.005 }',
      ].join('\n'),
    );
    const args = ['hypotheses', 'h.yaml', '--ablate', '--runs', '6', '--seed', '3', '--workers', '0', '--set', 'organisation.employees=300', '--out', 'out'];
    const result = copsim(args, dir);
    expect(result.stderr).not.toMatch(/error|warning/i);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^id\s+verdict\s+measured kind\s+carried by\s+declared kind$/m);
    // Which other channels also carry it at this small size may vary; coach.climate must be among them.
    expect(result.stdout).toMatch(/^coach\s+supported\s+mechanism check\s+(\S+, )*coach\.climate(, \S+)*\s+emergent$/m);
    expect(result.stdout).toMatch(/kind disagrees with the ablation: coach: the file declares kind emergent, but knocking out (\S+ or )*coach\.climate( or \S+)* removes/);
    const rows = readRows(join(dir, 'out', 'ablation.csv'));
    expect(rows.filter((r) => r['carries'] === 'yes').map((r) => r['channel'])).toContain('coach.climate');
    const row = readRows(join(dir, 'out', 'hypotheses.csv'))[0] as Record<string, string>;
    expect(row).toMatchObject({ measured_kind: 'mechanism' });
    expect(row['carried_by']?.split(/[ ,;]+/)).toContain('coach.climate');
    for (const file of ['ablation.vl.json', 'ablation.svg', 'ablation.png']) expect(existsSync(join(dir, 'out', file)), file).toBe(true);
    const json = copsim([...args.slice(0, -2), '--json'], dir);
    expect(json.status).toBe(0);
    const summary = JSON.parse(json.stdout);
    expect(summary.kindDisagreements).toHaveLength(1);
    // The JSON summary names the same carrying channels as ablation.csv.
    const carrying = (list: readonly { carries: string; channel: string }[]): string[] => list.filter((r) => r.carries === 'yes').map((r) => r.channel);
    expect(carrying(summary.ablation)).toEqual(carrying(rows as unknown as { carries: string; channel: string }[]));
  });
});
