/**
 * Targets files of `copsim calibrate`: validated like scenarios (file, field, what was
 * expected; unknown keys refused), priors checked against their settings' ranges, patterns
 * resolved to the scenarios they read; the JSON Schema and the shipped files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  loadArm,
  parseTargetsFile,
  readTargetsFile,
  resolveTargets,
  targetsJsonSchemaText,
  TargetsError,
} from '../../../src/research/targets/index.js';
import { scenarioKey } from '../../../src/research/hypotheses/index.js';
import { builtinDir, loadScenario } from '../../../src/scenario/index.js';
import { DESIGN, pointSets } from '../../../src/validation/design.js';

function targets(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    parameters: [{ path: 'parameters.churn.welcomeTie', prior: 'uniform(0.2, 1)' }],
    patterns: [
      {
        id: 'core',
        scenario: 'baseline',
        set: ['organisation.employees=300'],
        measure: { metric: 'core_share' },
        target: 0.125,
        tolerance: 0.025,
      },
    ],
    ...extra,
  };
}

/** Every problem of `raw` as the CLI prints it, or [] when it resolves. */
function problems(raw: unknown): string[] {
  try {
    resolveTargets(parseTargetsFile(raw, 't.yaml'), { file: 't.yaml' });
    return [];
  } catch (error) {
    if (!(error instanceof TargetsError)) throw error;
    return error.format().split('\n');
  }
}

describe('a targets file is validated like a scenario', () => {
  it('accepts a small file and resolves its pattern to one scenario', () => {
    const { targets: t } = resolveTargets(parseTargetsFile(targets(), 't.yaml'), { file: 't.yaml' });
    expect(t.parameters).toEqual([{ path: 'parameters.churn.welcomeTie', prior: { kind: 'uniform', lo: 0.2, hi: 1 }, priorText: 'uniform(0.2, 1)' }]);
    expect(t.arms).toHaveLength(1);
    expect(t.patterns[0]).toMatchObject({ id: 'core', kind: 'level', arms: [0], target: 0.125, tolerance: 0.025, weight: 1 });
    expect(t.patterns[0]?.measures[0]).toEqual({ metric: 'core_share', cop: 'scrum-masters' });
  });

  it('refuses unknown keys, naming the file and field and suggesting the key', () => {
    const raw = targets();
    (raw['patterns'] as Record<string, unknown>[])[0] = { ...(raw['patterns'] as Record<string, unknown>[])[0], tolerence: 0.1 };
    expect(problems({ ...raw, particels: 10 })).toEqual(
      expect.arrayContaining([expect.stringMatching(/^t\.yaml: .*particels.*particles/), expect.stringMatching(/^t\.yaml: patterns\[0\].*tolerence.*tolerance/)]),
    );
  });

  it('says what was expected of a wrong value', () => {
    const raw = targets();
    (raw['patterns'] as Record<string, unknown>[])[0]!['tolerance'] = 0;
    expect(problems(raw).join('\n')).toMatch(/^t\.yaml: patterns\[0\]\.tolerance: .*0/m);
    expect(problems({ ...targets(), alpha: 1.5 }).join('\n')).toMatch(/t\.yaml: alpha/);
    expect(problems(null)).toEqual(['t.yaml: the file is empty: expected a mapping with parameters and patterns']);
  });

  it('reads priors and says what was expected of a bad one', () => {
    const bad = (prior: string, extra: Record<string, unknown> = {}) =>
      problems(targets({ parameters: [{ path: 'parameters.churn.welcomeTie', prior, ...extra }] })).join('\n');
    expect(bad('beta(1, 2)')).toMatch(/t\.yaml: parameters\[0\]\.prior: expected uniform\(lo, hi\), log-uniform\(lo, hi\) or normal\(mean, sd\), got "beta\(1, 2\)"/);
    expect(bad('uniform(0.8, 0.2)')).toMatch(/parameters\[0\]\.prior: uniform\(lo, hi\) needs lo < hi/);
    expect(bad('uniform(0.2, 1.5)')).toMatch(/parameters\[0\]\.prior: \[0\.2, 1\.5\] reaches outside the range of "parameters\.churn\.welcomeTie", 0 to 1/);
    expect(bad('uniform(0.2, 0.8)', { bounds: [0, 1] })).toMatch(/parameters\[0\]\.bounds: only a normal prior takes bounds/);
    expect(bad('normal(0.5, 0.1)', { bounds: [0.9, 0.1] })).toMatch(/parameters\[0\]\.bounds: expected \[lo, hi\] with lo < hi/);
  });

  it('a normal prior is truncated to its bounds, by default the setting’s range', () => {
    const { targets: t } = resolveTargets(parseTargetsFile(targets({ parameters: [{ path: 'parameters.churn.welcomeTie', prior: 'normal(0.6, 0.2)' }] })));
    expect(t.parameters[0]?.prior).toEqual({ kind: 'normal', mean: 0.6, sd: 0.2, lo: 0, hi: 1 });
    expect(t.parameters[0]?.priorText).toBe('normal(0.6, 0.2) on [0, 1]');
  });

  it('a parameter must name a number setting that exists and takes continuous values', () => {
    const bad = (path: string) => problems(targets({ parameters: [{ path, prior: 'uniform(1, 2)' }] })).join('\n');
    expect(bad('parameters.churn.welcomeTye')).toMatch(/parameters\[0\]\.path: no setting "parameters\.churn\.welcomeTye"/);
    expect(bad('parameters.churn.newcomerMeetings')).toMatch(/parameters\[0\]\.path: .*takes whole numbers/);
    expect(bad('cops.0.participation')).toMatch(/parameters\[0\]\.path: "cops\.0\.participation" is not a number setting/);
    expect(problems(targets({ parameters: [{ path: 'parameters.churn.welcomeTie', prior: 'uniform(0, 1)' }, { path: 'parameters.churn.welcomeTie', prior: 'uniform(0, 1)' }] })).join('\n')).toMatch(
      /parameters\[1\]\.path: duplicate parameter/,
    );
  });

  it('a pattern reads one scenario or compares two, with a known metric, naming the field', () => {
    const pattern = (extra: Record<string, unknown>) => {
      const raw = targets();
      const p = { ...(raw['patterns'] as Record<string, unknown>[])[0], ...extra };
      for (const [k, v] of Object.entries(extra)) if (v === undefined) delete p[k];
      return problems({ ...raw, patterns: [p] }).join('\n');
    };
    expect(pattern({ scenario: undefined })).toMatch(/t\.yaml: patterns\[0\]: expected "scenario" .* or "compare" .*, got neither/);
    expect(pattern({ compare: { a: 'baseline', b: 'baseline' } })).toMatch(/patterns\[0\]: expected "scenario" or "compare", got both/);
    expect(pattern({ measure: { metric: 'core_shares' } })).toMatch(/patterns\[0\]\.measure\.metric: unknown metric "core_shares".*did you mean "core_share"/);
    expect(pattern({ scenario: 'baselin' })).toMatch(/t\.yaml: patterns\[0\]\.scenario: .*baselin.*did you mean "baseline"/);
    expect(pattern({ set: ['organisation.employes=300'] })).toMatch(/patterns\[0\]\.scenario: .*employes.*did you mean "employees"/);
    expect(pattern({ measure: { metric: 'members', at: 900 } })).toMatch(/patterns\[0\]\.measure: week 900 is outside the run/);
  });

  it('a difference pattern reads arms a and b, simulated once per scenario however many patterns read them', () => {
    const raw = targets({
      patterns: [
        ...(targets()['patterns'] as unknown[]),
        {
          id: 'welcome',
          compare: { a: { scenario: 'baseline', set: ['cops.0.support.welcome=false'] }, b: 'baseline' },
          set: ['organisation.employees=300'],
          measure: { metric: 'newcomer_return_rate' },
          target: 0.12,
          tolerance: 0.04,
          weight: 2,
        },
      ],
    });
    const { targets: t } = resolveTargets(parseTargetsFile(raw, 't.yaml'), { file: 't.yaml' });
    expect(t.arms.map((a) => a.label)).toEqual(['baseline [organisation.employees=300]', 'baseline [organisation.employees=300, cops.0.support.welcome=false]']);
    expect(t.patterns[1]).toMatchObject({ kind: 'difference', arms: [1, 0], weight: 2 });
  });

  it('the free parameters are the last overrides, with the exact value', () => {
    const { targets: t } = resolveTargets(parseTargetsFile(targets()));
    const value = 0.1 + 0.2; // 0.30000000000000004
    const scenario = loadArm(t.arms[0]!, t.parameters, [value]);
    expect(scenario.parameters.churn.welcomeTie).toBe(value);
    expect(scenario.organisation.employees).toBe(300);
  });
});

describe('the JSON Schema and the shipped targets', () => {
  const dir = join(builtinDir(), 'calibration');

  it('targets.schema.json is up to date with the schema (regenerate with `npm run schema`)', () => {
    expect(readFileSync(join(dir, 'targets.schema.json'), 'utf8'), 'run `npm run schema`').toBe(targetsJsonSchemaText());
  });

  it.each(['patterns.yaml', 'quick.yaml'])('%s is valid against the JSON Schema and resolves', (name) => {
    const file = join(dir, name);
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(targetsJsonSchemaText()) as object);
    expect(validate(parseYaml(readFileSync(file, 'utf8'))), JSON.stringify(validate.errors)).toBe(true);
    const { targets: t, warnings } = resolveTargets(readTargetsFile(file), { file });
    expect(warnings).toEqual([]);
    expect(t.patterns.length).toBeGreaterThan(4);
  });

  it('patterns.yaml puts its patterns at the validation design’s points of the domain', () => {
    const file = join(dir, 'patterns.yaml');
    const { targets: t } = resolveTargets(readTargetsFile(file), { file });
    const designKeys = new Set(DESIGN.map((p) => scenarioKey(loadScenario('baseline', { sets: pointSets(p) }).scenario)));
    for (const arm of t.arms.filter((a) => !a.sets.includes('cops.0.support.welcome=false'))) {
      expect(designKeys.has(scenarioKey(loadScenario(arm.target, { sets: [...arm.sets] }).scenario)), arm.label).toBe(true);
    }
    const employees = new Set(t.arms.map((a) => loadScenario(a.target, { sets: [...a.sets] }).scenario.organisation.employees));
    expect([...employees].sort((a, b) => a - b)).toEqual([300, 1000, 5000]);
  });
});
