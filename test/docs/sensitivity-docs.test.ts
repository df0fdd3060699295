/**
 * The baseline analyses of docs/SENSITIVITY.md: their parameters are valid, their sections are
 * in the document, and each shows the command that repeats it (the analyses themselves run with
 * `npm run sensitivity-docs`, minutes long, not in the tests).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASELINE_ANALYSES, BASELINE_SOBOL_PARAMS, baselineSobolCommand } from '../../src/docs/sensitivity-docs.js';
import { docsDir } from '../../src/docs/write-docs.js';
import { parseParams, resolveFactors } from '../../src/research/sensitivity/index.js';
import { loadScenario } from '../../src/scenario/index.js';

describe('the baseline analyses of docs/SENSITIVITY.md', () => {
  const doc = readFileSync(join(docsDir(), 'SENSITIVITY.md'), 'utf8');

  it('vary parameters the baseline accepts over ranges within their schema bounds, around the defaults', () => {
    const scenario = loadScenario('baseline').scenario;
    const factors = resolveFactors(parseParams([...BASELINE_SOBOL_PARAMS]), scenario, 2);
    expect(factors).toHaveLength(10);
    for (const factor of factors) {
      const value = factor.path.split('.').slice(1).reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], scenario.parameters);
      expect(value, factor.path).toBeGreaterThan(factor.min);
      expect(value, factor.path).toBeLessThan(factor.max);
    }
  });

  it('each has its section, written with the command that repeats it', () => {
    for (const analysis of BASELINE_ANALYSES) {
      const from = doc.indexOf(`<!-- ${analysis.name}:start`);
      const to = doc.indexOf(`<!-- ${analysis.name}:end -->`);
      expect(from, analysis.name).toBeGreaterThan(0);
      expect(to, analysis.name).toBeGreaterThan(from);
      expect(doc.slice(from, to), analysis.name).toContain(`npx ${baselineSobolCommand(analysis)}`);
    }
  });
});
