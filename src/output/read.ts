/**
 * readRunOutput: a run's output folder read back into the rows and manifest it was written
 * from, so charts and the report can be rebuilt without simulating again.
 *
 *   summary.csv, replications.csv, manifest.json ──readRunOutput──▶ { summary, replications, manifest }
 *
 * The CSV files are read as `toCsv` writes them: RFC 4180 quoting, an empty field for NaN, and
 * numbers in their shortest round-trip form, so every number read back is bit-identical to the
 * one written. Anything else is refused with a `RunOutputError` naming the file, the line, the
 * column and what was expected.
 */
import { closeSync, constants, openSync, readSync } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { join } from 'node:path';
import {
  REPLICATION_COLUMNS,
  SUMMARY_COLUMNS,
  type ReplicationRow,
  type SummaryRow,
} from '../aggregate/types.js';
import { ReplicationTable } from '../aggregate/replication-table.js';
import { copIds } from '../scenario/vocabulary.js';
import { RUN_FIGURES, WEEKLY_METRICS, type RunFigure, type WeeklyMetric } from '../engine/result.js';
import { scenarioSchema } from '../scenario/schema.js';
import type { Manifest } from './provenance.js';
import { restoreText } from './csv.js';

/** A run's output folder that cannot be read: the message names the file, where, and what was expected. */
export class RunOutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunOutputError';
  }
}

/** What `readRunOutput` returns: the tables and manifest of one run, as `writeRunOutput` took them (a `RunOutput`). */
export interface RunOutputRead {
  summary: SummaryRow[];
  replications: ReplicationTable;
  manifest: Manifest;
}

/**
 * Reads summary.csv, replications.csv and manifest.json from `dir` (a folder written by
 * `writeRunOutput`, e.g. by `copsim run`). Summary rows come back in file order, replications as a table (by replication index); numbers are
 * bit-identical to those written and empty fields are NaN. Throws `RunOutputError` for a
 * missing file or a malformed line.
 *
 * @example const { summary, replications, manifest } = await readRunOutput('copsim-out/baseline')
 */
export async function readRunOutput(dir: string): Promise<RunOutputRead> {
  const manifestText = await readOutputFile(dir, 'manifest.json');
  const summaryText = await readOutputFile(dir, 'summary.csv');
  const manifest = parseManifest(manifestText, join(dir, 'manifest.json'));
  const file = join(dir, 'replications.csv');
  // replications.csv has a row per replication, CoP and figure: read as it is parsed, a piece at a time.
  await readOutputFile(dir, 'replications.csv', false);
  return {
    manifest,
    summary: parseSummaryCsv(summaryText, join(dir, 'summary.csv')),
    replications: replicationTableOf(tableRows<ReplicationRow>(csvFileRecords(file, file), file, REPLICATION_KINDS), copIds(manifest.scenario), file),
  };
}

/** The rows of a replications.csv as a table, CoPs in the manifest's order; `file` names it when a row does not fit. */
function replicationTableOf(rows: Iterable<ReplicationRow>, cops: readonly string[], file: string): ReplicationTable {
  try {
    return ReplicationTable.fromRows(rows, cops);
  } catch (error) {
    if (error instanceof RunOutputError) throw error;
    throw new RunOutputError(`${file}: ${error instanceof Error ? error.message.replace(/^ReplicationTable: /, '') : String(error)}`);
  }
}

/** A file of an output folder as text, or with `text` false only checked to be readable (for a reader of its own). */
async function readOutputFile(dir: string, name: string, text?: true): Promise<string>;
async function readOutputFile(dir: string, name: string, text: false): Promise<void>;
async function readOutputFile(dir: string, name: string, text = true): Promise<string | void> {
  try {
    if (!text) {
      await access(join(dir, name), constants.R_OK);
      return;
    }
    return await readFile(join(dir, name), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new RunOutputError(`no ${name} in ${dir}: is this a copsim output folder (made by copsim run)?`);
    }
    if (code === 'ENOTDIR') throw new RunOutputError(`${dir} is not a folder`);
    const reason = error instanceof Error ? error.message : String(error);
    throw new RunOutputError(`cannot read ${join(dir, name)}: ${reason}`);
  }
}

/** One CSV record and the line it starts on (1-based). */
export interface CsvRecord {
  readonly line: number;
  readonly fields: string[];
}

/**
 * Splits CSV text into records per RFC 4180: fields separated by commas, optionally quoted
 * with doubled quotes inside, records ended by LF or CRLF (the last one optional). A quoted
 * field may span lines.
 *
 * @example parseCsv('a,b\n"x,1",2\n', 'f.csv') // → [{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['x,1', '2'] }]
 */
export function parseCsv(text: string, file: string): CsvRecord[] {
  return [...csvRecords(text, file)];
}

/**
 * `parseCsv`'s records one at a time, `firstLine` being the line `text` starts on (for a
 * piece of a longer file).
 */
export function* csvRecords(text: string, file: string, firstLine = 1): Generator<CsvRecord> {
  let fields: string[] = [];
  let field = '';
  let line = firstLine;
  let recordLine = firstLine;
  let ready: CsvRecord | undefined;
  let i = 0;
  let atFieldStart = true;
  const endRecord = () => {
    fields.push(field);
    ready = { line: recordLine, fields };
    fields = [];
    field = '';
    atFieldStart = true;
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (atFieldStart && ch === '"') {
      const openedOn = line;
      i++;
      for (;;) {
        if (i >= text.length) throw new RunOutputError(`${file} line ${openedOn}: a quoted field is never closed`);
        const q = text[i] as string;
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\n') line++;
        field += q;
        i++;
      }
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw new RunOutputError(`${file} line ${line}: expected a comma or the end of the line after a quoted field`);
      }
      atFieldStart = false;
      continue;
    }
    if (ch === ',') {
      fields.push(field);
      field = '';
      atFieldStart = true;
      i++;
    } else if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
      endRecord();
      i += ch === '\r' ? 2 : 1;
      line++;
      recordLine = line;
      yield ready as CsvRecord;
    } else {
      if (ch === '"') throw new RunOutputError(`${file} line ${line}: a double quote inside an unquoted field`);
      field += ch;
      atFieldStart = false;
      i++;
    }
  }
  if (field !== '' || fields.length > 0 || !atFieldStart) {
    endRecord();
    yield ready as CsvRecord;
  }
}

/** Bytes of a CSV file read at a time by `csvFileRecords`. */
const CSV_CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * The records of a CSV file, read a few megabytes at a time: each piece parsed ends at a
 * line end outside quotes (an even number of double quotes before it, as RFC 4180 doubles
 * quotes inside a field), so memory holds a piece and one record, however long the file.
 * `chunkBytes`: bytes read at a time.
 *
 * @throws RunOutputError for a malformed line, naming `file` and the line
 */
export function* csvFileRecords(path: string, file: string, chunkBytes = CSV_CHUNK_BYTES): Generator<CsvRecord> {
  const fd = openSync(path, 'r');
  try {
    const decoder = new StringDecoder('utf8');
    const buffer = Buffer.alloc(chunkBytes);
    let carry = '';
    let line = 1;
    // Quotes in `carry` before `scanned`, and how far it has been scanned for them.
    let quotes = 0;
    let scanned = 0;
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      carry += read === 0 ? decoder.end() : decoder.write(buffer.subarray(0, read));
      // The last line end outside quotes.
      let cut = -1;
      for (let i = scanned; i < carry.length; i++) {
        const ch = carry.charCodeAt(i);
        if (ch === 34) quotes++;
        else if (ch === 10 && quotes % 2 === 0) cut = i + 1;
      }
      scanned = carry.length;
      const piece = read === 0 ? carry : cut === -1 ? '' : carry.slice(0, cut);
      if (piece !== '') {
        yield* csvRecords(piece, file, line);
        for (let i = 0; i < piece.length; i++) if (piece.charCodeAt(i) === 10) line++;
        carry = carry.slice(piece.length);
        scanned = carry.length;
        quotes = 0;
        for (let i = 0; i < carry.length; i++) if (carry.charCodeAt(i) === 34) quotes++;
      }
      if (read === 0) return;
    }
  } finally {
    closeSync(fd);
  }
}

/** Numbers as `String(x)` writes them (plus ordinary decimal forms). */
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$|^-?Infinity$/;

type ColumnKind = 'text' | 'number' | 'integer' | 'weekly-metric' | 'run-figure';

const SUMMARY_KINDS: Record<(typeof SUMMARY_COLUMNS)[number], ColumnKind> = {
  scenario: 'text',
  cop: 'text',
  week: 'integer',
  metric: 'weekly-metric',
  n: 'integer',
  mean: 'number',
  sd: 'number',
  ci_low: 'number',
  ci_high: 'number',
  p05: 'number',
  p25: 'number',
  p50: 'number',
  p75: 'number',
  p95: 'number',
};

const REPLICATION_KINDS: Record<(typeof REPLICATION_COLUMNS)[number], ColumnKind> = {
  scenario: 'text',
  replication: 'integer',
  seed: 'integer',
  cop: 'text',
  metric: 'run-figure',
  value: 'number',
};

const WEEKLY_SET = new Set<string>(WEEKLY_METRICS);
const FIGURE_SET = new Set<string>(RUN_FIGURES);

/** The typed value of one field, or a message saying what was expected. */
function convert(text: string, kind: ColumnKind): { value: unknown } | { expected: string } {
  switch (kind) {
    case 'text':
      return { value: restoreText(text) };
    case 'number':
      if (text === '') return { value: Number.NaN };
      return NUMBER.test(text) ? { value: Number(text) } : { expected: 'a number or an empty field' };
    case 'integer':
      return /^-?\d+$/.test(text) && Number.isSafeInteger(Number(text))
        ? { value: Number(text) }
        : { expected: 'a whole number' };
    case 'weekly-metric':
      return WEEKLY_SET.has(text) ? { value: text as WeeklyMetric } : { expected: `one of the weekly metrics (${WEEKLY_METRICS.join(', ')})` };
    case 'run-figure':
      return FIGURE_SET.has(text) ? { value: text as RunFigure } : { expected: `one of the run figures (${RUN_FIGURES.join(', ')})` };
  }
}

function parseTable<Row>(text: string, file: string, kinds: Record<string, ColumnKind>): Row[] {
  return [...tableRows<Row>(csvRecords(text, file), file, kinds)];
}

/** The rows of a table's records, checked against its header and column kinds, one at a time. */
function* tableRows<Row>(records: Iterable<CsvRecord>, file: string, kinds: Record<string, ColumnKind>): Generator<Row> {
  const columns = Object.keys(kinds);
  let header = true;
  for (const { line, fields } of records) {
    if (header) {
      if (fields.join(',') !== columns.join(',')) {
        throw new RunOutputError(`${file} line 1: expected the header ${columns.join(',')}, got ${fields.join(',')}`);
      }
      header = false;
      continue;
    }
    if (fields.length !== columns.length) {
      throw new RunOutputError(`${file} line ${line}: expected ${columns.length} fields (${columns.join(',')}), got ${fields.length}`);
    }
    const row: Record<string, unknown> = {};
    for (let c = 0; c < columns.length; c++) {
      const column = columns[c] as string;
      const text = fields[c] as string;
      const result = convert(text, kinds[column] as ColumnKind);
      if ('expected' in result) {
        throw new RunOutputError(`${file} line ${line}, column ${column}: expected ${result.expected}, got ${JSON.stringify(text)}`);
      }
      row[column] = result.value;
    }
    yield row as Row;
  }
  if (header) throw new RunOutputError(`${file} is empty: expected the header ${columns.join(',')}`);
}

/**
 * The rows of a summary.csv text; `file` names it in messages.
 *
 * @example parseSummaryCsv(toCsv(rows, SUMMARY_COLUMNS), 'summary.csv') // → rows, NaN for empty fields
 */
export function parseSummaryCsv(text: string, file: string): SummaryRow[] {
  return parseTable<SummaryRow>(text, file, SUMMARY_KINDS);
}

/**
 * The rows of a replications.csv text; `file` names it in messages.
 *
 * @example parseReplicationsCsv(toCsv(rows, REPLICATION_COLUMNS), 'replications.csv') // → rows
 */
export function parseReplicationsCsv(text: string, file: string): ReplicationRow[] {
  return parseTable<ReplicationRow>(text, file, REPLICATION_KINDS);
}

type FieldKind = 'string' | 'number' | 'integer';

const MANIFEST_FIELDS: Record<Exclude<keyof Manifest, 'scenario' | 'seeds' | 'partial' | 'shards'>, FieldKind> = {
  copsim: 'string',
  scenarioName: 'string',
  scenarioSource: 'string',
  masterSeed: 'integer',
  runs: 'integer',
  weeks: 'integer',
  workers: 'integer',
  agents: 'integer',
  memberWeeks: 'number',
  node: 'string',
  startedAt: 'string',
  wallTimeSeconds: 'number',
};

/**
 * A manifest.json text as a `Manifest`: every field checked for its type, and the scenario
 * validated against the scenario schema. `file` names it in messages.
 */
export function parseManifest(text: string, file: string): Manifest {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RunOutputError(`${file} is not valid JSON: ${reason}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new RunOutputError(`${file}: expected a JSON object (a copsim manifest)`);
  }
  const record = data as Record<string, unknown>;
  for (const [key, kind] of Object.entries(MANIFEST_FIELDS)) {
    const value = record[key];
    const ok =
      kind === 'string'
        ? typeof value === 'string'
        : typeof value === 'number' && Number.isFinite(value) && (kind === 'number' || Number.isInteger(value));
    if (!ok) {
      const expected = kind === 'string' ? 'a string' : kind === 'integer' ? 'a whole number' : 'a number';
      throw new RunOutputError(`${file}, field ${key}: expected ${expected}, got ${describe(value)}`);
    }
  }
  const seeds = record['seeds'] as { derivation?: unknown; first?: unknown } | undefined;
  if (seeds === null || typeof seeds !== 'object' || Array.isArray(seeds)) {
    throw new RunOutputError(`${file}, field seeds: expected an object with derivation and first, got ${describe(seeds)}`);
  }
  if (typeof seeds.derivation !== 'string') {
    throw new RunOutputError(`${file}, field seeds.derivation: expected a string, got ${describe(seeds.derivation)}`);
  }
  if (!Array.isArray(seeds.first) || !seeds.first.every((s) => Number.isInteger(s))) {
    throw new RunOutputError(`${file}, field seeds.first: expected a list of whole numbers, got ${describe(seeds.first)}`);
  }
  const parsed = scenarioSchema.safeParse(record['scenario']);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = ['scenario', ...(issue?.path ?? [])].join('.');
    throw new RunOutputError(`${file}, field ${path}: ${issue?.message ?? 'not a valid scenario'}`);
  }
  const fields = Object.fromEntries(Object.keys(MANIFEST_FIELDS).map((key) => [key, record[key]]));
  return {
    ...(fields as Omit<Manifest, 'scenario' | 'seeds' | 'partial' | 'shards'>),
    scenario: parsed.data,
    seeds: { derivation: seeds.derivation, first: seeds.first as number[] },
    ...mergeFields(record, file),
  };
}

/** The fields a merge of shards adds (`partial`, `shards`), checked, when present. */
function mergeFields(record: Record<string, unknown>, file: string): Pick<Manifest, 'partial' | 'shards'> {
  const out: Pick<Manifest, 'partial' | 'shards'> = {};
  const partial = record['partial'] as Record<string, unknown> | undefined;
  if (partial !== undefined) {
    const missing = partial?.['missing'];
    const range = (m: unknown): boolean =>
      m !== null && typeof m === 'object' && Number.isInteger((m as Record<string, unknown>)['first']) && Number.isInteger((m as Record<string, unknown>)['end']);
    if (
      partial === null ||
      typeof partial !== 'object' ||
      !Number.isInteger(partial['replications']) ||
      !Number.isInteger(partial['of']) ||
      !Array.isArray(missing) ||
      !missing.every(range)
    ) {
      throw new RunOutputError(`${file}, field partial: expected { replications, of, missing: [{ first, end }] }, got ${describe(partial)}`);
    }
    out.partial = partial as unknown as NonNullable<Manifest['partial']>;
  }
  const shards = record['shards'];
  if (shards !== undefined) {
    if (!Array.isArray(shards) || !shards.every((s) => s !== null && typeof s === 'object')) {
      throw new RunOutputError(`${file}, field shards: expected a list of shards, got ${describe(shards)}`);
    }
    out.shards = shards as NonNullable<Manifest['shards']>;
  }
  return out;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
