/**
 * Output folders: created one level at a time, and checked before a long run starts.
 */
import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

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
 * Checks, without creating anything, that `dir` could be written: it is a writable folder, or
 * its nearest existing ancestor is a writable folder. Throws an error with a `code` and `path`
 * (ENOTDIR, EACCES, ...) otherwise. Lets a run fail in a second rather than after an hour of
 * simulation.
 */
export async function checkWritableDirectory(dir: string): Promise<void> {
  const { existing } = await nearestExisting(dir);
  if (existing !== undefined) await access(existing, constants.W_OK);
}
