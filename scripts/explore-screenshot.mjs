// Takes docs/images/explore.png, the README's picture of `copsim explore`: the baseline's page
// with its funded hours raised to 4, pinned, and a full-time lead set, so that it shows the
// paired differences. Needs a build (npm run build) and Debian's Chromium.
//
//   node scripts/explore-screenshot.mjs
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { explore } from '../dist/explore/index.js';

const dir = mkdtempSync(join(tmpdir(), 'copsim-screenshot-'));
const { path } = await explore({ scenario: 'baseline', runs: 50, out: join(dir, 'explore.html') });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await (await browser.newContext({ offline: true, viewport: { width: 1400, height: 1050 } })).newPage();
  await page.goto(`${pathToFileURL(path).href}#runs=50&seed=1&set=cops.0.support.fundedHours%3D4&pin=&pinset=cops.0.support.fundedHours%3D4`);
  await page.locator('[data-control="cops.0.support.lead"]').selectOption('full-time');
  await page.waitForFunction(
    '(() => { const s = window.copsimExplore.status(); return s.prefix === s.runs && s.pinnedPrefix === s.runs && s.drawnRuns === s.runs; })()',
    undefined,
    { timeout: 300_000, polling: 500 },
  );
  // Open the CoP's panel at its support settings, the ones changed.
  await page.locator('[data-path="cops.0.support"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/images/explore.png' });
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
