/**
 * Translation of zod's validation issues into `ScenarioIssue`s that say, in the scenario's
 * own words, what was expected at which path and what was found, with a nearest-match
 * suggestion for misspelt keys and choices.
 */
import type { z } from 'zod';
import { describeValue, formatPath, quote, type ScenarioIssue } from './errors.js';
import { childOf, numberBounds, numberOrKeywords, schemaAt, validKeys } from './schema-walk.js';
import { nearest } from './suggest.js';

/** Where an issue came from: the file or `--set` expression that supplied a path. */
export type OriginOf = (path: readonly PropertyKey[]) => string;

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  int: 'an integer',
  string: 'a string',
  boolean: 'true or false',
  object: 'a mapping (key: value)',
  array: 'a list',
};

/** The input value at a path, or undefined. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let data = root;
  for (const segment of path) {
    data = childOf(data, typeof segment === 'number' ? segment : String(segment));
  }
  return data;
}

function choiceList(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(' | ');
}

function stringValues(values: readonly unknown[]): string[] {
  return values.filter((v): v is string => typeof v === 'string');
}

function rangeText(min: number | undefined, max: number | undefined, integer: boolean): string {
  const what = integer ? 'an integer' : 'a number';
  if (min !== undefined && max !== undefined) return `${what} from ${min} to ${max}`;
  if (min !== undefined) return `${what} >= ${min}`;
  if (max !== undefined) return `${what} <= ${max}`;
  return what;
}

/**
 * The issues for one zod error, in zod's order; an unknown-keys issue becomes one issue per
 * key.
 *
 * @param schema the schema that was validated (walked for valid keys and number bounds)
 * @param input the data that was validated
 * @param originOf the file or `--set` expression responsible for a path
 */
export function translateZodIssues(
  issues: readonly z.core.$ZodIssue[],
  schema: z.core.$ZodType,
  input: unknown,
  originOf: OriginOf,
): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  // Where the valid keys were listed already: a mapping with many unknown keys lists them once.
  const listed = new Set<string>();
  for (const issue of issues) {
    const path = issue.path;
    const found = valueAt(input, path);
    const base = { file: originOf(path), path: formatPath(path) };
    switch (issue.code) {
      case 'invalid_type': {
        const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
        out.push({
          ...base,
          message: found === undefined ? `required: expected ${expected}` : `expected ${expected}, got ${describeValue(found)}`,
        });
        break;
      }
      case 'too_small':
      case 'too_big': {
        out.push({ ...base, message: sizeMessage(issue, schema, input, found) });
        break;
      }
      case 'invalid_value': {
        const suggestion = typeof found === 'string' ? nearest(found, stringValues(issue.values)) : undefined;
        const expected = issue.values.length === 1 ? `${choiceList(issue.values)}` : `one of ${choiceList(issue.values)}`;
        out.push({ ...base, message: `expected ${expected}, got ${describeValue(found)}`, ...(suggestion ? { suggestion } : {}) });
        break;
      }
      case 'unrecognized_keys': {
        const here = schemaAt(schema, path, input);
        const keys = here === undefined ? [] : validKeys(here, found);
        for (const key of issue.keys) {
          const suggestion = nearest(key, keys);
          const showList = suggestion === undefined && keys.length > 0 && !listed.has(base.path);
          if (showList) listed.add(base.path);
          const list = showList ? `; valid keys: ${keys.join(', ')}` : '';
          out.push({
            file: originOf([...path, key]),
            path: base.path,
            message: `unknown key ${quote(key)}${list}`,
            ...(suggestion ? { suggestion } : {}),
          });
        }
        break;
      }
      case 'invalid_union': {
        const tagged = issue as z.core.$ZodIssueInvalidUnion & { options?: unknown[]; discriminator?: string };
        if (tagged.options !== undefined) {
          const options = tagged.options;
          const suggestion = typeof found === 'string' ? nearest(found, stringValues(options)) : undefined;
          out.push({
            ...base,
            message: `expected one of ${choiceList(options)}, got ${describeValue(found)}`,
            ...(suggestion ? { suggestion } : {}),
          });
        } else {
          const alternatives = numberOrKeywords(schemaAt(schema, path, input));
          if (alternatives !== undefined) {
            const { bounds, keywords } = alternatives;
            const text = [rangeText(bounds.min, bounds.max, bounds.integer), ...keywords.map((k) => JSON.stringify(k))];
            const suggestion = typeof found === 'string' ? nearest(found, keywords) : undefined;
            out.push({
              ...base,
              message: `expected ${text.join(' or ')}, got ${describeValue(found)}`,
              ...(suggestion ? { suggestion } : {}),
            });
          } else {
            out.push({ ...base, message: `does not match any allowed form, got ${describeValue(found)}` });
          }
        }
        break;
      }
      case 'invalid_format': {
        out.push({ ...base, message: `expected ${issue.message}, got ${describeValue(found)}` });
        break;
      }
      default:
        out.push({ ...base, message: `${issue.message}, got ${describeValue(found)}` });
    }
  }
  return out;
}

function sizeMessage(
  issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig,
  schema: z.core.$ZodType,
  input: unknown,
  found: unknown,
): string {
  const limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
  if (issue.origin === 'number' || issue.origin === 'int') {
    const bounds = numberBounds(schemaAt(schema, issue.path, input));
    const exclusive = issue.inclusive === false;
    if (exclusive) {
      return `expected a number ${issue.code === 'too_small' ? '>' : '<'} ${limit}, got ${describeValue(found)}`;
    }
    const min = issue.code === 'too_small' ? limit : bounds.min;
    const max = issue.code === 'too_big' ? limit : bounds.max;
    return `expected ${rangeText(min, max, bounds.integer)}, got ${describeValue(found)}`;
  }
  if (issue.origin === 'array') {
    const count = Array.isArray(found) ? found.length : 0;
    const bound = issue.code === 'too_small' ? `at least ${limit}` : `at most ${limit}`;
    return `expected ${bound} item${limit === 1 ? '' : 's'}, got ${count}`;
  }
  if (issue.origin === 'string') {
    const bound = issue.code === 'too_small' ? `at least ${limit}` : `at most ${limit}`;
    return `expected ${bound} characters, got ${describeValue(found)}`;
  }
  return `${issue.message}, got ${describeValue(found)}`;
}
