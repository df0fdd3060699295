/**
 * Reading a scenario file into plain data: YAML (`.yaml`, `.yml`) or JSON (`.json`), chosen
 * by extension. Every failure becomes a `ScenarioError` naming the file and, for syntax errors,
 * the line and column. Every read is bounded (see limits.ts): a regular file of at most 1 MiB,
 * strict UTF-8, nesting and aliases checked before the parser could be made to recurse or expand
 * without end.
 *
 *   file ──readBoundedFile──▶ bytes ──decodeText──▶ text ──guards, parse──▶ data
 */
import { extname } from 'node:path';
import { CST, isAlias, isNode, Lexer, parseDocument, visit, type Document } from 'yaml';
import { ScenarioError, type ScenarioIssue } from './errors.js';
import { MAX_DEPTH } from './limits.js';
import { BadText, checkText, decodeText, lineColumn, readBoundedFile, UnreadableFile } from './source.js';

/** File extensions a scenario may have. */
const SCENARIO_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;

/** The file and setting that named the file being read (an `extends`), blamed when the file cannot be read at all. */
export interface Referrer {
  readonly file: string;
  readonly path: string;
}

/**
 * Reads and parses one scenario file; the result is unvalidated data, to be checked with
 * `shapeProblem` (shape.ts) before anything walks it: YAML aliases are shared references, and
 * one inside its own anchor makes a cycle.
 *
 * @param file the path to read
 * @param display how the file is named in messages; default the path itself
 * @param referrer who named the file (e.g. `a.yaml`'s `extends`): a file that cannot be read at
 *   all (missing, of another type, not a regular file, too big) is reported there
 * @throws ScenarioError when the file is missing, unreadable, of an unknown type, too big or not well-formed
 */
export function readScenarioFile(file: string, display: string = file, referrer?: Referrer): unknown {
  const cannot = (reason: string): never => {
    const at = referrer ?? { file: display, path: '' };
    throw new ScenarioError([{ file: at.file, path: at.path, message: `cannot read ${display}: ${reason}` }]);
  };
  const extension = extname(file).toLowerCase();
  if (!(SCENARIO_EXTENSIONS as readonly string[]).includes(extension)) {
    const expected = `expected a .yaml, .yml or .json file, got ${extension === '' ? 'no extension' : `"${extension}"`}`;
    if (referrer !== undefined) cannot(expected);
    throw new ScenarioError([{ file: display, path: '', message: expected }]);
  }
  let bytes: Buffer;
  try {
    bytes = readBoundedFile(file);
  } catch (error) {
    if (error instanceof UnreadableFile) cannot(error.reason);
    throw error;
  }
  let text: string;
  try {
    text = decodeText(bytes);
  } catch (error) {
    throw badText(error, display);
  }
  return extension === '.json' ? parseJsonText(text, display) : parseYamlText(text, display);
}

/**
 * Parses scenario text that came without a file name (standard input): JSON when it starts
 * with `{` or `[`, else YAML. Flow-style YAML such as `{weeks: 52}` is read as YAML when it
 * holds no double quote (JSON keys are always quoted, so such text was not meant as JSON);
 * otherwise a JSON syntax error is reported as such. The same checks apply as to a file.
 *
 * @param display how the text is named in messages, e.g. `<stdin>`
 * @throws ScenarioError for text that is not well-formed, with line and column
 * @example
 * parseScenarioText('weeks: 52\n', '<stdin>'); // { weeks: 52 }
 * parseScenarioText('{"weeks": 52}', '<stdin>'); // { weeks: 52 }
 */
export function parseScenarioText(text: string, display: string): unknown {
  let plain: string;
  try {
    plain = checkText(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    throw badText(error, display);
  }
  if (!/^\s*[[{]/.test(plain)) return parseYamlText(plain, display);
  if (!plain.includes('"')) return parseYamlText(plain, display);
  return parseJsonText(plain, display);
}

function badText(error: unknown, display: string): unknown {
  if (!(error instanceof BadText)) return error;
  return new ScenarioError([{ file: display, path: '', message: `line ${error.line}, column ${error.column}: ${error.message}` }]);
}

/** yaml's message without its position suffix (the position is reported separately). */
export function yamlReason(message: string): string {
  const first = message.split('\n')[0] ?? message;
  const reason = first.replace(/ at line \d+, column \d+:?$/, '');
  return reason.length > 160 ? `${reason.slice(0, 160)}…` : reason;
}

/** How a nesting that is too deep is reported. */
const TOO_DEEP = `nested more than ${MAX_DEPTH} levels deep; copsim reads lists and mappings up to ${MAX_DEPTH} levels`;

/** The only directive copsim accepts: it reads YAML 1.2, so saying so is harmless. */
const YAML_12 = /^%YAML[ \t]+1\.2[ \t]*(#.*)?$/;

/**
 * A problem the yaml parser must not meet, found by its lexer (iterative and fast): a directive
 * other than `%YAML 1.2`, flow collections nested deeper than `MAX_DEPTH`, or more than
 * `MAX_DEPTH` block indicators (`- - - x`) on one line outside flow collections. The parser would recurse on those (and
 * can run out of memory on a few hundred kilobytes of `[`).
 */
function lexerProblem(text: string): { offset: number; message: string } | undefined {
  let offset = 0;
  let flow = 0;
  let indicators = 0;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    switch (type) {
      case 'directive-line':
        if (!YAML_12.test(token)) {
          return { offset, message: `unsupported directive ${JSON.stringify(token.slice(0, 40))}: copsim reads YAML 1.2 without directives (only "%YAML 1.2" is accepted)` };
        }
        break;
      case 'flow-map-start':
      case 'flow-seq-start':
        flow++;
        if (flow > MAX_DEPTH) return { offset, message: TOO_DEEP };
        break;
      case 'flow-map-end':
      case 'flow-seq-end':
        flow = Math.max(0, flow - 1);
        break;
      case 'seq-item-ind':
      case 'explicit-key-ind':
      case 'map-value-ind':
        // Only block indicators nest (`- - - x`); within a flow collection the brackets do,
        // and a one-line mapping may hold any number of `key: value` pairs.
        if (flow === 0) indicators++;
        if (indicators > MAX_DEPTH) return { offset, message: TOO_DEEP };
        break;
      case 'newline':
        indicators = 0;
        break;
      default:
    }
    // Control tokens (document start, scalar and flow-end markers) take no room in the source.
    if (type !== 'doc-mode' && type !== 'scalar' && type !== 'flow-error-end') offset += token.length;
  }
  return undefined;
}

/** An issue at a position of `text`. */
function issueAt(display: string, text: string, offset: number, message: string): ScenarioIssue {
  const { line, column } = lineColumn(text, offset);
  return { file: display, path: '', message: `YAML error at line ${line}, column ${column}: ${message}` };
}

/** The yaml parser's errors and warnings as issues; a warning (unknown tag, directive) is an error here. */
function documentIssues(doc: Document, display: string): ScenarioIssue[] {
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.some((p) => p.code === 'RESOURCE_EXHAUSTION')) {
    const at = problems.find((p) => p.code === 'RESOURCE_EXHAUSTION')?.linePos?.[0];
    return [{ file: display, path: '', message: `YAML error${at ? ` at line ${at.line}, column ${at.col}` : ''}: ${TOO_DEEP}` }];
  }
  return problems.map((problem) => {
    const at = problem.linePos?.[0];
    const where = at === undefined ? '' : ` at line ${at.line}, column ${at.col}`;
    const kind = doc.errors.includes(problem as never) ? 'YAML syntax error' : 'YAML error';
    return { file: display, path: '', message: `${kind}${where}: ${yamlProblemText(problem.code, problem.message)}` };
  });
}

/** yaml's wording, with copsim's expectation where yaml's alone would puzzle. */
function yamlProblemText(code: string, message: string): string {
  const reason = yamlReason(message);
  if (code === 'MULTIPLE_DOCS') return 'the file holds more than one YAML document (a second "---"); expected one';
  if (code === 'TAG_RESOLVE_FAILED') {
    const tag = reason.replace(/^Unresolved tag: /, '').replace(/^tag:yaml\.org,2002:/, '!!');
    return `unknown tag ${tag.slice(0, 60)}: copsim reads plain YAML; the only tags allowed are !!str, !!int, !!float, !!bool, !!null, !!map and !!seq`;
  }
  if (code === 'NON_STRING_KEY') return 'a key that is a list or mapping: expected a plain key';
  return reason;
}

/**
 * Parses YAML text; every syntax error is reported with its line and column, and every
 * construct that copsim refuses (see limits.ts) too.
 *
 * @example
 * parseYamlText('weeks: 52\n', 'a.yaml'); // { weeks: 52 }
 */
export function parseYamlText(text: string, display: string): unknown {
  const early = lexerProblem(text);
  if (early !== undefined) throw new ScenarioError([issueAt(display, text, early.offset, early.message)]);
  const doc = parseDocument(text, {
    prettyErrors: true,
    strict: true,
    uniqueKeys: true,
    stringKeys: true,
    schema: 'core',
    resolveKnownTags: false,
    merge: false,
    // Not 'silent', which would also drop the error about a second document; nothing is printed at 'error'.
    logLevel: 'error',
  });
  const issues = documentIssues(doc, display);
  // One pass in document order (yaml's own alias.resolve searches the document for each alias).
  const anchors = new Set<string>();
  visit(doc, (_, node) => {
    if (isAlias(node)) {
      if (anchors.has(node.source)) return;
      const name = node.source.slice(0, 40);
      issues.push(issueAt(display, text, node.range?.[0] ?? 0, `alias *${name} has no anchor &${name} before it`));
    } else if (isNode(node) && node.anchor !== undefined) {
      anchors.add(node.anchor);
    }
  });
  if (issues.length > 0) throw new ScenarioError(issues);
  // Aliases are shared, not copied, so even a "billion laughs" is small here; the shape check
  // that every caller runs first (shape.ts) counts what they expand to.
  return doc.toJS({ maxAliasCount: -1 }) as unknown;
}

/**
 * Parses JSON text; a syntax error is reported with its line and column where they can be
 * determined, and so are a key repeated in one object and a nesting deeper than `MAX_DEPTH`.
 *
 * @example
 * parseJsonText('{"weeks": 52}', 'a.json'); // { weeks: 52 }
 */
function parseJsonText(text: string, display: string): unknown {
  const scan = scanJson(text);
  if (scan.tooDeep !== undefined) {
    const { line, column } = lineColumn(text, scan.tooDeep);
    throw new ScenarioError([{ file: display, path: '', message: `JSON error at line ${line}, column ${column}: ${TOO_DEEP}` }]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ScenarioError([{ file: display, path: '', message: `JSON syntax error${jsonPosition(text, reason)}: ${jsonReason(reason)}` }]);
  }
  const issues = scan.duplicates.map(({ key, offset, first }) => {
    const at = lineColumn(text, offset);
    const was = lineColumn(text, first);
    return {
      file: display,
      path: '',
      message: `JSON error at line ${at.line}, column ${at.column}: duplicate key ${JSON.stringify(key.slice(0, 40))} (first at line ${was.line}, column ${was.column}); expected each key once per object`,
    };
  });
  if (issues.length > 0) throw new ScenarioError(issues);
  return data;
}

/**
 * One pass over JSON text (iterative, so any nesting is fine): where it first nests deeper
 * than `MAX_DEPTH`, and the keys repeated within one object with the offset of their first
 * occurrence (`JSON.parse` keeps the last silently, which could hide an invalid first value).
 */
function scanJson(text: string): { tooDeep?: number; duplicates: { key: string; offset: number; first: number }[] } {
  const duplicates: { key: string; offset: number; first: number }[] = [];
  const stack: (Map<string, number> | undefined)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const keys = stack[stack.length - 1];
      if (expectKey && keys !== undefined) {
        const key = jsonString(text.slice(i, j + 1));
        const first = key === undefined ? undefined : keys.get(key);
        if (key !== undefined && first === undefined) keys.set(key, i);
        else if (key !== undefined && first !== undefined) duplicates.push({ key, offset: i, first });
        expectKey = false;
      }
      i = j;
    } else if (c === '{' || c === '[') {
      stack.push(c === '{' ? new Map() : undefined);
      if (stack.length > MAX_DEPTH) return { tooDeep: i, duplicates };
      expectKey = c === '{';
    } else if (c === '}' || c === ']') {
      stack.pop();
      expectKey = false;
    } else if (c === ',') {
      expectKey = stack[stack.length - 1] !== undefined;
    }
  }
  return { duplicates };
}

/** A JSON string literal's value, or undefined when it is malformed (JSON.parse reports that). */
function jsonString(literal: string): string | undefined {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return undefined;
  }
}

function jsonReason(reason: string): string {
  // V8 quotes the input (or a part of it) in some messages; the position says where, the quote is noise.
  return reason.replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '');
}

function jsonPosition(text: string, reason: string): string {
  const match = /at position (\d+)/.exec(reason);
  let offset: number | undefined = match?.[1] === undefined ? undefined : Number(match[1]);
  if (offset === undefined && /end of JSON input/.test(reason)) offset = text.length;
  if (offset === undefined) {
    // V8 omits the position for an unexpected token: find where the text breaks, then the
    // start of the token it names.
    const broken = firstBrokenOffset(text);
    if (broken === undefined) return '';
    const token = /^Unexpected token '(.)'/.exec(reason)?.[1];
    const start = token === undefined ? -1 : text.lastIndexOf(token, broken);
    offset = start >= 0 && !text.slice(start, broken).includes('\n') ? start : broken;
    // A word cut short (`tru`, `nul`) breaks at the character after it: point at the word.
    offset -= /[A-Za-z]*$/.exec(text.slice(Math.max(0, offset - 16), offset))?.[0].length ?? 0;
  }
  const { line, column } = lineColumn(text, offset);
  return ` at line ${line}, column ${column}`;
}

/**
 * The offset of the character where JSON text stops being the start of valid JSON, found by
 * bisecting on prefixes (a prefix is broken when JSON.parse fails before its end; once broken,
 * every longer prefix is): about 20 parses of at most `MAX_FILE_BYTES`.
 */
function firstBrokenOffset(text: string): number | undefined {
  const broken = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (error) {
      const message = error instanceof Error ? error.message : '';
      const at = /at position (\d+)/.exec(message)?.[1];
      return at === undefined ? !/end of JSON input/.test(message) : Number(at) < length;
    }
  };
  if (!broken(text.length)) return undefined;
  let lo = 0;
  let hi = text.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (broken(mid)) hi = mid;
    else lo = mid;
  }
  return hi - 1;
}
