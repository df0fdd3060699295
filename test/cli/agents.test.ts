/**
 * `copsim run --agents K`: agents.csv and ties.csv for the first K replications, the same for
 * any number of workers, consistent with the run's own figures, documented column by column,
 * and refused with a clear error when K does not fit the run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AGENT_COLUMNS, TIE_COLUMNS } from '../../dist/output/agents.js';
import { REPLICATION_COLUMNS } from '../../dist/aggregate/types.js';
import { RUN_FIGURES, WEEKLY_METRICS } from '../../dist/engine/result.js';
import { BANDED_CHARTS } from '../../dist/charts/run-charts.js';
import { copsim, hasStackTrace, tempDir } from './helpers.js';

const SMALL = ['--runs', '3', '--weeks', '40', '--set', 'organisation.employees=300', '--seed', '5'];

const csv = (file: string): string[][] =>
  readFileSync(file, 'utf8')
    .trimEnd()
    .split(/\r?\n/)
    .map((l) => l.split(','));

describe('copsim run --agents', () => {
  it('writes the people and ties of the first K replications, identically on 1 and 2 workers', () => {
    const dir = tempDir();
    const outs = [1, 2].map((w) => {
      const out = join(dir, `w${w}`);
      const r = copsim(['run', 'baseline', ...SMALL, '--agents', '2', '--workers', String(w), '--out', out], dir);
      expect(r.stderr).not.toMatch(/error/i);
      expect(r.status).toBe(0);
      return out;
    });
    for (const f of ['agents.csv', 'ties.csv']) {
      expect(readFileSync(join(outs[0]!, f), 'utf8')).toBe(readFileSync(join(outs[1]!, f), 'utf8'));
    }
    const agents = csv(join(outs[0]!, 'agents.csv'));
    expect(agents[0]).toEqual([...AGENT_COLUMNS]);
    const col = (name: string) => AGENT_COLUMNS.indexOf(name as (typeof AGENT_COLUMNS)[number]);
    const rows = agents.slice(1);
    // Replications 0 and 1 only, each with its own seed.
    expect(new Set(rows.map((r) => r[col('replication')]))).toEqual(new Set(['0', '1']));
    const manifest = JSON.parse(readFileSync(join(outs[0]!, 'manifest.json'), 'utf8'));
    expect(manifest.agents).toBe(2);
    expect(rows.find((r) => r[col('replication')] === '1')![col('seed')]).toBe(String(manifest.seeds.first[1]));
    // The members at the end agree with the run's own final_members figure.
    const figures = csv(join(outs[0]!, 'replications.csv'));
    const rc = (name: string) => REPLICATION_COLUMNS.indexOf(name as (typeof REPLICATION_COLUMNS)[number]);
    for (const rep of ['0', '1']) {
      const finalMembers = Number(
        figures.find((f) => f[rc('replication')] === rep && f[rc('metric')] === 'final_members')![rc('value')],
      );
      const members = rows.filter(
        (r) => r[col('replication')] === rep && !['non-member', 'left'].includes(r[col('final_state')]!),
      ).length;
      expect(members).toBe(finalMembers);
    }
    // Everyone who ever joined has a join week; nobody leaves before joining.
    for (const r of rows) {
      if (r[col('final_state')] !== 'non-member') expect(r[col('join_week')]).not.toBe('');
      if (r[col('leave_week')] !== '') expect(Number(r[col('leave_week')])).toBeGreaterThanOrEqual(Number(r[col('join_week')]));
    }
    const ties = csv(join(outs[0]!, 'ties.csv'));
    expect(ties[0]).toEqual([...TIE_COLUMNS]);
    const t = (name: string) => TIE_COLUMNS.indexOf(name as (typeof TIE_COLUMNS)[number]);
    expect(ties.length).toBeGreaterThan(300);
    for (const r of ties.slice(1)) {
      expect(['team', 'colleague', 'cop']).toContain(r[t('kind')]);
      expect(Number(r[t('a')])).toBeLessThan(Number(r[t('b')]));
      const s = Number(r[t('strength')]);
      expect(s).toBeGreaterThan(0);
      expect(s).toBeLessThanOrEqual(1);
    }
    // Meeting in the CoP forms ties.
    expect(ties.some((r) => r[t('kind')] === 'cop')).toBe(true);
  });

  it('writes neither file without --agents', () => {
    const dir = tempDir();
    const out = join(dir, 'plain');
    expect(copsim(['run', 'baseline', ...SMALL, '--out', out], dir).status).toBe(0);
    expect(existsSync(join(out, 'agents.csv'))).toBe(false);
    expect(existsSync(join(out, 'ties.csv'))).toBe(false);
  });

  it.each([['5'], ['-1'], ['two']])('refuses --agents %s with the range it expects', (k) => {
    const dir = tempDir();
    const r = copsim(['run', 'baseline', ...SMALL, '--agents', k, '--out', join(dir, 'x')], dir);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/--agents/);
    expect(r.stderr).toMatch(/0 to --runs \(3\)/);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(existsSync(join(dir, 'x', 'summary.csv'))).toBe(false);
  });

  it('README documents every metric, figure and column', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const name of [...WEEKLY_METRICS, ...RUN_FIGURES]) expect(readme, name).toMatch(new RegExp(`\\b${name}\\b`));
    expect(readme).toContain(AGENT_COLUMNS.join(','));
    expect(readme).toContain(TIE_COLUMNS.join(','));
  });

  it("README's Output section names every chart of a run folder", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const output = readme.slice(readme.indexOf('## Output'), readme.indexOf('## Reproducibility'));
    const charts = [...BANDED_CHARTS.map((c) => c.name), 'roles', 'inequality', 'tenure', 'death-weeks'];
    expect(charts).toContain('members');
    for (const name of charts) expect(output, name).toContain(`\`${name}\``);
  });
});
