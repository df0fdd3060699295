/**
 * Resolving hypotheses: arms loaded with their settings in order, measures checked against the
 * scenarios, problems placed at the hypothesis and arm that caused them; and the shipped file.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseYaml } from 'yaml';
import {
  hypothesisJsonSchemaText,
  HypothesisError,
  parseHypothesisFile,
  readHypothesisFile,
  resolveHypotheses,
} from '../../../src/research/hypotheses/index.js';
import { builtinDir } from '../../../src/scenario/index.js';

function hypothesis(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'h1',
    statement: 'Mandatory participation raises attendance.',
    source: 'Interview study §4.3 (Participation)',
    kind: 'mechanism',
    compare: { a: 'baseline', b: { scenario: 'baseline', set: ['cops.0.participation=mandatory'] } },
    measure: { metric: 'attendance', at: 100 },
    expect: 'increase',
    smallest_effect: 2,
    ...extra,
  };
}

function resolveProblems(raw: unknown, sets: string[] = []): string[] {
  try {
    resolveHypotheses(parseHypothesisFile(raw, 'h.yaml'), { file: 'h.yaml', sets });
    return [];
  } catch (error) {
    if (!(error instanceof HypothesisError)) throw error;
    return error.format().split('\n');
  }
}

describe('resolveHypotheses', () => {
  it('loads each arm with its own settings and the CoP of its scenario', () => {
    const { hypotheses } = resolveHypotheses(parseHypothesisFile({ hypotheses: [hypothesis()] }, 'h.yaml'));
    const [h] = hypotheses;
    expect(h?.a.scenario.cops[0]?.participation).toBe('voluntary');
    expect(h?.b.scenario.cops[0]?.participation).toBe('mandatory');
    expect(h?.a.measure).toEqual({ metric: 'attendance', cop: 'scrum-masters', at: { week: 100 } });
    expect(h?.b.label).toBe('baseline [cops.0.participation=mandatory]');
    expect(h?.a.key).not.toBe(h?.b.key);
    expect(h?.kind).toBe('mechanism');
  });

  it('reads only alive weeks when the measure says while_alive', () => {
    const raw = { hypotheses: [hypothesis({ measure: { metric: 'habit', at: { from: 52, to: 155 }, while_alive: true } })] };
    const [h] = resolveHypotheses(parseHypothesisFile(raw, 'h.yaml')).hypotheses;
    expect(h?.b.measure).toEqual({ metric: 'habit', cop: 'scrum-masters', at: { from: 52, to: 155 }, whileAlive: true });
  });

  it('gives arms that simulate the same scenario the same key', () => {
    const raw = { hypotheses: [hypothesis(), hypothesis({ id: 'h2', measure: { metric: 'members' } })] };
    const { hypotheses } = resolveHypotheses(parseHypothesisFile(raw, 'h.yaml'));
    expect(hypotheses[0]?.a.key).toBe(hypotheses[1]?.a.key);
    expect(hypotheses[0]?.b.key).toBe(hypotheses[1]?.b.key);
  });

  it("applies the file's weeks, then the hypothesis' weeks, then --set, then the arm's set", () => {
    const raw = {
      weeks: 104,
      hypotheses: [
        hypothesis({ measure: { metric: 'members' } }),
        hypothesis({
          id: 'h2',
          weeks: 52,
          measure: { metric: 'members' },
          compare: { a: 'baseline', b: { scenario: 'baseline', set: 'weeks=30' } },
        }),
      ],
    };
    const file = parseHypothesisFile(raw, 'h.yaml');
    const weeks = (sets: string[]) =>
      resolveHypotheses(file, { sets }).hypotheses.map((h) => [h.a.scenario.weeks, h.b.scenario.weeks]);
    expect(weeks([])).toEqual([
      [104, 104],
      [52, 30],
    ]);
    expect(weeks(['weeks=20'])).toEqual([
      [20, 20],
      [20, 30],
    ]);
  });

  it('measures each arm in its own first CoP unless told', () => {
    const raw = { hypotheses: [hypothesis({ compare: { a: 'baseline', b: 'open-topic-broad' }, measure: { metric: 'members' } })] };
    const [h] = resolveHypotheses(parseHypothesisFile(raw, 'h.yaml')).hypotheses;
    expect([h?.a.measure.cop, h?.b.measure.cop]).toEqual(['scrum-masters', 'ai']);
  });

  it('names the arm of an unknown scenario and suggests the nearest built-in', () => {
    const found = resolveProblems({ hypotheses: [hypothesis({ compare: { a: 'baseline', b: 'top-down-mandatry' } })] });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^h\.yaml: hypotheses\[0\]\.compare\.b: .*top-down-mandatry.* \(did you mean "top-down-mandatory"\?\)$/);
  });

  it('names the arm of a bad setting', () => {
    const found = resolveProblems({
      hypotheses: [hypothesis({ compare: { a: 'baseline', b: { scenario: 'baseline', set: ['cops.0.participation=mandatry'] } } })],
    });
    expect(found[0]).toMatch(/^h\.yaml: hypotheses\[0\]\.compare\.b: .*participation.*mandatry/);
    expect(found[0]).toMatch(/did you mean "mandatory"/);
  });

  it('rejects an unknown CoP and a week outside the run, naming the arm', () => {
    expect(resolveProblems({ hypotheses: [hypothesis({ measure: { metric: 'members', cop: 'nope' } })] })[0]).toBe(
      'h.yaml: hypotheses[0].measure: unknown CoP "nope": expected one of scrum-masters (in baseline)',
    );
    expect(resolveProblems({ hypotheses: [hypothesis({ measure: { metric: 'members', at: 200 } })] })[0]).toBe(
      'h.yaml: hypotheses[0].measure: week 200 is outside the run: expected 0 to 155 (in baseline)',
    );
    // A shorter run from the command line makes the same week invalid.
    expect(resolveProblems({ hypotheses: [hypothesis()] }, ['weeks=50'])[0]).toMatch(/week 100 is outside the run: expected 0 to 49/);
  });

  it('reads scenario files relative to the hypothesis file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'copsim-hyp-'));
    writeFileSync(join(dir, 'mine.yaml'), 'extends: baseline\nweeks: 40\n');
    writeFileSync(
      join(dir, 'h.yaml'),
      [
        'hypotheses:',
        '  - id: h1',
        '    statement: s',
        '    source: s',
        '    kind: emergent',
        '    compare: { a: baseline, b: mine.yaml }',
        '    measure: { metric: members, at: 10 }',
        '    expect: increase',
        '    smallest_effect: 1',
      ].join('\n'),
    );
    const file = join(dir, 'h.yaml');
    const [h] = resolveHypotheses(readHypothesisFile(file), { file }).hypotheses;
    expect(h?.b.scenario.weeks).toBe(40);
    expect(h?.b.source).toBe(join(dir, 'mine.yaml'));
  });
});

describe('the shipped study file', () => {
  const file = join(builtinDir(), 'hypotheses', 'study.yaml');
  const data = readHypothesisFile(file);

  it('holds at least ten hypotheses, each citing its source', () => {
    expect(data.hypotheses.length).toBeGreaterThanOrEqual(10);
    for (const h of data.hypotheses) expect(h.source).toMatch(/seeds\/00\d|[Ii]nterview study §\d/);
  });

  it('resolves: every scenario exists and every measure fits its arms', () => {
    const { hypotheses } = resolveHypotheses(data, { file });
    expect(hypotheses.map((h) => h.id)).toEqual(data.hypotheses.map((h) => h.id));
  });

  it('is valid against schema.json, which matches the schema it is generated from', () => {
    const schemaFile = join(builtinDir(), 'hypotheses', 'schema.json');
    const text = readFileSync(schemaFile, 'utf8');
    expect(text, 'regenerate scenarios/hypotheses/schema.json from hypothesisJsonSchemaText()').toBe(hypothesisJsonSchemaText());
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(text));
    expect(validate(parseYaml(readFileSync(file, 'utf8'))), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ hypotheses: [{ id: 'x' }] })).toBe(false);
  });
});
