/**
 * Runs the real `copsim` launcher (bin/copsim.js, hence dist/) in a child process.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/copsim.js', import.meta.url));

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A fresh temporary directory for one test. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'copsim-cli-'));
}

/** Runs `copsim ...args` to completion, in `cwd`. */
export function copsim(args: readonly string[], cwd: string = tempDir()): CliResult {
  const child = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, COPSIM_DEBUG: '' },
    timeout: 120_000,
  });
  // A child ended by a signal (or the timeout) has no status: say which, so a failure explains itself.
  const ended = child.status === null ? `\n[copsim ended by ${child.signal ?? 'no signal'}${child.error ? `: ${child.error.message}` : ''}]\n` : '';
  return { status: child.status, stdout: child.stdout, stderr: child.stderr + ended };
}

/** Starts `copsim ...args` without waiting for it. */
export function startCopsim(args: readonly string[], cwd: string): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, COPSIM_DEBUG: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** True when text holds a stack-trace line. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at /m.test(text);
}
