/**
 * `npm run test:readme`: every `npx copsim …` command of README.md's shell blocks runs as
 * written, in a fresh folder, and exits as the README says (0); the documented typo message is
 * what `copsim validate` prints; and the library snippets run as one ES module against the
 * built package. Long (every documented run at its documented size), so it is not part of
 * `npm test`; CI runs it after.
 *
 * The files the examples name as the reader's own are made from the README itself:
 * `my-guild.yaml` is its scenario example; `mine.yaml` holds one of the study's hypotheses.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { codeBlocks, copsimCommands, readme, root } from './readme-blocks.js';

const LONG = 30 * 60_000;
const blocks = codeBlocks();
const cwd = mkdtempSync(join(tmpdir(), 'copsim-readme-examples-'));
const guild = blocks.find((b) => b.lang === 'yaml' && /^\s*- id: architects$/m.test(b.text));

function copsim(args: readonly string[], dir = cwd) {
  return spawnSync(process.execPath, [join(root, 'bin', 'copsim.js'), ...args], { cwd: dir, encoding: 'utf8' });
}

beforeAll(() => {
  expect(guild, 'the scenario example of "Writing a scenario"').toBeDefined();
  writeFileSync(join(cwd, 'my-guild.yaml'), guild!.text);
  const study = parse(readFileSync(join(root, 'scenarios', 'hypotheses', 'study.yaml'), 'utf8')) as {
    hypotheses: { id: string }[];
  };
  const hypotheses = study.hypotheses.filter((h) => h.id === 'mandatory-attendance');
  expect(hypotheses).toHaveLength(1);
  writeFileSync(join(cwd, 'mine.yaml'), stringify({ ...study, hypotheses }));
});

describe('README commands, run as written', () => {
  for (const { command, args, line } of copsimCommands(blocks)) {
    it(`README.md:${line}: ${command}`, { timeout: LONG }, () => {
      const run = copsim(args);
      expect(run.status, `${command}\n${run.stderr}`).toBe(0);
    });
  }
});

describe('README "Bad input"', () => {
  it('is the message copsim validate prints for a typo, with exit code 2', () => {
    const shown = /^ *(my-guild\.yaml: .*unknown key "partcipation".*)$/m.exec(readme());
    expect(shown, 'the typo example of "Writing a scenario"').not.toBeNull();
    const dir = join(cwd, 'typo');
    mkdirSync(dir);
    writeFileSync(join(dir, 'my-guild.yaml'), guild!.text.replace(/^( *)participation:/m, '$1partcipation:'));
    const run = copsim(['validate', 'my-guild.yaml'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(shown![1]);
  });
});

describe('README "Using copsim as a library"', () => {
  it('runs as one ES module against the built package', { timeout: LONG }, () => {
    const dir = join(cwd, 'library');
    mkdirSync(join(dir, 'node_modules'), { recursive: true });
    symlinkSync(root, join(dir, 'node_modules', 'copsim'), 'dir');
    const code = blocks.filter((b) => b.section === 'Using copsim as a library').map((b) => b.text);
    expect(code).toHaveLength(2);
    writeFileSync(join(dir, 'snippet.mjs'), code.join('\n'));
    const run = spawnSync(process.execPath, ['snippet.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out', 'steered', 'summary.csv'), 'utf8')).toMatch(/^scenario,cop,week,metric,/);
  });
});
