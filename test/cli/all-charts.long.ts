/**
 * Every chart a command writes, not only those of `copsim run`, is a valid Vega-Lite spec
 * (against vega-lite's JSON Schema), compiles without warnings and was rendered to an SVG with
 * marks and a PNG.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSpec } from '../../dist/charts/render.js';
import type { TopLevelSpec } from '../../dist/charts/types.js';
import { PNG_SIGNATURE, vegaLiteValidator } from '../charts/fixtures.js';
import { copsim, tempDir } from './helpers.js';

const SMALL = ['--weeks', '30', '--workers', '2'];

/** The chart files in `dir`, by stem. */
function chartsIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.vl.json'))
    .map((f) => f.slice(0, -'.vl.json'.length));
}

describe.each([
  ['compare', ['compare', 'baseline', 'top-down-voluntary', '--runs', '6', ...SMALL], 9],
  ['sweep (one setting)', ['sweep', 'baseline', '--vary', 'cops.0.support.fundedHours=0:4:2', '--runs', '4', ...SMALL], 1],
  ['sweep (two settings)', ['sweep', 'baseline', '--vary', 'cops.0.support.fundedHours=0,2', '--vary', 'cops.0.participation=voluntary,mandatory', '--runs', '3', ...SMALL], 1],
  ['sensitivity', ['sensitivity', 'baseline', '--params', 'cops.0.support.fundedHours,cops.0.meetings.length', '--trajectories', '2', '--runs', '2', ...SMALL], 1],
  ['sensitivity --method sobol', ['sensitivity', 'baseline', '--method', 'sobol', '--params', 'cops.0.support.fundedHours,cops.0.meetings.length', '--samples', '4', '--runs', '1', ...SMALL], 1],
  ['hypotheses', ['hypotheses', '--only', 'mandatory-attendance', '--runs', '6', '--workers', '2'], 1],
])('the charts of copsim %s', (_name, args, expected) => {
  const dir = tempDir();
  const out = join(dir, 'out');
  const result = copsim([...args, '--out', out], dir);

  it('are valid Vega-Lite, compile without warnings, and were rendered', async () => {
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/error/i);
    const stems = chartsIn(out);
    expect(stems).toHaveLength(expected);
    const validate = vegaLiteValidator();
    for (const stem of stems) {
      const spec = JSON.parse(readFileSync(join(out, `${stem}.vl.json`), 'utf8')) as TopLevelSpec;
      expect(validate(spec), `${stem}: ${JSON.stringify(validate.errors?.slice(0, 2))}`).toBe(true);
      expect((await compileSpec(spec)).warnings, stem).toEqual([]);
      expect(readFileSync(join(out, `${stem}.svg`), 'utf8'), stem).toMatch(/class="mark-(line|area|rect|point|rule|symbol)/);
      expect([...readFileSync(join(out, `${stem}.png`)).subarray(0, 8)], stem).toEqual(PNG_SIGNATURE);
    }
  });
});
