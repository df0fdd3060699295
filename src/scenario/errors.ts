/**
 * Scenario errors: every problem found while reading, merging, overriding or validating a
 * scenario becomes a `ScenarioIssue` naming the file (or `--set` expression), the path inside
 * the scenario, what was expected and what was found. All issues are collected and thrown
 * together as one `ScenarioError`.
 *
 * Paths are dotted with numeric list indices everywhere, also in `--set`:
 * `cops.0.support.fundedHours`.
 */

/** One problem in a scenario. */
export interface ScenarioIssue {
  /** The file as given, `builtin:NAME`, or `--set EXPR` for a command-line override. */
  file: string;
  /** Dotted path inside the scenario, e.g. `cops.0.participation`; '' for the whole file. */
  path: string;
  /** What was expected and what was found. */
  message: string;
  /** The nearest valid key, value or name, when the input looks like a typo of one. */
  suggestion?: string;
}

/** A scenario could not be loaded; `issues` lists every problem found, in input order. */
export class ScenarioError extends Error {
  readonly issues: ScenarioIssue[];

  constructor(issues: readonly ScenarioIssue[]) {
    super(issues.length > 0 ? issues.map(formatIssue).join('\n') : 'invalid scenario');
    this.name = 'ScenarioError';
    this.issues = [...issues];
  }

  /** All issues, one per line, as `FILE: PATH: MESSAGE (did you mean "X"?)`. */
  format(): string {
    return this.issues.map(formatIssue).join('\n');
  }
}

/**
 * Renders one issue as `FILE: PATH: MESSAGE (did you mean "X"?)`.
 *
 * The path is left out when empty, and the file when the message already names it
 * (`cannot read nope.yaml: no such file`).
 *
 * @example
 * formatIssue({ file: 'a.yaml', path: 'weeks', message: 'expected an integer, got 2.5' });
 * // 'a.yaml: weeks: expected an integer, got 2.5'
 */
export function formatIssue(issue: ScenarioIssue): string {
  const parts: string[] = [];
  if (issue.file !== '' && !(issue.path === '' && issue.message.includes(issue.file))) {
    parts.push(issue.file);
  }
  if (issue.path !== '') parts.push(issue.path);
  parts.push(issue.message);
  const hint = issue.suggestion === undefined ? '' : ` (did you mean "${issue.suggestion}"?)`;
  return parts.join(': ') + hint;
}

/**
 * A path as the dotted string used in every message.
 *
 * @example
 * formatPath(['cops', 0, 'participation']); // 'cops.0.participation'
 */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/**
 * A short description of a found value for messages: strings quoted, lists and mappings by
 * kind, a missing value as `nothing`.
 *
 * @example
 * describeValue('mandatry'); // '"mandatry"'
 * describeValue([1, 2]); // 'a list'
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (an empty value)';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/** True for `{...}` objects (not arrays, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
