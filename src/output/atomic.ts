/**
 * writeFileAtomic: replace a file as a whole or not at all.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

let counter = 0;

/**
 * Writes `data` to `path` atomically: to a temporary file `<name>.<pid>.<n>.<random>.tmp` in
 * the same directory (so the rename cannot cross file systems), flushed to disk with fsync,
 * then renamed over `path`. Readers see the old file or the new one, never a part; an existing
 * target is replaced whole. On any failure the temporary file is removed and the error is
 * rethrown. The directory must exist.
 *
 * The temporary name's randomness only keeps concurrent writers apart; it never touches
 * results.
 *
 * @example await writeFileAtomic('out/summary.csv', csvText)
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  counter += 1;
  const temp = join(
    dirname(path),
    `${basename(path)}.${process.pid}.${counter}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
