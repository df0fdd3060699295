/**
 * Ctrl-C twice in quick succession, as an impatient user presses it: the command ends with
 * exit code 130 every time, never by the signal. The second press used to land, about one
 * time in seven, after the command had returned while Node was closing its worker threads,
 * when no handler was left to turn it into 130.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCopsim, tempDir } from './helpers.js';

const SENSITIVITY = ['sensitivity', 'baseline', '--params', 'parameters.attendance.habit,cops.0.support.fundedHours=0:8', '--trajectories', '2', '--runs', '12', '--weeks', '30', '--workers', '1'];

/** Starts the study, presses Ctrl-C `afterMs` after its headline and again 30 ms later; its exit. */
function interruptTwice(dir: string, afterMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    const child = startCopsim([...SENSITIVITY, '--out', join(dir, 'out')], dir);
    let pressed = false;
    child.stderr?.on('data', (chunk: Buffer) => {
      if (pressed || !chunk.toString().includes('copsim:')) return;
      pressed = true;
      setTimeout(() => {
        child.kill('SIGINT');
        setTimeout(() => child.kill('SIGINT'), 30);
      }, afterMs);
    });
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
}

describe('Ctrl-C twice', () => {
  it('ends with 130, not by the signal, wherever the presses land (12 trials spread over the run)', async () => {
    const ends: string[] = [];
    for (let t = 0; t < 12; t++) {
      const dir = tempDir();
      // Spread over the study's first two and a half seconds: while simulating, and while stopping.
      const { code, signal } = await interruptTwice(dir, 200 + t * 200);
      ends.push(signal === null ? String(code) : signal);
      if (code === 130) expect(existsSync(join(dir, 'out', '.copsim-checkpoint')) || !existsSync(join(dir, 'out'))).toBe(true);
      rmSync(dir, { recursive: true, force: true });
    }
    // A study that finished before the presses exits 0; none may end by the signal.
    expect(ends.filter((e) => e !== '130' && e !== '0')).toEqual([]);
    expect(ends.filter((e) => e === '130').length).toBeGreaterThan(6);
  }, 180_000);
});
