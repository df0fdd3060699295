import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/output/index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copsim-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes the data and leaves no temporary file', async () => {
    const target = join(dir, 'summary.csv');
    await writeFileAtomic(target, 'a,b\n1,2\n');
    expect(await readFile(target, 'utf8')).toBe('a,b\n1,2\n');
    expect(await readdir(dir)).toEqual(['summary.csv']);
  });

  it('replaces an existing target whole, even with shorter content', async () => {
    const target = join(dir, 'out.txt');
    await writeFile(target, 'x'.repeat(10_000));
    await writeFileAtomic(target, 'short');
    expect(await readFile(target, 'utf8')).toBe('short');
    expect(await readdir(dir)).toEqual(['out.txt']);
  });

  it('writes bytes as given', async () => {
    const target = join(dir, 'bytes.bin');
    await writeFileAtomic(target, Uint8Array.from([0, 255, 10, 13]));
    expect([...(await readFile(target))]).toEqual([0, 255, 10, 13]);
  });

  it('removes the temporary file when the rename fails and rethrows', async () => {
    const target = join(dir, 'taken');
    await mkdir(target);
    await writeFile(join(target, 'inside'), 'keep');
    await expect(writeFileAtomic(target, 'data')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['taken']);
    expect(await readFile(join(target, 'inside'), 'utf8')).toBe('keep');
  });

  it('fails without leaving anything when the directory does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'f.txt'), 'data')).rejects.toThrow(/ENOENT/);
    expect(await readdir(dir)).toEqual([]);
  });
});
