/**
 * Reading a scenario file into plain data: YAML (`.yaml`, `.yml`) or JSON (`.json`), chosen
 * by extension. Every failure becomes a `ScenarioError` naming the file and, for syntax errors,
 * the line and column.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseDocument } from 'yaml';
import { ScenarioError, type ScenarioIssue } from './errors.js';

/** File extensions a scenario may have. */
const SCENARIO_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;

/**
 * Reads and parses one scenario file; the result is unvalidated data.
 *
 * @param file the path to read
 * @param display how the file is named in messages; default the path itself
 * @throws ScenarioError when the file is missing, unreadable, of an unknown type or not well-formed
 */
export function readScenarioFile(file: string, display: string = file): unknown {
  const extension = extname(file).toLowerCase();
  if (!(SCENARIO_EXTENSIONS as readonly string[]).includes(extension)) {
    throw new ScenarioError([
      { file: display, path: '', message: `expected a .yaml, .yml or .json file, got "${extension || 'no extension'}"` },
    ]);
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ScenarioError([{ file: display, path: '', message: `cannot read ${display}: ${readFailure(error)}` }]);
  }
  return extension === '.json' ? parseJsonText(text, display) : parseYamlText(text, display);
}

/**
 * Parses scenario text that came without a file name (standard input): JSON when it starts
 * with `{` or `[`, else YAML. Flow-style YAML such as `{weeks: 52}` is read as YAML when it
 * holds no double quote (JSON keys are always quoted, so such text was not meant as JSON);
 * otherwise a JSON syntax error is reported as such.
 *
 * @param display how the text is named in messages, e.g. `<stdin>`
 * @throws ScenarioError for text that is not well-formed, with line and column
 * @example
 * parseScenarioText('weeks: 52\n', '<stdin>'); // { weeks: 52 }
 * parseScenarioText('{"weeks": 52}', '<stdin>'); // { weeks: 52 }
 */
export function parseScenarioText(text: string, display: string): unknown {
  if (!/^\s*[[{]/.test(text)) return parseYamlText(text, display);
  if (!text.includes('"')) return parseYamlText(text, display);
  return parseJsonText(text, display);
}

function readFailure(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return typeof code === 'string' ? code : String(error);
}

/** The first line of a yaml error message, without its trailing position. */
/** yaml's message without its position suffix (the position is reported separately). */
export function yamlReason(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * Parses YAML text; every syntax error is reported with its line and column.
 *
 * @example
 * parseYamlText('weeks: 52\n', 'a.yaml'); // { weeks: 52 }
 */
function parseYamlText(text: string, display: string): unknown {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const issues: ScenarioIssue[] = doc.errors.map((error) => {
      const at = error.linePos?.[0];
      const where = at === undefined ? '' : ` at line ${at.line}, column ${at.col}`;
      return { file: display, path: '', message: `YAML syntax error${where}: ${yamlReason(error.message)}` };
    });
    throw new ScenarioError(issues);
  }
  return doc.toJS();
}

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

/**
 * Parses JSON text; a syntax error is reported with its line and column where they can be
 * determined.
 *
 * @example
 * parseJsonText('{"weeks": 52}', 'a.json'); // { weeks: 52 }
 */
function parseJsonText(text: string, display: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ScenarioError([{ file: display, path: '', message: `JSON syntax error${jsonPosition(text, reason)}: ${jsonReason(reason)}` }]);
  }
}

function jsonReason(reason: string): string {
  // V8 quotes the whole input in some messages; the position says where, the quote is noise.
  return reason.replace(/, ".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '');
}

function jsonPosition(text: string, reason: string): string {
  const match = /at position (\d+)/.exec(reason);
  let offset: number | undefined = match?.[1] === undefined ? undefined : Number(match[1]);
  if (offset === undefined && /end of JSON input/.test(reason)) offset = text.length;
  if (offset === undefined) {
    // V8 omits the position for an unexpected token; the YAML parser in JSON mode finds it.
    const doc = parseDocument(text, { schema: 'json' });
    const at = doc.errors[0]?.linePos?.[0];
    return at === undefined ? '' : ` at line ${at.line}, column ${at.col}`;
  }
  const { line, column } = lineColumn(text, offset);
  return ` at line ${line}, column ${column}`;
}
