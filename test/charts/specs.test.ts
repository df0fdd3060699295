/**
 * Every chart of a run is a valid Vega-Lite spec that compiles and renders in Node to an SVG
 * with the expected marks and axis titles, and to a PNG of the expected size.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileSpec, renderPng, renderSvg, runCharts, type NamedChart } from '../../src/charts/index.js';
import { numberClips } from '../../src/charts/render.js';
import type { RunOutput } from '../../src/output/write.js';
import { mandateLifted, PNG_SIGNATURE, pngSize, svgSize, twoFragileCops, vegaLiteValidator } from './fixtures.js';

/** Axis titles each chart shows. */
const AXIS_TITLES: Record<string, string[]> = {
  members: ['Week', 'Members (people)'],
  participation: ['Week', 'Attendance (people)', 'Participation rate'],
  reuse: ['Week', 'Reuse events per week', 'Cumulative reuse events', 'Reuse rate'],
  roles: ['Week', 'Members (mean)'],
  'motivation-safety': ['Week', 'Motivation', 'Psychological safety'],
  'death-weeks': ['Week the CoP died', 'Runs'],
};

/** Marks each chart draws (an event rule wherever the scenario has events). */
const MARKS: Record<string, string[]> = {
  members: ['mark-area role-mark', 'mark-line role-mark', 'mark-rule role-mark'],
  participation: ['mark-area role-mark', 'mark-line role-mark', 'mark-rule role-mark', 'mark-text role-mark'],
  reuse: ['mark-area role-mark', 'mark-line role-mark', 'mark-rule role-mark'],
  roles: ['mark-area role-mark', 'mark-rule role-mark'],
  'motivation-safety': ['mark-area role-mark', 'mark-line role-mark', 'mark-rule role-mark'],
  'death-weeks': ['mark-rect role-mark', 'mark-rule role-mark'],
};

interface Rendered {
  chart: NamedChart;
  svg: string;
}

const fixtures: Record<string, () => Promise<RunOutput>> = {
  'a run with one CoP and a mandate lifted': mandateLifted,
  'a run with two CoPs that die': twoFragileCops,
};

describe.each(Object.keys(fixtures))('charts of %s', (fixture) => {
  let rendered: Rendered[] = [];
  const validate = vegaLiteValidator();

  beforeAll(async () => {
    const output = await (fixtures[fixture] as () => Promise<RunOutput>)();
    rendered = [];
    for (const chart of runCharts(output)) rendered.push({ chart, svg: await renderSvg(chart.spec) });
  }, 60_000);

  it('has the time charts, and the death weeks when a CoP died', () => {
    const names = rendered.map((r) => r.chart.name);
    expect(names.slice(0, 7)).toEqual(['members', 'roles', 'participation', 'reuse', 'motivation-safety', 'inequality', 'tenure']);
    expect(names.slice(7)).toEqual(names.length > 7 ? ['death-weeks'] : []);
    expect(names.length).toBeLessThanOrEqual(8);
  });

  it("validates every spec against vega-lite's JSON Schema", () => {
    for (const { chart } of rendered) {
      const valid = validate(chart.spec);
      expect(validate.errors ?? [], chart.name).toEqual([]);
      expect(valid, chart.name).toBe(true);
    }
  });

  it('compiles every spec to Vega without warnings', async () => {
    for (const { chart } of rendered) {
      const { vega, warnings } = await compileSpec(chart.spec);
      expect(warnings, chart.name).toEqual([]);
      expect(vega.marks?.length, chart.name).toBeGreaterThan(0);
    }
  });

  it('declares vega-lite v6, a title and a description, and carries its data inline', () => {
    for (const { chart } of rendered) {
      const spec = chart.spec;
      expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v6.json');
      expect(spec.description).toBe(chart.description);
      expect(chart.title.length).toBeGreaterThan(0);
      expect(chart.description).toMatch(/\.$/);
      const text = JSON.stringify(chart.spec);
      expect(text).not.toMatch(/"url"\s*:/);
      expect(text).toMatch(/"values"\s*:/);
    }
  });

  it('renders SVG with the expected marks and axis titles', () => {
    for (const { chart, svg } of rendered) {
      expect(svg.startsWith('<svg')).toBe(true);
      for (const mark of MARKS[chart.name] ?? []) expect(svg, `${chart.name}: ${mark}`).toContain(`class="${mark}`);
      for (const title of AXIS_TITLES[chart.name] ?? []) {
        expect(svg, `${chart.name}: ${title}`).toMatch(new RegExp(`role-axis-title[^]*?>${escapeRegExp(title)}</text>`));
      }
    }
  });

  it('is laid out no wider than its plot and axes: no heading or legend leaves a blank right part', () => {
    // Plots are 600 pixels wide; y axis labels and titles take at most 160 more.
    for (const { chart, svg } of rendered) expect(svgSize(svg).width, chart.name).toBeLessThanOrEqual(760);
  });

  it('renders a PNG of the SVG at twice its size', () => {
    for (const { chart, svg } of rendered) {
      const png = renderPng(svg);
      expect([...png.subarray(0, 8)], chart.name).toEqual(PNG_SIGNATURE);
      const size = svgSize(svg);
      expect(pngSize(png), chart.name).toEqual({ width: Math.round(size.width * 2), height: Math.round(size.height * 2) });
    }
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('renderSvg', () => {
  it('draws the same bytes for the same chart whatever was drawn before it in the process', async () => {
    // A chart whose marks are clipped: vega numbers clip paths from one counter per process.
    const spec = {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      data: { values: [{ x: 1, y: 2 }, { x: 3, y: 40 }] },
      mark: { type: 'bar', clip: true },
      encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative', scale: { domain: [0, 10] } } },
    } as unknown as Parameters<typeof renderSvg>[0];
    const first = await renderSvg(spec);
    expect(first).toContain('url(#clip1)');
    await renderSvg(spec);
    expect(await renderSvg(spec)).toBe(first);
    expect(numberClips('<clipPath id="clip7"/><g clip-path="url(#clip7)"/><g clip-path="url(#clip3)"/><clipPath id="clip3"/>')).toBe(
      '<clipPath id="clip1"/><g clip-path="url(#clip1)"/><g clip-path="url(#clip2)"/><clipPath id="clip2"/>',
    );
  });
});
