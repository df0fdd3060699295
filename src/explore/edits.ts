/**
 * The explorer's edits: settings changed from the scenario it was opened with, by path, as
 * `copsim run --set` takes them. Applying them, checking the result with the scenario's own
 * validation (the same messages as the command line), and saying them back as a command, a URL
 * hash and a scenario file.
 *
 *   base Scenario + Edits ──applyEdits──▶ data ──checkEdited──▶ Scenario | issues by path
 *                         ──commandLine──▶ `copsim run baseline --set ...`
 *                         ──encodeState / decodeState──▶ URL hash
 *   Scenario ──scenarioYaml──▶ a file `copsim validate` accepts
 *
 * Pure and free of Node: the page runs it as it is.
 */
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { parametersSchema } from '../engine/parameters.js';
import { formatPath, isPlainObject } from '../scenario/errors.js';
import { checkScenario, scenarioWarnings } from '../scenario/postcheck.js';
import { scenarioSchema, type Scenario } from '../scenario/schema.js';
import { translateZodIssues } from '../scenario/zod-issues.js';

/** Changed settings, by path (`cops.0.support.fundedHours`), in the order they were made. */
export type Edits = ReadonlyMap<string, unknown>;

/** A problem with the edited scenario, at a setting's path, worded as the command line words it. */
export interface EditIssue {
  /** Dotted path, e.g. `cops.0.founders`; empty for the scenario as a whole. */
  readonly path: string;
  readonly message: string;
  readonly suggestion?: string;
}

/** The edited scenario checked: the scenario when valid, else every problem. */
export type Checked =
  | { readonly ok: true; readonly scenario: Scenario; readonly warnings: readonly EditIssue[] }
  | { readonly ok: false; readonly issues: readonly EditIssue[] };

/** The path's segments: digits are list indices. */
export function pathSegments(path: string): (string | number)[] {
  return path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * The value at `path` in plain data, or undefined.
 *
 * @example valueAt({ cops: [{ founders: 5 }] }, 'cops.0.founders') // → 5
 */
export function valueAt(data: unknown, path: string): unknown {
  let here: unknown = data;
  for (const segment of pathSegments(path)) {
    if (Array.isArray(here) && typeof segment === 'number') here = here[segment];
    else if (isPlainObject(here) && Object.hasOwn(here, String(segment))) here = here[String(segment)];
    else return undefined;
  }
  return here;
}

/**
 * A copy of `base` with every edit applied (objects on the way are created as needed); `base`
 * is not changed.
 *
 * @example applyEdits(baseline, new Map([['cops.0.support.fundedHours', 4]])).cops[0].support.fundedHours // → 4
 */
export function applyEdits(base: unknown, edits: Edits): Record<string, unknown> {
  const data = structuredClone(base) as Record<string, unknown>;
  for (const [path, value] of edits) {
    const segments = pathSegments(path);
    let here: Record<string | number, unknown> = data;
    segments.forEach((segment, i) => {
      if (i === segments.length - 1) {
        here[segment] = structuredClone(value);
        return;
      }
      const next = here[segment];
      if (next === null || typeof next !== 'object') here[segment] = typeof segments[i + 1] === 'number' ? [] : {};
      here = here[segment] as Record<string | number, unknown>;
    });
  }
  return data;
}

/**
 * The edited data checked as `copsim run --set` checks a scenario: the schema (its messages
 * translated as for a file), then the cross-field checks.
 *
 * @example checkEdited(applyEdits(baseline, new Map([['cops.0.founders', 0]])))
 * // → { ok: false, issues: [{ path: 'cops.0.founders', message: 'expected a number ≥ 1, got 0' }] }
 */
export function checkEdited(data: unknown): Checked {
  const result = scenarioSchema.safeParse(data);
  if (!result.success) {
    const issues = translateZodIssues(result.error.issues, scenarioSchema, data, () => '<explore>');
    return { ok: false, issues: issues.map(editIssue) };
  }
  const problems = checkScenario(result.data);
  if (problems.length > 0) return { ok: false, issues: problems.map((p) => editIssue({ ...p, path: formatPath(p.path) })) };
  return { ok: true, scenario: result.data, warnings: scenarioWarnings(result.data).map((w) => editIssue({ ...w, path: formatPath(w.path) })) };
}

function editIssue(issue: { path: string; message: string; suggestion?: string | undefined }): EditIssue {
  return { path: issue.path, message: issue.message, ...(issue.suggestion === undefined ? {} : { suggestion: issue.suggestion }) };
}

/**
 * A value as `--set` reads it back: YAML in flow style on one line.
 *
 * @example setValueText({ kind: 'role', role: 'scrumMaster' }) // → '{ kind: role, role: scrumMaster }'
 */
export function setValueText(value: unknown): string {
  return stringifyYaml(value, { collectionStyle: 'flow', lineWidth: 0 }).trim();
}

/**
 * The edits as `--set` expressions, in order.
 *
 * @example setExpressions(new Map([['cops.0.support.lead', 'full-time']])) // → ['cops.0.support.lead=full-time']
 */
export function setExpressions(edits: Edits): string[] {
  return [...edits].map(([path, value]) => `${path}=${setValueText(value)}`);
}

/** A word for a POSIX shell: as it is when plain, else in single quotes. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_.,:/=+@%-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** What the command line needs besides the edits. */
export interface CommandOptions {
  /** The scenario as the command takes it: a built-in name or a file path. */
  readonly scenario: string;
  readonly runs: number;
  readonly seed: number;
}

/**
 * The `copsim run` command that simulates what the explorer shows.
 *
 * @example commandLine({ scenario: 'baseline', runs: 200, seed: 1 }, new Map([['cops.0.support.fundedHours', 4]]))
 * // → 'copsim run baseline --runs 200 --seed 1 --set cops.0.support.fundedHours=4'
 */
export function commandLine(options: CommandOptions, edits: Edits): string {
  const words = ['copsim', 'run', options.scenario, '--runs', String(options.runs), '--seed', String(options.seed)];
  for (const expr of setExpressions(edits)) words.push('--set', expr);
  return words.map(shellWord).join(' ');
}

/** What the URL hash holds: the run's size and seed, the edits, and the pinned edits if any. */
export interface ExploreState {
  readonly runs: number;
  readonly seed: number;
  readonly edits: Edits;
  /** The pinned baseline's edits; undefined when nothing is pinned. */
  readonly pinned?: Edits;
}

/**
 * The state as a URL hash (without `#`): readable `key=value` pairs, each edit as its `--set`
 * expression.
 *
 * @example encodeState({ runs: 200, seed: 1, edits: new Map([['weeks', 52]]) }) // → 'runs=200&seed=1&set=weeks%3D52'
 */
export function encodeState(state: ExploreState): string {
  const params = new URLSearchParams();
  params.append('runs', String(state.runs));
  params.append('seed', String(state.seed));
  for (const expr of setExpressions(state.edits)) params.append('set', expr);
  if (state.pinned !== undefined) {
    params.append('pin', '');
    for (const expr of setExpressions(state.pinned)) params.append('pinset', expr);
  }
  return params.toString();
}

/**
 * The state a hash holds; what it lacks or holds unreadably is taken from `defaults`.
 *
 * @example decodeState('runs=8&set=weeks%3D30', { runs: 200, seed: 1, edits: new Map() }).edits.get('weeks') // → 30
 */
export function decodeState(hash: string, defaults: ExploreState): ExploreState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const text = params.get(name);
    const value = text === null || !/^\d+$/.test(text) ? Number.NaN : Number(text);
    return Number.isSafeInteger(value) && value >= min && value <= max ? value : fallback;
  };
  const edits = (name: string): Map<string, unknown> => {
    const out = new Map<string, unknown>();
    for (const expr of params.getAll(name)) {
      const eq = expr.indexOf('=');
      if (eq <= 0) continue;
      try {
        out.set(expr.slice(0, eq), parseYaml(expr.slice(eq + 1)));
      } catch {
        // An unreadable edit is left out; the others still apply.
      }
    }
    return out;
  };
  return {
    runs: integer('runs', defaults.runs, 1, 100_000),
    seed: integer('seed', defaults.seed, 0, 2 ** 32 - 1),
    edits: params.getAll('set').length > 0 ? edits('set') : defaults.edits,
    ...(params.has('pin') ? { pinned: edits('pinset') } : defaults.pinned === undefined ? {} : { pinned: defaults.pinned }),
  };
}

/**
 * The scenario as a file of its own: every setting written out, so it needs no `extends`; the
 * model parameters only when they differ from the defaults.
 *
 * @example scenarioYaml(scenario) // → '# A scenario saved by copsim explore…\nname: baseline\n…'
 */
export function scenarioYaml(scenario: Scenario, note?: string): string {
  const data: Record<string, unknown> = { ...scenario };
  if (JSON.stringify(scenario.parameters) === JSON.stringify(parametersSchema.parse({}))) delete data['parameters'];
  const header = ['# A scenario saved by copsim explore. Check it with: copsim validate FILE', ...(note === undefined ? [] : [`# ${note}`])];
  return `${header.join('\n')}\n${stringifyYaml(data, { lineWidth: 0 })}`;
}
