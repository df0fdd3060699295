/**
 * The report opened the way a reader opens it: from a file, in Chromium, with the network
 * off. Every chart must draw from the inlined libraries, with no console error, and show a
 * tooltip on hover.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportInput, writeReport, type ReportInput } from '../../src/report/index.js';
import { loadBuiltin } from '../../src/scenario/index.js';
import { smallRun, testCharts } from './fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
// In CI the browser is installed by .ci/run; a missing one must fail there, not be skipped.
const skip = !existsSync(CHROMIUM) && !process.env['CI'];
if (skip) console.warn(`report browser test skipped: ${CHROMIUM} not found (install Debian's chromium package)`);

/** A data mark that drew something, in vega's SVG output. */
const MARKS = ['line', 'area', 'symbol', 'rect', 'rule', 'trail', 'text'].map((m) => `.mark-${m}.role-mark > *`).join(', ');

/** What a page showed: errors, requests that left the file system, and charts with marks. */
interface Opened {
  errors: string[];
  remote: string[];
  drawn: number;
  views: number;
}

describe.skipIf(skip)('report.html in headless Chromium, offline', () => {
  let dir: string;
  let browser: Browser;
  let reportUrl: string;
  let chartCount: number;
  let input: ReportInput;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'copsim-report-'));
    const { output } = await smallRun();
    const charts = testCharts(output);
    chartCount = charts.length;
    input = buildReportInput({ ...output, charts, baseline: loadBuiltin('baseline').scenario });
    reportUrl = pathToFileURL(await writeReport(dir, input)).href;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Opens `url` offline in a fresh context and waits until every chart has drawn or failed. */
  async function open(url: string, inspect?: (page: Page) => Promise<void>): Promise<Opened> {
    const context = await browser.newContext({ offline: true, viewport: { width: 1100, height: 900 } });
    const opened: Opened = { errors: [], remote: [], drawn: 0, views: 0 };
    await context.route('**/*', (route) => {
      const requested = route.request().url();
      if (requested.startsWith('file:')) return route.continue();
      opened.remote.push(requested);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') opened.errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => opened.errors.push(`page error: ${error.message}`));
    try {
      await page.goto(url, { waitUntil: 'load' });
      // Each chart ends drawn or marked failed; wait for all of them to end, then look.
      await page.waitForFunction(
        `[...document.querySelectorAll('.view')].every((v) => v.hasAttribute('data-drawn') || v.classList.contains('failed'))`,
        undefined,
        { timeout: 30_000 },
      );
      const views = page.locator('.view');
      opened.views = await views.count();
      for (let i = 0; i < opened.views; i++) {
        const view = views.nth(i);
        if ((await view.locator('svg').count()) === 1 && (await view.locator(`svg :is(${MARKS})`).count()) > 0) opened.drawn++;
      }
      await inspect?.(page);
    } finally {
      await context.close();
    }
    return opened;
  }

  it('draws every chart from the file with no network and no console error, and shows tooltips', async () => {
    let tooltipText: string | null = null;
    const opened = await open(reportUrl, async (page) => {
      // Hover a point of the first chart: the tooltip appears with the point's fields.
      const point = page.locator('.view').first().locator('.mark-symbol.role-mark path').first();
      await point.scrollIntoViewIfNeeded();
      const box = await point.boundingBox();
      expect(box).not.toBeNull();
      await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
      const tooltip = page.locator('#vg-tooltip-element');
      await tooltip.waitFor({ state: 'visible', timeout: 5_000 });
      tooltipText = await tooltip.textContent();
    });
    expect(opened).toEqual({ errors: [], remote: [], drawn: chartCount, views: chartCount });
    expect(tooltipText).toMatch(/week/);
  });

  it('notices a chart that cannot be drawn: a console error, and one chart fewer drawn', async () => {
    const broken = { name: 'broken', title: 'Broken', description: 'Not a chart.', spec: { mark: 'no-such-mark' } as unknown as ReportInput['charts'][number]['spec'] };
    const path = await writeReport(join(dir, 'broken'), { ...input, charts: [input.charts[0]!, broken] });
    const opened = await open(pathToFileURL(path).href);
    expect(opened.views).toBe(2);
    expect(opened.drawn).toBe(1);
    expect(opened.errors.length).toBeGreaterThan(0);
  });
});
