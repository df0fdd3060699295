/**
 * Reading and validating a hypothesis file: YAML or JSON → `HypothesisFileData`, every problem
 * collected into one `HypothesisError` naming the file, the path (`hypotheses[3].measure.at`)
 * and what was expected, with the nearest valid key, metric or direction for a misspelt one.
 *
 *   file ──readScenarioFile──▶ raw ──hypothesisFileSchema──▶ data ──cross-checks──▶ HypothesisFileData
 */
import type { z } from 'zod';
import { RUN_FIGURES, WEEKLY_METRICS } from '../../engine/result.js';
import { describeValue, quote, ScenarioError, type ScenarioIssue } from '../../scenario/errors.js';
import { readScenarioFile } from '../../scenario/read.js';
import { shapeProblem } from '../../scenario/shape.js';
import { nearest } from '../../scenario/suggest.js';
import { translateZodIssues } from '../../scenario/zod-issues.js';
import { isRunFigure, isWeeklyMetric } from '../measure.js';
import { hypothesisFileSchema, type HypothesisFileData, type MeasureData } from './schema.js';

/**
 * A hypothesis file could not be read, validated or resolved; `issues` lists every problem,
 * each formatted `FILE: PATH: MESSAGE (did you mean "X"?)`. A `ScenarioError`, so every caller
 * that reports scenario problems reports these the same way.
 */
export class HypothesisError extends ScenarioError {
  constructor(issues: readonly ScenarioIssue[]) {
    super(issues);
    this.name = 'HypothesisError';
  }
}

/**
 * A path inside a hypothesis file as written in messages: list indices in brackets.
 *
 * @example formatHypothesisPath(['hypotheses', 3, 'measure', 'at']) // → 'hypotheses[3].measure.at'
 */
export function formatHypothesisPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text;
}

/**
 * Validates hypothesis data already read (for notebooks and tests); `file` names it in
 * messages (default `<input>`).
 *
 * @throws HypothesisError listing every problem
 * @example parseHypothesisFile({ hypotheses: [...] }, 'study.yaml').hypotheses[0].id
 */
export function parseHypothesisFile(raw: unknown, file = '<input>'): HypothesisFileData {
  return validateFileData(hypothesisFileSchema, raw, file, {
    empty: 'the file is empty: expected a mapping with a list of hypotheses',
    error: (issues) => new HypothesisError(issues),
    crossCheck,
  });
}

/**
 * Validates the data of a study file (hypotheses, calibration targets) against its schema:
 * an empty file, then the schema's issues (in the scenario's words, unions settled, paths
 * bracketed), then `crossCheck`'s, each set thrown as one `error(issues)`.
 */
export function validateFileData<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  file: string,
  how: {
    readonly empty: string;
    readonly error: (issues: ScenarioIssue[]) => Error;
    readonly crossCheck: (data: z.output<S>, file: string) => ScenarioIssue[];
  },
): z.output<S> {
  if (raw === null || raw === undefined) throw how.error([{ file, path: '', message: how.empty }]);
  const shape = shapeProblem(raw);
  if (shape !== undefined) throw how.error([{ file, path: formatHypothesisPath(shape.path), message: shape.message }]);
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issues = translateZodIssues(settleUnions(result.error.issues), schema, raw, () => file);
    throw how.error(issues.map((issue) => refine(issue, raw, file)));
  }
  const issues = how.crossCheck(result.data, file);
  if (issues.length > 0) throw how.error(issues);
  return result.data;
}

/**
 * Reads and validates a hypothesis file (`.yaml`, `.yml` or `.json`).
 *
 * @throws HypothesisError (or ScenarioError for an unreadable file) naming the file
 */
export function readHypothesisFile(path: string): HypothesisFileData {
  return parseHypothesisFile(readScenarioFile(path, path), path);
}

type Issue = z.core.$ZodIssue;

/**
 * Replaces a union's "matches no option" by the issues of the one option whose type fits the
 * value (e.g. the mapping form of an arm, whose misspelt key then gets its suggestion); a union
 * that no option fits by type stays as it is.
 */
function settleUnions(issues: readonly Issue[]): Issue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union' || !('errors' in issue) || !Array.isArray(issue.errors)) return [issue];
    const fitting = (issue.errors as Issue[][]).filter(
      (option) => !option.some((i) => i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value')),
    );
    if (fitting.length !== 1) return [issue];
    const inner = (fitting[0] as Issue[]).map((i) => ({ ...i, path: [...issue.path, ...i.path] }) as Issue);
    return settleUnions(inner);
  });
}

/**
 * Dotted path from translateZodIssues → bracketed path; clearer words for the two unions (a
 * measure's `at`, an arm `a` or `b`).
 */
function refine(issue: ScenarioIssue, raw: unknown, file: string): ScenarioIssue {
  const segments = issue.path === '' ? [] : issue.path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const path = formatHypothesisPath(segments);
  if (!issue.message.startsWith('does not match any allowed form')) return { ...issue, file, path };
  const found = valueAt(raw, segments);
  const last = segments[segments.length - 1];
  if (last === 'at') {
    const suggestion = typeof found === 'string' ? nearest(found, ['final', 'auc']) : undefined;
    return {
      file,
      path,
      message: `expected final, auc, a week number (0-based) or { from, to }, got ${describeValue(found)}`,
      ...(suggestion ? { suggestion } : {}),
    };
  }
  if (last === 'a' || last === 'b') {
    return {
      file,
      path,
      message: `expected a scenario name or file, or { scenario, set, cop }, got ${describeValue(found)}`,
    };
  }
  return { ...issue, file, path };
}

/** The value at `path` (keys and list indices) inside `root`; undefined where there is none. */
export function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let data = root;
  for (const segment of path) {
    if (data === null || typeof data !== 'object') return undefined;
    data = (data as Record<string | number, unknown>)[segment];
  }
  return data;
}

/** Checks across fields: unique ids, known metrics, no week or while_alive for a per-run figure, ordered windows. */
function crossCheck(data: HypothesisFileData, file: string): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const seen = new Map<string, number>();
  data.hypotheses.forEach((h, i) => {
    const at = (...rest: (string | number)[]): string => formatHypothesisPath(['hypotheses', i, ...rest]);
    const first = seen.get(h.id);
    if (first !== undefined) {
      issues.push({ file, path: at('id'), message: `duplicate id "${h.id}": hypotheses[${first}] has it already` });
    } else seen.set(h.id, i);
    issues.push(...measureIssues(h.measure, file, (...rest) => at('measure', ...rest)));
  });
  return issues;
}

/**
 * The problems of a measure as written in a file: an unknown metric (with the nearest one), a
 * week or `while_alive` for a per-run figure, an empty window. `at` places a field of the
 * measure in the file, e.g. `(...rest) => formatHypothesisPath(['hypotheses', 3, 'measure', ...rest])`.
 */
export function measureIssues(measure: MeasureData, file: string, at: (...rest: (string | number)[]) => string): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const metrics: readonly string[] = [...WEEKLY_METRICS, ...RUN_FIGURES];
  const { metric } = measure;
  if (!isWeeklyMetric(metric) && !isRunFigure(metric)) {
    const suggestion = nearest(metric, metrics);
    issues.push({
      file,
      path: at('metric'),
      message:
        `unknown metric ${quote(metric)}: expected a weekly metric (${WEEKLY_METRICS.join(', ')}) ` +
        `or a per-run figure (${RUN_FIGURES.join(', ')})`,
      ...(suggestion ? { suggestion } : {}),
    });
  } else if (isRunFigure(metric) && measure.at !== undefined) {
    issues.push({ file, path: at('at'), message: `"${metric}" is a per-run figure: it has one value per run and takes no "at"` });
  } else if (isRunFigure(metric) && measure.while_alive !== undefined) {
    issues.push({
      file,
      path: at('while_alive'),
      message: `"${metric}" is a per-run figure: it has one value per run and takes no "while_alive"`,
    });
  }
  const when = measure.at;
  if (typeof when === 'object' && when.from > when.to) {
    issues.push({ file, path: at('at'), message: `window ${when.from}..${when.to} is empty: "from" must not exceed "to"` });
  }
  return issues;
}
