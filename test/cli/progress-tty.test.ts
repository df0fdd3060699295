/**
 * The progress bar on a real terminal: `copsim run` under a pseudo-terminal 80 columns wide
 * (util-linux `script`), its bytes replayed on an emulated screen. The unit tests draw the bar
 * with a made-up clock; this one checks what a user sees at the end of a real run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, tempDir } from './helpers.js';
import { emulateTerminal } from './terminal.js';

const SCRIPT = '/usr/bin/script';
const quote = (text: string): string => `'${text.replaceAll("'", "'\\''")}'`;

describe.skipIf(!existsSync(SCRIPT))('copsim run on a terminal 80 columns wide', () => {
  it('redraws the bar in place, leaves no old text behind and ends with the elapsed time', () => {
    const out = join(tempDir(), 'out');
    const command = [process.execPath, BIN, 'run', '--runs', '40', '--weeks', '30', '--workers', '0', '--out', out].map(quote).join(' ');
    const result = spawnSync(SCRIPT, ['-qec', `stty cols 80 rows 50; ${command}`, '/dev/null'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CI: '', NO_COLOR: '1' },
    });
    expect(result.status, result.stderr).toBe(0);
    const bytes = result.stdout;
    // It did redraw: several frames, each returning to the start of its line and clearing it.
    expect(bytes.split('\r[').length - 1).toBeGreaterThan(2);
    const screen = emulateTerminal(bytes, 80);
    const start = screen.findIndex((line) => line.startsWith('copsim: baseline, 40 runs'));
    expect(start).toBeGreaterThanOrEqual(0);
    // The headline, then one line: the last frame alone (nothing of longer, earlier frames),
    // then the elapsed time.
    const frame = screen[start + 1] as string;
    expect(frame).toMatch(/^\[#+\] 40\/40 replications {2}\d+\.\ds$/);
    expect(frame.length).toBeLessThan(80);
    expect(screen[start + 2]).toMatch(/^done in \d+\.\d s$/);
    expect(screen.filter((line) => line.includes('replications')).length).toBe(1);
    expect(screen.some((line) => line.includes('left'))).toBe(false);
  });
});
