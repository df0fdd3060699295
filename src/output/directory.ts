/**
 * Output folders: created one level at a time, and checked before a long run starts.
 */
import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/**
 * Creates `dir` and any missing parents, one level at a time. (A recursive `mkdir` never
 * returns for some paths on Node 20, e.g. below /proc; creating each level on its own fails
 * with a normal error instead.)
 *
 * @example await makeDirectory('copsim-out/baseline')
 */
export async function makeDirectory(dir: string): Promise<void> {
  const missing: string[] = [];
  let current = resolve(dir);
  for (;;) {
    const info = await stat(current).catch(() => undefined);
    if (info !== undefined) {
      if (!info.isDirectory()) throw Object.assign(new Error(`${current} is not a directory`), { code: 'ENOTDIR', path: current });
      break;
    }
    missing.push(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const level of missing.reverse()) {
    await mkdir(level).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
}

/**
 * Checks, without creating anything, that `dir` could be written: it is a writable folder, or
 * its nearest existing ancestor is a writable folder. Throws an error with a `code` and `path`
 * (ENOTDIR, EACCES, ...) otherwise. Lets a run fail in a second rather than after an hour of
 * simulation.
 */
export async function checkWritableDirectory(dir: string): Promise<void> {
  let current = resolve(dir);
  for (;;) {
    const info = await stat(current).catch(() => undefined);
    if (info !== undefined) {
      if (!info.isDirectory()) throw Object.assign(new Error(`${current} is not a directory`), { code: 'ENOTDIR', path: current });
      await access(current, constants.W_OK);
      return;
    }
    const parent = dirname(current);
    if (parent === current) return;
    current = parent;
  }
}
