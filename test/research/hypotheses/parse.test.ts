/**
 * Reading hypothesis files: every problem names the file, the path and what was expected, with
 * the nearest valid name for a misspelt one.
 */
import { describe, expect, it } from 'vitest';
import { formatHypothesisPath, HypothesisError, parseHypothesisFile } from '../../../src/research/hypotheses/index.js';

/** A valid hypothesis; tests change one thing. */
function hypothesis(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'h1',
    statement: 'Mandatory participation raises attendance.',
    source: 'Interview study §4.3 (Participation)',
    kind: 'mechanism',
    compare: { a: 'baseline', b: { scenario: 'baseline', set: ['cops.0.participation=mandatory'] } },
    measure: { metric: 'attendance', at: { from: 52, to: 103 } },
    expect: 'increase',
    smallest_effect: 2,
    ...extra,
  };
}

/** The formatted issues of parsing `raw`, or [] when it parses. */
function problems(raw: unknown): string[] {
  try {
    parseHypothesisFile(raw, 'h.yaml');
    return [];
  } catch (error) {
    if (!(error instanceof HypothesisError)) throw error;
    return error.format().split('\n');
  }
}

describe('parseHypothesisFile', () => {
  it('accepts a valid file and keeps its values', () => {
    const data = parseHypothesisFile({ weeks: 104, runs: 50, hypotheses: [hypothesis()] }, 'h.yaml');
    expect(data.weeks).toBe(104);
    expect(data.runs).toBe(50);
    expect(data.hypotheses[0]?.measure.at).toEqual({ from: 52, to: 103 });
  });

  it('accepts every form of "at": final, auc, a week and a window', () => {
    for (const at of ['final', 'auc', 26, { from: 0, to: 10 }]) {
      expect(problems({ hypotheses: [hypothesis({ measure: { metric: 'members', at } })] })).toEqual([]);
    }
  });

  it('suggests the nearest key for a misspelt one, with a bracketed path', () => {
    expect(problems({ hypotheses: [hypothesis({ smalest_effect: 2 })] })).toContain(
      'h.yaml: hypotheses[0]: unknown key "smalest_effect" (did you mean "smallest_effect"?)',
    );
  });

  it('suggests the nearest key inside the mapping form of an arm', () => {
    const h = hypothesis({ compare: { a: 'baseline', b: { scenaro: 'baseline' } } });
    const found = problems({ hypotheses: [h] });
    expect(found).toContain('h.yaml: hypotheses[0].compare.b: unknown key "scenaro" (did you mean "scenario"?)');
  });

  it('takes an optional kind, mechanism or emergent', () => {
    const { kind: _kind, ...rest } = hypothesis();
    expect(problems({ hypotheses: [rest] })).toEqual([]);
    expect(problems({ hypotheses: [hypothesis({ kind: 'emergent' })] })).toEqual([]);
    expect(problems({ hypotheses: [hypothesis({ kind: 'emergant' })] })[0]).toMatch(
      /^h\.yaml: hypotheses\[0\]\.kind: expected one of mechanism \| emergent, got "emergant"/,
    );
  });

  it('takes while_alive for a weekly metric only', () => {
    expect(problems({ hypotheses: [hypothesis({ measure: { metric: 'habit', while_alive: true } })] })).toEqual([]);
    expect(problems({ hypotheses: [hypothesis({ measure: { metric: 'peak_members', while_alive: true } })] })).toEqual([
      'h.yaml: hypotheses[0].measure.while_alive: "peak_members" is a per-run figure: it has one value per run and takes no "while_alive"',
    ]);
  });

  it('names a missing field', () => {
    const { source: _source, ...rest } = hypothesis();
    expect(problems({ hypotheses: [rest] })).toEqual(['h.yaml: hypotheses[0].source: required: expected a string']);
  });

  it('rejects an unknown direction and suggests the nearest', () => {
    expect(problems({ hypotheses: [hypothesis({ expect: 'increse' })] })).toEqual([
      'h.yaml: hypotheses[0].expect: expected one of increase | decrease, got "increse" (did you mean "increase"?)',
    ]);
  });

  it('rejects an unknown metric and suggests the nearest', () => {
    const [issue] = problems({ hypotheses: [hypothesis({ measure: { metric: 'atendance' } })] });
    expect(issue).toMatch(/^h\.yaml: hypotheses\[0\]\.measure\.metric: unknown metric "atendance": expected a weekly metric/);
    expect(issue).toMatch(/\(did you mean "attendance"\?\)$/);
  });

  it('says what "at" may be, and suggests final for fnal', () => {
    expect(problems({ hypotheses: [hypothesis({ measure: { metric: 'members', at: 'fnal' } })] })).toEqual([
      'h.yaml: hypotheses[0].measure.at: expected final, auc, a week number (0-based) or { from, to }, got "fnal" (did you mean "final"?)',
    ]);
  });

  it('rejects a week for a per-run figure and an empty window', () => {
    expect(problems({ hypotheses: [hypothesis({ measure: { metric: 'peak_members', at: 10 } })] })).toEqual([
      'h.yaml: hypotheses[0].measure.at: "peak_members" is a per-run figure: it has one value per run and takes no "at"',
    ]);
    expect(problems({ hypotheses: [hypothesis({ measure: { metric: 'members', at: { from: 9, to: 3 } } })] })).toEqual([
      'h.yaml: hypotheses[0].measure.at: window 9..3 is empty: "from" must not exceed "to"',
    ]);
  });

  it('takes a smallest effect of 0 (the sign alone tested) and refuses a negative one', () => {
    expect(problems({ hypotheses: [hypothesis({ smallest_effect: 0 })] })).toEqual([]);
    expect(problems({ hypotheses: [hypothesis({ smallest_effect: -0.5 })] })).toEqual([
      'h.yaml: hypotheses[0].smallest_effect: expected a number >= 0, got -0.5',
    ]);
  });

  it('rejects duplicate ids, naming the first', () => {
    expect(problems({ hypotheses: [hypothesis(), hypothesis()] })).toEqual([
      'h.yaml: hypotheses[1].id: duplicate id "h1": hypotheses[0] has it already',
    ]);
  });

  it('reports every problem at once', () => {
    expect(problems({ hypotheses: [hypothesis({ expect: 'up' }), hypothesis({ id: 'h2', smallest_effect: -1 })] })).toHaveLength(2);
  });

  it('rejects an empty file and an empty list', () => {
    expect(problems(null)).toEqual(['h.yaml: the file is empty: expected a mapping with a list of hypotheses']);
    expect(problems({ hypotheses: [] })).toEqual(['h.yaml: hypotheses: expected at least 1 item, got 0']);
  });
});

describe('formatHypothesisPath', () => {
  it('writes list indices in brackets', () => {
    expect(formatHypothesisPath(['hypotheses', 3, 'measure', 'at'])).toBe('hypotheses[3].measure.at');
    expect(formatHypothesisPath([])).toBe('');
  });
});
