import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeValues, originOf, type Origins } from '../../src/scenario/merge.js';
import { loadScenario, parseScenario } from '../../src/scenario/index.js';
import { scenarioError, tempFiles } from './helpers.js';

describe('mergeValues', () => {
  it('merges mappings key by key, leaving both inputs untouched', () => {
    const base = { weeks: 156, organisation: { employees: 1000, sites: 3 } };
    const over = { organisation: { sites: 5 } };
    expect(mergeValues(base, over, [])).toEqual({ weeks: 156, organisation: { employees: 1000, sites: 5 } });
    expect(base.organisation.sites).toBe(3);
  });

  it('merges the top-level cops list element-wise by position', () => {
    const base = { cops: [{ id: 'a', theme: 'agility', support: { lead: 'part-time', fundedHours: 2 } }, { id: 'b' }] };
    const over = { cops: [{ support: { fundedHours: 0 } }] };
    expect(mergeValues(base, over, [])).toEqual({
      cops: [{ id: 'a', theme: 'agility', support: { lead: 'part-time', fundedHours: 0 } }, { id: 'b' }],
    });
  });

  it('replaces other lists whole', () => {
    const base = { events: [{ week: 1 }, { week: 2 }] };
    expect(mergeValues(base, { events: [{ week: 9 }] }, [])).toEqual({ events: [{ week: 9 }] });
  });

  it('replaces a mapping whose kind changes instead of mixing two kinds', () => {
    const base = { targetGroup: { kind: 'role', role: 'scrumMaster' } };
    expect(mergeValues(base, { targetGroup: { kind: 'topic' } }, [])).toEqual({ targetGroup: { kind: 'topic' } });
    expect(mergeValues(base, { targetGroup: { role: 'tester' } }, [])).toEqual({
      targetGroup: { kind: 'role', role: 'tester' },
    });
  });

  it('records which layer supplied each path', () => {
    const origins: Origins = new Map();
    let merged = mergeValues(undefined, { weeks: 1, events: [{ week: 1 }] }, [], { origins, origin: 'parent.yaml' });
    merged = mergeValues(merged, { events: [{ week: 2 }], cops: [{}] }, [], { origins, origin: 'child.yaml' });
    expect(originOf(origins, ['weeks'], '?')).toBe('parent.yaml');
    expect(originOf(origins, ['events', 0, 'week'], '?')).toBe('child.yaml');
    expect(originOf(origins, ['cops', 0, 'theme'], '?')).toBe('child.yaml');
  });
});

describe('extends', () => {
  it('resolves a relative path from the extending file, through a chain, dropping extends', () => {
    const dir = tempFiles({
      'base/root.yaml': 'name: root\ndescription: root claim\nweeks: 100\ncops:\n  - id: sm\n    founders: 7\n    theme: security\n',
      'base/middle.json': '{"extends": "root.yaml", "cops": [{"founders": 9}], "organisation": {"sites": 2}}',
      'leaf.yaml': 'extends: base/middle.json\nweeks: 60\ncops:\n  - participation: expected\n',
    });
    const { scenario, source } = loadScenario(join(dir, 'leaf.yaml'));
    expect(source).toBe(join(dir, 'leaf.yaml'));
    expect(scenario.name).toBe('leaf');
    expect(scenario.description).toBe('root claim');
    expect(scenario.weeks).toBe(60);
    expect(scenario.organisation.sites).toBe(2);
    expect(scenario.cops[0]).toMatchObject({ id: 'sm', founders: 9, theme: 'security', participation: 'expected' });
    expect(scenario).not.toHaveProperty('extends');
  });

  it('extends a built-in by name', () => {
    const s = parseScenario({ extends: 'baseline', cops: [{ participation: 'mandatory' }] }, { file: 'my.yaml' });
    expect(s.name).toBe('my');
    expect(s.cops[0]).toMatchObject({ id: 'scrum-masters', participation: 'mandatory', theme: 'agility' });
  });

  it('detects a cycle and names the chain', () => {
    const dir = tempFiles({ 'a.yaml': 'extends: b.yaml\ncops: [{}]\n', 'b.yaml': 'extends: a.yaml\n' });
    const error = scenarioError(() => loadScenario(join(dir, 'a.yaml')));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]?.path).toBe('extends');
    expect(error.issues[0]?.message).toMatch(/^extends cycle: .*a\.yaml → .*b\.yaml → .*a\.yaml$/);
  });

  it('detects a file extending itself', () => {
    const dir = tempFiles({ 'self.yaml': 'extends: ./self.yaml\ncops: [{}]\n' });
    const error = scenarioError(() => loadScenario(join(dir, 'self.yaml')));
    expect(error.issues[0]?.message).toMatch(/^extends cycle: /);
  });

  it('reports a missing parent and an unknown built-in with a suggestion', () => {
    const dir = tempFiles({ 'a.yaml': 'extends: missing.yaml\ncops: [{}]\n', 'b.yaml': 'extends: basline\n' });
    const missing = scenarioError(() => loadScenario(join(dir, 'a.yaml')));
    expect(missing.issues[0]).toMatchObject({ path: 'extends' });
    expect(missing.issues[0]?.message).toMatch(/cannot read .*missing\.yaml: no such file/);
    const unknown = scenarioError(() => loadScenario(join(dir, 'b.yaml')));
    expect(unknown.issues[0]).toMatchObject({ path: 'extends', suggestion: 'baseline' });
  });

  it('names the parent file for a problem that the parent supplies', () => {
    const dir = tempFiles({
      'parent.yaml': 'cops:\n  - id: sm\n    steering: 3\n',
      'child.yaml': 'extends: parent.yaml\nweeks: 0\n',
    });
    const error = scenarioError(() => loadScenario(join(dir, 'child.yaml')));
    const byPath = Object.fromEntries(error.issues.map((i) => [i.path, i.file]));
    expect(byPath['cops.0.steering']).toBe(join(dir, 'parent.yaml'));
    expect(byPath['weeks']).toBe(join(dir, 'child.yaml'));
  });
});
