import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReportScripts, reportHtml, writeReport, type ReportInput } from '../../src/report/index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copsim-report-write-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const input: ReportInput = {
  title: 'demo',
  description: 'A demo.',
  provenance: [{ label: 'copsim', value: '0.1.0' }],
  settings: [],
  keyFigures: [],
  charts: [{ name: 'c', title: 'C', description: 'c', spec: { data: { values: [{ x: 1 }] }, mark: 'point', encoding: { x: { field: 'x', type: 'quantitative' } } } }],
};

describe('readReportScripts', () => {
  it('reads the browser builds of vega, vega-lite and vega-embed', async () => {
    const scripts = await readReportScripts();
    expect(scripts.vega).toMatch(/^!function\(/);
    expect(scripts.vegaLite).toContain('vegaLite');
    expect(scripts.vegaEmbed).toContain('vegaEmbed');
    expect(scripts.vegaEmbed).toContain('vg-tooltip-element');
  });
});

describe('writeReport', () => {
  it('writes report.html into a new folder, with nothing left beside it', async () => {
    const out = join(dir, 'nested', 'run');
    const path = await writeReport(out, input);
    expect(path).toBe(join(out, 'report.html'));
    expect(await readdir(out)).toEqual(['report.html']);
    const html = await readFile(path, 'utf8');
    expect(html).toBe(reportHtml(input, await readReportScripts()));
    // Three libraries, one spec and the bootstrap: no inlined text closed a script early.
    expect(html.match(/<\/script>/gi)).toHaveLength(5);
    // Source maps are not inlined, so nothing may point to them.
    expect(html).not.toContain('sourceMappingURL');
  });

  it('replaces an earlier report whole', async () => {
    const out = join(dir, 'again');
    await writeReport(out, { ...input, title: 'first' });
    await writeReport(out, { ...input, title: 'second' });
    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<h1>second</h1>');
    expect(html).not.toContain('<h1>first</h1>');
    expect(await readdir(out)).toEqual(['report.html']);
  });
});
