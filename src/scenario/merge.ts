/**
 * Deep merge of scenario layers (a scenario over the one it extends, a `--set` over both),
 * keeping track of which layer supplied each path so that errors name the right file.
 *
 * Rules: mappings merge key by key; lists replace, except the top-level `cops`, which merge
 * element-wise by position (so `cops: [{participation: mandatory}]` changes only that field
 * of the first CoP); a mapping with a different `kind` (a `targetGroup` switching from role to
 * topic) replaces rather than merges, since its fields belong to the other kind.
 */
import { formatPath, isPlainObject } from './errors.js';

/** Which layer (file or `--set` expression) supplied each dotted path. */
export type Origins = Map<string, string>;

/** The layer being merged in and where to record what it supplies. */
export interface Provenance {
  origins: Origins;
  origin: string;
}

function sameKind(base: Record<string, unknown>, over: Record<string, unknown>): boolean {
  return !('kind' in over) || base['kind'] === over['kind'];
}

function record(provenance: Provenance | undefined, path: readonly (string | number)[], replaced: boolean): void {
  if (provenance === undefined) return;
  const key = formatPath(path);
  if (replaced) {
    for (const existing of [...provenance.origins.keys()]) {
      if (key === '' ? existing !== '' : existing.startsWith(`${key}.`)) provenance.origins.delete(existing);
    }
  }
  provenance.origins.set(key, provenance.origin);
}

/**
 * `over` merged onto `base` (neither is modified).
 *
 * @param path where the values sit in the scenario (the top-level `cops` list merges by position)
 * @param provenance when given, records `provenance.origin` for every path `over` supplies
 * @example
 * mergeValues({ cops: [{ theme: 'ai', founders: 5 }] }, { cops: [{ founders: 8 }] }, []);
 * // { cops: [{ theme: 'ai', founders: 8 }] }
 */
export function mergeValues(
  base: unknown,
  over: unknown,
  path: readonly (string | number)[],
  provenance?: Provenance,
): unknown {
  if (isPlainObject(base) && isPlainObject(over) && sameKind(base, over)) {
    record(provenance, path, false);
    const out: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(over)) {
      if (value === undefined) continue;
      out[key] = mergeValues(base[key], value, [...path, key], provenance);
    }
    return out;
  }
  if (path.length === 1 && path[0] === 'cops' && Array.isArray(base) && Array.isArray(over)) {
    record(provenance, path, false);
    const out: unknown[] = [...base];
    over.forEach((value: unknown, i) => {
      out[i] = mergeValues(base[i], value, [...path, i], provenance);
    });
    return out;
  }
  record(provenance, path, true);
  recordBelow(provenance, path, over);
  return over;
}

/** Records the origin of every path inside a value that replaces what was there. */
function recordBelow(provenance: Provenance | undefined, path: readonly (string | number)[], value: unknown): void {
  if (provenance === undefined) return;
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v: unknown, i) => [i, v])
    : isPlainObject(value)
      ? Object.entries(value)
      : [];
  for (const [key, child] of entries) {
    const childPath = [...path, key];
    provenance.origins.set(formatPath(childPath), provenance.origin);
    recordBelow(provenance, childPath, child);
  }
}

/**
 * The layer responsible for a path: the one recorded for its longest recorded prefix.
 *
 * @param fallback returned when no prefix is recorded
 */
export function originOf(origins: Origins, path: readonly PropertyKey[], fallback: string): string {
  for (let i = path.length; i >= 0; i--) {
    const origin = origins.get(formatPath(path.slice(0, i)));
    if (origin !== undefined) return origin;
  }
  return fallback;
}
