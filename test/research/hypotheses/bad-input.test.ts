/**
 * Hostile and malformed hypothesis files: the same limits as scenario files, paths in the
 * hypothesis file's own bracket form, and nothing of a file an arm reaches echoed beyond a kind.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HypothesisError, parseHypothesisFile, readHypothesisFile, resolveHypotheses } from '../../../src/research/hypotheses/index.js';
import { ScenarioError } from '../../../src/scenario/index.js';

const HYPOTHESIS = `hypotheses:
  - id: x
    statement: Mandatory participation raises attendance.
    source: s
    kind: mechanism
    compare: { a: baseline, b: B }
    measure: { metric: members }
    expect: increase
    smallest_effect: 1
`;

function write(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'copsim-hyp-'));
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

function failure(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof ScenarioError) return error.format();
    throw error;
  }
  throw new Error('expected an error');
}

describe('hypothesis files', () => {
  it('a __proto__ key is named at its bracketed path', () => {
    const file = write('h.yaml', HYPOTHESIS.replace('{ metric: members }', '{ metric: members, __proto__: 1 }'));
    expect(failure(() => readHypothesisFile(file))).toBe(`${file}: hypotheses[0].measure: the key "__proto__" is not allowed`);
  });

  it('a control character in the statement is refused at load', () => {
    const file = write('h.yaml', HYPOTHESIS.replace('Mandatory participation raises attendance.', '"a\\u0007b"'));
    expect(failure(() => readHypothesisFile(file))).toBe(
      `${file}: hypotheses[0].statement: expected text without control characters other than tabs and line breaks, got "a\\u0007b"`,
    );
  });

  it('a duplicate JSON key and an alias bomb are refused as in scenario files', () => {
    const json = write('h.json', '{"runs": 5, "runs": 0, "hypotheses": []}');
    expect(failure(() => readHypothesisFile(json))).toContain('duplicate key "runs"');
    let bomb = 'a: &a [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 0; i < 6; i++) bomb += `b${i}: &b${i} [${Array(10).fill(i === 0 ? '*a' : `*b${i - 1}`).join(', ')}]\n`;
    expect(failure(() => readHypothesisFile(write('bomb.yaml', bomb)))).toMatch(/holds more than 100000 values/);
    const cyclic: Record<string, unknown> = {};
    cyclic['hypotheses'] = [cyclic];
    expect(() => parseHypothesisFile(cyclic)).toThrow(HypothesisError);
  });

  it('an arm that reaches a file of other content shows its kind, not its text', () => {
    const secret = write('secret.yaml', 'token is SECRET and more of the secret\n');
    const file = write('h.yaml', HYPOTHESIS.replace('b: B', `b: ${secret}`));
    const message = failure(() => resolveHypotheses(readHypothesisFile(file), { file }));
    expect(message).toBe(`${file}: hypotheses[0].compare.b: ${secret}: expected a mapping of scenario settings at the top level, got a text of 38 characters`);
    expect(message).not.toContain('SECRET');
  });

  it('an arm\'s set cannot reach a prototype', () => {
    const file = write('h.yaml', HYPOTHESIS.replace('b: B', 'b: { scenario: baseline, set: ["__proto__.polluted=1"] }'));
    expect(failure(() => resolveHypotheses(readHypothesisFile(file), { file }))).toMatch(/hypotheses\[0\]\.compare\.b: --set __proto__\.polluted=1: unknown key "__proto__"/);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
