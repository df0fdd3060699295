/**
 * Reading and validating a targets file: YAML or JSON → `TargetsFileData`, every problem
 * collected into one `TargetsError` naming the file, the field (`patterns[2].tolerance`) and
 * what was expected, with the nearest valid key or metric for a misspelt one.
 *
 *   file ──readScenarioFile──▶ raw ──targetsFileSchema──▶ data ──cross-checks──▶ TargetsFileData
 */
import type { ScenarioIssue } from '../../scenario/errors.js';
import { ScenarioError } from '../../scenario/errors.js';
import { readScenarioFile } from '../../scenario/read.js';
import { parsePrior } from '../../calibration/priors.js';
import { formatHypothesisPath, measureIssues, validateFileData } from '../hypotheses/parse.js';
import { targetsFileSchema, type TargetsFileData } from './schema.js';

/**
 * A targets file could not be read, validated or resolved; `issues` lists every problem, each
 * formatted `FILE: FIELD: MESSAGE (did you mean "X"?)`. A `ScenarioError`, so every caller that
 * reports scenario problems reports these the same way.
 */
export class TargetsError extends ScenarioError {
  constructor(issues: readonly ScenarioIssue[]) {
    super(issues);
    this.name = 'TargetsError';
  }
}

/**
 * Validates targets data already read (for notebooks and tests); `file` names it in messages
 * (default `<input>`).
 *
 * @throws TargetsError listing every problem
 * @example parseTargetsFile({ parameters: [...], patterns: [...] }, 'patterns.yaml').patterns[0].id
 */
export function parseTargetsFile(raw: unknown, file = '<input>'): TargetsFileData {
  return validateFileData(targetsFileSchema, raw, file, {
    empty: 'the file is empty: expected a mapping with parameters and patterns',
    error: (issues) => new TargetsError(issues),
    crossCheck,
  });
}

/**
 * Reads and validates a targets file (`.yaml`, `.yml` or `.json`).
 *
 * @throws TargetsError (or ScenarioError for an unreadable file) naming the file
 */
export function readTargetsFile(path: string): TargetsFileData {
  return parseTargetsFile(readScenarioFile(path, path), path);
}

/** Checks across fields: unique ids and paths, one of scenario or compare, known metrics, readable priors. */
function crossCheck(data: TargetsFileData, file: string): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const paths = new Map<string, number>();
  data.parameters.forEach((p, i) => {
    const at = (...rest: (string | number)[]): string => formatHypothesisPath(['parameters', i, ...rest]);
    const first = paths.get(p.path);
    if (first !== undefined) issues.push({ file, path: at('path'), message: `duplicate parameter "${p.path}": parameters[${first}] has it already` });
    else paths.set(p.path, i);
    const prior = parsePrior(p.prior);
    if (!prior.ok) issues.push({ file, path: at('prior'), message: prior.message });
    else if (p.bounds !== undefined && prior.kind !== 'normal') {
      issues.push({ file, path: at('bounds'), message: `only a normal prior takes bounds; ${prior.kind}(lo, hi) is bounded by lo and hi` });
    }
    if (p.bounds !== undefined && !(p.bounds[0] < p.bounds[1])) {
      issues.push({ file, path: at('bounds'), message: `expected [lo, hi] with lo < hi, got [${p.bounds[0]}, ${p.bounds[1]}]` });
    }
  });
  const ids = new Map<string, number>();
  data.patterns.forEach((p, i) => {
    const at = (...rest: (string | number)[]): string => formatHypothesisPath(['patterns', i, ...rest]);
    const first = ids.get(p.id);
    if (first !== undefined) issues.push({ file, path: at('id'), message: `duplicate id "${p.id}": patterns[${first}] has it already` });
    else ids.set(p.id, i);
    if ((p.scenario === undefined) === (p.compare === undefined)) {
      issues.push({
        file,
        path: at(),
        message:
          p.scenario === undefined
            ? 'expected "scenario" (one scenario\'s statistic) or "compare" (the paired difference of two arms), got neither'
            : 'expected "scenario" or "compare", got both',
      });
    }
    issues.push(...measureIssues(p.measure, file, (...rest) => at('measure', ...rest)));
  });
  return issues;
}
