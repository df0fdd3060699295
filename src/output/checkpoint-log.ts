/**
 * The checkpoint log: an append-only file of records, each framed with its length and a CRC-32
 * of its payload, so that a record cut short by a crash (a torn tail) or damaged on disk is
 * recognised and dropped, with everything after it, instead of being read as data.
 *
 *   record  = magic "CPCK" (4 bytes) · payload length (u32 LE) · CRC-32 of the payload (u32 LE) · payload
 *   payload = JSON length (u32 LE) · JSON text (UTF-8) · the typed arrays the JSON describes, bytes as in memory
 *
 * A replication's record carries the engine's `RunResult` exactly: its Float64 arrays are
 * written as their bytes, so every bit (NaN payloads included) reads back the same. The bytes
 * are those of the machine (little-endian on every platform Node supports in practice).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import type { AgentCopState, AgentSnapshot } from '../engine/agents.js';
import type { RunResult } from '../engine/result.js';

/** "CPCK" read as a little-endian u32. */
const MAGIC = 0x4b435043;
/** Bytes before each payload: magic, length, CRC-32. */
export const FRAME_BYTES = 12;
/** A payload longer than this is taken for damage, not data (1 GiB). */
const MAX_PAYLOAD = 2 ** 30;

type TypedArray = Float64Array | Int32Array | Uint32Array | Uint8Array;
const ARRAY_TYPES = {
  f64: Float64Array,
  i32: Int32Array,
  u32: Uint32Array,
  u8: Uint8Array,
} as const;
type ArrayType = keyof typeof ARRAY_TYPES;

function typeOf(array: TypedArray): ArrayType {
  if (array instanceof Float64Array) return 'f64';
  if (array instanceof Int32Array) return 'i32';
  if (array instanceof Uint32Array) return 'u32';
  return 'u8';
}

/** One record's payload: JSON data and typed arrays. */
export interface LogEntry {
  readonly meta: Record<string, unknown>;
  readonly arrays: readonly TypedArray[];
}

/**
 * A record as bytes, ready to append: the frame and the payload of `meta` and `arrays` (the
 * arrays' types and lengths are added to the JSON as `arrays`).
 *
 * @example appendFileSync(log, encodeRecord({ kind: 'header' }))
 */
export function encodeRecord(meta: Record<string, unknown>, arrays: readonly TypedArray[] = []): Buffer {
  const json = Buffer.from(JSON.stringify({ ...meta, arrays: arrays.map((a) => [typeOf(a), a.length]) }), 'utf8');
  const dataBytes = arrays.reduce((sum, a) => sum + a.byteLength, 0);
  const record = Buffer.alloc(FRAME_BYTES + 4 + json.length + dataBytes);
  const payload = record.subarray(FRAME_BYTES);
  payload.writeUInt32LE(json.length, 0);
  json.copy(payload, 4);
  let at = 4 + json.length;
  for (const array of arrays) {
    payload.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    at += array.byteLength;
  }
  record.writeUInt32LE(MAGIC, 0);
  record.writeUInt32LE(payload.length, 4);
  record.writeUInt32LE(crc32(payload), 8);
  return record;
}

/**
 * A payload's JSON and arrays (fresh copies, aligned).
 *
 * @throws Error when the payload does not hold what its JSON describes
 */
export function decodePayload(payload: Uint8Array): LogEntry {
  const bytes = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
  const jsonLength = bytes.readUInt32LE(0);
  const meta = JSON.parse(bytes.toString('utf8', 4, 4 + jsonLength)) as Record<string, unknown>;
  const shapes = (meta['arrays'] ?? []) as [ArrayType, number][];
  let at = 4 + jsonLength;
  const arrays = shapes.map(([type, length]) => {
    const Type = ARRAY_TYPES[type];
    if (Type === undefined) throw new Error(`unknown array type ${String(type)}`);
    const array = new Type(length);
    const size = length * Type.BYTES_PER_ELEMENT;
    if (at + size > bytes.length) throw new Error('the arrays run past the record');
    new Uint8Array(array.buffer).set(bytes.subarray(at, at + size));
    at += size;
    return array;
  });
  return { meta, arrays };
}

/** Where a good record lies in the log, and its JSON. */
export interface LogRecord {
  /** Offset of the payload in the file. */
  readonly offset: number;
  readonly length: number;
  readonly meta: Record<string, unknown>;
}

/** What a scan of a log found. */
export interface LogScan {
  /** Every good record up to the first bad one, in file order. */
  readonly records: readonly LogRecord[];
  /** Bytes of the good records: where appending goes on (the rest is to be cut off). */
  readonly goodBytes: number;
  /** The file's size. */
  readonly size: number;
  /** Why the scan stopped before the end, when it did: a torn or damaged record. */
  readonly problem: string | undefined;
}

/**
 * Reads a log's records one by one, checking each frame and checksum, up to the end or the
 * first record that is cut short or does not match its checksum.
 *
 * @example scanLog('out/.copsim-checkpoint/replications.log').records.length // → 57
 */
export function scanLog(path: string): LogScan {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const records: LogRecord[] = [];
    const frame = Buffer.alloc(FRAME_BYTES);
    let at = 0;
    let problem: string | undefined;
    while (at < size) {
      if (size - at < FRAME_BYTES) {
        problem = `a record cut short at byte ${at} (${size - at} bytes of its frame)`;
        break;
      }
      readSync(fd, frame, 0, FRAME_BYTES, at);
      const length = frame.readUInt32LE(4);
      if (frame.readUInt32LE(0) !== MAGIC || length < 4 || length > MAX_PAYLOAD) {
        problem = `no record frame at byte ${at}`;
        break;
      }
      if (at + FRAME_BYTES + length > size) {
        problem = `a record cut short at byte ${at} (${size - at - FRAME_BYTES} of its ${length} bytes)`;
        break;
      }
      const payload = readPayload(fd, at + FRAME_BYTES, length);
      if (crc32(payload) !== frame.readUInt32LE(8)) {
        problem = `a record at byte ${at} that does not match its checksum`;
        break;
      }
      let meta: Record<string, unknown>;
      try {
        meta = decodePayload(payload).meta;
      } catch {
        problem = `a record at byte ${at} that cannot be read`;
        break;
      }
      records.push({ offset: at + FRAME_BYTES, length, meta });
      at += FRAME_BYTES + length;
    }
    return { records, goodBytes: at, size, problem };
  } finally {
    closeSync(fd);
  }
}

function readPayload(fd: number, offset: number, length: number): Buffer {
  const payload = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const n = readSync(fd, payload, read, length - read, offset + read);
    if (n === 0) throw new Error(`the log ends inside a record at byte ${offset}`);
    read += n;
  }
  return payload;
}

/**
 * The entries of `records` (from `scanLog`) read from the log at `path` one at a time, as the
 * caller takes them, so that only one is in memory.
 */
export function* eachRecord(path: string, records: readonly LogRecord[]): Generator<LogEntry> {
  const fd = openSync(path, 'r');
  try {
    for (const record of records) yield decodePayload(readPayload(fd, record.offset, record.length));
  } finally {
    closeSync(fd);
  }
}

const PERSON_ARRAYS = ['team', 'group', 'site', 'role', 'level', 'willingness', 'motivationTrait', 'competence', 'hiredWeek'] as const;
const COP_ARRAYS = ['eligible', 'state', 'joinedWeek', 'leftWeek', 'attendedCount', 'contributions', 'motivation', 'safety', 'belonging'] as const;
const TIE_ARRAYS = ['tieA', 'tieB', 'tieKind', 'tieStrength'] as const;

/**
 * A replication's record: `meta` (where it belongs, e.g. its batch) with its index and the
 * result's scalars, and the result's arrays, agent-level state included.
 */
export function replicationRecord(meta: Record<string, unknown>, index: number, result: RunResult): Buffer {
  const arrays: TypedArray[] = [result.weekly, result.figures];
  const a = result.agents;
  if (a !== undefined) {
    for (const name of PERSON_ARRAYS) arrays.push(a[name]);
    for (const cop of a.cops) for (const name of COP_ARRAYS) arrays.push(cop[name]);
    for (const name of TIE_ARRAYS) arrays.push(a[name]);
  }
  return encodeRecord(
    {
      ...meta,
      kind: 'replication',
      index,
      seed: result.seed,
      weeks: result.weeks,
      copIds: result.copIds,
      employees: result.employees,
      ...(a === undefined ? {} : { leads: a.cops.map((cop) => cop.lead) }),
    },
    arrays,
  );
}

/**
 * The replication of a record made by `replicationRecord`, exactly as it was.
 *
 * @throws Error when the record is not a replication's
 */
export function replicationOf(entry: LogEntry): { readonly index: number; readonly result: RunResult } {
  const { meta, arrays } = entry;
  if (meta['kind'] !== 'replication') throw new Error('not a replication record');
  const list = [...arrays];
  const next = <T extends TypedArray>(): T => {
    const array = list.shift();
    if (array === undefined) throw new Error('a replication record with too few arrays');
    return array as T;
  };
  const weekly = next<Float64Array>();
  const figures = next<Float64Array>();
  const leads = meta['leads'] as number[] | undefined;
  let agents: AgentSnapshot | undefined;
  if (leads !== undefined) {
    const people = Object.fromEntries(PERSON_ARRAYS.map((name) => [name, next()]));
    const cops = leads.map((lead) => ({ ...Object.fromEntries(COP_ARRAYS.map((name) => [name, next()])), lead }) as unknown as AgentCopState);
    const ties = Object.fromEntries(TIE_ARRAYS.map((name) => [name, next()]));
    agents = { ...people, cops, ...ties } as unknown as AgentSnapshot;
  }
  const result: RunResult = {
    seed: meta['seed'] as number,
    weeks: meta['weeks'] as number,
    copIds: meta['copIds'] as string[],
    weekly,
    figures,
    employees: meta['employees'] as number,
    ...(agents === undefined ? {} : { agents }),
  };
  return { index: meta['index'] as number, result };
}
