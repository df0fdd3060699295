import { describe, expect, it } from 'vitest';
import { parseParams, resolveFactors, schemaRange, schemaRangeWarning, sensitivityDesign } from '../../../src/research/sensitivity/index.js';
import { loadScenario } from '../../../src/scenario/index.js';

const { scenario } = loadScenario('baseline');

describe('parseParams', () => {
  it('reads paths and given ranges, several per item', () => {
    expect(parseParams(['parameters.attendance.habit, cops.0.founders=2:8', 'weeks=10:20'])).toEqual([
      { path: 'parameters.attendance.habit' },
      { path: 'cops.0.founders', range: { min: 2, max: 8 } },
      { path: 'weeks', range: { min: 10, max: 20 } },
    ]);
  });
  it('refuses nothing, a path twice, a malformed or empty range', () => {
    expect(() => parseParams([])).toThrow(/--params is required/);
    expect(() => parseParams(['a,a'])).toThrow(/names a twice/);
    expect(() => parseParams(['a=1'])).toThrow(/--params a=1: expected a range path=min:max/);
    expect(() => parseParams(['a=3:1'])).toThrow(/min < max, got 3:1/);
  });
});

describe('schemaRange', () => {
  it('reads a bounded number setting from the schema', () => {
    expect(schemaRange('cops.0.support.fundedHours', scenario)).toEqual({ path: 'cops.0.support.fundedHours', min: 0, max: 40, integer: false });
    expect(schemaRange('parameters.attendance.habit', scenario)).toMatchObject({ min: 0, max: 10, integer: false });
    expect(schemaRange('cops.0.steering', scenario)).toMatchObject({ min: 0, max: 1 });
  });
  it('knows whole-number settings', () => {
    expect(schemaRange('cops.0.founders', scenario)).toEqual({ path: 'cops.0.founders', min: 1, max: 1000, integer: true });
  });
  it('asks for a range where the schema has no upper bound', () => {
    expect(() => schemaRange('cops.0.launchWeek', scenario)).toThrow(
      /--params cops\.0\.launchWeek: the schema gives no upper bound for this setting; give its range, e.g. --params cops\.0\.launchWeek=0:10/,
    );
  });
  it('refuses unknown settings with a suggestion, and settings that are not numbers', () => {
    expect(() => schemaRange('cops.0.support.fundedHour', scenario)).toThrow(/unknown key "fundedHour".*did you mean "fundedHours"/);
    expect(() => schemaRange('cops.0.participation', scenario)).toThrow(/not a number setting/);
  });
});

describe('resolveFactors', () => {
  it('takes a given range inside the schema bounds, and refuses one outside', () => {
    expect(resolveFactors(parseParams(['cops.0.launchWeek=0:52']), scenario, 4)).toEqual([
      { path: 'cops.0.launchWeek', min: 0, max: 52, integer: true, rangeFrom: 'given' },
    ]);
    expect(() => resolveFactors(parseParams(['cops.0.support.fundedHours=0:50']), scenario, 4)).toThrow(/above the schema's maximum 40/);
  });
  it('takes the schema range, marked as such, when the scenario value is not at its very bottom', () => {
    // The baseline's habit weight (2.4) lies a quarter of the way up its range 0..10.
    expect(resolveFactors(parseParams(['parameters.attendance.habit']), scenario, 4)).toEqual([
      { path: 'parameters.attendance.habit', min: 0, max: 10, integer: false, rangeFrom: 'schema' },
    ]);
  });
  it('refuses a schema range when the scenario value lies in its bottom 1%, suggesting a range', () => {
    // 5 founders of 1..1000: 334 and 1000 founders would both saturate the eligible pool.
    expect(() => resolveFactors(parseParams(['cops.0.founders']), scenario, 4)).toThrow(
      /^--params cops\.0\.founders: the scenario's value 5 lies in the bottom 1% of the schema's range 1:1000, which is a validity bound, not a plausible range.*e\.g\. --params cops\.0\.founders=1:9 \(or --params cops\.0\.founders=1:1000 to screen the whole schema range\)$/,
    );
    expect(() => resolveFactors(parseParams(['cops.0.steering']), scenario, 4)).toThrow(/value 0 lies in the bottom 1% of the schema's range 0:1.*cops\.0\.steering=0:0\.1/);
    // Given explicitly, the same ranges are screened.
    expect(resolveFactors(parseParams(['cops.0.founders=1:1000', 'cops.0.steering=0:1']), scenario, 4).map((f) => f.rangeFrom)).toEqual(['given', 'given']);
  });
  it('suggests a whole-number range wide enough for the levels', () => {
    // minAttendance set to 1, the schema's minimum of 1..100.
    const atMinimum = loadScenario('baseline', { sets: ['parameters.death.minAttendance=1'] }).scenario;
    expect(() => resolveFactors(parseParams(['parameters.death.minAttendance']), atMinimum, 6)).toThrow(/minAttendance=1:11 /);
    expect(() => resolveFactors(parseParams(['cops.0.founders']), loadScenario('baseline', { sets: ['cops.0.founders=2'] }).scenario, 6)).toThrow(/founders=1:6 /);
  });
  it('warns for a schema range only', () => {
    const [fromSchema, given] = resolveFactors(parseParams(['cops.0.support.fundedHours', 'parameters.attendance.habit=0:5']), scenario, 4);
    expect(schemaRangeWarning(fromSchema!)).toBe(
      "--params cops.0.support.fundedHours: screening 0:40, the schema's validity range, not a plausible range; " +
        'effects are measured over all of it, so give the range you mean with --params cops.0.support.fundedHours=min:max',
    );
    expect(schemaRangeWarning(given!)).toBeUndefined();
  });
  it('needs whole-number ends at least levels − 1 apart for a whole-number setting', () => {
    expect(() => resolveFactors(parseParams(['cops.0.founders=2:4']), scenario, 4)).toThrow(/must span at least levels − 1 = 3/);
    expect(() => resolveFactors(parseParams(['cops.0.founders=2:6.5']), scenario, 4)).toThrow(/give a range of whole numbers/);
  });
});

describe('sensitivityDesign', () => {
  it('gives r × (k + 1) points, whole numbers for whole-number settings, each step moving one factor', () => {
    const factors = resolveFactors(parseParams(['cops.0.founders=2:9', 'parameters.attendance.habit']), scenario, 4);
    const design = sensitivityDesign(factors, { trajectories: 5, levels: 4, seed: 3 });
    expect(design.values).toHaveLength(15);
    for (const row of design.values) {
      expect(Number.isInteger(row[0])).toBe(true);
      expect(row[0]).toBeGreaterThanOrEqual(2);
      expect(row[0]).toBeLessThanOrEqual(9);
    }
    expect(design.sets[0]).toEqual([`cops.0.founders=${design.values[0]![0]}`, `parameters.attendance.habit=${design.values[0]![1]}`]);
    // The design points the effects divide by are the values simulated, mapped back to [0, 1].
    design.values.forEach((row, i) => expect(design.morris.points[i]![0]).toBeCloseTo((row[0]! - 2) / 7, 12));
  });
});
