import { describe, expect, it } from 'vitest';
import { editDistance, nearest } from '../../src/scenario/suggest.js';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('mandatry', 'mandatory')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('counts a swap of adjacent letters as one edit', () => {
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('stere', 'steer')).toBe(1);
  });
});

describe('nearest', () => {
  it('finds the likely intended key', () => {
    expect(nearest('partcipation', ['initiation', 'participation', 'steering'])).toBe('participation');
    expect(nearest('FundedHours', ['budget', 'fundedHours'])).toBe('fundedHours');
  });

  it('suggests nothing when no candidate is close', () => {
    expect(nearest('zzzzzz', ['participation', 'steering'])).toBeUndefined();
    expect(nearest('x', [])).toBeUndefined();
  });

  it('breaks ties by candidate order', () => {
    expect(nearest('ab', ['ac', 'ad'])).toBe('ac');
  });
});
