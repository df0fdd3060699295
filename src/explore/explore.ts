/**
 * explore: a scenario as an interactive page. Its settings become controls made from the
 * scenario schema; changing one reruns the scenario in the page, on Web Workers, with the same
 * seeds and the same engine as `copsim run`.
 *
 *   scenario ──resolveScenario──▶ Scenario ──explorePageHtml(+ inlined scripts)──▶ explore.html
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../output/atomic.js';
import { makeDirectory } from '../output/directory.js';
import { copsimVersion } from '../output/provenance.js';
import { readReportScripts } from '../report/assets.js';
import { SEED_LIMIT } from '../runner/index.js';
import { resolveScenario, safeFolderName, type ScenarioRef } from '../study/options.js';
import { StudyError } from '../study/errors.js';
import { explorePageHtml, type ExplorePageData, type ExploreScripts } from './page.js';

/** Options of `explore`. */
export interface ExploreOptions {
  /** The scenario: a built-in name, a file, or scenario data. Default `'baseline'`. */
  readonly scenario?: ScenarioRef;
  /** `--set path=value` overrides applied before the page opens. Default none. */
  readonly set?: readonly string[];
  /** Replications per setting the page simulates. Default 200. */
  readonly runs?: number;
  /** Master seed. Default 1. */
  readonly seed?: number;
  /**
   * Where to write the page: a file (`.html`) or a folder (the page is `explore.html` in it).
   * Default `copsim-out/<scenario name>/explore.html`; `false` writes nothing.
   */
  readonly out?: string | false;
  /** Called with each warning about the scenario (valid settings that take no effect). */
  readonly onWarning?: (message: string) => void;
}

/** The page and where it went. */
export interface ExploreResult {
  /** The scenario's name. */
  readonly name: string;
  /** The page's HTML text. */
  readonly html: string;
  /** The file written; undefined when `out` was false. */
  readonly path: string | undefined;
}

/**
 * Builds the explorer page for a scenario and writes it (atomically) unless `out` is false.
 * The page is self-contained: it works offline from `file://`.
 *
 * @throws ScenarioError for an invalid scenario or `set`; StudyError for bad options or a
 *   missing browser bundle (run `npm run build`)
 * @example const { path } = await explore({ scenario: 'baseline', out: 'out/explore.html' }); // → path 'out/explore.html'
 */
export async function explore(options: ExploreOptions = {}): Promise<ExploreResult> {
  const runs = options.runs ?? 200;
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(runs) || runs < 1 || runs > 100_000) throw new StudyError(`runs must be a whole number from 1 to 100000, got ${runs}`);
  if (!Number.isSafeInteger(seed) || seed < 0 || seed >= SEED_LIMIT) throw new StudyError(`seed must be a whole number from 0 to 4294967295, got ${seed}`);
  const ref = options.scenario ?? 'baseline';
  const { scenario, source, name } = resolveScenario(ref, options.set ?? [], options.onWarning);
  const argument = source.startsWith('builtin:') ? source.slice('builtin:'.length) : typeof ref === 'string' ? ref : `${safeFolderName(name)}.yaml`;
  const data: ExplorePageData = { name, source, argument, scenario, runs, seed, version: copsimVersion() };
  const html = explorePageHtml(data, await readExploreScripts());
  if (options.out === false) return { name, html, path: undefined };
  const path = pagePath(options.out, name);
  await makeDirectory(dirname(path));
  await writeFileAtomic(path, html);
  return { name, html, path };
}

function pagePath(out: string | undefined, name: string): string {
  if (out === undefined) return join('copsim-out', safeFolderName(name), 'explore.html');
  return /\.html?$/i.test(basename(out)) ? out : join(out, 'explore.html');
}

/** Where the browser bundles are built: dist/explore-browser/, beside dist/explore/ (or src/explore/ in tests). */
const BUNDLE_DIR = new URL('../../dist/explore-browser/', import.meta.url);

/**
 * The scripts the page inlines: vega, vega-lite and vega-embed from the installed packages,
 * and the explorer's bundles built by `npm run build`.
 *
 * @throws StudyError when the bundles have not been built
 */
export async function readExploreScripts(): Promise<ExploreScripts> {
  const bundle = async (file: string): Promise<string> => {
    try {
      return await readFile(fileURLToPath(new URL(file, BUNDLE_DIR)), 'utf8');
    } catch {
      throw new StudyError(`the explorer's browser bundle ${file} is missing from ${fileURLToPath(BUNDLE_DIR)}: run "npm run build"`);
    }
  };
  const [libraries, app, worker] = await Promise.all([readReportScripts(), bundle('app.js'), bundle('worker.js')]);
  return { ...libraries, app, worker };
}
