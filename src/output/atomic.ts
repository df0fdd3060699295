/**
 * writeFileAtomic, moveFileAtomic: replace a file as a whole or not at all, and only a regular file.
 */
import { randomBytes } from 'node:crypto';
import { lstat, open, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { kindOf } from '../scenario/source.js';
import { NotRegularFile } from './fs-error.js';

let counter = 0;

/**
 * The file to replace for `path`: `path` itself when it is missing or a regular file, the file
 * a symbolic link leads to when that is a regular file (so the link stays a link and its
 * target gets the new content).
 *
 * @throws NotRegularFile for a directory, device, FIFO or socket, also behind a symbolic link,
 *   and for a link that leads nowhere: replacing those would turn a device (`/dev/null`) into a
 *   plain file, or a link into a file beside its old target
 */
async function replaceableFile(path: string): Promise<string> {
  const info = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (info === undefined) return path;
  if (info.isFile()) return path;
  if (!info.isSymbolicLink()) throw new NotRegularFile(path, `it is ${kindOf(info)}`);
  const target = await realpath(path).catch(() => undefined);
  const targetInfo = target === undefined ? undefined : await stat(target).catch(() => undefined);
  if (target === undefined || targetInfo === undefined) throw new NotRegularFile(path, 'it is a symbolic link that leads to no file');
  if (!targetInfo.isFile()) throw new NotRegularFile(path, `it is a symbolic link to ${kindOf(targetInfo)} (${target})`);
  return target;
}

/**
 * Writes `data` to `path` atomically: to a temporary file `<name>.<pid>.<n>.<random>.tmp` in
 * the same directory (so the rename cannot cross file systems), flushed to disk with fsync,
 * then renamed over `path`. Readers see the old file or the new one, never a part; an existing
 * target is replaced whole. On any failure the temporary file is removed and the error is
 * rethrown. The directory must exist.
 *
 * Only regular files are replaced: a symbolic link to a regular file is written through (the
 * link's target is replaced, the link kept); a directory, device, FIFO or socket, or a link to
 * one, is refused with a `NotRegularFile` error and left as it was.
 *
 * The temporary name's randomness only keeps concurrent writers apart; it never touches
 * results.
 *
 * @example await writeFileAtomic('out/summary.csv', csvText)
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await writeChunksAtomic(path, [data]);
}

/**
 * `writeFileAtomic` for content made piece by piece: each piece is written to the temporary
 * file as it comes, so a large file (a table of every replication) is never held whole.
 *
 * @throws NotRegularFile as `writeFileAtomic` does
 * @example await writeChunksAtomic('out/replications.csv', csvChunks(rows, REPLICATION_COLUMNS))
 */
export async function writeChunksAtomic(path: string, chunks: Iterable<string | Uint8Array>): Promise<void> {
  const file = await replaceableFile(path);
  counter += 1;
  const temp = join(
    dirname(file),
    `${basename(file)}.${process.pid}.${counter}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    const handle = await open(temp, 'wx');
    try {
      for (const chunk of chunks) await handle.writeFile(chunk);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Moves the finished file `from` over `path` in one rename (readers see the old file or the new
 * one), with the same rules as `writeFileAtomic`: a symbolic link to a regular file is written
 * through, a directory, device, FIFO or socket is refused. `from` must be a regular file; when
 * the rename would cross file systems (a link leading elsewhere), it is copied atomically instead
 * and removed.
 *
 * @throws NotRegularFile as `writeFileAtomic` does
 * @example await moveFileAtomic('out/.copsim-checkpoint/staging/summary.csv', 'out/summary.csv')
 */
export async function moveFileAtomic(from: string, path: string): Promise<void> {
  const file = await replaceableFile(path);
  try {
    await rename(from, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await writeFileAtomic(file, await readFile(from));
    await rm(from, { force: true });
  }
}
