/**
 * The README shows what `copsim run` really prints: the quickstart's table of key figures is
 * the output of the default run (200 replications of baseline, master seed 1), so it cannot go
 * stale when the model changes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeBlocks, copsimCommands, readme, root } from './readme-blocks.js';

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

describe('README examples', () => {
  const blocks = codeBlocks();

  it('invoke copsim one way, as `npx copsim` (bare `copsim` is not on the PATH of a clone)', () => {
    const bare = blocks
      .filter((b) => b.lang === 'sh')
      .flatMap((b) => b.text.split('\n').map((text, k) => ({ text: text.trim(), line: b.line + 1 + k })))
      .filter(({ text }) => /^copsim\b/.test(text))
      .map(({ text, line }) => `README.md:${line}: ${text}`);
    expect(bare).toEqual([]);
    expect(copsimCommands(blocks).length).toBeGreaterThan(10);
  });

  it('show the library in JavaScript that Node parses as an ES module', () => {
    const library = blocks.filter((b) => b.section === 'Using copsim as a library');
    expect(library.map((b) => b.lang)).toEqual(['js', 'js']);
    const file = join(mkdtempSync(join(tmpdir(), 'copsim-readme-js-')), 'snippet.mjs');
    writeFileSync(file, library.map((b) => b.text).join('\n'));
    const check = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('list every folder of src/ in the layout, one line each', () => {
    const folders = readdirSync(join(root, 'src'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    const listed = [...readme().matchAll(/^- `src\/([a-z-]+)`: /gm)].map((m) => m[1]);
    expect(listed.toSorted()).toEqual(folders.toSorted());
  });
});
