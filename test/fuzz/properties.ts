/**
 * The fuzzer's properties: for every generated input, copsim either accepts it or refuses it
 * with a clear error (a ScenarioError from the library, exit code 2 from the CLI), never an
 * internal error, a stack trace, a signal or a wait beyond the time bound; and valid input
 * still loads and runs. Shared by the fast run (fuzz.long.ts, in `npm run test:long`) and the long
 * one (`npm run fuzz`, long.fuzz.ts), which differ only in the number of cases and the seed.
 */
import { spawnSync } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { readHypothesisFile, resolveHypotheses } from '../../src/research/hypotheses/index.js';
import { loadScenario, parseScenario, ScenarioError, validateScenarioFiles } from '../../src/scenario/index.js';
import { run } from '../../src/study/index.js';
import { BIN } from '../cli/helpers.js';
import {
  dataMutation,
  type Format,
  materialise,
  mutateData,
  numberOption,
  render,
  setExpression,
  textMutation,
  validHypotheses,
  validScenario,
} from './arbitraries.js';

/** The longest one library call may take, in milliseconds (generous: the machine may be busy). */
export const TIME_LIMIT_MS = 10_000;

/** A line of a stack trace. */
const STACK_LINE = /^\s+at /m;

/** A folder for one fuzz run's files, with a FIFO, a folder named like a file and links to them. */
export function fuzzFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'copsim-fuzz-'));
  execFileSync('mkfifo', [join(dir, 'fifo.yaml')]);
  mkdirSync(join(dir, 'folder.yaml'));
  symlinkSync('fifo.yaml', join(dir, 'link-to-fifo.yaml'));
  symlinkSync('missing.yaml', join(dir, 'dangling.yaml'));
  return dir;
}

let written = 0;

/** How many cases of each kind ended accepted and refused, so a run can show it tried both. */
export const tally = new Map<string, { accepted: number; refused: number }>();

function count(kind: string, accepted: boolean): void {
  const entry = tally.get(kind) ?? { accepted: 0, refused: 0 };
  if (accepted) entry.accepted += 1;
  else entry.refused += 1;
  tally.set(kind, entry);
}

/** Writes `bytes` to a fresh file in `dir` and returns its path. */
function writeCase(dir: string, bytes: Buffer, extension: string): string {
  written += 1;
  const file = join(dir, `case-${process.pid}-${written}${extension}`);
  writeFileSync(file, bytes);
  return file;
}

/** Runs `fn`, checks the time bound, and returns what it returned. */
function bounded<T>(what: string, fn: () => T): T {
  const start = performance.now();
  const result = fn();
  const ms = performance.now() - start;
  expect(ms, `${what} took ${Math.round(ms)} ms`).toBeLessThan(TIME_LIMIT_MS);
  return result;
}

/** What every message copsim gives must be: said in a few short lines, without a stack trace. */
function expectClearMessage(text: string): void {
  expect(text).not.toMatch(STACK_LINE);
  expect(text).not.toContain('internal error');
  expect(text.trim().length).toBeGreaterThan(0);
  const lines = text.split('\n');
  expect(lines.length).toBeLessThanOrEqual(60);
  for (const line of lines) expect(line.length).toBeLessThan(2500);
}

/** The ScenarioError `fn` throws, or undefined when it returns; anything else fails the case. */
function scenarioOutcome(fn: () => unknown): ScenarioError | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    if (error instanceof ScenarioError) {
      expectClearMessage(error.format());
      return error;
    }
    throw error;
  }
}

// ---------- scenario files ----------

/** No mutation in about a third of the cases, so valid input is tried as often as broken input. */
const mutations = fc.oneof({ weight: 1, arbitrary: fc.constant([]) }, { weight: 2, arbitrary: fc.array(dataMutation, { minLength: 1, maxLength: 3 }) });

export const scenarioFileCase = fc.record({
  data: validScenario,
  mutations,
  format: fc.constantFrom<Format>('yaml', 'json', 'flow'),
  text: fc.option(textMutation, { nil: undefined, freq: 2 }),
  extension: fc.constantFrom('.yaml', '.yml', '.json', '.YAML', '.txt', ''),
});
export type ScenarioFileCase = typeof scenarioFileCase extends fc.Arbitrary<infer T> ? T : never;

/** The file of a case: its data mutated, rendered and mutated again as text. */
export function scenarioFile(dir: string, c: ScenarioFileCase): string {
  const extension = c.format === 'json' && c.extension !== '.txt' && c.extension !== '' ? '.json' : c.extension;
  return writeCase(dir, render(mutateData(c.data, c.mutations), c.format, c.text), extension);
}

/** A scenario file, valid or not, is accepted or refused with a clear message; an untouched one is accepted. */
export function checkScenarioFile(dir: string, c: ScenarioFileCase): void {
  const file = scenarioFile(dir, c);
  const [result] = bounded(`validate ${file}`, () => validateScenarioFiles([file]));
  expect(result).toBeDefined();
  count('scenario files', result?.ok === true);
  if (!result?.ok) {
    expect(result?.issues.length).toBeGreaterThan(0);
    expectClearMessage(new ScenarioError(result?.issues ?? []).format());
  }
  // YAML in a .json file is bad input too; a scenario file is valid when its text is untouched and its extension fits.
  const fits = c.format === 'json' ? c.extension !== '.txt' && c.extension !== '' : ['.yaml', '.yml', '.YAML'].includes(c.extension);
  const untouched = c.mutations.length === 0 && c.text === undefined && fits;
  if (untouched) expect(result?.issues, 'a valid scenario is refused').toEqual([]);
}

// ---------- in-memory data and --set ----------

export const dataCase = fc.record({ data: validScenario, mutations: fc.array(dataMutation, { minLength: 1, maxLength: 4 }), cyclic: fc.boolean() });

export function checkData(c: { data: Record<string, unknown>; mutations: Parameters<typeof mutateData>[1]; cyclic: boolean }): void {
  const data = materialise(mutateData(c.data, c.mutations)) as Record<string, unknown>;
  if (c.cyclic && data !== null && typeof data === 'object') (data as Record<string, unknown>)['self'] = data;
  count('scenario data', bounded('parseScenario', () => scenarioOutcome(() => parseScenario(data))) === undefined);
}

export const setCase = fc.record({ scenario: fc.constantFrom('baseline', 'two-cops-competing', 'mandate-lifted'), sets: fc.array(setExpression, { minLength: 1, maxLength: 3 }) });

export function checkSets(c: { scenario: string; sets: string[] }): void {
  count('--set', bounded('--set', () => scenarioOutcome(() => loadScenario(c.scenario, { sets: c.sets }))) === undefined);
  expect(({} as Record<string, unknown>)['x'], 'Object.prototype was changed').toBeUndefined();
}

// ---------- hypothesis files ----------

export const hypothesisCase = fc.record({
  data: validHypotheses,
  mutations,
  format: fc.constantFrom<Format>('yaml', 'json', 'flow'),
  text: fc.option(textMutation, { nil: undefined, freq: 2 }),
});
export type HypothesisCase = typeof hypothesisCase extends fc.Arbitrary<infer T> ? T : never;

export function hypothesisFile(dir: string, c: HypothesisCase): string {
  return writeCase(dir, render(mutateData(c.data, c.mutations), c.format, c.text), c.format === 'json' ? '.json' : '.yaml');
}

/** A hypothesis file is read and its arms resolved, or refused with a clear message. */
export function checkHypothesisFile(dir: string, c: HypothesisCase): void {
  const file = hypothesisFile(dir, c);
  const error = bounded(`hypotheses ${file}`, () => scenarioOutcome(() => resolveHypotheses(readHypothesisFile(file), { file })));
  count('hypothesis files', error === undefined);
  if (c.mutations.length === 0 && c.text === undefined) expect(error?.format(), 'a valid hypothesis file is refused').toBeUndefined();
}

// ---------- valid input runs ----------

export const validRunCase = fc.record({ data: validScenario, weeks: fc.integer({ min: 1, max: 5 }), seed: fc.nat({ max: 2 ** 32 - 1 }) });

/** A valid scenario simulates, with no error. */
export async function checkValidRuns(c: { data: Record<string, unknown>; weeks: number; seed: number }): Promise<void> {
  const start = performance.now();
  const result = await run({ scenario: { data: c.data }, runs: 1, weeks: c.weeks, seed: c.seed, workers: 0 });
  expect(result.figures.length).toBeGreaterThan(0);
  expect(performance.now() - start).toBeLessThan(TIME_LIMIT_MS * 3);
}

// ---------- command lines ----------

const outChoice = fc.constantFrom('fresh', '', ' ', 'fifo.yaml', 'link-to-fifo.yaml', 'folder.yaml', 'dangling.yaml', 'nested/new/dir');
const switchChoice = fc.constantFrom<string[]>([], ['--quiet'], ['--quiet=maybe'], ['--quiet=true'], ['--json'], ['--json=2'], ['--no-quiet']);
const extraChoice = fc.constantFrom<string[]>([], [], ['--bogus'], ['--runs', '2'], ['--'], ['extra-arg'], ['--set'], ['--out']);

/** What a command line case breaks: nothing, one part of it, or everything that was generated. */
const BROKEN = ['nothing', 'scenario', 'runs', 'weeks', 'seed', 'workers', 'sets', 'out', 'switches', 'extra', 'everything'] as const;

export const cliCase = fc.record({
  broken: fc.constantFrom(...BROKEN),
  command: fc.constantFrom('validate', 'validate', 'run', 'run', 'schema', 'hypotheses', 'list', 'sweep', 'rnu'),
  scenario: fc.oneof(
    { weight: 4, arbitrary: scenarioFileCase.map((c) => ({ kind: 'file' as const, c })) },
    { weight: 1, arbitrary: fc.constantFrom('baseline', 'basline', 'fifo.yaml', 'link-to-fifo.yaml', 'folder.yaml', 'nonexistent.yaml', '2020').map((name) => ({ kind: 'name' as const, name })) },
  ),
  hypotheses: hypothesisCase,
  runs: numberOption,
  weeks: numberOption,
  seed: fc.option(numberOption, { nil: undefined }),
  workers: fc.option(numberOption.map((v) => (/^\d+$/.test(v) ? '0' : v)), { nil: undefined }),
  sets: fc.array(setExpression, { maxLength: 2 }),
  vary: fc.constantFrom('cops.0.founders=1,2', 'cops.0.founders=0x1,2', '__proto__.x=1,2', 'cops.0.participation=mandatry,voluntary', '=1', 'weeks'),
  out: outChoice,
  switches: switchChoice,
  extra: extraChoice,
});
export type CliCase = typeof cliCase extends fc.Arbitrary<infer T> ? T : never;

/** The argument list of a case; files it names are written into `dir`. */
export function cliArgs(dir: string, generated: CliCase): string[] {
  // Every part but the broken one (or all of them) takes a valid value.
  const broken = (part: (typeof BROKEN)[number]): boolean => generated.broken === part || generated.broken === 'everything';
  const c: CliCase = {
    ...generated,
    scenario: broken('scenario') ? generated.scenario : { kind: 'name', name: 'baseline' },
    hypotheses: broken('scenario') ? generated.hypotheses : { ...generated.hypotheses, mutations: [], text: undefined },
    runs: broken('runs') ? generated.runs : '2',
    weeks: broken('weeks') ? generated.weeks : '3',
    seed: broken('seed') ? generated.seed : undefined,
    workers: broken('workers') ? generated.workers : '0',
    sets: broken('sets') ? generated.sets : [],
    vary: broken('sets') ? generated.vary : 'cops.0.founders=1,2',
    out: broken('out') ? generated.out : 'fresh',
    switches: broken('switches') ? generated.switches : ['--quiet'],
    extra: broken('extra') ? generated.extra : [],
  };
  const scenario = c.scenario.kind === 'file' ? scenarioFile(dir, c.scenario.c) : c.scenario.kind === 'name' && /\.yaml$/.test(c.scenario.name) ? join(dir, c.scenario.name) : c.scenario.name;
  const out = c.out === 'fresh' ? join(dir, `out-${written++}`) : c.out === '' || c.out === ' ' ? c.out : join(dir, c.out);
  const runOptions = ['--runs', c.runs, '--weeks', c.weeks, ...(c.seed === undefined ? [] : ['--seed', c.seed]), '--workers', c.workers ?? '0'];
  const sets = c.sets.flatMap((s) => ['--set', s]);
  switch (c.command) {
    case 'validate':
      return ['validate', scenario, ...c.extra];
    case 'schema':
      return ['schema', '--out', c.out === 'fresh' ? join(dir, `schema-${written++}.json`) : out, ...c.extra];
    case 'list':
      return ['list', ...c.extra];
    case 'hypotheses':
      return ['hypotheses', hypothesisFile(dir, c.hypotheses), '--runs', c.runs, '--workers', c.workers ?? '0', ...sets, '--out', out, ...c.switches, ...c.extra];
    case 'sweep':
      return ['sweep', 'baseline', '--vary', c.vary, ...runOptions, '--out', out, ...c.switches, ...c.extra];
    default:
      return [c.command, scenario, ...runOptions, ...sets, '--out', out, ...c.switches, ...c.extra];
  }
}

function expectCliOutcome(code: number | null, stderr: string, args: readonly string[]): void {
  expect([0, 2], `copsim ${args.join(' ')} exited with ${code}:\n${stderr}`).toContain(code);
  expect(stderr).not.toMatch(STACK_LINE);
  expect(stderr).not.toContain('internal error');
  if (code === 2) expect(stderr.trim().length).toBeGreaterThan(0);
}

/** `main(args)` in this process: exit code 0 or 2 and no stack trace. */
export async function checkCliInProcess(dir: string, c: CliCase): Promise<void> {
  const args = cliArgs(dir, c);
  let stderr = '';
  const io: Io = { out: () => undefined, err: (text) => void (stderr += text), errIsTTY: false, errColumns: 80 };
  const start = performance.now();
  const code = await main(args, io);
  expect(performance.now() - start, `copsim ${args.join(' ')}`).toBeLessThan(TIME_LIMIT_MS * 3);
  expectCliOutcome(code, stderr, args);
  count(`copsim ${args[0]}`, code === 0);
}

/** The real `copsim` in a child process with little memory: exit code 0 or 2, no signal, no stack trace. */
export function checkCliSpawned(dir: string, c: CliCase): void {
  const args = cliArgs(dir, c);
  // A process's arguments cannot hold a NUL: such a command line cannot be typed.
  fc.pre(!args.some((arg) => arg.includes('\u0000')));
  const child = spawnSync(process.execPath, ['--max-old-space-size=256', BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, COPSIM_DEBUG: '' },
    input: '',
    timeout: 120_000,
  });
  expect(child.signal, `copsim ${args.join(' ')} was ended by ${child.signal}`).toBeNull();
  expectCliOutcome(child.status, child.stderr, args);
  count(`copsim ${args[0]} (spawned)`, child.status === 0);
}
