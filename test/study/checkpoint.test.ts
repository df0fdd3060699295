/**
 * The checkpoint of a study, in-process: replications read back bit for bit, a torn or damaged
 * tail dropped with what follows it, a checkpoint of another study refused, and the final
 * files moved into place with the checkpoint removed.
 */
import { existsSync, mkdtempSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../dist/engine/simulate.js';
import type { RunResult } from '../../dist/engine/result.js';
import { decodePayload, encodeRecord, replicationOf, replicationRecord } from '../../dist/output/checkpoint-log.js';
import { CHECKPOINT_FOLDER, openCheckpoint, stageInto, type CheckpointOptions } from '../../dist/study/checkpoint.js';
import { StudyError } from '../../dist/study/errors.js';
import { scenarioSchema } from '../../dist/scenario/schema.js';

const scenario = scenarioSchema.parse({ weeks: 10, organisation: { employees: 60 }, cops: [{ id: 'a' }, { id: 'b' }] });
const results = [11, 12, 13].map((seed) => simulate(scenario, seed));
const bytes = (a: ArrayBufferView): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

function options(warnings: string[] = [], more: Partial<CheckpointOptions> = {}): CheckpointOptions {
  return { command: 'run', identity: { seed: 1, runs: 3 }, resume: false, warn: (m) => warnings.push(m), ...more };
}

/** A folder with a checkpoint of three saved replications of one batch; returns its log's path. */
async function saved(): Promise<{ out: string; log: string }> {
  const out = mkdtempSync(join(tmpdir(), 'copsim-checkpoint-'));
  const checkpoint = await openCheckpoint(out, options());
  const batch = checkpoint.batch('key');
  results.forEach((result, index) => batch.save(index, result));
  checkpoint.close();
  return { out, log: join(out, CHECKPOINT_FOLDER, 'replications.log') };
}

async function resumed(out: string, warnings: string[] = []) {
  const checkpoint = await openCheckpoint(out, options(warnings, { resume: true }));
  const batch = checkpoint.batch('key');
  checkpoint.close();
  return { checkpoint, done: batch.done };
}

describe('checkpoint records', () => {
  it('carry a replication bit for bit, NaN payloads and agent-level state included', () => {
    const withAgents = simulate(scenario, 5, { agents: true });
    const weekly = withAgents.weekly.slice();
    new DataView(weekly.buffer).setFloat64(8, Number.NaN, true);
    new DataView(weekly.buffer).setUint32(8, 0xdeadbeef, true); // a NaN with a payload
    const record = replicationRecord({ batch: 0, key: 'k' }, 4, { ...withAgents, weekly });
    const { index, result } = replicationOf(decodePayload(record.subarray(12)));
    expect(index).toBe(4);
    expect(bytes(result.weekly).equals(bytes(weekly))).toBe(true);
    expect(bytes(result.figures).equals(bytes(withAgents.figures))).toBe(true);
    expect({ ...result, weekly: null, figures: null }).toEqual({ ...withAgents, weekly: null, figures: null });
    expect(result.agents?.cops[1]?.state).toBeInstanceOf(Uint8Array);
  });

  it('are framed with their length and a CRC-32', () => {
    const record = encodeRecord({ kind: 'header' });
    expect(record.toString('latin1', 0, 4)).toBe('CPCK');
    expect(record.readUInt32LE(4)).toBe(record.length - 12);
  });
});

describe('openCheckpoint', () => {
  it('reads back every saved replication of a batch, exactly', async () => {
    const { out } = await saved();
    const warnings: string[] = [];
    const { checkpoint, done } = await resumed(out, warnings);
    expect(checkpoint.resumed).toBe(3);
    expect([...done].map(([index]) => index)).toEqual([0, 1, 2]);
    expect([0, 1, 2, 3].map((index) => done.has(index))).toEqual([true, true, true, false]);
    for (const [index, result] of done) {
      const expected = results[index] as RunResult;
      expect(bytes(result.weekly).equals(bytes(expected.weekly))).toBe(true);
      expect(bytes(result.figures).equals(bytes(expected.figures))).toBe(true);
      expect(result.seed).toBe(expected.seed);
    }
    expect(warnings.join('\n')).toMatch(/holds 3 finished replications of this run; going on from there/);
  });

  it('drops a torn last record and appends after the good ones', async () => {
    const { out, log } = await saved();
    const size = statSync(log).size;
    truncateSync(log, size - 100);
    const warnings: string[] = [];
    const { done } = await resumed(out, warnings);
    expect([...done].map(([index]) => index)).toEqual([0, 1]);
    expect(warnings.join('\n')).toMatch(/dropped \d+ bytes from a record cut short/);
    // The log was cut back to its good records: saving goes on from there.
    const again = await openCheckpoint(out, options([], { resume: true }));
    const batch = again.batch('key');
    expect(batch.done.size).toBe(2);
    batch.save(2, results[2] as RunResult);
    again.close();
    expect((await resumed(out)).done.size).toBe(3);
  });

  it('drops a record that does not match its checksum, and every record after it', async () => {
    const { out, log } = await saved();
    const data = readFileSync(log);
    // A byte inside the second replication's arrays: framing intact, checksum wrong.
    const header = data.readUInt32LE(4) + 12;
    const first = data.readUInt32LE(header + 4) + 12;
    data.writeUInt8((data.readUInt8(header + first + 200) ^ 0xff) & 0xff, header + first + 200);
    writeFileSync(log, data);
    const warnings: string[] = [];
    const { done } = await resumed(out, warnings);
    expect([...done].map(([index]) => index)).toEqual([0]);
    expect(warnings.join('\n')).toMatch(/does not match its checksum/);
  });

  it('refuses the checkpoint of another study, naming what differs', async () => {
    const { out } = await saved();
    const other = openCheckpoint(out, options([], { resume: true, identity: { seed: 2, runs: 3 } }));
    await expect(other).rejects.toBeInstanceOf(StudyError);
    await expect(other).rejects.toThrow(/the checkpoint is of another study \(it differs in seed\)/);
    await expect(openCheckpoint(out, options([], { resume: true, command: 'sweep' }))).rejects.toThrow(/the checkpoint is of "copsim run"/);
  });

  it('refuses a batch of another scenario', async () => {
    const { out } = await saved();
    const checkpoint = await openCheckpoint(out, options([], { resume: true }));
    expect(() => checkpoint.batch('another key')).toThrow(/batch 0 of the checkpoint is of another scenario/);
    checkpoint.close();
  });

  it('starts anew, with a warning, when resuming a folder without a checkpoint', async () => {
    const out = mkdtempSync(join(tmpdir(), 'copsim-checkpoint-'));
    const warnings: string[] = [];
    const checkpoint = await openCheckpoint(out, options(warnings, { resume: true }));
    expect(checkpoint.resumed).toBe(0);
    checkpoint.close();
    expect(warnings.join('\n')).toMatch(/holds no unfinished run to go on with; starting from the first replication/);
  });

  it('commits: files moved into the folder, stale charts removed, the checkpoint gone', async () => {
    const { out } = await saved();
    for (const file of ['old.vl.json', 'old.svg', 'old.png', 'manifest.json', 'notes.txt']) writeFileSync(join(out, file), 'earlier');
    const checkpoint = await openCheckpoint(out, options([], { resume: true }));
    await checkpoint.commit(async (staging) => {
      const { mkdir, writeFile } = await import('node:fs/promises');
      await mkdir(join(staging, 'sub'), { recursive: true });
      await writeFile(join(staging, 'summary.csv'), 'new');
      await writeFile(join(staging, 'new.vl.json'), '{}');
      await writeFile(join(staging, 'manifest.json'), '{"new":true}');
      await writeFile(join(staging, 'sub', 'manifest.json'), '{}');
    });
    expect(existsSync(join(out, CHECKPOINT_FOLDER))).toBe(false);
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe('{"new":true}');
    expect(readFileSync(join(out, 'summary.csv'), 'utf8')).toBe('new');
    expect(existsSync(join(out, 'sub', 'manifest.json'))).toBe(true);
    for (const stale of ['old.vl.json', 'old.svg', 'old.png']) expect(existsSync(join(out, stale))).toBe(false);
    // A file copsim did not write stays.
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('earlier');
  });

  it('stages a write: one that fails half-way leaves the earlier output as it was, one that ends replaces it whole', async () => {
    const out = mkdtempSync(join(tmpdir(), 'copsim-stage-'));
    for (const [file, text] of [['summary.csv', 'old'], ['old.vl.json', '{}'], ['manifest.json', '{"old":true}']]) writeFileSync(join(out, file as string), text as string);
    const { writeFile } = await import('node:fs/promises');
    await expect(
      stageInto(out, async (staging) => {
        const { mkdir } = await import('node:fs/promises');
        await mkdir(staging, { recursive: true });
        await writeFile(join(staging, 'summary.csv'), 'new');
        throw new Error('disk full');
      }),
    ).rejects.toThrow();
    expect(readFileSync(join(out, 'summary.csv'), 'utf8')).toBe('old');
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe('{"old":true}');
    expect(existsSync(join(out, 'old.vl.json'))).toBe(true);

    await stageInto(out, async (staging) => {
      const { mkdir } = await import('node:fs/promises');
      await mkdir(staging, { recursive: true });
      await writeFile(join(staging, 'summary.csv'), 'new');
      await writeFile(join(staging, 'manifest.json'), '{"new":true}');
    });
    expect(readFileSync(join(out, 'summary.csv'), 'utf8')).toBe('new');
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe('{"new":true}');
    expect(existsSync(join(out, 'old.vl.json'))).toBe(false);
    expect(existsSync(join(out, CHECKPOINT_FOLDER))).toBe(false);
  });
});

