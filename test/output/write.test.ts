import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCollector, replicationTable, summarize } from '../../src/aggregate/index.js';
import { createManifest, writeRunOutput } from '../../src/output/index.js';
import { syntheticResult } from '../aggregate/synthetic.js';
import { manifestInput } from './fixtures.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copsim-write-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function output(startedAt: string) {
  const collector = createCollector(['cop1'], 4, 5, 100);
  for (let r = 4; r >= 0; r--) collector.add(r, syntheticResult(['cop1'], 4, r));
  const collected = collector.finish();
  return {
    summary: summarize(collected, 'demo'),
    replications: replicationTable(collected, 'demo'),
    manifest: createManifest(manifestInput({ startedAt })),
  };
}

describe('writeRunOutput', () => {
  it('creates the folder and writes the three files, and nothing else', async () => {
    const out = join(dir, 'nested', 'demo');
    const files = await writeRunOutput(out, output('2025-01-01T00:00:00.000Z'));
    expect(files.summary).toBe(join(out, 'summary.csv'));
    expect((await readdir(out)).sort()).toEqual(['manifest.json', 'replications.csv', 'summary.csv']);
    const summary = await readFile(files.summary, 'utf8');
    expect(summary.startsWith('scenario,cop,week,metric,n,mean,sd,ci_low,ci_high,p05,p25,p50,p75,p95\ndemo,cop1,0,members,')).toBe(true);
    const replications = await readFile(files.replications, 'utf8');
    expect(replications.startsWith('scenario,replication,seed,cop,metric,value\ndemo,0,1000,cop1,death_week,')).toBe(true);
    const manifest = JSON.parse(await readFile(files.manifest, 'utf8')) as { scenarioName: string };
    expect(manifest.scenarioName).toBe('demo');
  });

  it('writes byte-identical CSV for identical inputs; the manifest differs only in its timing', async () => {
    const first = await writeRunOutput(join(dir, 'one'), output('2025-01-01T00:00:00.000Z'));
    const second = await writeRunOutput(join(dir, 'two'), output('2025-06-01T12:00:00.000Z'));
    expect(await readFile(second.summary)).toEqual(await readFile(first.summary));
    expect(await readFile(second.replications)).toEqual(await readFile(first.replications));
    const m1 = JSON.parse(await readFile(first.manifest, 'utf8')) as Record<string, unknown>;
    const m2 = JSON.parse(await readFile(second.manifest, 'utf8')) as Record<string, unknown>;
    expect(m2.startedAt).not.toBe(m1.startedAt);
    expect({ ...m2, startedAt: null }).toEqual({ ...m1, startedAt: null });
  });

  it('overwrites an earlier output in place', async () => {
    const out = join(dir, 'demo');
    await writeRunOutput(out, output('2025-01-01T00:00:00.000Z'));
    const again = output('2025-01-02T00:00:00.000Z');
    await writeRunOutput(out, { ...again, summary: again.summary.slice(0, 1) });
    expect((await readFile(join(out, 'summary.csv'), 'utf8')).split('\n')).toHaveLength(3);
    expect((await readdir(out)).sort()).toEqual(['manifest.json', 'replications.csv', 'summary.csv']);
  });
});

describe('writeRunOutput after a failure', () => {
  it('leaves no manifest from an earlier run beside files it could not finish', async () => {
    const { mkdir: makeDir, writeFile } = await import('node:fs/promises');
    const out = join(dir, 'rerun');
    await writeRunOutput(out, output('2025-01-01T00:00:00.000Z'));
    // The next run cannot write replications.csv (a folder stands in its way).
    await rm(join(out, 'replications.csv'));
    await makeDir(join(out, 'replications.csv'));
    await writeFile(join(out, 'replications.csv', 'x'), 'x');
    await expect(writeRunOutput(out, output('2025-06-01T00:00:00.000Z'))).rejects.toThrow();
    expect(await readdir(out)).not.toContain('manifest.json');
  });
});

describe('makeDirectory and checkWritableDirectory', () => {
  it('creates missing levels one at a time and accepts an existing folder', async () => {
    const { makeDirectory } = await import('../../src/output/index.js');
    const deep = join(dir, 'a', 'b', 'c');
    await makeDirectory(deep);
    await makeDirectory(deep);
    expect(await readdir(join(dir, 'a', 'b'))).toEqual(['c']);
  });

  it('refuses a path below a file, naming it, and creates nothing when only checking', async () => {
    const { writeFile } = await import('node:fs/promises');
    const { checkWritableDirectory, makeDirectory } = await import('../../src/output/index.js');
    await writeFile(join(dir, 'afile'), 'x');
    await expect(checkWritableDirectory(join(dir, 'afile', 'out'))).rejects.toMatchObject({ code: 'ENOTDIR' });
    await expect(makeDirectory(join(dir, 'afile', 'out'))).rejects.toMatchObject({ code: 'ENOTDIR' });
    await checkWritableDirectory(join(dir, 'new', 'deeper'));
    expect(await readdir(dir)).toEqual(['afile']);
  });
});
