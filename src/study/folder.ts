/**
 * The output folder of a study: chosen (the default under `copsim-out/` or the one given),
 * checked before anything is simulated, and any earlier results in it named before they are
 * replaced.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkWritableDirectory } from '../output/directory.js';
import { fileSystemReason } from '../output/fs-error.js';
import { StudyError } from './errors.js';

/** Where copsim writes when no folder is named: `copsim-out/` under the working directory. */
export const DEFAULT_ROOT = 'copsim-out';

/** The folder inside an output folder where a study saves its finished replications (checkpoint.ts). */
export const CHECKPOINT_FOLDER = '.copsim-checkpoint';

/** The manifests that mark a folder as holding copsim results. */
const MANIFESTS = ['manifest.json', 'comparison.json', 'calibration.json'];

/**
 * The folder to write to, checked now: `out` itself, or `copsim-out/<defaultName>` for
 * `true`; undefined when nothing is to be written. Warns, through `warn`, when the folder
 * already holds results, naming them.
 *
 * @throws StudyError when the folder cannot be created or written, naming it and why
 */
export async function prepareOutputFolder(
  out: string | true | undefined,
  defaultName: string,
  warn: (message: string) => void,
): Promise<string | undefined> {
  if (out === undefined) return undefined;
  const dir = out === true ? join(DEFAULT_ROOT, defaultName) : out;
  await checkWritableDirectory(dir).catch((error: unknown) => {
    throw writeError(error, dir);
  });
  const earlier = await earlierResults(dir);
  if (earlier !== undefined) warn(`${dir} already holds ${earlier}; its files are replaced`);
  return dir;
}

/**
 * What an existing folder holds, for the warning before it is replaced, or undefined when
 * it is missing or empty.
 *
 * @example await earlierResults('copsim-out/baseline') // → 'the results of "copsim run" of baseline (started 2026-12-02T15:00:00.000Z)'
 */
export async function earlierResults(dir: string): Promise<string | undefined> {
  // An unfinished study's checkpoint is reported when the study opens it.
  const entries = (await readdir(dir).catch(() => [] as string[])).filter((entry) => entry !== CHECKPOINT_FOLDER);
  if (entries.length === 0) return undefined;
  for (const file of MANIFESTS) {
    if (!entries.includes(file)) continue;
    const text = await readFile(join(dir, file), 'utf8').catch(() => '');
    let manifest: Record<string, unknown> = {};
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed !== null && typeof parsed === 'object') manifest = parsed as Record<string, unknown>;
    } catch {
      // An unreadable manifest still marks earlier results.
    }
    const command = file === 'comparison.json' ? 'compare' : typeof manifest['command'] === 'string' ? manifest['command'] : 'run';
    const subject = manifest['scenarioName'] ?? manifest['targets'];
    const name = typeof subject === 'string' ? ` of ${subject}` : '';
    const started = typeof manifest['startedAt'] === 'string' ? ` (started ${manifest['startedAt']})` : '';
    return `the results of "copsim ${command}"${name}${started}`;
  }
  return `${entries.length} file${entries.length === 1 ? '' : 's'} (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''})`;
}

/**
 * A file-system error while preparing or writing `dir` as a `StudyError` naming the folder;
 * other errors pass unchanged.
 *
 * @example writeError(eacces, 'out') // → StudyError('cannot write the results to out: permission denied (EACCES)')
 */
export function writeError(error: unknown, dir: string): unknown {
  const reason = fileSystemReason(error);
  return reason === undefined ? error : new StudyError(`cannot write the results to ${dir}: ${reason}`);
}

/** Runs `write`, turning a file-system error into a `StudyError` naming `dir`. */
export async function writingTo<T>(dir: string, write: () => Promise<T>): Promise<T> {
  return write().catch((error: unknown) => {
    throw writeError(error, dir);
  });
}
