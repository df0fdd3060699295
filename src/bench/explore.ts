/**
 * The explorer's responsiveness, measured in headless Chromium: the baseline's page is opened
 * from a file, and once it has drawn, the funded-hours slider is moved; the page reports how
 * long that change took to its first drawn curve and to every replication drawn (the default
 * 200); then once more on the settled page, as a change made in use. Skipped, with the
 * reason, where no Chromium is installed.
 *
 *   explore(baseline) ──Chromium──▶ slider moved ──▶ { firstCurveSeconds, completeSeconds }
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { explore } from '../explore/index.js';

/** Where Debian's Chromium is; `CHROMIUM` overrides it. */
const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';

/** How quickly the explorer follows a change, or why it was not measured. */
export type ExplorerFigure =
  | {
      readonly runs: number;
      readonly employees: number;
      readonly weeks: number;
      /** Web Workers the page ran (the browser's hardware concurrency, at most 8). */
      readonly workers: number;
      /** From the slider's change to the first drawn curve, seconds. */
      readonly firstCurveSeconds: number;
      /** From the slider's change to every replication drawn, seconds. */
      readonly completeSeconds: number;
      /** The same two times for a second change, made once the first batch was all drawn (a page in use, its workers warm). */
      readonly settledFirstCurveSeconds: number;
      readonly settledCompleteSeconds: number;
    }
  | { readonly skipped: string };

/**
 * Opens the baseline's explorer in headless Chromium and times one change of a setting.
 *
 * @example await measureExplorer(console.log) // → { runs: 200, firstCurveSeconds: 0.6, completeSeconds: 16, … }
 */
export async function measureExplorer(progress: (message: string) => void, runs = 200): Promise<ExplorerFigure> {
  if (!existsSync(CHROMIUM)) return { skipped: `no Chromium at ${CHROMIUM}` };
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return { skipped: 'playwright-core is not installed (a devDependency)' };
  }
  const dir = await mkdtemp(join(tmpdir(), 'copsim-bench-explore-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const { path, html } = await explore({ scenario: 'baseline', runs, out: join(dir, 'explore.html') });
    void html;
    const page = await (await browser.newContext({ offline: true, viewport: { width: 1300, height: 900 } })).newPage();
    progress(`explorer: opening the baseline's page (${runs} runs) in headless Chromium`);
    await page.goto(pathToFileURL(path ?? '').href, { waitUntil: 'load' });
    await page.waitForFunction('window.copsimExplore.status().drawnRuns > 0', undefined, { timeout: 120_000 });
    progress('explorer: moving the funded-hours slider, timing the redraw');
    // The first change right after the page's first drawing (its workers still warming up and
    // busy with the opening batch), then a second once that change is all drawn.
    const change = async (hours: string): Promise<{ firstCurve: number; complete: number }> => {
      const before = (await page.evaluate('window.copsimExplore.timings().length')) as number;
      await page.locator('[data-slider="cops.0.support.fundedHours"]').fill(hours);
      await page.waitForFunction(
        `(() => { const t = window.copsimExplore.timings(); return t.length > ${before} && t[t.length - 1].complete !== undefined; })()`,
        undefined,
        { timeout: 600_000, polling: 250 },
      );
      const timings = (await page.evaluate('window.copsimExplore.timings()')) as { firstCurve: number; complete: number }[];
      return timings[timings.length - 1] as { firstCurve: number; complete: number };
    };
    const first = await change('6');
    progress('explorer: moving it again, on the settled page');
    const settled = await change('3');
    const status = (await page.evaluate('window.copsimExplore.status()')) as { workers: number };
    return {
      runs,
      employees: 1000,
      weeks: 156,
      workers: status.workers,
      firstCurveSeconds: first.firstCurve / 1000,
      completeSeconds: first.complete / 1000,
      settledFirstCurveSeconds: settled.firstCurve / 1000,
      settledCompleteSeconds: settled.complete / 1000,
    };
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
}
