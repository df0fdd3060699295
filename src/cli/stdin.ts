/**
 * `-` as a scenario argument: the scenario is read from standard input (YAML or JSON), as in
 * `cat my.yaml | copsim run -` or `copsim validate - < my.yaml`.
 *
 *   argv ──markStdinArguments──▶ yargs ──checkStdinArguments──▶ handler
 *        ──scenarioArgument('<stdin>') (run-options.ts)──▶ { text: readStdinText() } ──study verb──▶ loadScenarioText
 *
 * yargs drops a bare `-` while it fills in positionals, so `main` replaces it with `STDIN_ARG`
 * before parsing; the check then allows it only where a scenario is named, and only once, since
 * standard input can be read only once.
 */
import { fstatSync, readSync } from 'node:fs';
import { isatty } from 'node:tty';
import {
  ScenarioError,
  validateScenarioFiles,
  validateScenarioText,
  type FileValidation,
} from '../scenario/index.js';
import { MAX_FILE_BYTES } from '../scenario/limits.js';
import { BadText, decodeText } from '../scenario/source.js';
import { InputError, UsageError } from './exit.js';

/** What a `-` argument becomes before parsing, and how standard input is named in messages. */
export const STDIN_ARG = '<stdin>';

/** The scenario name when the text from standard input has no `name`. */
export const STDIN_NAME = 'stdin';

/** The most standard input that is read: as much as a scenario file may hold (1 MiB). */
export const STDIN_LIMIT_BYTES = MAX_FILE_BYTES;

/**
 * The arguments with every bare `-` (before a `--`) replaced by `STDIN_ARG`.
 *
 * @example markStdinArguments(['run', '-', '--runs', '2']) // → ['run', '<stdin>', '--runs', '2']
 */
export function markStdinArguments(argv: readonly string[]): string[] {
  const end = argv.indexOf('--');
  return argv.map((arg, i) => (arg === '-' && (end < 0 || i < end) ? STDIN_ARG : arg));
}

/** The positional arguments, per command, that name a scenario and so may be `-`. */
const SCENARIO_ARGUMENTS: Record<string, string> = {
  run: 'scenario',
  validate: 'files',
  compare: 'scenarios',
  sweep: 'scenario',
  sensitivity: 'scenario',
};

/**
 * Refuses `-` where it cannot name a scenario (an option's value, a command that reads no
 * scenario) and a second `-`. Used as yargs middleware, i.e. after parsing.
 *
 * @throws UsageError saying where `-` is allowed
 */
export function checkStdinArguments(args: Record<string, unknown>): void {
  const command = String((args['_'] as unknown[] | undefined)?.[0] ?? '');
  const allowed = SCENARIO_ARGUMENTS[command];
  let count = 0;
  for (const [key, value] of Object.entries(args)) {
    if (key === '$0') continue;
    const hits = [value].flat().filter((v) => v === STDIN_ARG).length;
    if (hits === 0) continue;
    if (key !== allowed) throw new UsageError(stdinMisplaced(allowed === undefined ? command : undefined, key));
    count += hits;
  }
  if (count > 1) {
    throw new UsageError(`- (standard input) was given ${count} times; standard input can be read once, so give - at most once`);
  }
}

/**
 * The message for a `-` where no scenario is named: after a command that reads none, as an
 * extra argument, or as an option's value.
 *
 * @example stdinMisplaced('list') // → '- (standard input) names a scenario of run, …; copsim list reads none'
 */
export function stdinMisplaced(command: string | undefined, key = '_'): string {
  const commands = Object.keys(SCENARIO_ARGUMENTS).join(', ');
  const start = `- (standard input) names a scenario of ${commands}`;
  if (command !== undefined && !(command in SCENARIO_ARGUMENTS)) {
    return command === '' ? `${start}; name the command first` : `${start}; copsim ${command} reads none`;
  }
  return key === '_' ? `${start}, once: it is an extra argument here` : `${start}; it cannot be the value of --${key}`;
}

let cached: string | undefined;

/** Options of `readStdinText`, for tests. */
export interface StdinOptions {
  /** File descriptor to read. Default 0 (standard input); only fd 0 is read once and remembered. */
  readonly fd?: number;
  /** Most bytes to accept. Default `STDIN_LIMIT_BYTES`. */
  readonly limitBytes?: number;
}

/**
 * All of standard input as UTF-8 text, read once (later calls get the same text, so a command
 * may load the scenario several times, as `sweep` does per point).
 *
 * @throws InputError when standard input is a terminal (nothing piped in), is larger than the
 * limit, or cannot be read
 */
export function readStdinText(options: StdinOptions = {}): string {
  const fd = options.fd ?? 0;
  if (fd === 0 && cached !== undefined) return cached;
  if (isatty(fd)) {
    throw new InputError(
      '- reads a scenario from standard input, but standard input is a terminal: ' +
        'pipe a scenario in (cat my.yaml | copsim run -) or name the file',
    );
  }
  const bytes = readAll(fd, options.limitBytes ?? STDIN_LIMIT_BYTES);
  let text: string;
  try {
    text = decodeText(bytes);
  } catch (error) {
    if (!(error instanceof BadText)) throw error;
    throw new ScenarioError([{ file: STDIN_ARG, path: '', message: `line ${error.line}, column ${error.column}: ${error.message}` }]);
  }
  if (fd === 0) cached = text;
  return text;
}

function readAll(fd: number, limit: number): Buffer {
  if (isDirectory(fd)) throw new InputError('cannot read standard input: it is a directory');
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.alloc(64 * 1024);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      // A non-blocking pipe with no data yet: wait a little and try again.
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if ((error as NodeJS.ErrnoException).code === 'EOF') break;
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new InputError(`cannot read standard input (${code})`);
    }
    if (n === 0) break;
    total += n;
    if (total > limit) {
      throw new InputError(
        `standard input holds more than ${formatLimit(limit)}; a scenario is far smaller: is the right file piped in?`,
      );
    }
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return Buffer.concat(chunks);
}

function isDirectory(fd: number): boolean {
  try {
    return fstatSync(fd).isDirectory();
  } catch {
    return false;
  }
}

function formatLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}

/** Standard input, refused when empty (a pipe from a command that failed, `< /dev/null`). */
export function stdinScenarioText(): string {
  const text = readStdinText();
  if (text.trim() === '') {
    throw new ScenarioError([
      { file: STDIN_ARG, path: '', message: 'standard input is empty: expected a scenario (YAML or JSON)' },
    ]);
  }
  return text;
}

function validateText(): FileValidation {
  try {
    return validateScenarioText(stdinScenarioText(), { source: STDIN_ARG, name: STDIN_NAME });
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    return { file: STDIN_ARG, ok: false, issues: error.issues, warnings: [] };
  }
}

/** `validateScenarioFiles`, with `STDIN_ARG` read from standard input. */
export function validateScenarioArguments(files: readonly string[]): FileValidation[] {
  return files.map((file) =>
    file === STDIN_ARG
      ? validateText()
      : (validateScenarioFiles([file])[0] as FileValidation),
  );
}
