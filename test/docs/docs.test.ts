import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  formatValue,
  meaningText,
  parameterPaths,
  rangeText,
  renderParameterReference,
  renderSettingsReference,
} from '../../src/docs/parameters-doc.js';
import { docsDir, writeDocs } from '../../src/docs/write-docs.js';
import { CHANNELS } from '../../src/engine/channels.js';
import { parametersSchema } from '../../src/engine/parameters.js';
import { MECHANISMS } from '../../src/engine/step.js';
import { copSettingsShape } from '../../src/scenario/schema.js';
import { ALL_FACTS } from '../../src/validation/facts.js';

const read = (name: string): string => readFileSync(join(docsDir(), name), 'utf8');

/** The table row of a path in a rendered reference, split into its cells. */
function rowOf(markdown: string, path: string): string[] {
  const line = markdown.split('\n').find((l) => l.startsWith(`| \`${path}\` |`));
  expect(line, `no row for ${path}`).toBeDefined();
  return (line as string).split(' | ').map((c) => c.replace(/^\| /, '').replace(/ \|$/, ''));
}

describe('generated references', () => {
  it('docs/PARAMETERS.md is what the renderer produces from the code', () => {
    expect(read('PARAMETERS.md'), 'docs/PARAMETERS.md is out of date: run `npm run docs`').toBe(
      renderParameterReference(),
    );
  });

  it('docs/SETTINGS.md is what the renderer produces from the code', () => {
    expect(read('SETTINGS.md'), 'docs/SETTINGS.md is out of date: run `npm run docs`').toBe(
      renderSettingsReference(),
    );
  });
});

describe('docs/ODD.md', () => {
  const odd = read('ODD.md');

  it('names every parameter by its full path, so none goes undocumented', () => {
    const missing = parameterPaths().filter((path) => !odd.includes(`\`${path}\``));
    expect(missing, 'parameters missing from docs/ODD.md').toEqual([]);
  });

  it('maps every CoP setting of the study to its mechanisms and sources', () => {
    const table = odd.slice(odd.indexOf('### CoP settings and where they act'));
    const missing = [...Object.keys(copSettingsShape), 'events'].filter((s) => !table.includes(`| \`${s}\` |`));
    expect(missing, 'CoP settings missing from the settings table of docs/ODD.md').toEqual([]);
  });

  it('leaves no TBD and points to the generated validation for every fact, with no figure typed in', () => {
    expect(odd.split('\n').filter((l) => l.includes('TBD'))).toEqual([]);
    const section = odd.slice(odd.indexOf('## Validation'), odd.indexOf('## References'));
    expect(section).toContain('docs/VALIDATION.md');
    for (const fact of ALL_FACTS) expect(section, fact.id).toContain(`\`${fact.id}\``);
  });

  it('documents every channel', () => {
    for (const c of CHANNELS) expect(odd, c.name).toContain(`\`${c.name}\``);
  });
});

describe('renderParameterReference', () => {
  const markdown = renderParameterReference();

  it('has one row per parameter, with the schema default and range', () => {
    const paths = parameterPaths();
    const groups = Object.keys(parametersSchema.shape);
    expect(paths.length).toBeGreaterThan(groups.length);
    const defaults = parametersSchema.parse({}) as unknown as Record<string, Record<string, number>>;
    for (const path of paths.filter((p) => p !== 'parameters.knockouts')) {
      const rows = markdown.split('\n').filter((l) => l.startsWith(`| \`${path}\` |`));
      expect(rows, path).toHaveLength(1);
      const [, group, name] = path.split('.') as [string, string, string];
      expect(rowOf(markdown, path)[1], path).toBe(String(defaults[group]?.[name]));
    }
    expect(rowOf(markdown, 'parameters.contributions.window')[2]).toMatch(/^integer, \d+ to \d+$/);
  });

  it('has one section per group, mechanism groups numbered as in the schedule, then the channels', () => {
    const headings = markdown.split('\n').filter((l) => l.startsWith('## '));
    // Every group but the knock-out list, plus the channels.
    expect(headings).toHaveLength(Object.keys(parametersSchema.shape).length);
    expect(headings[0]).toBe('## Population');
    const numbers = headings.map((h) => /^## (\d+)\. /.exec(h)?.[1]).filter((n) => n !== undefined).map(Number);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(numbers[0]).toBe(1);
    expect(numbers.at(-1)).toBe(MECHANISMS.length);
    expect(headings.at(-1)).toBe('## Channels');
    for (const c of CHANNELS) expect(markdown).toContain(`| \`${c.name}\` |`);
  });
});

describe('renderSettingsReference', () => {
  const markdown = renderSettingsReference();

  it('documents every CoP setting, with support and meetings field by field', () => {
    for (const key of Object.keys(copSettingsShape)) {
      if (key === 'support' || key === 'meetings') continue;
      rowOf(markdown, `cops[].${key}`);
    }
    expect(rowOf(markdown, 'cops[].support.lead')[2]).toBe('`none`, `part-time`, `full-time`');
    expect(rowOf(markdown, 'cops[].meetings.cadence')[2]).toMatch(/^integer, 1 to \d+$/);
    expect(rowOf(markdown, 'cops[].targetGroup')[1]).toBe('`{ kind: topic }`');
    expect(rowOf(markdown, 'cops[].targetGroup.role')[2]).toContain('`scrumMaster`');
    expect(rowOf(markdown, 'cops[].steering')[2]).toBe('0 to 1 or `auto`');
    expect(rowOf(markdown, 'cops[].targetGroup')[2]).toBe('`{ kind: role, role: <role> }` or `{ kind: topic }`');
    expect(rowOf(markdown, 'organisation.projectLoad.mean')[3]).toMatch(/project work/);
  });

  it('takes defaults from the schema, not from the descriptions', () => {
    expect(rowOf(markdown, 'cops[].participation')[1]).toBe('`voluntary`');
    expect(rowOf(markdown, 'cops[].participation')[3]).not.toMatch(/Default/);
    // Without a default, a description's "Default ..." sentence is the only statement of it.
    expect(rowOf(markdown, 'cops[].id')[3]).toMatch(/Default cop1/);
  });
});

describe('cell helpers', () => {
  it('formatValue writes values as in a scenario file', () => {
    expect(formatValue(0.5)).toBe('0.5');
    expect(formatValue(false)).toBe('false');
    expect(formatValue('bottom-up')).toBe('`bottom-up`');
    expect(formatValue('')).toBe('`""`');
    expect(formatValue({ kind: 'role', role: 'tester' })).toBe('`{ kind: role, role: tester }`');
    expect(formatValue([])).toBe('`[]`');
  });

  it('rangeText names bounds, integers, choices and open ends', () => {
    expect(rangeText({ type: 'number', minimum: 0, maximum: 1 })).toBe('0 to 1');
    expect(rangeText({ type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER })).toBe('integer, ≥ 0');
    expect(rangeText({ type: 'string', enum: ['open', 'closed'] })).toBe('`open`, `closed`');
    expect(rangeText({ type: 'boolean' })).toBe('`true`, `false`');
  });

  it('meaningText drops only a closing "Default" sentence, and only when a default exists', () => {
    expect(meaningText('Weeks to simulate. Default 156 (three years).', true)).toBe('Weeks to simulate.');
    expect(meaningText('Weeks to simulate. Default 156 (three years).', false)).toBe(
      'Weeks to simulate. Default 156 (three years).',
    );
    expect(meaningText('Defaults matter here.', true)).toBe('Defaults matter here.');
  });
});

describe('writeDocs', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('writes both references whole and leaves no temporary files', async () => {
    dir = mkdtempSync(join(tmpdir(), 'copsim-docs-'));
    const written = await writeDocs(dir);
    expect(written.map((p) => p.slice((dir as string).length + 1)).sort()).toEqual(['PARAMETERS.md', 'SETTINGS.md']);
    expect(readdirSync(dir).sort()).toEqual(['PARAMETERS.md', 'SETTINGS.md']);
    expect(readFileSync(join(dir, 'PARAMETERS.md'), 'utf8')).toBe(renderParameterReference());
    expect(readFileSync(join(dir, 'SETTINGS.md'), 'utf8')).toBe(renderSettingsReference());
  });
});
