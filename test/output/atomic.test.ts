import { execFileSync } from 'node:child_process';
import { lstatSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/output/index.js';
import { writeChunksAtomic } from '../../src/output/atomic.js';

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

  it('writes content given piece by piece as one file, replacing a longer one', async () => {
    const target = join(dir, 'replications.csv');
    await writeFile(target, 'x'.repeat(100_000));
    const pieces = ['a,b\n', ...Array.from({ length: 50 }, (_, i) => `${i},${'y'.repeat(i)}\n`), new TextEncoder().encode('end\n')];
    await writeChunksAtomic(target, pieces);
    const expected = pieces.map((p) => (typeof p === 'string' ? p : new TextDecoder().decode(p))).join('');
    expect(await readFile(target, 'utf8')).toBe(expected);
    expect(await readdir(dir)).toEqual(['replications.csv']);
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

describe('writeFileAtomic and files that are not regular', () => {
  it('writes through a symbolic link to a regular file, keeping the link', async () => {
    await writeFile(join(dir, 'real.json'), 'old');
    await symlink('real.json', join(dir, 'link.json'));
    await writeFileAtomic(join(dir, 'link.json'), 'new');
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(await readlink(join(dir, 'link.json'))).toBe('real.json');
    expect(await readFile(join(dir, 'real.json'), 'utf8')).toBe('new');
    expect((await readdir(dir)).sort()).toEqual(['link.json', 'real.json']);
  });

  it('refuses a FIFO, and a link to one, at once and leaves them as they were', async () => {
    const fifo = join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    await symlink('pipe.json', join(dir, 'to-pipe.json'));
    await expect(writeFileAtomic(fifo, 'x')).rejects.toThrow(`${fifo}: it is a FIFO (named pipe); copsim replaces regular files only`);
    await expect(writeFileAtomic(join(dir, 'to-pipe.json'), 'x')).rejects.toThrow(/it is a symbolic link to a FIFO \(named pipe\)/);
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(lstatSync(join(dir, 'to-pipe.json')).isSymbolicLink()).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['pipe.json', 'to-pipe.json']);
  });

  it('refuses a link that leads nowhere rather than replacing the link', async () => {
    await symlink('gone.json', join(dir, 'dangling.json'));
    await expect(writeFileAtomic(join(dir, 'dangling.json'), 'x')).rejects.toThrow(/a symbolic link that leads to no file/);
    expect(lstatSync(join(dir, 'dangling.json')).isSymbolicLink()).toBe(true);
  });

  // A device node of our own (made where the tests may: as root), never one under /dev.
  const root = process.getuid?.() === 0;
  it.runIf(root)('refuses a character device, and a link to one, without turning it into a file', async () => {
    const device = join(dir, 'full');
    execFileSync('mknod', ['-m', '666', device, 'c', '1', '7']);
    await symlink(device, join(dir, 'schema.json'));
    await expect(writeFileAtomic(device, 'x')).rejects.toThrow(/it is a character device; copsim replaces regular files only/);
    await expect(writeFileAtomic(join(dir, 'schema.json'), 'x')).rejects.toThrow(/it is a symbolic link to a character device/);
    expect(statSync(device).isCharacterDevice()).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['full', 'schema.json']);
  });
});
