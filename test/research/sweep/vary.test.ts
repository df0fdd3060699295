import { describe, expect, it } from 'vitest';
import { decimals, DesignError, MAX_SWEEP_POINTS, parseVary, sweepPoints } from '../../../src/research/sweep/index.js';

describe('parseVary: ranges', () => {
  it('includes both ends of a whole-number range', () => {
    expect(parseVary('cops.0.support.fundedHours=0:8:2')).toEqual({
      path: 'cops.0.support.fundedHours',
      values: [0, 2, 4, 6, 8],
      text: 'cops.0.support.fundedHours=0:8:2',
    });
  });
  it('gives float steps exactly as written, the end included despite rounding error', () => {
    expect(parseVary('a=0:1:0.1').values).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect(parseVary('a=0.05:0.2:0.05').values).toEqual([0.05, 0.1, 0.15, 0.2]);
  });
  it('stops before `to` when `to` is not on the grid', () => {
    expect(parseVary('a=1:10:4').values).toEqual([1, 5, 9]);
  });
  it('falls with a negative step, and gives one value when from equals to', () => {
    expect(parseVary('a=1:0:-0.25').values).toEqual([1, 0.75, 0.5, 0.25, 0]);
    expect(parseVary('a=3:3:1').values).toEqual([3]);
  });
  it('counts the decimals of a number as written', () => {
    expect([decimals('2'), decimals('0.25'), decimals('1e-3'), decimals('2.5e1')]).toEqual([0, 2, 3, 0]);
  });
});

describe('parseVary: lists', () => {
  it('keeps words and numbers in the order given', () => {
    expect(parseVary('cops.0.participation=voluntary, expected,mandatory').values).toEqual(['voluntary', 'expected', 'mandatory']);
    expect(parseVary('cops.0.steering=0,0.5,auto').values).toEqual([0, 0.5, 'auto']);
  });
});

describe('parseVary: bad input', () => {
  const message = (expr: string): string => {
    try {
      parseVary(expr);
    } catch (error) {
      expect(error).toBeInstanceOf(DesignError);
      return (error as Error).message;
    }
    throw new Error(`no error for ${expr}`);
  };
  it('names the expression and what was expected', () => {
    expect(message('cops.0.support.fundedHours')).toMatch(/^--vary cops\.0\.support\.fundedHours: expected path=from:to:step/);
    expect(message('=1,2')).toContain('expected a setting path');
    expect(message('a..b=1,2')).toContain('expected a dotted path');
    expect(message('a=')).toContain('expected values');
    expect(message('a=0:1')).toContain('three numbers');
    expect(message('a=0:x:1')).toContain('expected a number as to');
    expect(message('a=0:1:0')).toContain('must not be 0');
    expect(message('a=0:1:-0.1')).toContain('use a positive step');
    expect(message('a=1,,2')).toContain('an empty item');
    expect(message('a=1,2,1')).toContain('listed twice');
    expect(message('a=0:1:0.00001')).toContain('use a larger step');
  });
});

describe('sweepPoints', () => {
  it('makes the full grid of two settings, the first varying slowest', () => {
    const points = sweepPoints([
      { path: 'a', values: [1, 2] },
      { path: 'b', values: ['x', 'y', 'z'] },
    ]);
    expect(points.map((p) => p.sets)).toEqual([
      ['a=1', 'b=x'], ['a=1', 'b=y'], ['a=1', 'b=z'],
      ['a=2', 'b=x'], ['a=2', 'b=y'], ['a=2', 'b=z'],
    ]);
    expect(points.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 5]);
  });
  it('refuses no setting, three settings, one setting twice, and a grid over the cap', () => {
    expect(() => sweepPoints([])).toThrow(/--vary is required/);
    const axis = { path: 'a', values: [1] };
    expect(() => sweepPoints([axis, { ...axis, path: 'b' }, { ...axis, path: 'c' }])).toThrow(/given 3 times; a sweep varies one or two/);
    expect(() => sweepPoints([axis, axis])).toThrow(/names a twice/);
    const many = Array.from({ length: 21 }, (_, i) => i);
    expect(() => sweepPoints([{ path: 'a', values: many }, { path: 'b', values: many }])).toThrow(
      new RegExp(`21 × 21 = 441 points, more than ${MAX_SWEEP_POINTS}; use fewer values`),
    );
  });
});
