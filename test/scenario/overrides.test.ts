import { describe, expect, it } from 'vitest';
import { applySets, loadScenario, parseSet } from '../../src/scenario/index.js';
import { scenarioError } from './helpers.js';

describe('parseSet', () => {
  it('reads numbers, booleans and enum words as YAML scalars', () => {
    expect(parseSet('weeks=52')).toEqual({ path: ['weeks'], value: 52 });
    expect(parseSet('cops.0.support.fundedHours=0.5')).toEqual({ path: ['cops', 0, 'support', 'fundedHours'], value: 0.5 });
    expect(parseSet('cops.0.support.coach=true')).toEqual({ path: ['cops', 0, 'support', 'coach'], value: true });
    expect(parseSet('cops.0.participation=mandatory')).toEqual({ path: ['cops', 0, 'participation'], value: 'mandatory' });
  });

  it('reads flow mappings and lists, and keeps "=" inside the value', () => {
    expect(parseSet('cops.0.targetGroup={kind: role, role: scrumMaster}').value).toEqual({ kind: 'role', role: 'scrumMaster' });
    expect(parseSet('events=[{week: 3, set: {steering: 1}}]').value).toEqual([{ week: 3, set: { steering: 1 } }]);
    expect(parseSet('description=a=b').value).toBe('a=b');
  });

  it('rejects an expression without "=", an empty path or segment, and an empty value', () => {
    const noEquals = scenarioError(() => parseSet('weeks'));
    expect(noEquals.issues[0]).toMatchObject({ file: '--set weeks', path: '' });
    expect(noEquals.issues[0]?.message).toContain('expected path=value');
    expect(scenarioError(() => parseSet('=3')).issues[0]?.message).toContain('expected a path before "="');
    expect(scenarioError(() => parseSet('cops..theme=ai')).issues[0]?.message).toContain('empty segment');
    expect(scenarioError(() => parseSet('weeks=')).issues[0]?.message).toContain('expected a value');
  });

  it('rejects a value that is not valid YAML', () => {
    const error = scenarioError(() => parseSet('cops.0.targetGroup={kind: role'));
    expect(error.issues[0]?.file).toBe('--set cops.0.targetGroup={kind: role');
    expect(error.issues[0]?.message).toContain('expected a YAML value');
  });
});

describe('applySets', () => {
  const raw = { weeks: 156, cops: [{ id: 'sm', support: { fundedHours: 2, lead: 'part-time' } }] };

  it('sets values in a copy, later expressions winning, mappings merging like a file layer', () => {
    const out = applySets(raw, ['weeks=52', 'weeks=60', 'cops.0.support={fundedHours: 4}']);
    expect(out).toEqual({ weeks: 60, cops: [{ id: 'sm', support: { fundedHours: 4, lead: 'part-time' } }] });
    expect(raw.weeks).toBe(156);
    expect(raw.cops[0]?.support.fundedHours).toBe(2);
  });

  it('adds a CoP at the next index but not past it', () => {
    expect(applySets(raw, ['cops.1.theme=ai'])).toMatchObject({ cops: [{ id: 'sm' }, { theme: 'ai' }] });
    const error = scenarioError(() => applySets(raw, ['cops.3.theme=ai']));
    expect(error.issues[0]).toMatchObject({ file: '--set cops.3.theme=ai', path: 'cops' });
    expect(error.issues[0]?.message).toContain('index 3 is past the end of the list (1 item');
  });

  it('refuses an empty list of CoPs, which would merge into nothing, instead of ignoring it', () => {
    const error = scenarioError(() => applySets(raw, ['cops=[]']));
    expect(error.issues[0]).toMatchObject({ file: '--set cops=[]', path: 'cops' });
    expect(error.issues[0]?.message).toContain('an empty list changes nothing');
    expect(applySets(raw, ['cops=[{ theme: ai }]'])).toMatchObject({ cops: [{ id: 'sm', theme: 'ai' }] });
  });

  it('names an unknown key with the --set origin and the nearest valid key', () => {
    const error = scenarioError(() => applySets(raw, ['cops.0.partcipation=mandatory']));
    expect(error.format()).toBe(
      '--set cops.0.partcipation=mandatory: cops.0: unknown key "partcipation" (did you mean "participation"?)',
    );
  });

  it('lists the valid keys when nothing is close', () => {
    const error = scenarioError(() => applySets(raw, ['cops.0.support.xyzzy=1']));
    expect(error.issues[0]?.message).toBe(
      'unknown key "xyzzy"; valid keys: fundedHours, protection, budget, lead, coach, welcome',
    );
  });

  it('rejects paths that go inside a number, index a mapping or name a list field', () => {
    const messages = scenarioError(() => applySets(raw, ['weeks.x=1', 'organisation.0=1', 'cops.first.theme=ai'])).issues.map(
      (i) => `${i.path}: ${i.message}`,
    );
    expect(messages).toEqual([
      'weeks: is a number, with no field "x"',
      'organisation: expected a key, got list index 0',
      'cops: expected a list index (0, 1, ...), got "first"',
    ]);
  });

  it('checks paths inside parameters and the target group union', () => {
    expect(applySets(raw, ['parameters.attendance.habit=1.5'])).toMatchObject({ parameters: { attendance: { habit: 1.5 } } });
    expect(applySets(raw, ['cops.0.targetGroup.role=tester'])).toMatchObject({ cops: [{ targetGroup: { role: 'tester' } }] });
    const error = scenarioError(() => applySets(raw, ['parameters.attendence.habit=1']));
    expect(error.issues[0]).toMatchObject({ path: 'parameters', suggestion: 'attendance' });
  });

  it('collects the problems of all expressions', () => {
    const error = scenarioError(() => applySets(raw, ['weeks', 'cops.0.themee=ai']));
    expect(error.issues.map((i) => i.file)).toEqual(['--set weeks', '--set cops.0.themee=ai']);
    expect(error.issues[1]?.suggestion).toBe('theme');
  });
});

describe('--set through loadScenario', () => {
  it('overrides a built-in and is validated like the file', () => {
    const { scenario } = loadScenario('baseline', {
      sets: ['weeks=52', 'cops.0.participation=mandatory', 'cops.0.targetGroup={kind: topic}', 'parameters.attendance.habit=1.5'],
    });
    expect(scenario.weeks).toBe(52);
    expect(scenario.cops[0]?.participation).toBe('mandatory');
    expect(scenario.cops[0]?.targetGroup).toEqual({ kind: 'topic' });
    expect(scenario.parameters.attendance.habit).toBe(1.5);
  });

  it('blames the --set expression for a value the schema rejects', () => {
    const error = scenarioError(() =>
      loadScenario('baseline', { sets: ['cops.0.participation=mandatry', 'cops.0.support.fundedHours=99'] }),
    );
    expect(error.format().split('\n')).toEqual([
      '--set cops.0.participation=mandatry: cops.0.participation: expected one of voluntary | expected | mandatory, got "mandatry" (did you mean "mandatory"?)',
      '--set cops.0.support.fundedHours=99: cops.0.support.fundedHours: expected a number from 0 to 40, got 99',
    ]);
  });

  it('refuses to set extends', () => {
    const error = scenarioError(() => loadScenario('baseline', { sets: ['extends=baseline'] }));
    expect(error.issues[0]).toMatchObject({ file: '--set extends=baseline', path: 'extends' });
  });
});
