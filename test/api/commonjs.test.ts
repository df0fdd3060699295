/**
 * copsim loads with require() too (CommonJS callers, notebook kernels that compile to CommonJS):
 * nothing it imports at load time may have a top-level await. The chart libraries have one and
 * must be imported lazily, on first use.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

describe('the built package under require()', () => {
  it('loads and draws a chart', async () => {
    const require = createRequire(import.meta.url);
    const copsim = require('../../dist/index.js') as typeof import('../../dist/index.js');
    expect(typeof copsim.runMonteCarlo).toBe('function');
    const svg = await copsim.renderSvg({
      data: { values: [{ week: 0, mean: 1 }, { week: 1, mean: 2 }] },
      mark: 'line',
      encoding: { x: { field: 'week', type: 'quantitative' }, y: { field: 'mean', type: 'quantitative' } },
    });
    expect(svg).toContain('mark-line');
  });
});
