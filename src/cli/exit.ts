/**
 * Exit codes and the translation of every error the CLI can meet into one message and a code.
 * No stack trace reaches the user unless `COPSIM_DEBUG` is set.
 */
import { ScenarioError } from '../scenario/index.js';
import { fileSystemReason } from '../output/fs-error.js';
import { RunOutputError } from '../output/read.js';
import { DesignError } from '../research/errors.js';
import { StudyError } from '../study/errors.js';
import { AbortError, ReplicationError } from '../runner/index.js';
import type { Io } from './io.js';

/** The codes `copsim` exits with. */
export const EXIT = {
  ok: 0,
  /** A replication failed. */
  failure: 1,
  /** Bad input: usage, options, scenario files. */
  usage: 2,
  /** An unexpected error: a bug in copsim (EX_SOFTWARE). */
  internal: 70,
  /** Interrupted by SIGINT or SIGTERM (128 + SIGINT). */
  interrupted: 130,
} as const;

/** Bad command-line usage; the message says what was expected. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Bad input the message fully explains, such as a file that cannot be read. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/**
 * Prints `error` the way its kind deserves and returns the exit code.
 *
 * @example reportError(new UsageError('--runs must be ...'), io) // → 2, with a hint to --help
 */
export function reportError(error: unknown, io: Io, env: NodeJS.ProcessEnv = process.env): number {
  if (error instanceof UsageError || error instanceof DesignError || error instanceof StudyError) {
    io.err(`copsim: ${error.message}\nrun "copsim --help" for usage\n`);
    return EXIT.usage;
  }
  if (error instanceof ScenarioError) {
    io.err(endLine(error.format()));
    return EXIT.usage;
  }
  if (error instanceof InputError || error instanceof RunOutputError) {
    io.err(`copsim: ${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof AbortError || (error instanceof Error && error.name === 'AbortError')) {
    io.err('interrupted\n');
    return EXIT.interrupted;
  }
  if (error instanceof ReplicationError) {
    io.err(`copsim: ${error.message}\n`);
    if (env['COPSIM_DEBUG'] && error.replicationStack) io.err(endLine(error.replicationStack));
    return EXIT.failure;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`copsim: internal error: ${message}\n`);
  if (env['COPSIM_DEBUG'] && error instanceof Error && error.stack) io.err(endLine(error.stack));
  return EXIT.internal;
}

function endLine(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

/**
 * Turns a file-system error (one with an `errno` code such as EACCES) into an `InputError`
 * naming the path, since it is the user's path that is wrong; other errors pass unchanged.
 *
 * @example asInputError(enoent, 'cannot write out/summary.csv')
 * // → InputError('cannot write out/summary.csv: no such file or directory (ENOENT)')
 */
export function asInputError(error: unknown, what: string): unknown {
  const reason = fileSystemReason(error);
  return reason === undefined ? error : new InputError(`${what}: ${reason}`);
}
