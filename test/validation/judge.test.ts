/**
 * How a validation row is judged, and that the committed table is read back the way the quick
 * check reads it: a band passes when the 95% interval meets it, a sign when the whole interval
 * lies on its side of zero, an input is shown only, and a value that could not be measured is
 * n/a, never a pass.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { judge } from '../../src/validation/evaluate.js';
import { ALL_FACTS } from '../../src/validation/facts.js';
import { DESIGN, DOMAIN } from '../../src/validation/design.js';

describe('judge', () => {
  const band = { kind: 'band', low: 0.1, high: 0.15 } as const;
  it('passes a band the interval meets, fails one it misses on either side', () => {
    expect(judge(band, { estimate: 0.12, se: 0.001, n: 10 })).toBe('pass');
    // 0.09 + 1.96·0.006 = 0.1018 reaches the band; with se 0.004 it does not.
    expect(judge(band, { estimate: 0.09, se: 0.006, n: 10 })).toBe('pass');
    expect(judge(band, { estimate: 0.09, se: 0.004, n: 10 })).toBe('fail');
    expect(judge(band, { estimate: 0.2, se: 0.01, n: 10 })).toBe('fail');
  });
  it('passes a sign only when the whole interval is on that side of zero', () => {
    const neg = { kind: 'sign', sign: -1 } as const;
    expect(judge(neg, { estimate: -1, se: 0.4, n: 10 })).toBe('pass');
    expect(judge(neg, { estimate: -1, se: 0.6, n: 10 })).toBe('fail');
    expect(judge({ kind: 'sign', sign: 1 }, { estimate: -1, se: 0.1, n: 10 })).toBe('fail');
  });
  it('shows inputs and never passes what could not be measured', () => {
    expect(judge({ kind: 'input', low: 0, high: 1 }, { estimate: 5, se: 1, n: 3 })).toBe('input');
    expect(judge(band, { estimate: Number.NaN, se: 0.1, n: 0 })).toBe('n/a');
    expect(judge(band, { estimate: 0.12, se: Number.NaN, n: 1 })).toBe('n/a');
  });
});

describe('the committed validation', () => {
  const committed = JSON.parse(readFileSync(new URL('../../docs/validation.json', import.meta.url), 'utf8')) as {
    rows: { fact: string; check: string; point: string; verdict: string }[];
  };
  it('has a row for every check of every fact at every point of the design it applies to', () => {
    const have = new Set(committed.rows.map((r) => `${r.fact}/${r.check}@${r.point}`));
    for (const fact of ALL_FACTS) {
      const points = fact.kind === 'scenario' ? DESIGN.slice(0, 1) : DESIGN.filter((p) => fact.applies?.(p) ?? true);
      for (const p of points) for (const c of fact.checks) expect(have.has(`${fact.id}/${c.id}@${p.id}`), `${fact.id}/${c.id}@${p.id}`).toBe(true);
    }
  });
  it('spans the declared domain at both ends of every axis', () => {
    expect(Math.min(...DESIGN.map((p) => p.employees))).toBe(DOMAIN.employees[0]);
    expect(Math.max(...DESIGN.map((p) => p.employees))).toBe(DOMAIN.employees[1]);
    expect(new Set(DESIGN.map((p) => p.cadence))).toEqual(new Set([1, 2, 4]));
    expect(new Set(DESIGN.map((p) => p.kind))).toEqual(new Set(DOMAIN.kinds));
    expect(Math.min(...DESIGN.map((p) => p.weeks))).toBe(DOMAIN.weeks[0]);
    expect(Math.max(...DESIGN.map((p) => p.weeks))).toBe(DOMAIN.weeks[1]);
  });
});
