/**
 * The shape check every scenario and hypothesis document passes before anything else looks at
 * it, whether it came from a file, standard input, `--set` or a notebook's object: plain data
 * only (text, numbers, booleans, null, lists, mappings), nested at most `MAX_DEPTH` levels, at
 * most `MAX_VALUES` values with shared parts counted each time they occur (so an expanded YAML
 * alias chain counts what it expands to), no cycles and no `__proto__` key. Everything after
 * it (merging, overrides, validation) may then recurse without a stack or memory limit to fear.
 */
import { MAX_DEPTH, MAX_VALUES } from './limits.js';

/** A shape problem, located by path. */
export interface ShapeProblem {
  readonly path: (string | number)[];
  readonly message: string;
}

/** The key that would reach an object's prototype when assigned. */
export const RESERVED_KEY = '__proto__';

/** What a value that is not plain data is, for messages. */
function kindOf(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'bigint') return 'a big integer';
  if (typeof value === 'symbol') return 'a symbol';
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== '' ? `a ${name} object` : 'an object that is not a plain mapping';
}

function isPlainData(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return Array.isArray(value) ? proto === Array.prototype : proto === Object.prototype || proto === null;
}

/**
 * The first shape problem of `data`, or undefined when it is plain data within the limits.
 *
 * @example shapeProblem({ a: { __proto__: null, ['__proto__']: 1 } }) // → { path: ['a'], message: 'the key "__proto__" is not allowed ...' }
 */
export function shapeProblem(data: unknown): ShapeProblem | undefined {
  let values = 0;
  const open = new Set<object>();
  const path: (string | number)[] = [];
  const visit = (value: unknown, depth: number): ShapeProblem | undefined => {
    values++;
    if (values > MAX_VALUES) {
      return {
        path: [],
        message: `holds more than ${MAX_VALUES} values (mappings, lists and scalars, with YAML aliases expanded); copsim reads at most ${MAX_VALUES}`,
      };
    }
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === undefined) {
      return undefined;
    }
    if (typeof value !== 'object' || !isPlainData(value)) {
      return { path: [...path], message: `expected plain data (text, a number, true or false, a list or a mapping), got ${kindOf(value)}` };
    }
    if (depth > MAX_DEPTH) {
      return { path: [...path], message: `nested more than ${MAX_DEPTH} levels deep; copsim reads lists and mappings up to ${MAX_DEPTH} levels` };
    }
    if (open.has(value)) {
      return { path: [...path], message: 'contains itself (a YAML alias inside its own anchor, or a cyclic object)' };
    }
    open.add(value);
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((v: unknown, i) => [i, v])
      : Object.keys(value).map((k) => [k, (value as Record<string, unknown>)[k]]);
    for (const [key, child] of entries) {
      if (key === RESERVED_KEY) return { path: [...path], message: `the key "${RESERVED_KEY}" is not allowed` };
      path.push(key);
      const problem = visit(child, depth + 1);
      path.pop();
      if (problem !== undefined) return problem;
    }
    open.delete(value);
    return undefined;
  };
  return visit(data, 1);
}
