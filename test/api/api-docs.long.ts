/**
 * docs/api, the API reference, is what TypeDoc makes of today's doc comments: the reference is
 * generated again into a temporary folder (`typedoc --out`, the committed typedoc.json
 * otherwise) and compared file by file with the committed one, so a changed export, signature
 * or doc comment fails here until `npm run api-docs` is run and its output committed. In the
 * long suite: TypeDoc takes the best part of a minute.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../cli/helpers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

describe('the API reference', () => {
  it('is the one TypeDoc generates from the sources now (npm run api-docs)', () => {
    const out = join(tempDir(), 'api');
    const typedoc = join(ROOT, 'node_modules', 'typedoc', 'bin', 'typedoc');
    const result = spawnSync(process.execPath, [typedoc, '--out', out, '--logLevel', 'Error'], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status, result.stderr + result.stdout).toBe(0);
    const committed = join(ROOT, 'docs', 'api');
    expect(files(out)).toEqual(files(committed));
    const stale = files(out).filter((file) => readFileSync(join(out, file), 'utf8') !== readFileSync(join(committed, file), 'utf8'));
    expect(stale, 'regenerate with npm run api-docs').toEqual([]);
  });
});
