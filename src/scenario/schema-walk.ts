/**
 * Walking the zod scenario schema along a path, to find the valid keys at a place (for
 * "did you mean" suggestions) and the bounds of a number (for range messages).
 *
 * Wrappers (optional, default, prefault, nullable, readonly, catch) are looked through; a
 * discriminated union (targetGroup) is resolved by the discriminator found in the data, or
 * stands for all its options when the data does not decide.
 */
import type { z } from 'zod';
import { isPlainObject } from './errors.js';

/** The parts of a zod 4 schema definition the walker reads. */
interface SchemaDef {
  type: string;
  innerType?: Schema;
  in?: Schema;
  shape?: Record<string, Schema>;
  element?: Schema;
  options?: Schema[];
  discriminator?: string;
  values?: unknown[];
}

type Schema = z.core.$ZodType;

const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional']);

function defOf(schema: Schema): SchemaDef {
  return schema._zod.def as unknown as SchemaDef;
}

/** The schema with wrappers looked through. */
export function unwrapSchema(schema: Schema): Schema {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (WRAPPERS.has(def.type) && def.innerType !== undefined) current = def.innerType;
    else if (def.type === 'pipe' && def.in !== undefined) current = def.in;
    else return current;
  }
}

/**
 * For a union of one number and keywords (e.g. `0..1 | "auto"`): the number's bounds and the
 * keywords; undefined for other unions.
 */
export function numberOrKeywords(
  schema: Schema | undefined,
): { bounds: ReturnType<typeof numberBounds>; keywords: string[] } | undefined {
  if (schema === undefined) return undefined;
  const def = defOf(unwrapSchema(schema));
  if (def.type !== 'union') return undefined;
  const options = (def.options ?? []).map(unwrapSchema);
  const numbers = options.filter((o) => defOf(o).type === 'number').length;
  const keywords = options.flatMap((o) =>
    defOf(o).type === 'literal' ? (defOf(o).values ?? []).filter((v): v is string => typeof v === 'string') : [],
  );
  if (numbers !== 1 || keywords.length + 1 !== options.length) return undefined;
  return { bounds: numberBounds(schema), keywords };
}

/** The union's options that fit `data` by discriminator; all of them when undecided. */
function unionOptions(def: SchemaDef, data: unknown): Schema[] {
  const options = def.options ?? [];
  if (def.discriminator === undefined || !isPlainObject(data)) return options;
  const tag = data[def.discriminator];
  const matching = options.filter((option) => {
    const shape = defOf(unwrapSchema(option)).shape;
    const literal = shape?.[def.discriminator ?? ''];
    const values = literal === undefined ? [] : (defOf(unwrapSchema(literal)).values ?? []);
    return values.includes(tag);
  });
  return matching.length > 0 ? matching : options;
}

/**
 * The object schemas that `data` at this place could be checked against: one for a plain
 * object, one or more for a union; none for scalars and lists.
 */
function objectSchemas(schema: Schema, data: unknown): Schema[] {
  const inner = unwrapSchema(schema);
  const def = defOf(inner);
  if (def.type === 'object') return [inner];
  if (def.type === 'union') return unionOptions(def, data).flatMap((o) => objectSchemas(o, data));
  return [];
}

/**
 * The valid keys of the mapping at this place, in schema order (a union's options merged).
 *
 * @example
 * validKeys(targetGroupSchema, { kind: 'topic' }); // ['kind']
 */
export function validKeys(schema: Schema, data: unknown): string[] {
  const keys = new Set<string>();
  for (const object of objectSchemas(schema, data)) {
    for (const key of Object.keys(defOf(object).shape ?? {})) keys.add(key);
  }
  return [...keys];
}

/** What a step from a schema node by one path segment found. */
export type SchemaStep =
  | { kind: 'found'; schema: Schema }
  | { kind: 'unknown-key'; validKeys: string[] }
  | { kind: 'not-a-list' }
  | { kind: 'not-a-mapping' }
  | { kind: 'leaf'; type: string };

/**
 * One step into the schema: a key of a mapping or an index of a list. `data` is the input at
 * the current place (it resolves unions).
 */
export function stepSchema(schema: Schema, segment: string | number, data: unknown): SchemaStep {
  const inner = unwrapSchema(schema);
  const def = defOf(inner);
  if (def.type === 'array') {
    if (typeof segment !== 'number') return { kind: 'not-a-list' };
    return def.element === undefined ? { kind: 'leaf', type: 'unknown' } : { kind: 'found', schema: def.element };
  }
  const objects = objectSchemas(inner, data);
  if (objects.length === 0) return { kind: 'leaf', type: leafType(inner) };
  if (typeof segment === 'number') return { kind: 'not-a-mapping' };
  for (const object of objects) {
    const shape = defOf(object).shape;
    // Own keys only: `constructor` or `__proto__` must not find Object.prototype's.
    if (shape !== undefined && Object.hasOwn(shape, segment)) return { kind: 'found', schema: shape[segment] as Schema };
  }
  return { kind: 'unknown-key', validKeys: validKeys(inner, data) };
}

/**
 * The schema at a path, following the data alongside it; undefined when the path leaves the
 * schema.
 */
export function schemaAt(
  schema: Schema,
  path: readonly PropertyKey[],
  root: unknown,
): Schema | undefined {
  let current: Schema = schema;
  let data: unknown = root;
  for (const raw of path) {
    const segment = typeof raw === 'number' ? raw : String(raw);
    const step = stepSchema(current, segment, data);
    if (step.kind !== 'found') return undefined;
    current = step.schema;
    data = childOf(data, segment);
  }
  return current;
}

/** The value at one step into plain data, or undefined. */
export function childOf(data: unknown, segment: string | number): unknown {
  if (Array.isArray(data) && typeof segment === 'number') return data[segment];
  if (isPlainObject(data) && typeof segment === 'string' && Object.hasOwn(data, segment)) return data[segment];
  return undefined;
}

/** A readable name for a scalar schema's type, for messages. */
function leafType(schema: Schema): string {
  const def = defOf(unwrapSchema(schema));
  if (def.type === 'enum' || def.type === 'literal') return 'a choice';
  return `a ${def.type}`;
}

/** The bounds of a number schema (`undefined` when unbounded), and whether it takes integers only. */
export function numberBounds(schema: Schema | undefined): {
  min?: number;
  max?: number;
  integer: boolean;
} {
  if (schema === undefined) return { integer: false };
  const unwrapped = unwrapSchema(schema);
  if (defOf(unwrapped).type === 'union') {
    // A number or a keyword (e.g. steering: 0..1 or auto): the bounds of the number option.
    const number = (defOf(unwrapped).options ?? []).find((o) => defOf(unwrapSchema(o)).type === 'number');
    return numberBounds(number);
  }
  const inner = unwrapped as Schema & {
    minValue?: number | null;
    maxValue?: number | null;
    isInt?: boolean;
  };
  if (defOf(inner).type !== 'number') return { integer: false };
  const bounds: { min?: number; max?: number; integer: boolean } = { integer: inner.isInt === true };
  // Integer schemas carry the safe-integer range as implicit bounds; those are not worth naming.
  const meaningful = (v: number | null | undefined): v is number =>
    typeof v === 'number' && Math.abs(v) < Number.MAX_SAFE_INTEGER;
  if (meaningful(inner.minValue)) bounds.min = inner.minValue;
  if (meaningful(inner.maxValue)) bounds.max = inner.maxValue;
  return bounds;
}
