/**
 * A scenario named like a formula: its tables open safely in a spreadsheet, and copsim reads
 * them back (plot) with the name as it was.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRunOutput } from '../../src/output/index.js';
import { run } from '../../src/study/index.js';

describe('a formula in the scenario name', () => {
  it('is neutralised in summary.csv and replications.csv and restored when read back', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'copsim-formula-')), 'o');
    await run({ scenario: { data: { extends: 'baseline', name: '=1+1' } }, runs: 2, weeks: 3, workers: 0, out });
    for (const file of ['summary.csv', 'replications.csv']) {
      const second = readFileSync(join(out, file), 'utf8').split('\n')[1] ?? '';
      expect(second.startsWith("'=1+1,")).toBe(true);
    }
    const read = await readRunOutput(out);
    expect(read.summary[0]?.scenario).toBe('=1+1');
    expect(read.replications.at(0).scenario).toBe('=1+1');
  });
});
