/**
 * The explorer opened the way a reader opens it: from a file, in Chromium, with the network
 * off. It must draw with no console error, rerun when a slider moves, agree bit for bit with
 * `copsim run`'s summary.csv, show a pinned baseline's paired differences, show an invalid
 * value's message (the command line's) at its control, restore its state from the URL hash,
 * and save a scenario that `copsim validate` accepts.
 *
 * The page simulates in the browser, so most runs here are small: 8 replications of 30 weeks.
 * One test takes the page's full 200 runs of 156 weeks after a change: on the way its summary is
 * `copsim run --runs k`'s for the k replications it has, at the end that of all 200, and no
 * task of the main thread blocks the page for seconds meanwhile; the replications of the old
 * settings still running when the change came are given up, and the results stay bit-identical.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { explore } from '../../src/explore/index.js';
import { loadScenario, ScenarioError, validateScenarioFiles } from '../../src/scenario/index.js';

const CHROMIUM = '/usr/bin/chromium';
// In CI the browser is installed by .ci/run; a missing one must fail there, not be skipped.
const skip = !existsSync(CHROMIUM) && !process.env['CI'];
if (skip) console.warn(`explorer browser test skipped: ${CHROMIUM} not found (install Debian's chromium package)`);

/** The small run every test starts from, as the page's hash says it. */
const SMALL = 'runs=8&seed=1&set=weeks%3D30';

interface Status {
  valid: boolean;
  runs: number;
  prefix: number;
  pinnedPrefix: number;
  drawnRuns: number;
  failure?: string;
}

const quietIo = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), errIsTTY: false, errColumns: 80 }, out, err };
};

describe.skipIf(skip)('the explorer in headless Chromium, offline', () => {
  let dir: string;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'copsim-explore-'));
    const { path } = await explore({ scenario: 'baseline', out: join(dir, 'explore.html') });
    url = pathToFileURL(path ?? '').href;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Opens the page offline at `hash`, runs `inspect`, and returns what went wrong on the way. */
  async function open(hash: string, inspect: (page: Page) => Promise<void>): Promise<{ errors: string[]; remote: string[] }> {
    const context = await browser.newContext({ offline: true, acceptDownloads: true, viewport: { width: 1300, height: 900 } });
    const seen = { errors: [] as string[], remote: [] as string[] };
    await context.route('**/*', (route) => {
      const requested = route.request().url();
      if (requested.startsWith('file:') || requested.startsWith('blob:')) return route.continue();
      seen.remote.push(requested);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') seen.errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => seen.errors.push(`page error: ${error.message}`));
    try {
      await page.goto(`${url}#${hash}`, { waitUntil: 'load' });
      await inspect(page);
    } finally {
      await context.close();
    }
    return seen;
  }

  const status = (page: Page): Promise<Status> => page.evaluate('window.copsimExplore.status()') as Promise<Status>;

  /** Waits until every replication of the current settings (and the pinned ones) is drawn. */
  async function settled(page: Page, pinned = false): Promise<Status> {
    await page.waitForFunction(
      `(() => { const s = window.copsimExplore.status(); return s.valid && s.prefix === s.runs && s.drawnRuns === s.runs && (${pinned} === false || s.pinnedPrefix === s.runs); })()`,
      undefined,
      { timeout: 90_000 },
    );
    return status(page);
  }

  /** The charts drawn, by name, each with the replications it was drawn over. */
  const drawn = (page: Page): Promise<Record<string, string | null>> =>
    page.evaluate(`Object.fromEntries([...document.querySelectorAll('figure.chart')].map((f) => [
      f.getAttribute('data-chart'),
      f.querySelector('.view[data-drawn] svg :is(.mark-line, .mark-area) path') ? f.querySelector('.view').getAttribute('data-drawn') : null,
    ]))`) as Promise<Record<string, string | null>>;

  it('loads offline with no console error, draws the four kinds of curves, and agrees bit for bit with copsim run', async () => {
    const cli = quietIo();
    const out = join(dir, 'cli');
    expect(await main(['run', 'baseline', '--runs', '8', '--weeks', '30', '--seed', '1', '--workers', '0', '--out', out, '--quiet'], cli.io)).toBe(0);
    const expected = await readFile(join(out, 'summary.csv'), 'utf8');
    let csv: string | undefined;
    let charts: Record<string, string | null> = {};
    const seen = await open(SMALL, async (page) => {
      await settled(page);
      charts = await drawn(page);
      csv = (await page.evaluate('window.copsimExplore.summaryCsv()')) as string;
    });
    expect(seen).toEqual({ errors: [], remote: [] });
    expect(charts).toEqual({ members: '8', roles: '8', participation: '8', reuse: '8', 'motivation-safety': '8' });
    expect(csv?.length).toBe(expected.length);
    expect(csv === expected).toBe(true);
  });

  it('reruns when a slider moves: the charts are redrawn and the key figures change', async () => {
    const seen = await open(SMALL, async (page) => {
      await settled(page);
      const before = await page.locator('#figures').textContent();
      await page.locator('[data-slider="cops.0.support.fundedHours"]').fill('8');
      await page.waitForFunction(`document.querySelector('#command').textContent.includes('fundedHours=8')`);
      await settled(page);
      expect(await page.locator('#figures').textContent()).not.toBe(before);
      expect(await page.locator('[data-control="cops.0.support.fundedHours"]').inputValue()).toBe('8');
      expect(await page.locator('#command').textContent()).toBe('copsim run baseline --runs 8 --seed 1 --set weeks=30 --set cops.0.support.fundedHours=8');
      expect(Object.values(await drawn(page))).toEqual(['8', '8', '8', '8', '8']);
    });
    expect(seen).toEqual({ errors: [], remote: [] });
  });

  it('pins a baseline and shows the paired differences of a full-time lead, as copsim compare computes them', async () => {
    let rows: string[] = [];
    const seen = await open(SMALL, async (page) => {
      await settled(page);
      await page.locator('#pin').click();
      await page.locator('[data-control="cops.0.support.lead"]').selectOption('full-time');
      await settled(page, true);
      await page.waitForSelector('figure[data-chart="difference-members"] .view[data-drawn="8"]');
      rows = await page.locator('#differences tbody tr').allTextContents();
      const names = Object.keys(await drawn(page));
      expect(names).toContain('difference-figures');
      expect(names).toContain('compare-participation');
      expect(await page.evaluate('location.hash')).toContain('pin=');
    });
    expect(seen).toEqual({ errors: [], remote: [] });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]).toMatch(/^scrum-mastersMembers at the end/);
  });

  it('shows an invalid value\'s message, the command line\'s, at its control', async () => {
    const cliMessage = (() => {
      try {
        loadScenario('baseline', { sets: ['cops.0.founders=0'] });
      } catch (error) {
        if (error instanceof ScenarioError) return error.issues[0]?.message;
      }
      return undefined;
    })();
    expect(cliMessage).toBeDefined();
    const seen = await open(SMALL, async (page) => {
      await settled(page);
      const box = page.locator('[data-control="cops.0.founders"]');
      await box.fill('0');
      await box.dispatchEvent('change');
      const message = page.locator('.field[data-path="cops.0.founders"] > .message');
      await message.waitFor({ state: 'visible' });
      expect(await message.textContent()).toBe(`cops.0.founders: ${cliMessage}`);
      expect((await status(page)).valid).toBe(false);
      expect(await page.locator('#download').isDisabled()).toBe(true);
    });
    expect(seen).toEqual({ errors: [], remote: [] });
  });

  it('restores its state from the URL hash, and saves a scenario that copsim validate accepts', async () => {
    const file = join(dir, 'saved.yaml');
    const seen = await open(`${SMALL}&set=cops.0.support.lead%3Dfull-time&set=cops.0.support.fundedHours%3D4`, async (page) => {
      expect(await page.locator('[data-control="cops.0.support.lead"]').inputValue()).toBe('full-time');
      expect(await page.locator('[data-control="cops.0.support.fundedHours"]').inputValue()).toBe('4');
      expect(await page.locator('[data-control="weeks"]').inputValue()).toBe('30');
      expect(await page.locator('#command').textContent()).toBe(
        'copsim run baseline --runs 8 --seed 1 --set weeks=30 --set cops.0.support.lead=full-time --set cops.0.support.fundedHours=4',
      );
      const download = page.waitForEvent('download');
      await page.locator('#download').click();
      await (await download).saveAs(file);
    });
    expect(seen).toEqual({ errors: [], remote: [] });
    const [validation] = validateScenarioFiles([file]);
    expect(validation?.issues).toEqual([]);
    expect(validation?.ok).toBe(true);
    const saved = loadScenario(file).scenario;
    const expected = loadScenario('baseline', { sets: ['weeks=30', 'cops.0.support.lead=full-time', 'cops.0.support.fundedHours=4'] }).scenario;
    expect({ ...saved, name: expected.name }).toEqual(expected);
    const cli = quietIo();
    expect(await main(['validate', file], cli.io)).toBe(0);
  });

  it('adds an event on the timeline and moves it by dragging its marker', async () => {
    const seen = await open('runs=4&seed=1&set=weeks%3D60', async (page) => {
      await page.locator('#add-event').click();
      await page.locator('.timeline .marker').waitFor();
      expect(await page.locator('#command').textContent()).toContain("--set 'events=[ { week: 52, label: mandate lifted, set: { participation: voluntary } } ]'");
      const marker = (await page.locator('.timeline .marker').boundingBox())!;
      const track = (await page.locator('.timeline').boundingBox())!;
      await page.mouse.move(marker.x + marker.width / 2, marker.y + marker.height / 2);
      await page.mouse.down();
      await page.mouse.move(track.x + track.width * 0.25, marker.y + marker.height / 2, { steps: 5 });
      await page.mouse.up();
      await page.waitForFunction(`document.querySelector('#command').textContent.includes('week: 15,')`);
      expect(await page.locator('[data-control="events.0.week"]').inputValue()).toBe('15');
    });
    expect(seen).toEqual({ errors: [], remote: [] });
  });

  it('converges on copsim run over 200 runs of 156 weeks, and its main thread is never blocked for seconds while they stream', async () => {
    // The CLI's summary of the whole batch, and of the prefix the page had when it was read.
    const summaryOf = async (runs: number): Promise<string> => {
      const out = join(dir, `cli-${runs}`);
      const args = ['run', 'baseline', '--runs', String(runs), '--seed', '1', '--set', 'cops.0.support.fundedHours=3', '--workers', '0', '--out', out, '--quiet'];
      expect(await main(args, quietIo().io)).toBe(0);
      return readFile(join(out, 'summary.csv'), 'utf8');
    };
    let partial: { k: number; csv: string } | undefined;
    let whole: string | undefined;
    let longest = 0;
    let cancelled = 0;
    const seen = await open('runs=200&seed=1', async (page) => {
      // Long tasks of the main thread (the Long Tasks API: every task over 50 ms), from a change on.
      await page.waitForFunction('window.copsimExplore.status().drawnRuns > 0', undefined, { timeout: 90_000 });
      await page.evaluate(`(() => {
        window.longTasks = [];
        new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longTasks.push(e.duration); }).observe({ type: 'longtask' });
      })()`);
      await page.locator('[data-slider="cops.0.support.fundedHours"]').fill('3');
      await page.waitForFunction(
        `(() => { const s = window.copsimExplore.status(); return window.copsimExplore.command().includes('fundedHours=3') && s.prefix >= 20; })()`,
        undefined,
        { timeout: 90_000, polling: 20 },
      );
      // The prefix and its summary in one synchronous step of the page, so that they belong together.
      partial = (await page.evaluate('(() => ({ k: window.copsimExplore.status().prefix, csv: window.copsimExplore.summaryCsv() }))()')) as { k: number; csv: string };
      await settled(page);
      whole = (await page.evaluate('window.copsimExplore.summaryCsv()')) as string;
      longest = (await page.evaluate('Math.max(0, ...window.longTasks)')) as number;
      // The change came while the opening batch ran: its replications in flight were given up.
      cancelled = ((await status(page)) as Status & { cancelled: number }).cancelled;
    });
    expect(seen).toEqual({ errors: [], remote: [] });
    expect(partial?.k).toBeGreaterThanOrEqual(20);
    expect(partial?.csv === (await summaryOf(partial?.k ?? 0))).toBe(true);
    expect(whole === (await summaryOf(200))).toBe(true);
    // 200 replications simulated on the main thread would block it for tens of seconds; the
    // page hands them to workers and draws chart by chart, so no task comes near that.
    expect(longest).toBeLessThan(3000);
    expect(cancelled).toBeGreaterThan(0);
  });
});

