/**
 * fast-check arbitraries for copsim's inputs: valid scenarios and hypothesis files, and
 * malformed ones made from them by mutations of their data (wrong types, out-of-range and
 * huge numbers, NaN and Infinity written as text, wrong and misspelt choices and keys,
 * prototype keys, arrays for mappings, deep nesting, semantic impossibilities) and of their
 * text (alias bombs, undefined and self-referencing aliases, duplicate keys, directives, tags,
 * byte-order marks, invalid UTF-8, control characters, several documents, truncation).
 *
 * Every arbitrary is a description of the input (data and mutations), so a failure shrinks to
 * a small counter-example and a seed replays it.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';

// ---------- valid inputs ----------

const ROLES_EVERY_ORGANISATION_HAS = ['scrumMaster', 'productOwner', 'tester', 'manager', 'architect', 'agileCoach'] as const;
const THEMES = ['agility', 'architecture', 'development', 'security', 'ai', 'devops'] as const;

/** A small valid CoP (every role it targets exists in any organisation of at least 7). */
const validCop = fc.record(
  {
    id: fc.constantFrom('a', 'sm', 'guild', 'cop-x', 'Arch_1'),
    name: fc.constantFrom('Scrum Master CoP', 'Gilde «Ä»', '=1+1 guild', '-2 people', '@home', 'tab-free name'),
    founders: fc.integer({ min: 1, max: 7 }),
    targetGroup: fc.oneof(
      fc.constant({ kind: 'topic' }),
      fc.constantFrom(...ROLES_EVERY_ORGANISATION_HAS).map((role) => ({ kind: 'role', role })),
    ),
    theme: fc.constantFrom(...THEMES),
    openness: fc.constantFrom('open', 'closed'),
    participation: fc.constantFrom('voluntary', 'expected', 'mandatory'),
    steering: fc.oneof(fc.constant('auto'), fc.double({ min: 0, max: 1, noNaN: true })),
    support: fc.record({ fundedHours: fc.integer({ min: 0, max: 4 }), lead: fc.constantFrom('none', 'part-time', 'full-time') }, { requiredKeys: [] }),
    meetings: fc.record({ cadence: fc.integer({ min: 1, max: 4 }), length: fc.constantFrom(0.5, 1, 1.5, 2) }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

/** A small valid scenario: plain data as a file would hold it. */
export const validScenario = fc
  .record({
    extends: fc.option(fc.constantFrom('baseline', 'mandate-lifted', 'two-cops-competing'), { nil: undefined }),
    name: fc.option(fc.constantFrom('my scenario', '=HYPERLINK("x")', '+cmd', 'Ünïcödé 🚀'), { nil: undefined }),
    description: fc.option(fc.constantFrom('A guild.\nTwo lines,\twith a tab.', ''), { nil: undefined }),
    weeks: fc.integer({ min: 4, max: 60 }),
    organisation: fc.record({ employees: fc.integer({ min: 30, max: 400 }), teamSize: fc.integer({ min: 3, max: 9 }) }, { requiredKeys: [] }),
    cops: fc.array(validCop, { minLength: 1, maxLength: 2 }),
    events: fc.array(fc.record({ week: fc.integer({ min: 0, max: 3 }), set: fc.constant({ participation: 'voluntary' }) }), { maxLength: 2 }),
  })
  .map((s) => {
    const data: Record<string, unknown> = { ...s };
    for (const key of Object.keys(data)) if (data[key] === undefined) delete data[key];
    // Distinct ids, and events that name one (needed with two CoPs); a scenario that extends
    // another keeps the ids its events name.
    const extending = data['extends'] !== undefined;
    const cops = (data['cops'] as Record<string, unknown>[]).map((cop, i) => {
      const { id, ...rest } = cop;
      return extending && i === 0 ? rest : { ...rest, id: `${String(id ?? 'c')}${i}` };
    });
    data['cops'] = cops;
    const first = extending ? 'scrum-masters' : cops[0]?.['id'];
    data['events'] = (data['events'] as Record<string, unknown>[]).map((e) => ({ ...e, cop: first }));
    return data;
  });

/** A valid hypothesis file comparing built-in scenarios. */
export const validHypotheses = fc
  .array(
    fc.record({
      id: fc.constantFrom('h1', 'mandatory.attendance', 'x-2'),
      statement: fc.constantFrom('Mandatory participation raises attendance.', '=1+1 is a formula', '-5 members'),
      source: fc.constantFrom('interview study §4.3', '@source'),
      kind: fc.constantFrom('mechanism', 'emergent'),
      compare: fc.record({
        a: fc.constantFrom('baseline', 'top-down-voluntary'),
        b: fc.oneof(fc.constant('mandate-lifted'), fc.constant({ scenario: 'baseline', set: ['cops.0.participation=mandatory'] })),
      }),
      measure: fc.oneof(fc.constant({ metric: 'members' }), fc.constant({ metric: 'attendance', at: { from: 1, to: 3 }, while_alive: true }), fc.constant({ metric: 'peak_members' })),
      expect: fc.constantFrom('increase', 'decrease'),
      smallest_effect: fc.constantFrom(1, 0.5, 2),
    }),
    { minLength: 1, maxLength: 2 },
  )
  .map((hypotheses) => ({ weeks: 6, hypotheses: hypotheses.map((h, i) => ({ ...h, id: `${h.id}${i}` })) }));

// ---------- mutations of the data ----------

/** Values that are wrong for some setting or other. */
export const badValue = fc.oneof(
  fc.constantFrom<unknown>(
    'NaN', 'Infinity', '-Infinity', '.nan', '.inf', '0x10', '1e3', '', ' ', 'mandatry', 'Role', 'yes', 'null', '~',
    -1, 0, 2.5, -0.0001, 1e9, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 5201, 200001, 1001,
    true, false, null, [], {}, [1, 2], { kind: 'rol' }, { kind: 'role', role: 'business' }, { kiind: 'topic' },
    'a\u0000b', 'x\u0007y', 'l\u000bm', 'esc\u001b[31m', 'bidi\u202eflip', '\ud800', '=1+1', '@SUM(1,1)', '\t=1', 'x'.repeat(5000),
  ),
  fc.string({ maxLength: 12 }),
  fc.double(),
  fc.integer(),
);

/** Keys that should not be there. */
export const badKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', ' ', 'partcipation', 'founder', 'Weeks', 'cops ', 'fundedHour', 'kiind'),
  fc.string({ minLength: 1, maxLength: 10 }),
);

export type DataMutation =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'add-key'; at: number; key: string; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'array-for-object'; at: number }
  | { kind: 'nest'; at: number; depth: number }
  | { kind: 'impossible'; which: number };

export const dataMutation: fc.Arbitrary<DataMutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: badValue }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('add-key' as const), at: fc.nat(), key: badKey, value: badValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('array-for-object' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('nest' as const), at: fc.nat(), depth: fc.oneof(fc.integer({ min: 20, max: 40 }), fc.integer({ min: 1000, max: 6000 })) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('impossible' as const), which: fc.nat() }) },
);

/** Settings that each pass their own range but not together. */
const IMPOSSIBLE: readonly Record<string, unknown>[] = [
  { organisation: { employees: 7 }, cops: [{ founders: 1000 }] },
  { cops: [{ targetGroup: { kind: 'role', role: 'business' } }] },
  { organisation: { employees: 7 }, cops: [{ targetGroup: { kind: 'role', role: 'developer' } }] },
  { organisation: { weeklyHours: 10 }, cops: [{ support: { fundedHours: 40 } }] },
  { organisation: { weeklyHours: 1 }, cops: [{ meetings: { length: 16 } }] },
  { organisation: { projectLoad: { mean: 80 } } },
  { weeks: 4, cops: [{ meetings: { cadence: 26 } }] },
  { events: [{ week: 3, set: {} }] },
  { events: [{ week: 3, cop: 'nobody', set: { steering: 1 } }] },
  { events: Array.from({ length: 1001 }, () => ({ week: 0, set: { participation: 'mandatory' } })) },
  { parameters: { contributions: { coreAttended: 99 } } },
];

type Path = (string | number)[];

/**
 * A value wrapped in `depth` lists, kept as a marker until it is written (as text, or as data
 * by `materialise`): the test's own helpers, and the yaml package's writer, would recurse
 * thousands of levels deep on the real thing.
 */
export class Deep {
  constructor(
    readonly depth: number,
    readonly inner: unknown,
  ) {}
}

/** Every path to a value inside `data`, in a fixed order (not into a `Deep`). */
function pathsOf(data: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (data instanceof Deep) return out;
  if (Array.isArray(data)) data.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (data !== null && typeof data === 'object') for (const [k, v] of Object.entries(data)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

/** Sets `key` as an own data property, also when it is `__proto__`. */
function define(object: object, key: string | number, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A deep copy of plain data (own `__proto__` keys kept as data) with each `Deep` replaced by `onDeep`'s value. */
function rebuild(data: unknown, onDeep: (deep: Deep) => unknown): unknown {
  if (data instanceof Deep) return onDeep(data);
  if (Array.isArray(data)) return data.map((v) => rebuild(v, onDeep));
  if (data !== null && typeof data === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(data)) define(out, k, rebuild(v, onDeep));
    return out;
  }
  return data;
}

const copy = (data: unknown): unknown => rebuild(data, (deep) => deep);

function setAt(root: unknown, path: Path, update: (value: unknown) => unknown): unknown {
  if (path.length === 0) return update(root);
  const [head, ...rest] = path as [string | number, ...Path];
  const container = root as Record<string | number, unknown>;
  define(container, head, setAt(container[head], rest, update));
  return root;
}

function deepMerge(base: unknown, over: unknown): unknown {
  if (Array.isArray(over) && Array.isArray(base)) return over.map((v, i) => deepMerge(base[i], v));
  if (over !== null && typeof over === 'object' && !Array.isArray(over) && base !== null && typeof base === 'object' && !Array.isArray(base)) {
    const out = { ...(base as Record<string, unknown>) };
    for (const [k, v] of Object.entries(over)) out[k] = deepMerge(out[k], v);
    return out;
  }
  return over;
}

/** `data` with the mutations applied, in order (on a copy). */
export function mutateData(data: unknown, mutations: readonly DataMutation[]): unknown {
  let doc = copy(data);
  for (const m of mutations) {
    if (m.kind === 'impossible') {
      doc = deepMerge(doc, IMPOSSIBLE[m.which % IMPOSSIBLE.length]);
      continue;
    }
    const paths = pathsOf(doc);
    const path = paths[m.at % paths.length] as Path;
    switch (m.kind) {
      case 'replace':
        doc = setAt(doc, path, () => m.value);
        break;
      case 'add-key':
        doc = setAt(doc, path, (v) => {
          if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
          define(v, m.key, m.value);
          return v;
        });
        break;
      case 'delete':
        if (path.length > 0) {
          const parent = path.slice(0, -1);
          doc = setAt(doc, parent, (v) => {
            if (Array.isArray(v)) return v.filter((_, i) => i !== path[path.length - 1]);
            if (v !== null && typeof v === 'object') delete (v as Record<string, unknown>)[String(path[path.length - 1])];
            return v;
          });
        }
        break;
      case 'array-for-object':
        doc = setAt(doc, path, (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.values(v) : Array.isArray(v) ? Object.fromEntries(v.map((x, i) => [`k${i}`, x])) : [v]));
        break;
      case 'nest':
        doc = setAt(doc, path, (v) => new Deep(m.depth, v instanceof Deep ? v.inner : v));
        break;
    }
  }
  return doc;
}

/** `data` with every `Deep` marker made real nesting (built without recursion). */
export function materialise(data: unknown): unknown {
  return rebuild(data, (deep) => {
    let nested: unknown = materialise(deep.inner);
    for (let i = 0; i < deep.depth; i++) nested = [nested];
    return nested;
  });
}

// ---------- mutations of the text ----------

export type TextMutation =
  | 'bom' | 'utf16' | 'invalid-utf8' | 'overlong-utf8' | 'control-char' | 'nul' | 'directive-1.1' | 'directive-9.9' | 'directive-tag'
  | 'unknown-tag' | 'binary-tag' | 'alias-bomb' | 'undefined-alias' | 'self-alias' | 'many-aliases' | 'duplicate-key' | 'second-document'
  | 'truncate' | 'flip-byte' | 'empty' | 'comments-only' | 'scalar' | 'list' | 'deep-flow' | 'compact-nesting' | 'trailing-comma' | 'crlf'
  | 'huge';

export const TEXT_MUTATIONS: readonly TextMutation[] = [
  'bom', 'utf16', 'invalid-utf8', 'overlong-utf8', 'control-char', 'nul', 'directive-1.1', 'directive-9.9', 'directive-tag',
  'unknown-tag', 'binary-tag', 'alias-bomb', 'undefined-alias', 'self-alias', 'many-aliases', 'duplicate-key', 'second-document',
  'truncate', 'flip-byte', 'empty', 'comments-only', 'scalar', 'list', 'deep-flow', 'compact-nesting', 'trailing-comma', 'crlf',
  'huge',
];

export const textMutation = fc.record({ kind: fc.constantFrom(...TEXT_MUTATIONS), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) });

function bomb(levels: number): string {
  let text = 'lol0: &l0 [x, x, x, x, x, x, x, x, x, x]\n';
  for (let i = 1; i < levels; i++) text += `lol${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]\n`;
  return text;
}

/** `data` as YAML or JSON text, each `Deep` written as that many brackets around its inner value. */
/** How a document is written: YAML in block style, JSON, or YAML in flow style on one line (minified JSON, which is YAML too). */
export type Format = 'yaml' | 'json' | 'flow';

function dataText(data: unknown, format: Format): string {
  const deep: Deep[] = [];
  const marked = rebuild(data, (value) => `DEEP_${deep.push(value) - 1}_DEEP`);
  const text =
    format === 'json' ? (JSON.stringify(marked, null, 1) ?? 'null') : format === 'flow' ? `${JSON.stringify(marked) ?? 'null'}\n` : stringify(marked, { aliasDuplicateObjects: false });
  return text.replace(/"?DEEP_(\d+)_DEEP"?/g, (_, i: string) => {
    const { depth, inner } = deep[Number(i)] as Deep;
    return `${'['.repeat(depth)}${JSON.stringify(inner) ?? 'null'}${']'.repeat(depth)}`;
  });
}

/** The file's bytes: `data` written as YAML (block or flow) or JSON, then the text mutation, if any. */
export function render(data: unknown, format: Format, mutation?: { kind: TextMutation; at: number; byte: number }): Buffer {
  let text = dataText(data, format);
  if (mutation === undefined) return Buffer.from(text);
  const at = text.length === 0 ? 0 : mutation.at % text.length;
  const head = format === 'json' ? '{"x": ' : 'x: ';
  const tail = format === 'json' ? '}' : '\n';
  switch (mutation.kind) {
    case 'bom': return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    case 'utf16': return Buffer.from(`\ufeff${text}`, 'utf16le');
    case 'invalid-utf8': return Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xe9, 0x80 | (mutation.byte & 0x3f)]), Buffer.from(text.slice(at))]);
    case 'overlong-utf8': return Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xc0, 0xaf]), Buffer.from(text.slice(at))]);
    case 'control-char': return Buffer.from(text.slice(0, at) + String.fromCharCode(1 + (mutation.byte % 31)) + text.slice(at));
    case 'nul': return Buffer.from(`${text.slice(0, at)}\u0000${text.slice(at)}`);
    case 'directive-1.1': text = `%YAML 1.1\n---\n${text}`; break;
    case 'directive-9.9': text = `%YAML 9.9\n---\n${text}`; break;
    case 'directive-tag': text = `%TAG !e! tag:example.com,2000:\n---\n${text}`; break;
    case 'unknown-tag': text = format === 'json' ? text : `${text}\nzz: !!js/function "function () {}"\n`; break;
    case 'binary-tag': text = format === 'json' ? text : `${text}\nzz: !!binary aGVsbG8=\n`; break;
    case 'alias-bomb': text = `${bomb(4 + (mutation.byte % 6))}${text}`; break;
    case 'undefined-alias': text = `${text}\nzz: *nowhere\n`; break;
    case 'self-alias': text = `${text}\nzz: &self [*self]\n`; break;
    case 'many-aliases': text = `anchor: &a 1\n${Array.from({ length: 200 + mutation.byte * 4 }, (_, i) => `k${i}: *a`).join('\n')}\n${text}`; break;
    case 'duplicate-key': text = format === 'json' ? text.replace('{', '{"weeks": 99999, ') : `${text}\nweeks: 5\nweeks: 6\n`; break;
    case 'second-document': text = `${text}\n---\nweeks: 3\n`; break;
    case 'truncate': text = text.slice(0, at); break;
    case 'flip-byte': {
      const bytes = Buffer.from(text);
      if (bytes.length > 0) bytes[at % bytes.length] = mutation.byte;
      return bytes;
    }
    case 'empty': text = ''; break;
    case 'comments-only': text = '# nothing but a comment\n'; break;
    case 'scalar': text = format === 'json' ? '"token is SECRET"' : 'token is SECRET\n'; break;
    case 'list': text = format === 'json' ? '[1, 2]' : '- 1\n- 2\n'; break;
    case 'deep-flow': text = `${head}${'['.repeat(1000 + mutation.byte * 200)}${']'.repeat(mutation.byte % 2 === 0 ? 0 : 1000 + mutation.byte * 200)}${tail}`; break;
    case 'compact-nesting': text = format === 'json' ? text : `x:\n  ${'- '.repeat(40 + mutation.byte * 100)}x\n`; break;
    case 'trailing-comma': text = format === 'json' ? text.replace(/\}\s*$/, ',}') : text; break;
    case 'crlf': text = text.replaceAll('\n', '\r\n'); break;
    case 'huge': text = format === 'json' ? `{"description": "${'x'.repeat(1024 * 1024)}"}` : `description: ${'x'.repeat(1024 * 1024)}\n${text}`; break;
  }
  return Buffer.from(text);
}

// ---------- --set expressions and command lines ----------

const SET_PATHS = [
  'weeks', 'cops.0.founders', 'cops.0.participation', 'cops.0.support.fundedHours', 'organisation.employees', 'cops.0.targetGroup',
  '__proto__.x', 'constructor.prototype.x', 'cops.0.__proto__.founders', 'cops.9.founders', 'cops.x.founders', 'organisation.toString',
  'extends', 'parameters.attendance.habit', 'events.0', 'cops..founders', '', 'cops.0.meetings.cadence',
];
const SET_VALUES = [
  '52', '0x10', '1e3', '.nan', '.inf', '-1', 'mandatory', '{kind: role, role: business}', '{kind: rol', '*a', '&a [*a]', '!!binary aGk=',
  '!!js/function x', '', '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]', '{__proto__: 1}', 'a\u0000b',
  '%YAML 1.1\n--- 1', '1\n---\n2', 'x'.repeat(300),
];

/** A `--set` expression: a known or hostile path, `=` (or not) and a YAML value. */
export const setExpression = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('weeks=52', 'cops.0.participation=mandatory', 'cops.0.support.fundedHours=4', 'organisation.employees=500', 'cops.0.targetGroup={kind: topic}', 'cops.0.steering=auto') },
  fc.record({ path: fc.constantFrom(...SET_PATHS), eq: fc.constantFrom('=', '=', '=', ''), value: fc.oneof(fc.constantFrom(...SET_VALUES), fc.string({ maxLength: 8 })) }).map(({ path, eq, value }) => `${path}${eq}${value}`),
  fc.string({ maxLength: 20 }),
);

/** Values for the numeric options: malformed ones, and small valid ones so that a run stays short. */
export const numberOption = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom('0x10', '1e3', ' 5', '5 ', '5.0', '+5', '-1', '0', 'NaN', 'Infinity', '', 'many', '99999999999999999999', '0b1', '1_000', '２') },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 3 }).map(String) },
);
