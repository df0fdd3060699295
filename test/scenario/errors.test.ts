import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatIssue,
  loadScenario,
  parseScenario,
  ScenarioError,
  validateScenarioFiles,
} from '../../src/scenario/index.js';
import { scenarioError, tempFiles } from './helpers.js';

const messages = (error: ScenarioError): string[] => error.format().split('\n');

describe('schema problems become messages naming file, path and expectation', () => {
  it('an unknown key suggests the nearest valid key of that mapping', () => {
    const error = scenarioError(() =>
      parseScenario({ cops: [{ partcipation: 'mandatory', support: { fundedHour: 2 } }], organisatoin: {} }, { file: 'foo.yaml' }),
    );
    expect(messages(error)).toEqual([
      'foo.yaml: cops.0.support: unknown key "fundedHour" (did you mean "fundedHours"?)',
      'foo.yaml: cops.0: unknown key "partcipation" (did you mean "participation"?)',
      'foo.yaml: unknown key "organisatoin" (did you mean "organisation"?)',
    ]);
    expect(error.issues[0]).toEqual({
      file: 'foo.yaml',
      path: 'cops.0.support',
      message: 'unknown key "fundedHour"',
      suggestion: 'fundedHours',
    });
  });

  it('an unknown key in a topic target group suggests only the keys of that kind', () => {
    const error = scenarioError(() => parseScenario({ cops: [{ targetGroup: { kind: 'topic', role: 'tester' } }] }));
    expect(error.issues).toEqual([
      { file: '<input>', path: 'cops.0.targetGroup', message: 'unknown key "role"; valid keys: kind' },
    ]);
  });

  it('an enum typo lists the choices and suggests the nearest', () => {
    const error = scenarioError(() => parseScenario({ cops: [{ participation: 'mandatry' }] }, { file: 'scenarios/foo.yaml' }));
    expect(error.format()).toBe(
      'scenarios/foo.yaml: cops.0.participation: expected one of voluntary | expected | mandatory, got "mandatry" (did you mean "mandatory"?)',
    );
  });

  it('a wrong target-group kind names the allowed kinds', () => {
    const error = scenarioError(() => parseScenario({ cops: [{ targetGroup: { kind: 'rol' } }] }));
    expect(error.issues[0]).toMatchObject({
      path: 'cops.0.targetGroup.kind',
      message: 'expected one of role | topic, got "rol"',
      suggestion: 'role',
    });
  });

  it('an out-of-range number states the whole range', () => {
    const error = scenarioError(() =>
      parseScenario({ cops: [{ founders: 0, steering: 1.5, support: { fundedHours: -1 } }], events: [{ week: -2, organisation: { turnover: 0.1 } }] }),
    );
    expect(error.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'cops.0.founders: expected an integer from 1 to 1000, got 0',
      'cops.0.steering: expected a number from 0 to 1, got 1.5',
      'cops.0.support.fundedHours: expected a number from 0 to 40, got -1',
      'events.0.week: expected an integer >= 0, got -2',
    ]);
  });

  it('a number-or-keyword setting names both forms and suggests the keyword', () => {
    const error = scenarioError(() => parseScenario({ cops: [{ steering: 'autp' }] }));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({
      path: 'cops.0.steering',
      message: 'expected a number from 0 to 1 or "auto", got "autp"',
      suggestion: 'auto',
    });
  });

  it('a wrong type says what was expected and what was found', () => {
    const error = scenarioError(() => parseScenario({ weeks: 'many', cops: [{ support: { coach: 'yes' }, founders: 2.5 }] }));
    expect(error.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'weeks: expected a number, got "many"',
      'cops.0.founders: expected an integer, got 2.5',
      'cops.0.support.coach: expected true or false, got "yes"',
    ]);
  });

  it('missing and empty required lists are named', () => {
    expect(scenarioError(() => parseScenario({})).issues).toEqual([
      { file: '<input>', path: 'cops', message: 'required: expected a list' },
    ]);
    expect(scenarioError(() => parseScenario({ cops: [] })).issues[0]?.message).toBe('expected at least 1 item, got 0');
  });

  it('a top level that is not a mapping is rejected', () => {
    expect(scenarioError(() => parseScenario([1, 2], { file: 'x.yaml' })).format()).toBe(
      'x.yaml: expected a mapping of scenario settings at the top level, got a list',
    );
  });
});

describe('cross-field checks', () => {
  it('CoP ids are unique, including the defaults', () => {
    const error = scenarioError(() => parseScenario({ cops: [{ id: 'cop2' }, {}] }));
    expect(error.issues[0]).toMatchObject({ path: 'cops.1.id', message: 'duplicate CoP id "cop2" (also cops.0); expected unique ids' });
  });

  it('events name an existing CoP, which may be left out only with one CoP', () => {
    const twoCops = { cops: [{ id: 'sm' }, { id: 'arch' }] };
    const error = scenarioError(() =>
      parseScenario({ ...twoCops, events: [{ week: 1, cop: 'smm', set: { steering: 1 } }, { week: 2, set: { steering: 0 } }] }),
    );
    expect(error.issues).toEqual([
      { file: '<input>', path: 'events.0.cop', message: 'expected the id of a CoP (sm | arch), got "smm"', suggestion: 'sm' },
      { file: '<input>', path: 'events.1.cop', message: 'required when the scenario has 2 CoPs: expected one of sm | arch' },
    ]);
    const one = parseScenario({ cops: [{}], events: [{ week: 3, set: { steering: 1 } }] });
    expect(one.events[0]?.set).toEqual({ steering: 1 });
  });

  it('an event must change something', () => {
    const error = scenarioError(() => parseScenario({ cops: [{}], events: [{ week: 3, label: 'nothing' }] }));
    expect(error.issues[0]).toMatchObject({ path: 'events.0', message: 'changes nothing: expected `set` (CoP settings) or `organisation`' });
  });

  it('an event keeps only the settings it names (no defaults filled into partial changes)', () => {
    const s = parseScenario({ cops: [{}], events: [{ week: 3, set: { support: { fundedHours: 0 } }, organisation: { projectLoad: { mean: 38 } } }] });
    expect(s.events[0]?.set).toEqual({ support: { fundedHours: 0 } });
    expect(s.events[0]?.organisation).toEqual({ projectLoad: { mean: 38 } });
  });
});

describe('file problems', () => {
  it('a YAML syntax error gives line and column', () => {
    const dir = tempFiles({ 'bad.yaml': 'weeks: 52\ncops: [{id: a}\nevents: []\n' });
    const file = join(dir, 'bad.yaml');
    const error = scenarioError(() => loadScenario(file));
    expect(error.issues[0]?.file).toBe(file);
    expect(error.issues[0]?.message).toMatch(/^YAML syntax error at line 3, column 1: /);
  });

  it('a duplicate YAML key is a syntax error', () => {
    const dir = tempFiles({ 'dup.yaml': 'weeks: 52\nweeks: 53\ncops: [{}]\n' });
    expect(scenarioError(() => loadScenario(join(dir, 'dup.yaml'))).issues[0]?.message).toMatch(/line 2, column 1: Map keys must be unique/);
  });

  it('a JSON syntax error gives line and column', () => {
    const dir = tempFiles({ 'bad.json': '{\n  "weeks": 52,\n  "cops": [{"id" "a"}]\n}\n', 'tok.json': '{\n  "weeks": tru\n}' });
    expect(scenarioError(() => loadScenario(join(dir, 'bad.json'))).issues[0]?.message).toMatch(/^JSON syntax error at line 3, column 1[0-9]: /);
    expect(scenarioError(() => loadScenario(join(dir, 'tok.json'))).issues[0]?.message).toMatch(/^JSON syntax error at line 2, column 12: /);
  });

  it('an empty file and an unknown extension are explained', () => {
    const dir = tempFiles({ 'empty.yaml': '# nothing here\n', 'notes.txt': 'weeks: 1' });
    expect(scenarioError(() => loadScenario(join(dir, 'empty.yaml'))).issues[0]?.message).toBe(
      'the file is empty: expected a mapping of scenario settings',
    );
    expect(scenarioError(() => loadScenario(join(dir, 'notes.txt'))).issues[0]?.message).toBe(
      'expected a .yaml, .yml or .json file, got ".txt"',
    );
  });

  it('a missing file says so, suggesting a built-in for a name-like argument', () => {
    expect(scenarioError(() => loadScenario('no/such/file.yaml')).format()).toBe('cannot read no/such/file.yaml: no such file');
    expect(scenarioError(() => loadScenario('basline')).format()).toBe(
      'cannot read basline: no such file or built-in scenario (did you mean "baseline"?)',
    );
    expect(scenarioError(() => loadScenario('qqqqqqqqqq')).issues[0]?.message).toMatch(/; built-ins: baseline, bottom-up-unsupported, /);
  });

  it('a directory is not a scenario', () => {
    const dir = tempFiles({});
    expect(scenarioError(() => loadScenario(dir)).issues[0]?.message).toBe(`cannot read ${dir}: it is a directory`);
  });

  it('the scenario is named after its file and may be JSON', () => {
    const dir = tempFiles({ 'my-run.json': '{"cops": [{"id": "x"}]}', 'named.yml': 'name: custom\ncops: [{}]\n' });
    expect(loadScenario(join(dir, 'my-run.json')).scenario.name).toBe('my-run');
    expect(loadScenario(join(dir, 'named.yml')).scenario.name).toBe('custom');
  });
});

describe('validateScenarioFiles', () => {
  it('reports each file without throwing', () => {
    const dir = tempFiles({ 'good.yaml': 'cops: [{}]\n', 'bad.yaml': 'weeks: 0\ncops: [{theme: aii}]\n' });
    const results = validateScenarioFiles([join(dir, 'good.yaml'), join(dir, 'bad.yaml'), join(dir, 'gone.yaml')]);
    expect(results.map((r) => r.ok)).toEqual([true, false, false]);
    expect(results[1]?.issues.map((i) => i.path)).toEqual(['weeks', 'cops.0.theme']);
    expect(results[1]?.issues[1]?.suggestion).toBe('ai');
    expect(results[2]?.issues[0]?.message).toContain('no such file');
  });
});

describe('formatIssue', () => {
  it('joins file, path and message and appends the suggestion', () => {
    expect(formatIssue({ file: 'a.yaml', path: 'weeks', message: 'expected an integer, got 2.5' })).toBe(
      'a.yaml: weeks: expected an integer, got 2.5',
    );
    expect(formatIssue({ file: 'a.yaml', path: '', message: 'the file is empty', suggestion: 'x' })).toBe(
      'a.yaml: the file is empty (did you mean "x"?)',
    );
  });

  it('makes the error message the formatted issues', () => {
    const error = new ScenarioError([
      { file: 'a', path: 'p', message: 'm1' },
      { file: 'b', path: '', message: 'm2' },
    ]);
    expect(error.message).toBe('a: p: m1\nb: m2');
    expect(error.name).toBe('ScenarioError');
  });
});
