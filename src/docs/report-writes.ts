/**
 * reportWrites: for the scripts that regenerate committed files (`npm run schema`,
 * `npm run docs`), one line per file saying what was written and whether its content changed.
 */
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Runs `write`, then prints `wrote PATH (new | updated | unchanged)` for each of `paths`,
 * relative to the working directory.
 *
 * @example await reportWrites(['scenarios/schema.json'], () => writeScenarioSchema())
 * // prints: wrote scenarios/schema.json (unchanged)
 */
export async function reportWrites(paths: readonly string[], write: () => Promise<unknown>): Promise<void> {
  const before = await Promise.all(paths.map(readText));
  await write();
  for (const [i, path] of paths.entries()) {
    const after = await readText(path);
    const state = before[i] === undefined ? 'new' : before[i] === after ? 'unchanged' : 'updated';
    process.stdout.write(`wrote ${relative(process.cwd(), path)} (${state})\n`);
  }
}
