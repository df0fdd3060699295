import { describe, expect, it } from 'vitest';
import { settingsDiff } from '../../src/report/index.js';
import { loadBuiltin, loadScenario, parseScenario } from '../../src/scenario/index.js';

const baseline = loadBuiltin('baseline').scenario;

describe('settingsDiff', () => {
  it('finds nothing between the baseline and itself', () => {
    expect(settingsDiff(baseline, baseline)).toEqual([]);
  });

  it('lists each changed setting by its --set path, with both values', () => {
    const { scenario } = loadBuiltin('baseline', {
      sets: ['cops.0.participation=mandatory', 'organisation.employees=2500', 'cops.0.support.fundedHours=0'],
    });
    expect(settingsDiff(scenario, baseline)).toEqual([
      { path: 'organisation.employees', value: 2500, baseline: 1000 },
      { path: 'cops.0.participation', value: 'mandatory', baseline: 'voluntary' },
      { path: 'cops.0.support.fundedHours', value: 0, baseline: 2 },
    ]);
  });

  it('gives an event one scenario has and the other lacks in words, with the CoP it changes', () => {
    const diff = settingsDiff(loadBuiltin('mandate-lifted').scenario, baseline).find((d) => d.path === 'events.0');
    expect(diff?.valueText).toBe('week 52: mandate lifted (scrum-masters)');
    const reverse = settingsDiff(baseline, loadBuiltin('mandate-lifted').scenario).find((d) => d.path === 'events.0');
    expect(reverse?.baselineText).toBe('week 52: mandate lifted (scrum-masters)');
    // An unlabelled event is named by what it changes, and the one CoP by its id.
    const { scenario } = loadScenario('baseline');
    const changed = settingsDiff({ ...scenario, events: [{ week: 10, set: { support: { fundedHours: 0 } } }] }, baseline);
    expect(changed.find((d) => d.path === 'events.0')?.valueText).toBe('week 10: support.fundedHours → 0 (scrum-masters)');
  });

  it('ignores name, description and source', () => {
    const scenario = { ...baseline, name: 'other', description: 'something else', source: 'elsewhere' };
    expect(settingsDiff(scenario, baseline)).toEqual([]);
  });

  it("lists an added CoP's settings that differ from the defaults, not all of them", () => {
    const { scenario } = loadScenario('two-cops-competing');
    const diff = settingsDiff(scenario, baseline);
    expect(diff).toContainEqual({ path: 'organisation.projectLoad.mean', value: 37.5, baseline: 37 });
    const added = diff.filter((d) => d.path.startsWith('cops.1.'));
    expect(added).toContainEqual({ path: 'cops.1.id', value: 'ways-of-working', baseline: undefined });
    expect(added).toContainEqual({ path: 'cops.1.name', value: 'Agile ways-of-working CoP', baseline: undefined });
    expect(added).toContainEqual({ path: 'cops.1.launchWeek', value: 26, baseline: undefined });
    // bottom-up and open are the defaults: not worth a line.
    expect(added.map((d) => d.path)).not.toContain('cops.1.initiation');
    expect(added.map((d) => d.path)).not.toContain('cops.1.openness');
    // The first CoP is the baseline's, with its funded hours taken away.
    expect(diff.filter((d) => d.path.startsWith('cops.0.')).map((d) => d.path)).toEqual(['cops.0.support.fundedHours']);
  });

  it('reports a CoP the scenario lacks as one entry, and an added event whole', () => {
    const two = loadScenario('two-cops-competing').scenario;
    const removed = settingsDiff(baseline, two).filter((d) => d.path.startsWith('cops.1'));
    expect(removed).toEqual([{ path: 'cops.1', value: undefined, baseline: two.cops[1] }]);
    const withEvent = parseScenario({ extends: 'baseline', events: [{ week: 52, set: { participation: 'voluntary' } }] });
    expect(settingsDiff(withEvent, baseline)).toEqual([
      { path: 'events.0', value: withEvent.events[0], baseline: undefined, valueText: 'week 52: participation → voluntary (scrum-masters)' },
    ]);
  });
});
