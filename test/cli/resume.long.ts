/**
 * Interrupted studies go on with --resume: a run stopped by Ctrl-C or killed outright, and a
 * sweep killed outright, end with the files of an uninterrupted study; a checkpoint of other
 * options is refused.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKPOINT, folderFiles } from '../../scripts/folder-files.mjs';
import { copsim, startCopsim, tempDir } from './helpers.js';


/** The checkpoint log's size in `out`, 0 when there is none. */
function logBytes(out: string): number {
  const log = join(out, CHECKPOINT, 'replications.log');
  return existsSync(log) ? statSync(log).size : 0;
}

/**
 * Starts `copsim args` in `dir` and sends `signal` once its checkpoint log in `out` holds more
 * than `bytes` bytes; resolves to the exit code (null when ended by the signal) and stderr.
 */
async function interrupt(args: string[], dir: string, out: string, bytes: number, signal: NodeJS.Signals): Promise<{ code: number | null; stderr: string }> {
  const child = startCopsim(args, dir);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ended = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const timer = setInterval(() => {
    if (logBytes(join(dir, out)) > bytes) {
      clearInterval(timer);
      child.kill(signal);
    }
  }, 10);
  const code = await ended;
  clearInterval(timer);
  return { code, stderr };
}

// Each replication's record is about 9 kB: small enough to be quick, slow enough to be caught midway.
const RUN = ['run', 'baseline', '--runs', '24', '--weeks', '40', '--seed', '3', '--workers', '1'];

describe('copsim run, interrupted', () => {
  it('Ctrl-C or SIGKILL: --resume goes on to the files of an uninterrupted run; a checkpoint of another seed is refused', async () => {
    const dir = tempDir();
    expect(copsim([...RUN, '--out', 'whole', '--quiet'], dir).status).toBe(0);
    const whole = folderFiles(join(dir, 'whole'));

    const stopped = await interrupt([...RUN, '--out', 'stopped'], dir, 'stopped', 30_000, 'SIGINT');
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(/copsim: \d+ finished replications are saved in stopped; run the same command with --resume to go on/);
    expect(readdirSync(join(dir, 'stopped'))).toEqual([CHECKPOINT]);
    const resumed = copsim([...RUN, '--out', 'stopped', '--resume'], dir);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/stopped holds \d+ finished replications of this run; going on from there/);
    expect(existsSync(join(dir, 'stopped', CHECKPOINT))).toBe(false);
    expect(folderFiles(join(dir, 'stopped'))).toEqual(whole);

    const killed = await interrupt([...RUN, '--out', 'killed'], dir, 'killed', 60_000, 'SIGKILL');
    expect(killed.code).toBeNull();
    expect(existsSync(join(dir, 'killed', CHECKPOINT))).toBe(true);
    const other = copsim([...RUN.map((a) => (a === '3' ? '4' : a)), '--out', 'killed', '--resume', '--quiet'], dir);
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/the checkpoint is of another study \(it differs in seed\); resume with the same command and options/);
    const again = copsim([...RUN, '--out', 'killed', '--resume', '--quiet'], dir);
    expect(again.status, again.stderr).toBe(0);
    expect(folderFiles(join(dir, 'killed'))).toEqual(whole);
  });
});

// compare, sensitivity and hypotheses are killed and resumed by scripts/kill-trials.ts (npm run kill-trials).
describe('copsim sweep, killed outright', () => {
  it('sweep: --resume ends with the files of an uninterrupted sweep', async () => {
    const dir = tempDir();
    const args = ['sweep', 'baseline', '--vary', 'cops.0.support.fundedHours=0:4:2', '--runs', '8', '--weeks', '40', '--workers', '1'];
    expect(copsim([...args, '--out', 'whole', '--quiet'], dir).status).toBe(0);
    const cut = await interrupt([...args, '--out', 'cut'], dir, 'cut', 90_000, 'SIGKILL');
    expect(cut.code).toBeNull();
    expect(existsSync(join(dir, 'cut', CHECKPOINT))).toBe(true);
    const resumed = copsim([...args, '--out', 'cut', '--resume', '--quiet'], dir);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(folderFiles(join(dir, 'cut'))).toEqual(folderFiles(join(dir, 'whole')));
  });
});
