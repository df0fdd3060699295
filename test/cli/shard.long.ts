/**
 * `copsim run --shard` and `copsim merge` on the command line: the shard index read from a
 * scheduler's variables (SLURM job arrays, Kubernetes Indexed Jobs), the merge written by the
 * CLI byte for byte as by the library, and every refusal an exit code 2 naming the folder and
 * the field.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as copsim from '../../dist/index.js';
import { BIN, hasStackTrace, tempDir, type CliResult } from './helpers.js';

const COMMON = ['--runs', '5', '--weeks', '10', '--seed', '3', '--workers', '0', '--set', 'organisation.employees=150'];

/** The scheduler variables a test sets, cleared so that the machine's own cannot leak in. */
const SCHEDULER = ['SLURM_ARRAY_TASK_ID', 'SLURM_ARRAY_TASK_COUNT', 'SLURM_ARRAY_TASK_MIN', 'JOB_COMPLETION_INDEX'];

/** Runs `copsim ...args` in `cwd` with the scheduler variables `env` (and no others). */
function cli(args: readonly string[], cwd: string, env: Record<string, string> = {}): CliResult {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !SCHEDULER.includes(key)));
  const child = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...base, COPSIM_DEBUG: '', ...env }, timeout: 120_000 });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe('copsim run --shard and copsim merge', () => {
  const dir = tempDir();
  beforeAll(() => {
    // Shard 0 as a SLURM array task (ids 1..2, so the index is the id minus SLURM_ARRAY_TASK_MIN), shard 1 as a Kubernetes Indexed Job's pod.
    const slurm = cli(['run', ...COMMON, '--shard', 'auto', '--out', 'shards/a'], dir, {
      SLURM_ARRAY_TASK_ID: '1',
      SLURM_ARRAY_TASK_MIN: '1',
      SLURM_ARRAY_TASK_COUNT: '2',
    });
    expect(slurm.stderr).toContain('shard 0/2 (replications 0–1) of 5 runs');
    expect(slurm.status).toBe(0);
    const kubernetes = cli(['run', ...COMMON, '--shard', 'auto/2', '--out', 'shards/b'], dir, { JOB_COMPLETION_INDEX: '1' });
    expect(kubernetes.stdout).toContain('shard 1/2 (replications 2–4) of 5 written to shards/b');
    expect(kubernetes.status).toBe(0);
  });

  it('merges shards whose index came from the scheduler; the CLI writes what the library writes', async () => {
    const shards = [join(dir, 'shards', 'b'), join(dir, 'shards', 'a')];
    const merged = cli(['merge', ...shards, '--out', join(dir, 'cli')], dir);
    expect(merged.stderr).toBe('');
    expect(merged.stdout).toContain('merged 2 shards (5 of 5 replications)');
    expect(merged.status).toBe(0);
    await copsim.merge({ shards, out: join(dir, 'lib') });
    const names = readdirSync(join(dir, 'cli')).sort();
    expect(readdirSync(join(dir, 'lib')).sort()).toEqual(names);
    expect(names).toContain('report.html');
    // Both merges take their clock from the same shards, so every byte agrees.
    for (const name of names) {
      expect(readFileSync(join(dir, 'lib', name)).equals(readFileSync(join(dir, 'cli', name))), name).toBe(true);
    }
  });

  it('--partial merges a set with a shard missing and says so; without it the merge is refused', () => {
    const refused = cli(['merge', 'shards/b', '--out', 'refused'], dir);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('no shard holds replications 0–1 (of 0–4)');
    expect(refused.stderr).toContain('--partial');
    expect(hasStackTrace(refused.stderr)).toBe(false);
    const partial = cli(['merge', 'shards/b', '--partial', '--json', '--out', 'partial'], dir);
    expect(partial.status).toBe(0);
    expect(partial.stderr).toContain('warning: the merge is partial: 3 of 5 replications (missing 0–1)');
    const json = JSON.parse(partial.stdout) as { runs: number; partial: { of: number } };
    expect(json.runs).toBe(3);
    expect(json.partial.of).toBe(5);
  });

  it('refuses shards of different runs with exit code 2, naming the folder and the field', () => {
    expect(cli(['run', ...COMMON.map((a) => (a === '3' ? '4' : a)), '--shard', '1/2', '--out', 'shards/seed4', '--quiet'], dir).status).toBe(0);
    const result = cli(['merge', 'shards/a', 'shards/seed4', '--out', 'mixed'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('shards/seed4 has masterSeed 4 but shards/a has 3');
  });

  it('refuses a shard index outside the count, and auto without the scheduler, with exit code 2', () => {
    const outside = cli(['run', ...COMMON, '--shard', '2/2'], dir);
    expect(outside.status).toBe(2);
    expect(outside.stderr).toContain('--shard 2/2: k must be from 0 to 1 (shards are numbered from 0)');
    const auto = cli(['run', ...COMMON, '--shard', 'auto'], dir);
    expect(auto.status).toBe(2);
    expect(auto.stderr).toContain('neither SLURM_ARRAY_TASK_ID (SLURM job arrays) nor JOB_COMPLETION_INDEX (Kubernetes Indexed Jobs) is set');
  });

  it('refuses a folder that is not a shard', () => {
    const result = cli(['merge', 'cli', '--out', 'again'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('cli is not a shard folder');
  });

  it('shards a test of hypotheses in a SLURM array and merges it into the files of the whole test', () => {
    const test = ['hypotheses', '--only', 'mandatory-coverage', '--runs', '4', '--seed', '3', '--workers', '0', '--set', 'organisation.employees=150'];
    expect(cli([...test, '--out', 'h-whole', '--quiet'], dir).status).toBe(0);
    for (const id of ['0', '1']) {
      const shard = cli([...test, '--shard', 'auto', '--out', `h-shards/${id}`], dir, { SLURM_ARRAY_TASK_ID: id, SLURM_ARRAY_TASK_COUNT: '2' });
      expect(shard.stdout).toContain(`shard ${id}/2 (replications ${id === '0' ? '0–1' : '2–3'}) of 4 written to h-shards/${id}`);
      expect(shard.status).toBe(0);
    }
    const merged = cli(['merge', 'h-shards/1', 'h-shards/0', '--out', 'h-merged'], dir);
    expect(merged.stderr).toBe('');
    expect(merged.stdout).toContain('mandatory-coverage');
    expect(merged.stdout).toContain('merged 2 shards into h-merged');
    expect(merged.status).toBe(0);
    const names = readdirSync(join(dir, 'h-whole')).sort();
    expect(readdirSync(join(dir, 'h-merged')).sort()).toEqual(names);
    const clockless = (text: string) => text.replace(/"(startedAt|wallTimeSeconds)": [^,\n]+/g, '').replace(/,\s*"shards": \[[\s\S]*\]/, '');
    for (const name of names) {
      const a = readFileSync(join(dir, 'h-whole', name));
      const b = readFileSync(join(dir, 'h-merged', name));
      if (name === 'manifest.json') expect(clockless(b.toString())).toBe(clockless(a.toString()));
      else expect(b.equals(a), name).toBe(true);
    }
    const adaptive = cli([...test, '--shard', '0/2', '--until-decided'], dir);
    expect(adaptive.status).toBe(2);
    expect(adaptive.stderr).toContain('--until-decided cannot be combined with --shard');
  });

  it('teaches sharding in --help', () => {
    const words = (text: string) => text.replace(/\s+/g, ' ');
    expect(words(cli(['hypotheses', '--help'], dir).stdout)).toContain('copsim hypotheses --shard 0/4 --out s/0');
    expect(words(cli(['run', '--help'], dir).stdout)).toContain('copsim run baseline --shard 0/4');
    expect(words(cli(['merge', '--help'], dir).stdout)).toContain('copsim merge shards/* --out whole');
  });
});
