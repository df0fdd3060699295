/**
 * writeCharts writes each chart's spec, SVG and PNG; rendering never loads anything.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bandedTimeChart, renderSvg, writeCharts, type NamedChart, type TopLevelSpec } from '../../src/charts/index.js';
import { PNG_SIGNATURE, pngSize, svgSize } from './fixtures.js';

const chart: NamedChart = {
  name: 'tiny',
  title: 'Tiny',
  description: 'A tiny chart.',
  spec: bandedTimeChart({
    title: 'Tiny',
    description: 'A tiny chart.',
    weeks: 3,
    series: { title: 'CoP', domain: ['s'] },
    events: [{ week: 1, label: 'week 1: x' }],
    panels: [
      {
        yTitle: 'Value',
        values: [0, 1, 2].map((week) => ({ series: 's', week, mean: week, ci_low: week - 0.5, ci_high: week + 0.5, p05: 0, p95: 3 })),
      },
    ],
  }),
};

describe('writeCharts', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'copsim-charts-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes <name>.vl.json, <name>.svg and <name>.png and returns their paths', async () => {
    const written = await writeCharts(dir, [chart]);
    expect(written).toEqual(['tiny.vl.json', 'tiny.svg', 'tiny.png'].map((f) => join(dir, f)));
    expect((await readdir(dir)).sort()).toEqual(['tiny.png', 'tiny.svg', 'tiny.vl.json']);
    const json = await readFile(join(dir, 'tiny.vl.json'), 'utf8');
    expect(json.endsWith('}\n')).toBe(true);
    expect(JSON.parse(json)).toEqual(chart.spec);
    const svg = await readFile(join(dir, 'tiny.svg'), 'utf8');
    expect(svg).toBe(await renderSvg(chart.spec));
    const png = new Uint8Array(await readFile(join(dir, 'tiny.png')));
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(pngSize(png)).toEqual({ width: Math.round(svgSize(svg).width * 2), height: Math.round(svgSize(svg).height * 2) });
  });

  it('writes equal bytes for equal charts', async () => {
    await writeCharts(dir, [chart]);
    const first = await Promise.all(['tiny.vl.json', 'tiny.svg', 'tiny.png'].map((f) => readFile(join(dir, f))));
    await writeCharts(dir, [chart]);
    const second = await Promise.all(['tiny.vl.json', 'tiny.svg', 'tiny.png'].map((f) => readFile(join(dir, f))));
    expect(second).toEqual(first);
  });

  it('refuses a name that is not a file stem', async () => {
    await expect(writeCharts(dir, [{ ...chart, name: '../escape' }])).rejects.toThrow(/not a file stem/);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('renderSvg', () => {
  it('loads no data from URLs', async () => {
    const spec = {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      data: { url: 'https://example.invalid/data.json' },
      mark: 'point',
      encoding: { x: { field: 'a', type: 'quantitative' } },
    } as TopLevelSpec;
    await expect(renderSvg(spec)).rejects.toThrow(/inline data only; the spec asks to load https:\/\/example\.invalid/);
  });

  it('leaves the spec as it was', async () => {
    const before = structuredClone(chart.spec);
    await renderSvg(chart.spec);
    expect(chart.spec).toStrictEqual(before);
    const values = (chart.spec as unknown as { data: { values: object[] } }).data.values;
    expect(values.every((v) => Object.getOwnPropertySymbols(v).length === 0)).toBe(true);
  });
});
