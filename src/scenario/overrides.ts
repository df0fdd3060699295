/**
 * `--set path=value` overrides: a dotted path with numeric list indices and a YAML value,
 * applied to the merged scenario like one more layer, before validation.
 *
 * `cops.0.participation=mandatory`, `weeks=52`, `parameters.attendance.habit=1.5`,
 * `cops.0.targetGroup={kind: role, role: scrumMaster}`.
 */
import { describeValue, formatPath, isPlainObject, quote, ScenarioError, type ScenarioIssue } from './errors.js';
import { parseYamlText } from './read.js';
import { shapeProblem } from './shape.js';
import { mergeValues, type Provenance } from './merge.js';
import { scenarioSchema } from './schema.js';
import { childOf, stepSchema } from './schema-walk.js';
import { nearest } from './suggest.js';

/** A parsed `--set` expression. */
export interface SetOverride {
  /** Keys and list indices from the scenario's root. */
  path: (string | number)[];
  /** The value, parsed as YAML (a scalar, or a flow list or mapping). */
  value: unknown;
}

/** How an override is named in messages. */
function setOrigin(expr: string): string {
  return `--set ${expr}`;
}

/**
 * Parses `path=value`. Path segments of digits only are list indices; the value is read as
 * YAML, so `true`, `3`, `0.5`, `mandatory` and `{kind: topic}` all mean what they say.
 *
 * @throws ScenarioError when `=` is missing, the path is empty or malformed, or the value is not valid YAML
 * @example
 * parseSet('cops.0.support.fundedHours=4'); // { path: ['cops', 0, 'support', 'fundedHours'], value: 4 }
 */
export function parseSet(expr: string): SetOverride {
  const fail = (message: string): never => {
    throw new ScenarioError([{ file: setOrigin(expr), path: '', message }]);
  };
  const eq = expr.indexOf('=');
  if (eq < 0) fail('expected path=value, e.g. cops.0.participation=mandatory; no "=" found');
  const pathText = expr.slice(0, eq).trim();
  const valueText = expr.slice(eq + 1);
  if (pathText === '') fail('expected a path before "=", e.g. weeks=52');
  const segments = pathText.split('.');
  if (segments.some((s) => s.trim() === '')) {
    fail(`expected a dotted path like cops.0.participation, got "${pathText}" (empty segment)`);
  }
  const path = segments.map((s) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : s.trim()));
  let value: unknown;
  try {
    // The same reader as a file's, with its limits: a value is a small YAML document.
    value = parseYamlText(valueText, setOrigin(expr));
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    const reason = error.issues.map((issue) => issue.message).join('; ');
    fail(`expected a YAML value after "=", got ${quote(valueText)}: ${reason}`);
  }
  const shape = shapeProblem(value);
  if (shape !== undefined) fail(`expected a YAML value after "=", got ${quote(valueText)}: ${shape.message}`);
  // An empty value parses as YAML null; the scenario has no nullable settings, so say so here.
  if (value === null && valueText.trim() === '') fail('expected a value after "="; got nothing');
  return { path, value };
}

/** Problems with a path against the scenario schema (unknown keys, indices into mappings). */
function checkPath(expr: string, path: readonly (string | number)[], data: unknown): ScenarioIssue[] {
  const file = setOrigin(expr);
  if (path[0] === 'extends') {
    return [{ file, path: 'extends', message: 'cannot be set with --set; it is resolved when the file is read' }];
  }
  let schema: Parameters<typeof stepSchema>[0] = scenarioSchema;
  let here = data;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i] as string | number;
    const at = formatPath(path.slice(0, i));
    const step = stepSchema(schema, segment, here);
    switch (step.kind) {
      case 'found':
        schema = step.schema;
        here = childOf(here, segment);
        continue;
      case 'unknown-key': {
        const suggestion = nearest(String(segment), step.validKeys);
        const list = suggestion === undefined ? `; valid keys: ${step.validKeys.join(', ')}` : '';
        return [{ file, path: at, message: `unknown key "${segment}"${list}`, ...(suggestion ? { suggestion } : {}) }];
      }
      case 'not-a-list':
        return [{ file, path: at, message: `expected a list index (0, 1, ...), got "${segment}"` }];
      case 'not-a-mapping':
        return [{ file, path: at, message: `expected a key, got list index ${segment}` }];
      case 'leaf':
        return [{ file, path: at, message: `is ${step.type}, with no field "${segment}"` }];
    }
  }
  return [];
}

/** Sets `value` at `path` in a copy of `node`, merging like a file layer does. */
function setIn(
  node: unknown,
  path: readonly (string | number)[],
  depth: number,
  value: unknown,
  file: string,
  provenance: Provenance | undefined,
): unknown {
  if (depth === path.length) return mergeValues(node, value, path, provenance);
  const segment = path[depth] as string | number;
  const at = formatPath(path.slice(0, depth));
  if (typeof segment === 'number') {
    const list: unknown[] = node === undefined ? [] : Array.isArray(node) ? [...node] : notContainer(file, at, node, 'a list');
    if (segment > list.length) {
      throw new ScenarioError([
        { file, path: at, message: `index ${segment} is past the end of the list (${list.length} item${list.length === 1 ? '' : 's'}; ${list.length} would add one)` },
      ]);
    }
    list[segment] = setIn(list[segment], path, depth + 1, value, file, provenance);
    return list;
  }
  const object: Record<string, unknown> =
    node === undefined ? {} : isPlainObject(node) ? { ...node } : notContainer(file, at, node, 'a mapping');
  object[segment] = setIn(object[segment], path, depth + 1, value, file, provenance);
  return object;
}

function notContainer(file: string, path: string, node: unknown, expected: string): never {
  throw new ScenarioError([{ file, path, message: `expected ${expected} to set a field in, got ${describeValue(node)}` }]);
}

/**
 * Applies one parsed override to a copy of `raw`; an error names the `--set` expression.
 *
 * @param provenance when given, records the expression as the origin of the paths it supplies
 */
function applySet(raw: unknown, expr: string, override: SetOverride, provenance?: Provenance): unknown {
  const issues = checkPath(expr, override.path, raw);
  if (issues.length > 0) throw new ScenarioError(issues);
  // The CoPs merge by position, so an empty list would change nothing: said, not ignored.
  if (override.path.length === 1 && override.path[0] === 'cops' && Array.isArray(override.value) && override.value.length === 0) {
    throw new ScenarioError([
      {
        file: setOrigin(expr),
        path: 'cops',
        message: 'an empty list changes nothing: the CoPs merge by position (cops.N.FIELD=VALUE changes the N-th, cops.N={...} at the end adds one), and a scenario keeps at least one CoP',
      },
    ]);
  }
  return setIn(raw, override.path, 0, override.value, setOrigin(expr), provenance);
}

/**
 * Applies `--set` expressions in order to a copy of unvalidated scenario data; later ones win.
 * All bad expressions are reported together.
 *
 * @throws ScenarioError naming each bad expression, e.g.
 *   `--set cops.0.partcipation=mandatory: cops.0: unknown key "partcipation" (did you mean "participation"?)`
 * @example
 * applySets({ weeks: 156, cops: [{}] }, ['weeks=52']); // { weeks: 52, cops: [{}] }
 */
export function applySets(raw: unknown, sets: readonly string[], provenance?: Provenance): unknown {
  const issues: ScenarioIssue[] = [];
  let current = raw;
  for (const expr of sets) {
    try {
      const override = parseSet(expr);
      const origin = provenance === undefined ? undefined : { origins: provenance.origins, origin: setOrigin(expr) };
      current = applySet(current, expr, override, origin);
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      issues.push(...error.issues);
    }
  }
  if (issues.length > 0) throw new ScenarioError(issues);
  return current;
}
