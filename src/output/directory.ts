/**
 * Output folders: created one level at a time, and checked before a long run starts.
 */
import { mkdirSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/**
 * The nearest existing ancestor of `dir` (or `dir` itself) and the levels below it that are
 * missing, outermost first. Throws ENOTDIR when what exists is not a folder.
 */
async function nearestExisting(dir: string): Promise<{ existing: string | undefined; missing: string[] }> {
  const missing: string[] = [];
  let current = resolve(dir);
  for (;;) {
    const info = await stat(current).catch(() => undefined);
    if (info !== undefined) {
      if (!info.isDirectory()) throw Object.assign(new Error(`${current} is not a directory`), { code: 'ENOTDIR', path: current });
      return { existing: current, missing: missing.reverse() };
    }
    missing.push(current);
    const parent = dirname(current);
    if (parent === current) return { existing: undefined, missing: missing.reverse() };
    current = parent;
  }
}

/**
 * Creates `dir` and any missing parents, one level at a time. (A recursive `mkdir` never
 * returns for some paths on Node 20, e.g. below /proc; creating each level on its own fails
 * with a normal error instead.)
 *
 * @example await makeDirectory('copsim-out/baseline')
 */
export async function makeDirectory(dir: string): Promise<void> {
  const { missing } = await nearestExisting(dir);
  for (const level of missing) {
    await mkdir(level).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
}

/**
 * Checks that `dir` can be written by trying: the missing levels are created, a probe file is
 * written into `dir` and removed, and the levels created are removed again, so nothing is
 * left behind. Throws an error with a `code` and `path` (ENOTDIR, EACCES, ENOENT...)
 * otherwise. Lets a run fail in a second rather than after an hour of simulation, also where
 * permissions alone do not tell (e.g. below /proc).
 */
export async function checkWritableDirectory(dir: string): Promise<void> {
  const { missing } = await nearestExisting(dir);
  // From the first level made to the last one removed, synchronously: no Ctrl-C handler (nor a
  // second Ctrl-C that ends the process) can run in between and leave the probe behind.
  const created: string[] = [];
  try {
    for (const level of missing) {
      mkdirSync(level);
      created.push(level);
    }
    const probe = join(resolve(dir), `.copsim-write-check-${process.pid}`);
    writeFileSync(probe, '');
    unlinkSync(probe);
  } finally {
    for (const level of created.reverse()) {
      try {
        rmdirSync(level);
      } catch {
        // Not empty, or gone: left as it is.
      }
    }
  }
}
