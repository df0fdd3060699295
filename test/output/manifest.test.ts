import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  copsimVersion,
  createManifest,
  MANIFEST_KEYS,
  SEED_DERIVATION,
  serializeManifest,
} from '../../src/output/index.js';
import { manifestInput } from './fixtures.js';

const packageVersion = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
}).version;

describe('createManifest', () => {
  it("records copsim's version from package.json", () => {
    expect(copsimVersion()).toBe(packageVersion);
    expect(createManifest(manifestInput()).copsim).toBe(packageVersion);
  });

  it('keeps the first ten seeds and names their derivation', () => {
    const manifest = createManifest(manifestInput());
    expect(manifest.seeds).toEqual({ derivation: SEED_DERIVATION, first: [100, 101, 102, 103, 104, 105, 106, 107, 108, 109] });
    expect(createManifest(manifestInput({ runs: 2, seeds: [5, 6] })).seeds.first).toEqual([5, 6]);
  });

  it("defaults node to this process's version", () => {
    const { node: _ignored, ...rest } = manifestInput();
    expect(createManifest(rest).node).toBe(process.version);
  });
});

describe('serializeManifest', () => {
  it('round-trips through JSON', () => {
    const manifest = createManifest(manifestInput());
    expect(JSON.parse(serializeManifest(manifest))).toEqual(manifest);
  });

  it('is pretty, ends with a newline, and writes top-level keys in a fixed order', () => {
    const text = serializeManifest(createManifest(manifestInput()));
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "copsim": ');
    expect(Object.keys(JSON.parse(text) as object)).toEqual([...MANIFEST_KEYS]);
  });

  it('gives the same bytes for equal scenarios assembled in different key orders', () => {
    const a = manifestInput();
    const reordered = Object.fromEntries(Object.entries(a.scenario).reverse()) as typeof a.scenario;
    const b = manifestInput({ scenario: reordered });
    expect(Object.keys(b.scenario)).not.toEqual(Object.keys(a.scenario));
    expect(serializeManifest(createManifest(b))).toBe(serializeManifest(createManifest(a)));
  });
});
