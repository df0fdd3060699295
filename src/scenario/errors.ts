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

import { MAX_EXCERPT, MAX_ISSUES_SHOWN } from './limits.js';

/** A scenario could not be loaded; `issues` lists every problem found, in input order. */
export class ScenarioError extends Error {
  readonly issues: ScenarioIssue[];

  constructor(issues: readonly ScenarioIssue[]) {
    super(issues.length > 0 ? formatIssues(issues) : 'invalid scenario');
    this.name = 'ScenarioError';
    this.issues = [...issues];
  }

  /**
   * The issues, one per line, as `FILE: PATH: MESSAGE (did you mean "X"?)`: the first
   * `MAX_ISSUES_SHOWN`, then how many more there are.
   */
  format(): string {
    return formatIssues(this.issues);
  }
}

function formatIssues(issues: readonly ScenarioIssue[]): string {
  const lines = issues.slice(0, MAX_ISSUES_SHOWN).map(formatIssue);
  const more = issues.length - lines.length;
  if (more > 0) lines.push(`… and ${more} more problem${more === 1 ? '' : 's'} (the first ${MAX_ISSUES_SHOWN} are shown)`);
  return lines.join('\n');
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
 * Text quoted for a message: at most `MAX_EXCERPT` characters (longer text is cut, with `…`),
 * in double quotes, with control, format and line-separator characters escaped, so a message
 * never carries much of a file nor anything a terminal would act on.
 *
 * @example quote('mandatry'); // '"mandatry"'
 */
export function quote(text: string): string {
  const chars = [...text.slice(0, 2 * MAX_EXCERPT + 2)];
  const excerpt = chars.length > MAX_EXCERPT ? `${chars.slice(0, MAX_EXCERPT).join('')}…` : text;
  return JSON.stringify(excerpt).replace(
    /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}]/gu,
    (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * A short description of a found value for messages: strings quoted (an excerpt of a long
 * one, see `quote`), lists and mappings by kind, a missing value as `nothing`.
 *
 * @example
 * describeValue('mandatry'); // '"mandatry"'
 * describeValue([1, 2]); // 'a list'
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  return describeKind(value);
}

/**
 * What kind of value was found, without its content: for a value whose text should not be
 * repeated (a whole file's content at its top level).
 *
 * @example describeKind('token is SECRET'); // 'a text of 15 characters'
 */
export function describeKind(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (an empty value)';
  if (typeof value === 'string') return `a text of ${value.length} character${value.length === 1 ? '' : 's'}`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value;
}

/** True for `{...}` objects (not arrays, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
