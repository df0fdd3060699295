/**
 * Loading a scenario: the pipeline from a file or built-in name to a validated `Scenario`.
 *
 *   file or built-in name
 *     → read (YAML or JSON)                       read.ts
 *     → resolve `extends` (chains, cycles)        here
 *     → deep-merge the layers                     merge.ts
 *     → apply `--set` overrides                   overrides.ts
 *     → validate with `scenarioSchema`            schema.ts, zod-issues.ts
 *     → cross-field checks                        postcheck.ts
 *     → Scenario
 *
 * Only reading touches the file system; every problem is collected into one `ScenarioError`.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { builtinNames, builtinPath, isBuiltin } from './builtins.js';
import { describeKind, describeValue, formatPath, isPlainObject, ScenarioError, type ScenarioIssue } from './errors.js';
import { mergeValues, originOf, type Origins } from './merge.js';
import { applySets } from './overrides.js';
import { checkScenario, scenarioWarnings } from './postcheck.js';
import { parseScenarioText, readScenarioFile } from './read.js';
import { scenarioSchema, type Scenario } from './schema.js';
import { shapeProblem } from './shape.js';
import { nearest } from './suggest.js';
import { translateZodIssues } from './zod-issues.js';

/** A loaded scenario and where it came from. */
export interface LoadedScenario {
  scenario: Scenario;
  /** `builtin:NAME`, or the file path as given. */
  source: string;
  /** Valid settings that take no effect within the run (see `scenarioWarnings`). */
  warnings: ScenarioIssue[];
}

function loaded(scenario: Scenario, source: string): LoadedScenario {
  const warnings = scenarioWarnings(scenario).map((w) => ({ file: source, path: formatPath(w.path), message: w.message }));
  return { scenario, source, warnings };
}

/** Options of `parseScenario`. */
export interface ParseOptions {
  /** How the data is named in messages, and the default scenario name (its base name). Default `<input>`, no default name. */
  file?: string;
  /** `--set path=value` overrides, applied in order. Default none. */
  sets?: readonly string[];
  /** Directory that a relative `extends` path is resolved against. Default the working directory. */
  baseDir?: string;
}

/** Options of `loadScenario` and `loadBuiltin`. */
export interface LoadOptions {
  /** `--set path=value` overrides, applied in order. Default none. */
  sets?: readonly string[];
}

/** One scenario layer: data and the file (or built-in) it came from. */
interface Layer {
  raw: Record<string, unknown>;
  origin: string;
}

/** Keys that describe one file and are not inherited through `extends`. */
const OWN_KEYS = ['name', '$schema', 'extends'];

function fail(issues: ScenarioIssue[]): never {
  throw new ScenarioError(issues);
}

function looksLikePath(value: string): boolean {
  return /[/\\]/.test(value) || /\.(ya?ml|json)$/i.test(value);
}

function builtinHint(value: string): { suggestion?: string; list: string } {
  const names = builtinNames();
  const suggestion = nearest(value, names);
  return suggestion === undefined ? { list: `; built-ins: ${names.join(', ')}` } : { suggestion, list: '' };
}

/** The file itself, symbolic links resolved, so that a cycle through a link is seen as one. */
function realFile(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

/** The file an `extends` value names and how to show it, relative to the extending file. */
function resolveExtends(value: string, baseDir: string, origin: string): { file: string; display: string } {
  if (looksLikePath(value)) {
    const file = resolve(baseDir, value);
    const display =
      isAbsolute(value) || origin.startsWith('builtin:') || origin.startsWith('<') ? value : join(dirname(origin), value);
    if (existsSync(file)) return { file, display };
    return fail([{ file: origin, path: 'extends', message: `cannot read ${display}: no such file` }]);
  }
  if (isBuiltin(value)) return { file: builtinPath(value), display: `builtin:${value}` };
  const hint = builtinHint(value);
  return fail([
    {
      file: origin,
      path: 'extends',
      message: `expected a built-in scenario name or a file path, got ${describeValue(value)}${hint.list}`,
      ...(hint.suggestion ? { suggestion: hint.suggestion } : {}),
    },
  ]);
}

/** The layers of a scenario, from the root of its `extends` chain to itself. */
function collectLayers(raw: unknown, origin: string, baseDir: string, chain: readonly string[], chainNames: readonly string[]): Layer[] {
  if (!isPlainObject(raw)) {
    // The value itself is not quoted: a file reached through `extends` may be anything.
    const message =
      raw === null || raw === undefined
        ? 'the file is empty: expected a mapping of scenario settings'
        : `expected a mapping of scenario settings at the top level, got ${describeKind(raw)}`;
    return fail([{ file: origin, path: '', message }]);
  }
  const problem = shapeProblem(raw);
  if (problem !== undefined) return fail([{ file: origin, path: formatPath(problem.path), message: problem.message }]);
  const parent = raw['extends'];
  const own = { ...raw };
  delete own['extends'];
  if (parent === undefined) return [{ raw: own, origin }];
  if (typeof parent !== 'string') {
    return fail([{ file: origin, path: 'extends', message: `expected a built-in scenario name or a file path, got ${describeKind(parent)}` }]);
  }
  const target = resolveExtends(parent, baseDir, origin);
  const at = chain.indexOf(realFile(target.file));
  if (at >= 0) {
    const cycle = [...chainNames.slice(at), target.display].join(' → ');
    return fail([{ file: origin, path: 'extends', message: `extends cycle: ${cycle}` }]);
  }
  const parentRaw = readScenarioFile(target.file, target.display, { file: origin, path: 'extends' });
  const ancestors = collectLayers(parentRaw, target.display, dirname(target.file), [...chain, realFile(target.file)], [
    ...chainNames,
    target.display,
  ]);
  // Only the leaf names itself: an ancestor's name and $schema describe the ancestor.
  const inherited = ancestors.map((layer) => {
    const copy = { ...layer.raw };
    for (const key of OWN_KEYS) delete copy[key];
    return { raw: copy, origin: layer.origin };
  });
  return [...inherited, { raw: own, origin }];
}

/**
 * The shared pipeline: layers → merge → name → sets → validate → cross-field checks.
 *
 * @param identity the file itself (absolute, for cycle detection) and its default name
 */
function resolveScenario(
  raw: unknown,
  origin: string,
  baseDir: string,
  identity: { file?: string; name?: string },
  sets: readonly string[],
): Scenario {
  const chain = identity.file === undefined ? [] : [identity.file];
  const layers = collectLayers(raw, origin, baseDir, chain, [origin]);
  const origins: Origins = new Map();
  let merged: unknown = undefined;
  for (const layer of layers) merged = mergeValues(merged, layer.raw, [], { origins, origin: layer.origin });
  if (isPlainObject(merged) && merged['name'] === undefined && identity.name !== undefined) {
    merged = { ...merged, name: identity.name };
  }
  merged = applySets(merged, sets, { origins, origin });
  const responsible = (path: readonly PropertyKey[]): string => originOf(origins, path, origin);
  const result = scenarioSchema.safeParse(merged);
  if (!result.success) fail(translateZodIssues(result.error.issues, scenarioSchema, merged, responsible));
  const scenario = result.data;
  const issues = checkScenario(scenario).map((issue) => ({
    file: responsible(issue.path),
    path: formatPath(issue.path),
    message: issue.message,
    ...(issue.suggestion === undefined ? {} : { suggestion: issue.suggestion }),
  }));
  if (issues.length > 0) fail(issues);
  return scenario;
}

/**
 * Validates in-memory scenario data through the same pipeline as a file (for notebooks and
 * tests): `extends`, `--set` overrides, schema and cross-field checks. The input is not modified.
 *
 * @throws ScenarioError listing every problem
 * @example
 * parseScenario({ cops: [{ id: 'sm' }] }, { sets: ['weeks=52'] }).weeks; // 52
 */
export function parseScenario(raw: unknown, options: ParseOptions = {}): Scenario {
  const file = options.file ?? '<input>';
  const name = options.file === undefined ? undefined : basename(options.file, extname(options.file));
  const baseDir = options.baseDir ?? process.cwd();
  return resolveScenario(raw, file, baseDir, name === undefined ? {} : { name }, options.sets ?? []);
}

/**
 * Loads a built-in scenario by name.
 *
 * @throws ScenarioError for an unknown name (with the nearest built-in) or invalid overrides
 * @example
 * loadBuiltin('baseline').source; // 'builtin:baseline'
 */
export function loadBuiltin(name: string, options: LoadOptions = {}): LoadedScenario {
  const source = `builtin:${name}`;
  if (!isBuiltin(name)) {
    const hint = builtinHint(name);
    fail([
      {
        file: source,
        path: '',
        message: `no built-in scenario "${name}"${hint.list}`,
        ...(hint.suggestion ? { suggestion: hint.suggestion } : {}),
      },
    ]);
  }
  const file = builtinPath(name);
  const raw = readScenarioFile(file, source);
  return loaded(resolveScenario(raw, source, dirname(file), { file: realFile(file), name }, options.sets ?? []), source);
}

function loadFile(path: string, sets: readonly string[]): LoadedScenario {
  const file = resolve(path);
  const raw = readScenarioFile(file, path);
  const name = basename(path, extname(path));
  return loaded(resolveScenario(raw, path, dirname(file), { file: realFile(file), name }, sets), path);
}

/**
 * Loads a scenario from a file (YAML or JSON) or, when no such file exists, a built-in by name.
 *
 * @param nameOrPath a file path, or a built-in name such as `baseline`
 * @param options `sets`: `--set path=value` overrides, applied in order (default none)
 * @throws ScenarioError listing every problem, each naming the file, the path and what was expected
 * @example
 * loadScenario('baseline', { sets: ['cops.0.participation=mandatory'] }).scenario.cops[0]?.participation;
 * // 'mandatory'
 */
export function loadScenario(nameOrPath: string, options: LoadOptions = {}): LoadedScenario {
  const sets = options.sets ?? [];
  if (existsSync(nameOrPath)) {
    if (statSync(nameOrPath).isDirectory()) {
      if (isBuiltin(nameOrPath)) return loadBuiltin(nameOrPath, { sets });
      fail([{ file: nameOrPath, path: '', message: `cannot read ${nameOrPath}: it is a directory` }]);
    }
    return loadFile(nameOrPath, sets);
  }
  if (!looksLikePath(nameOrPath) && isBuiltin(nameOrPath)) return loadBuiltin(nameOrPath, { sets });
  if (looksLikePath(nameOrPath)) {
    return fail([{ file: nameOrPath, path: '', message: `cannot read ${nameOrPath}: no such file` }]);
  }
  const hint = builtinHint(nameOrPath);
  return fail([
    {
      file: nameOrPath,
      path: '',
      message: `cannot read ${nameOrPath}: no such file or built-in scenario${hint.list}`,
      ...(hint.suggestion ? { suggestion: hint.suggestion } : {}),
    },
  ]);
}

/** Options of `loadScenarioText`. */
export interface TextOptions {
  /** How the text is named in messages and in `LoadedScenario.source`, e.g. `<stdin>`. */
  source: string;
  /** The scenario's name when the text has no `name`. Default none. */
  name?: string;
  /** `--set path=value` overrides, applied in order. Default none. */
  sets?: readonly string[];
  /** Directory that a relative `extends` path is resolved against. Default the working directory. */
  baseDir?: string;
}

/**
 * Loads a scenario from YAML or JSON text that has no file of its own (standard input): the
 * same pipeline and messages as a file, with `source` in place of the file name. Touches the
 * file system only for `extends`.
 *
 * @throws ScenarioError listing every problem, each naming `source`, the path and what was expected
 * @example
 * loadScenarioText('extends: baseline\nweeks: 52\n', { source: '<stdin>', name: 'stdin' }).scenario.weeks; // 52
 */
export function loadScenarioText(text: string, options: TextOptions): LoadedScenario {
  const raw = parseScenarioText(text, options.source);
  const identity = options.name === undefined ? {} : { name: options.name };
  const scenario = resolveScenario(raw, options.source, options.baseDir ?? process.cwd(), identity, options.sets ?? []);
  return loaded(scenario, options.source);
}

/** The outcome of validating one scenario file. */
export interface FileValidation {
  file: string;
  ok: boolean;
  issues: ScenarioIssue[];
  /** Settings that are valid but take no effect within the run. */
  warnings: ScenarioIssue[];
}

/**
 * Validates scenario files (or built-in names) one by one, collecting every problem of each;
 * nothing is printed and nothing thrown for invalid scenarios.
 *
 * @example
 * validateScenarioFiles(['scenarios/baseline.yaml']); // [{ file: 'scenarios/baseline.yaml', ok: true, issues: [] }]
 */
export function validateScenarioFiles(paths: readonly string[]): FileValidation[] {
  return paths.map((file) => validation(file, () => loadScenario(file)));
}

/**
 * Validates scenario text (see `loadScenarioText`) without throwing for an invalid scenario.
 *
 * @example
 * validateScenarioText('weeks: -1\n', { source: '<stdin>' }).ok; // false
 */
export function validateScenarioText(text: string, options: TextOptions): FileValidation {
  return validation(options.source, () => loadScenarioText(text, options));
}

function validation(file: string, load: () => LoadedScenario): FileValidation {
  try {
    const { warnings } = load();
    return { file, ok: true, issues: [], warnings };
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    return { file, ok: false, issues: error.issues, warnings: [] };
  }
}
