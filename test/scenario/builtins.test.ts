import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  builtinDir,
  listBuiltins,
  loadBuiltin,
  loadScenario,
  ScenarioError,
  validateScenarioFiles,
} from '../../src/scenario/index.js';

const EXPECTED = [
  'baseline',
  'bottom-up-unsupported',
  'closed-safe-space',
  'funding-withdrawn',
  'mandate-lifted',
  'open-topic-broad',
  'presentation-irregular',
  'recognised-later',
  'top-down-mandatory',
  'top-down-steered',
  'top-down-voluntary',
  'two-cops-competing',
];

const yamlFiles = readdirSync(builtinDir()).filter((f) => f.endsWith('.yaml'));

describe('built-in scenarios', () => {
  it('lists the twelve built-ins, baseline first, each with a description', () => {
    const builtins = listBuiltins();
    expect(builtins.map((b) => b.name)).toEqual(EXPECTED);
    for (const b of builtins) expect(b.description.length).toBeGreaterThan(40);
  });

  it.each(yamlFiles)('%s validates and names the claim it illustrates', (file) => {
    const path = join(builtinDir(), file);
    const [result] = validateScenarioFiles([path]);
    expect(result?.issues).toEqual([]);
    expect(result?.ok).toBe(true);
    const text = readFileSync(path, 'utf8');
    expect(text.startsWith('# yaml-language-server: $schema=./schema.json\n')).toBe(true);
    const raw = parse(text) as Record<string, unknown>;
    expect(typeof raw['description']).toBe('string');
    expect(typeof raw['source']).toBe('string');
  });

  it.each(EXPECTED)('%s gives every CoP an explicit id and is named after its file', (name) => {
    const { scenario, source } = loadBuiltin(name);
    expect(source).toBe(`builtin:${name}`);
    expect(scenario.name).toBe(name);
    expect(scenario).not.toHaveProperty('extends');
    for (const cop of scenario.cops) expect(cop.id).toMatch(/^[a-z]/);
  });

  it('baseline is the voluntary role-based Scrum Master CoP of the brief', () => {
    const cop = loadScenario('baseline').scenario.cops[0];
    expect(cop).toMatchObject({
      id: 'scrum-masters',
      initiation: 'bottom-up',
      participation: 'voluntary',
      targetGroup: { kind: 'role', role: 'scrumMaster' },
      theme: 'agility',
      openness: 'open',
      scope: 'development-organisation',
      acceptance: 'approved',
      decisionPower: 'influence',
      steering: 0,
      founders: 5,
      support: { fundedHours: 2, protection: 0.6, lead: 'part-time', welcome: true },
      meetings: { cadence: 2, regularity: 0.9, length: 1.5, presentationShare: 0.3 },
    });
  });

  it('inherits through extends chains and overrides only what each level says', () => {
    const mandatory = loadScenario('top-down-mandatory').scenario.cops[0];
    expect(mandatory).toMatchObject({
      initiation: 'top-down',
      acceptance: 'initiated',
      founders: 10,
      participation: 'mandatory',
      steering: 0.5,
      decisionPower: 'decide',
      theme: 'agility',
      support: { fundedHours: 2, protection: 0.6, lead: 'part-time' },
    });
    const unsupported = loadScenario('bottom-up-unsupported').scenario.cops[0];
    expect(unsupported?.support).toMatchObject({ lead: 'none', fundedHours: 0, protection: 0.6 });
    expect(unsupported?.acceptance).toBe('tolerated');
  });

  it('event scenarios change settings at week 52', () => {
    const lifted = loadScenario('mandate-lifted').scenario;
    expect(lifted.cops[0]?.participation).toBe('mandatory');
    expect(lifted.events).toEqual([
      { week: 52, cop: 'scrum-masters', label: 'mandate lifted', set: { participation: 'voluntary' } },
    ]);
    const withdrawn = loadScenario('funding-withdrawn').scenario.events[0];
    expect(withdrawn?.set).toEqual({ acceptance: 'tolerated', support: { fundedHours: 0, budget: 0 } });
    const recognised = loadScenario('recognised-later').scenario;
    expect(recognised.cops[0]?.support.lead).toBe('none');
    expect(recognised.events[0]?.set?.support).toEqual({ fundedHours: 2, budget: 4, lead: 'part-time' });
  });

  it('open-topic-broad swaps the role target group for a topic and opens to the company', () => {
    const s = loadScenario('open-topic-broad').scenario;
    expect(s.cops[0]).toMatchObject({ id: 'ai', targetGroup: { kind: 'topic' }, theme: 'ai', scope: 'company' });
    expect(s.organisation.businessEmployees).toBe(1000);
  });

  it('two-cops-competing keeps the baseline CoP and adds a ways-of-working CoP launched at week 26, neither funded', () => {
    const s = loadScenario('two-cops-competing').scenario;
    expect(s.cops.map((c) => c.id)).toEqual(['scrum-masters', 'ways-of-working']);
    expect(s.cops[0]?.targetGroup).toEqual({ kind: 'role', role: 'scrumMaster' });
    expect(s.cops[1]).toMatchObject({ launchWeek: 26, theme: 'agility', targetGroup: { kind: 'topic' } });
    expect(s.cops.map((c) => c.support.fundedHours)).toEqual([0, 0]);
    expect(s.organisation.projectLoad.mean).toBe(37.5);
  });

  it('an unknown built-in name is an error suggesting the nearest', () => {
    expect(() => loadBuiltin('basline')).toThrow(ScenarioError);
    try {
      loadBuiltin('basline');
    } catch (error) {
      expect((error as ScenarioError).issues[0]?.suggestion).toBe('baseline');
    }
  });

  it('loads the same scenario identically every time', () => {
    expect(JSON.stringify(loadScenario('two-cops-competing'))).toBe(JSON.stringify(loadScenario('two-cops-competing')));
  });
});
