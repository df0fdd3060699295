/**
 * `copsim completion`: yargs' completion script, and the completion requests it makes, end to
 * end (including a real bash completing through the script).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, copsim, tempDir } from './helpers.js';

function withShell(shell: string, args: readonly string[]): { status: number | null; stdout: string } {
  const child = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, SHELL: shell, ZSH_NAME: '' },
  });
  return { status: child.status, stdout: child.stdout };
}

/** The command names in the Commands section of `copsim --help`, e.g. `run` from "copsim run [scenario]  Simulate…". */
function helpCommands(): string[] {
  const help = copsim(['--help']).stdout;
  const section = help.slice(help.indexOf('Commands:'), help.indexOf('Options:'));
  return [...section.matchAll(/^ {2}copsim (\w+)/gm)].map((m) => m[1] as string);
}

describe('copsim completion', () => {
  it('prints a bash script that completes copsim through --get-yargs-completions', () => {
    const result = withShell('/bin/bash', ['completion']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('copsim --get-yargs-completions');
    expect(result.stdout).toMatch(/^complete .* copsim$/m);
  });

  it('prints a zsh script when the shell is zsh', () => {
    const result = withShell('/bin/zsh', ['completion']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^#compdef copsim$/m);
    expect(result.stdout).toContain('copsim --get-yargs-completions');
  });

  it('answers a completion request with every command of --help, completion among them', () => {
    const commands = helpCommands();
    expect(commands).toContain('run');
    expect(commands).toContain('completion');
    const result = copsim(['--get-yargs-completions', '']);
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n').sort()).toEqual([...commands].sort());
  });

  it("answers with a command's options", () => {
    const options = copsim(['--get-yargs-completions', 'run', '--']).stdout.trim().split('\n');
    expect(options).toEqual(expect.arrayContaining(['--runs', '--set', '--out', '--help']));
    expect(options).not.toContain('--vary');
  });

  it('suggests completion for a misspelt command', () => {
    const result = copsim(['completon']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown command "completon"');
    expect(result.stderr).toContain('completion');
  });

  it('completes in a real bash through the printed script', () => {
    const bash = spawnSync('bash', ['--version'], { encoding: 'utf8' });
    if (bash.status !== 0) return; // no bash on this machine: the script tests above still ran
    const dir = tempDir();
    const shim = join(dir, 'copsim');
    writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(shim, 0o755);
    writeFileSync(join(dir, 'completion.bash'), withShell('/bin/bash', ['completion']).stdout);
    const complete = (words: string): string[] => {
      const script = `source ./completion.bash; COMP_WORDS=(${words}); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)); _copsim_yargs_completions; printf '%s\\n' "\${COMPREPLY[@]}"`;
      const result = spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8', env: { ...process.env, PATH: `${dir}:${process.env['PATH'] ?? ''}` } });
      return result.stdout.trim().split('\n');
    };
    expect(complete('copsim sw')).toEqual(['sweep']);
    expect(complete('copsim co')).toEqual(['compare', 'completion']);
    expect(complete('copsim run --ru')).toEqual(['--runs']);
  });
});
