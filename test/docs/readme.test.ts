/**
 * The README shows what `copsim run` really prints: the quickstart's table of key figures is
 * the output of the default run (200 replications of baseline, master seed 1), so it cannot go
 * stale when the model changes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('README quickstart', () => {
  it('shows the key-figure table that `copsim run` prints', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'copsim-readme-'));
    const run = spawnSync(process.execPath, [join(root, 'bin', 'copsim.js'), 'run'], { cwd, encoding: 'utf8' });
    expect(run.status).toBe(0);
    const table = run.stdout
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('results in'));
    expect(table.length).toBeGreaterThanOrEqual(2);
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const line of table) {
      expect(readme, `README.md should show this line of the quickstart output (update it after a model change):\n${line}`).toContain(line);
    }
  });
});
