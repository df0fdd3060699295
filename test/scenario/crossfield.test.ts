/**
 * Cross-field checks: settings no member could ever meet are errors; settings that take no
 * effect within the run are warnings.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario, parseScenario, ScenarioError } from '../../src/scenario/index.js';

function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ScenarioError) return error.issues.map((i) => `${i.path}: ${i.message}`);
    throw error;
  }
  throw new Error('expected a ScenarioError');
}

describe('role thresholds', () => {
  it('a threshold beyond the rolling window is an error', () => {
    expect(issuesOf(() => parseScenario({ cops: [{}], parameters: { contributions: { coreAttended: 7 } } }))).toEqual([
      'parameters.contributions.coreAttended: expected at most parameters.contributions.window (6) meetings, got 7: no member could ever reach it',
    ]);
  });

  it('an active threshold above the core one is an error', () => {
    const issues = issuesOf(() =>
      parseScenario({ cops: [{}], parameters: { contributions: { activeAttended: 5, coreAttended: 4 } } }),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^parameters\.contributions: expected the core's thresholds/);
  });

  it('the defaults are consistent', () => {
    expect(() => parseScenario({ cops: [{}] })).not.toThrow();
  });
});

describe('warnings', () => {
  it('an event past the run and a CoP founded after it', () => {
    const { warnings } = loadScenario('mandate-lifted', { sets: ['weeks=40', 'cops.0.launchWeek=45'] });
    expect(warnings.map((w) => `${w.file}: ${w.path}`)).toEqual([
      'builtin:mandate-lifted: events.0.week',
      'builtin:mandate-lifted: cops.0.launchWeek',
    ]);
    expect(warnings[0]?.message).toContain('never takes effect');
  });

  it('none for the built-ins as shipped', () => {
    expect(loadScenario('mandate-lifted').warnings).toEqual([]);
    expect(loadScenario('two-cops-competing').warnings).toEqual([]);
  });
});
