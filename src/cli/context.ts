/**
 * What every command handler receives besides its arguments: where to print, and where to
 * leave its exit code.
 */
import type { Io } from './io.js';

export interface CommandContext {
  readonly io: Io;
  /** The code `copsim` exits with when the handler returns normally. Default 0. */
  exitCode: number;
}
