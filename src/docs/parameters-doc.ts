/**
 * Reference tables rendered from the schemas: every mechanism parameter
 * (`docs/PARAMETERS.md`) and every scenario setting (`docs/SETTINGS.md`), with default, range
 * and meaning. Rendered, not written by hand, so the reference cannot drift from the code;
 * `npm run docs` writes the files and a test checks they are current.
 */
import { z } from 'zod';
import { CHANNELS } from '../engine/channels.js';
import { parametersSchema } from '../engine/parameters.js';
import { MECHANISMS } from '../engine/step.js';
import { LIMIT_LINES } from '../scenario/limits.js';
import { CROSS_FIELD_LINES } from '../scenario/postcheck.js';
import { unwrapSchema } from '../scenario/schema-walk.js';
import {
  copSchema,
  eventSchema,
  MAX_EVENTS,
  meetingsSchema,
  NAME_PATTERN,
  organisationSchema,
  scenarioSchema,
  supportSchema,
  TEXT_PATTERN,
} from '../scenario/schema.js';

type Schema = z.core.$ZodType;
type Json = Record<string, unknown>;

/** The JSON Schema of one field (input side, so defaults show), where bounds are easy to read. */
function jsonOf(field: Schema): Json {
  return z.toJSONSchema(field, { io: 'input', unrepresentable: 'any' }) as Json;
}

/** The shape of an object schema, wrappers looked through. */
function shapeOf(schema: Schema): Record<string, Schema> {
  const def = unwrapSchema(schema)._zod.def as unknown as { shape?: Record<string, Schema> };
  return def.shape ?? {};
}

/** The field's default, or `undefined` when it has none (an optional or required field). */
function defaultOf(field: Schema): unknown {
  const parsed = z.safeParse(field, undefined);
  return parsed.success ? parsed.data : undefined;
}

/**
 * A value as it would be written in a scenario file: strings and objects in backticks.
 *
 * @example formatValue({ kind: 'topic' }) // '`{ kind: topic }`'
 * @example formatValue(0.5) // '0.5'
 */
export function formatValue(value: unknown): string {
  const plain = (v: unknown): string => {
    if (Array.isArray(v)) return `[${v.map(plain).join(', ')}]`;
    if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v as Json).map(([k, x]) => `${k}: ${plain(x)}`);
      return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
    }
    return String(v);
  };
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === '') return '`""`';
  return `\`${plain(value)}\``;
}

/** Integer schemas carry the safe-integer range as implicit bounds; those are not worth naming. */
const bounded = (v: unknown): v is number => typeof v === 'number' && Math.abs(v) < Number.MAX_SAFE_INTEGER;

/** One option of a union, as written in a scenario: constants shown, other keys as `<key>`. */
function optionText(option: Json): string {
  const props = (option['properties'] ?? {}) as Record<string, Json>;
  const parts = Object.entries(props).map(([k, p]) => `${k}: ${'const' in p ? String(p['const']) : `<${k}>`}`);
  return `\`{ ${parts.join(', ')} }\``;
}

/**
 * The values a field accepts, in words: the choices of an enum, the bounds of a number, the
 * shapes of a union.
 *
 * @example rangeText({ type: 'integer', minimum: 1, maximum: 20 }) // 'integer, 1 to 20'
 */
export function rangeText(json: Json): string {
  const choices = json['enum'];
  if (Array.isArray(choices)) return choices.map((c) => `\`${String(c)}\``).join(', ');
  const options = (json['oneOf'] ?? json['anyOf']) as Json[] | undefined;
  if (Array.isArray(options)) {
    // Mapping options by their keys; a number or a keyword (steering: 0 to 1 or `auto`) as such.
    return options.map((o) => ('properties' in o ? optionText(o) : 'const' in o ? `\`${String(o['const'])}\`` : rangeText(o))).join(' or ');
  }
  const type = json['type'];
  if (type === 'number' || type === 'integer') {
    const lo = json['minimum'];
    const hi = json['maximum'];
    const kind = type === 'integer' ? 'integer' : '';
    const span = bounded(lo) && bounded(hi) ? `${lo} to ${hi}` : bounded(lo) ? `≥ ${lo}` : bounded(hi) ? `≤ ${hi}` : '';
    return [kind, span].filter((s) => s !== '').join(', ') || 'any number';
  }
  if (type === 'boolean') return '`true`, `false`';
  if (type === 'string') return stringText(json['pattern']);
  if (type === 'array') {
    const lo = json['minItems'];
    const hi = json['maxItems'];
    return bounded(lo) && bounded(hi) ? `list of ${lo} to ${hi}` : 'list';
  }
  if (type === 'object') return 'mapping';
  return 'any';
}

/** The text a string field takes, in words for the two text rules and as a pattern otherwise. */
function stringText(pattern: unknown): string {
  if (pattern === NAME_PATTERN.source) return 'text without control characters';
  if (pattern === TEXT_PATTERN.source) return 'text; tabs and line breaks, but no other control characters';
  return typeof pattern === 'string' ? `text matching \`${pattern}\`` : 'text';
}

/**
 * The field's meaning: its description without the closing "Default …" sentence, which the
 * default column states from the schema itself (and which would go stale as defaults are tuned).
 */
export function meaningText(description: string | undefined, hasDefault: boolean): string {
  const text = (description ?? '').trim();
  return hasDefault ? text.replace(/(?<=[.)])\s+Default\s[\s\S]*$/, '') : text;
}

/** A Markdown table cell: pipes escaped, line breaks folded. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  for (const row of rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
  return lines.join('\n');
}

/** The parameter groups that are a mechanism's, by the mechanism's name in the schedule. */
const GROUP_MECHANISM: Readonly<Record<string, string>> = {
  timeBudget: 'time budget',
  meeting: 'meeting held',
  attendance: 'attendance',
  contributions: 'contributions',
  value: 'meeting value',
  safety: 'psychological safety',
  knowledge: 'knowledge reuse',
  motivation: 'motivation',
  recruitment: 'recruitment',
  churn: 'churn',
  habit: 'habit',
  death: 'death',
};

/**
 * The number of the mechanism a parameter group belongs to: its position in `MECHANISMS` plus
 * one (the number is written once, there), or undefined for a group of the organisation.
 *
 * @example mechanismNumber('attendance') // → 3
 */
export function mechanismNumber(group: string): number | undefined {
  const name = GROUP_MECHANISM[group];
  const index = MECHANISMS.findIndex((m) => m.name === name);
  return index < 0 ? undefined : index + 1;
}

/** Every parameter's full path, `parameters.<group>.<name>`, in schema order (and `parameters.knockouts`). */
export function parameterPaths(): string[] {
  const paths: string[] = [];
  for (const [group, groupSchema] of Object.entries(parametersSchema.shape)) {
    const names = Object.keys(shapeOf(groupSchema));
    if (names.length === 0) paths.push(`parameters.${group}`);
    for (const name of names) paths.push(`parameters.${group}.${name}`);
  }
  return paths;
}

/** "Attendance: a logistic choice ..." → heading "Attendance", note "A logistic choice ...". */
function splitGroupTitle(description: string): { heading: string; note: string } {
  const text = description.trim().replace(/\.$/, '');
  const colon = text.indexOf(': ');
  if (colon < 0) return { heading: text, note: '' };
  const note = text.slice(colon + 2);
  return { heading: text.slice(0, colon), note: `${note.charAt(0).toUpperCase()}${note.slice(1)}.` };
}

/**
 * The parameter reference as Markdown: one table per group with each parameter's full path,
 * default, accepted range and meaning, all read from `parametersSchema`; mechanism groups are
 * numbered as in the weekly schedule; then the channels that `parameters.knockouts` can switch
 * off.
 *
 * @example renderParameterReference().startsWith('# Parameter reference') // true
 */
export function renderParameterReference(): string {
  const out: string[] = [
    '# Parameter reference',
    '',
    '<!-- Generated from src/engine/parameters.ts by `npm run docs`; do not edit by hand. -->',
    '',
    'Every number the model uses: how people and their network are drawn, then the coefficients',
    `of the ${MECHANISMS.length} mechanisms, numbered in tick order. A scenario sets any of them under`,
    '`parameters` (e.g. `parameters.attendance.habit: 3`); unset ones take the default. The range',
    'is what the scenario schema accepts; `copsim sensitivity` screens it when a parameter is named',
    'without a range of its own (`path=min:max`), which is better given where a plausible range',
    'is narrower. Each meaning says where the number comes from when it has a source, and',
    '"Assumed" when it has none; [ODD.md](ODD.md) gives the equation each parameter enters; the',
    'scenario settings are in [SETTINGS.md](SETTINGS.md).',
  ];
  for (const [group, wrapped] of Object.entries(parametersSchema.shape)) {
    const groupSchema = unwrapSchema(wrapped);
    if (Object.keys(shapeOf(groupSchema)).length === 0) continue;
    const { heading, note } = splitGroupTitle(jsonOf(groupSchema)['description'] as string);
    const number = mechanismNumber(group);
    const rows = settingRows(groupSchema, `parameters.${group}.`, {});
    out.push('', `## ${number === undefined ? heading : `${number}. ${heading}`}`, '');
    if (note !== '') out.push(note, '');
    out.push(table(['parameter', 'default', 'range', 'meaning'], rows));
  }
  out.push(
    '',
    '## Channels',
    '',
    '`parameters.knockouts` lists channels to switch off, e.g. `--set \'parameters.knockouts=[lead.welcome]\'`.',
    'A channel is one named path by which a setting or a mechanism acts; knocked out, it takes the',
    'neutral value said here and nothing else changes, so an experiment can tell which channel',
    'carries an effect.',
    '',
    table(
      ['channel', 'of', 'what it does', 'knocked out', 'source'],
      CHANNELS.map((c) => [`\`${c.name}\``, c.of, c.does, c.off, c.source]),
    ),
  );
  return `${out.join('\n')}\n`;
}

interface Section {
  readonly title: string;
  readonly intro: string;
  readonly prefix: string;
  readonly schema: Schema;
  /** Fields documented elsewhere, with the text of their "allowed values" cell. */
  readonly elsewhere?: Readonly<Record<string, string>>;
}

/** Rows of one object schema; nested objects not named in `elsewhere` are expanded in place. */
function settingRows(schema: Schema, prefix: string, elsewhere: Readonly<Record<string, string>>): string[][] {
  const rows: string[][] = [];
  for (const [key, field] of Object.entries(shapeOf(schema))) {
    const path = `${prefix}${key}`;
    const json = jsonOf(field);
    const dflt = defaultOf(field);
    const meaning = meaningText(json['description'] as string | undefined, dflt !== undefined);
    const note = elsewhere[key];
    const inner = unwrapSchema(field)._zod.def.type;
    if (note === undefined && inner === 'object') {
      rows.push(...settingRows(field, `${path}.`, {}));
      continue;
    }
    // A nested mapping's default is the sum of its fields' defaults, shown in its own section.
    const shown = dflt === undefined || inner === 'object' ? '' : formatValue(dflt);
    rows.push([`\`${path}\``, shown, note ?? rangeText(json), meaning]);
    // A union's options name their own keys (targetGroup.role): document those too.
    const options = (json['oneOf'] ?? json['anyOf']) as Json[] | undefined;
    for (const option of options ?? []) {
      const props = (option['properties'] ?? {}) as Record<string, Json>;
      for (const [k, p] of Object.entries(props)) {
        if ('const' in p) continue;
        rows.push([`\`${path}.${k}\``, '', rangeText(p), meaningText(p['description'] as string | undefined, false)]);
      }
    }
  }
  return rows;
}

const SECTIONS: readonly Section[] = [
  {
    title: 'Scenario',
    intro: 'The top level of a scenario file.',
    prefix: '',
    schema: scenarioSchema,
    elsewhere: {
      organisation: 'mapping, see [Organisation](#organisation)',
      cops: 'list of 1 to 16 CoPs, see [CoP settings](#cop-settings)',
      events: `list of at most ${MAX_EVENTS} events, see [Events](#events)`,
      parameters: 'mapping, see [PARAMETERS.md](PARAMETERS.md)',
    },
  },
  {
    title: 'Organisation',
    intro: 'The organisation the CoPs live in: its size, structure, time pressure and people.',
    prefix: 'organisation.',
    schema: organisationSchema,
  },
  {
    title: 'CoP settings',
    intro:
      'One entry of `cops`: the characteristics of the interview study (seeds/000, section 4.3). ' +
      '[ODD.md](ODD.md) maps each setting to the mechanisms it enters.',
    prefix: 'cops[].',
    schema: copSchema,
    elsewhere: {
      support: 'mapping, see [Support](#support)',
      meetings: 'mapping, see [Meetings](#meetings)',
    },
  },
  {
    title: 'Support',
    intro: 'Organisational support of a CoP: funded time, budget, lead and coach.',
    prefix: 'cops[].support.',
    schema: supportSchema,
  },
  {
    title: 'Meetings',
    intro: 'Rhythm and format of a CoP\'s meetings.',
    prefix: 'cops[].meetings.',
    schema: meetingsSchema,
  },
  {
    title: 'Events',
    intro: 'One entry of `events`: a change of settings at the start of a given week.',
    prefix: 'events[].',
    schema: eventSchema,
    elsewhere: {
      set: 'any subset of the [CoP settings](#cop-settings) except `id`, `name` and `launchWeek`; `support` and `meetings` merge field by field',
      organisation: 'any of `projectLoad` (any subset of its fields) and `turnover`',
    },
  },
];

/**
 * The scenario settings reference as Markdown: the scenario's top level, the organisation, the
 * CoP settings with their support and meetings, and events, each with path, default, allowed
 * values or range, and meaning, all read from `scenarioSchema`.
 *
 * @example renderSettingsReference().includes('`cops[].participation`') // true
 */
export function renderSettingsReference(): string {
  const out: string[] = [
    '# Scenario settings reference',
    '',
    '<!-- Generated from src/scenario/schema.ts by `npm run docs`; do not edit by hand. -->',
    '',
    'Every setting a scenario file may contain. Paths use `cops[]` and `events[]` for an entry',
    'of those lists. Settings left out take the default; a blank default means the setting is',
    'optional without one, or required. Mechanism parameters are in [PARAMETERS.md](PARAMETERS.md).',
  ];
  for (const section of SECTIONS) {
    const rows = settingRows(section.schema, section.prefix, section.elsewhere ?? {});
    out.push('', `## ${section.title}`, '', section.intro, '', table(['setting', 'default', 'allowed values', 'meaning'], rows));
  }
  out.push('', '## Checks across settings', '', 'Beyond each setting\'s own range, `copsim validate` (and every command that loads a scenario) checks:', '');
  out.push(...CROSS_FIELD_LINES.map((line) => `- ${line}`));
  out.push('', '## Limits of scenario files', '', 'What copsim reads as a scenario or hypothesis file (also from standard input and in `--set` values); anything beyond is refused with a message naming the limit:', '');
  out.push(...LIMIT_LINES.map((line) => `- ${line}`));
  return `${out.join('\n')}\n`;
}
