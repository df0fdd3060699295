/**
 * A study folder's files for comparing two runs of it: every file below `dir` by relative path
 * (the checkpoint folder excepted), PNGs, Parquet files and shards' values as base64 and text with its times masked (start times,
 * wall times), so that two runs with the same seeds compare equal. Used by the kill-and-resume
 * trials (scripts/kill-trials.mjs) and the resume tests (test/cli/resume.long.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The checkpoint folder a resumable study keeps in its output folder while it runs. */
export const CHECKPOINT = '.copsim-checkpoint';

/** `dir`'s files by relative path; an absent folder has none. */
export function folderFiles(dir, prefix = '') {
  const found = {};
  if (!existsSync(join(dir, prefix))) return found;
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix === '' ? entry.name : join(prefix, entry.name);
    if (prefix === '' && entry.name === CHECKPOINT) continue;
    if (entry.isDirectory()) Object.assign(found, folderFiles(dir, rel));
    else if (['.png', '.parquet', '.f64'].some((ext) => entry.name.endsWith(ext))) found[rel] = readFileSync(join(dir, rel)).toString('base64');
    else
      found[rel] = readFileSync(join(dir, rel), 'utf8')
        .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
        .replace(/"wallTimeSeconds": [0-9.e+-]+/g, '"wallTimeSeconds": <wall>')
        .replace(/(wall time<\/dt><dd>)[^<]*/g, '$1<wall>');
  }
  return found;
}
