/**
 * The fuzzer as a vitest suite, for both of its runs: the fast one in the test suite
 * (fuzz.long.ts in `npm run test:long`: fixed seed, a few hundred cases) and the long one (`npm run fuzz`,
 * long.fuzz.ts: a new seed, many more cases). The seed is printed first, so any failure can
 * be replayed; fast-check shrinks a failing input to a small counter-example and prints the
 * path that replays it.
 */
import { rmSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkCliInProcess,
  checkCliSpawned,
  checkData,
  checkHypothesisFile,
  checkScenarioFile,
  checkSets,
  checkValidRuns,
  cliCase,
  dataCase,
  fuzzFolder,
  hypothesisCase,
  scenarioFileCase,
  setCase,
  tally,
  validRunCase,
} from './properties.js';

/** How a run is seeded and how long it is. */
export interface FuzzRun {
  readonly seed: number;
  /** Cases per property, as a multiple of the fast run's (1 for the fast run). */
  readonly scale: number;
  /** fast-check's replay path of one counter-example, when replaying it. */
  readonly path?: string;
  /** How a replay is asked for, for the first line printed. */
  readonly replay: string;
}

/** Cases per property in the fast run. */
const CASES = { scenarioFiles: 250, data: 150, sets: 150, hypotheses: 60, validRuns: 8, cliInProcess: 25, cliSpawned: 3 };

/** Declares the fuzzer's tests for `run`. */
export function fuzzSuite(run: FuzzRun): void {
  const settings = (cases: number): fc.Parameters<unknown> => ({
    seed: run.seed,
    numRuns: Math.max(1, Math.round(cases * run.scale)),
    ...(run.path === undefined ? {} : { path: run.path }),
    endOnFailure: run.scale <= 1,
  });
  let dir = '';
  let cwd = '';
  const started = Date.now();
  beforeAll(() => {
    process.stdout.write(`copsim fuzz: seed ${run.seed}, scale ${run.scale} (replay with ${run.replay})\n`);
    dir = fuzzFolder();
    cwd = process.cwd();
    // The CLI writes copsim-out/ into the working directory when no --out is given.
    process.chdir(dir);
  });
  afterAll(() => {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
    const cases = [...tally.values()].reduce((n, t) => n + t.accepted + t.refused, 0);
    const kinds = [...tally].map(([kind, t]) => `${kind} ${t.accepted} accepted / ${t.refused} refused`).join('; ');
    process.stdout.write(`copsim fuzz: seed ${run.seed}: ${cases} cases in ${Math.round((Date.now() - started) / 1000)} s; ${kinds}\n`);
  });

  describe(`fuzzing with seed ${run.seed}`, () => {
    it('scenario files: accepted, or refused with a clear message', () => {
      fc.assert(fc.property(scenarioFileCase, (c) => checkScenarioFile(dir, c)), settings(CASES.scenarioFiles));
    });
    it('in-memory scenario data', () => {
      fc.assert(fc.property(dataCase, (c) => checkData(c)), settings(CASES.data));
    });
    it('--set expressions', () => {
      fc.assert(fc.property(setCase, (c) => checkSets(c)), settings(CASES.sets));
    });
    it('hypothesis files', () => {
      fc.assert(fc.property(hypothesisCase, (c) => checkHypothesisFile(dir, c)), settings(CASES.hypotheses));
    });
    it('valid scenarios still run', async () => {
      await fc.assert(fc.asyncProperty(validRunCase, (c) => checkValidRuns(c)), settings(CASES.validRuns));
    });
    it('command lines, in this process: exit code 0 or 2, no stack trace', async () => {
      await fc.assert(fc.asyncProperty(cliCase, (c) => checkCliInProcess(dir, c)), settings(CASES.cliInProcess));
    });
    it('command lines, a sample through the real copsim with little memory', () => {
      fc.assert(fc.property(cliCase, (c) => checkCliSpawned(dir, c)), settings(CASES.cliSpawned));
    });
    it.skipIf(run.path !== undefined)('tried both sides: inputs accepted and inputs refused', () => {
      for (const kind of ['scenario files', 'scenario data', '--set', 'hypothesis files']) {
        expect(tally.get(kind)?.accepted, kind).toBeGreaterThan(0);
        expect(tally.get(kind)?.refused, kind).toBeGreaterThan(0);
      }
      const cli = [...tally].filter(([kind]) => kind.startsWith('copsim ')).map(([, t]) => t);
      expect(cli.reduce((n, t) => n + t.accepted, 0), 'command lines accepted').toBeGreaterThan(0);
      expect(cli.reduce((n, t) => n + t.refused, 0), 'command lines refused').toBeGreaterThan(0);
    });
  });
}
