/**
 * `copsim list`, `validate`, `schema`, `--help` and `--version`, end to end.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copsim, hasStackTrace, tempDir } from './helpers.js';

describe('copsim list', () => {
  it('lists the built-in scenarios, baseline among them, one per line', () => {
    const result = copsim(['list']);
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.some((line) => /^baseline\s{2,}\S/.test(line))).toBe(true);
  });
});

describe('copsim validate', () => {
  it('says ok for a valid file and exits 0', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'good.yaml'), 'weeks: 30\ncops:\n  - participation: voluntary\n');
    const result = copsim(['validate', 'good.yaml'], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('ok  good.yaml\n');
  });

  it('names file, path and suggestion for a misspelt key, exits 2, and shows no stack trace', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'good.yaml'), 'weeks: 30\ncops:\n  - participation: voluntary\n');
    writeFileSync(join(dir, 'bad.yaml'), 'weeks: 30\ncops:\n  - participaton: voluntary\n');
    const result = copsim(['validate', 'good.yaml', 'bad.yaml'], dir);
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('ok  good.yaml');
    expect(result.stderr).toContain('bad.yaml');
    expect(result.stderr).toContain('cops.0');
    expect(result.stderr).toContain('participation');
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('needs at least one file', () => {
    const result = copsim(['validate']);
    expect(result.status).toBe(2);
  });
});

describe('copsim schema', () => {
  it('prints the JSON Schema of scenario files', () => {
    const result = copsim(['schema']);
    expect(result.status).toBe(0);
    const schema = JSON.parse(result.stdout);
    expect(schema).toHaveProperty('$schema');
    expect(schema).toHaveProperty('properties.cops');
  });

  it('writes it to a file with --out, leaving no temporary file', () => {
    const dir = tempDir();
    const result = copsim(['schema', '--out', 'copsim.schema.json'], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(readdirSync(dir)).toEqual(['copsim.schema.json']);
    expect(JSON.parse(readFileSync(join(dir, 'copsim.schema.json'), 'utf8'))).toHaveProperty('$schema');
  });
});

describe('copsim --help and usage errors', () => {
  it('describes copsim and lists its commands and examples', () => {
    const result = copsim(['--help']);
    expect(result.status).toBe(0);
    for (const command of ['run', 'list', 'validate', 'schema']) {
      expect(result.stdout).toMatch(new RegExp(`copsim ${command}\\b`));
    }
    expect(result.stdout).toContain('Communities of Practice');
    expect(result.stdout).toContain('copsim run top-down-mandatory --runs 500');
  });

  it('prints the version of package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    const result = copsim(['--version']);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(pkg.version);
  });

  it('suggests the nearest command for a misspelt one and exits 2', () => {
    const result = copsim(['lsit']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('lsit');
    expect(result.stderr).toContain('list');
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('asks for a command when none is given', () => {
    const result = copsim([]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('copsim --help');
  });

  it('refuses an unknown option with exit 2', () => {
    const result = copsim(['list', '--colour']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('colour');
  });

  it('writes nothing when a run is refused', () => {
    const dir = tempDir();
    copsim(['run', '--runs', '0'], dir);
    expect(existsSync(join(dir, 'copsim-out'))).toBe(false);
  });
});
