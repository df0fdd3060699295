/** Real small runs for chart tests, simulated once per test file in the calling thread. */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { runMonteCarlo } from '../../src/runner/index.js';
import { buildRunOutput } from '../../src/output/run-output.js';
import type { RunOutput } from '../../src/output/write.js';
import { loadScenario } from '../../src/scenario/index.js';
import type { Scenario } from '../../src/scenario/schema.js';

/** Simulates a built-in scenario (with `--set` overrides and a final change) and builds its output. */
export async function runOutput(
  name: string,
  options: { runs: number; sets?: string[]; change?: (scenario: Scenario) => Scenario },
): Promise<RunOutput> {
  const loaded = loadScenario(name, { sets: options.sets ?? [] });
  const scenario = options.change === undefined ? loaded.scenario : options.change(loaded.scenario);
  const collected = await runMonteCarlo(scenario, { runs: options.runs, masterSeed: 7, workers: 0 });
  return buildRunOutput(collected, {
    scenario,
    scenarioName: name,
    scenarioSource: loaded.source,
    masterSeed: 7,
    workers: 0,
    startedAt: '2000-01-01T00:00:00.000Z',
    wallTimeSeconds: 0,
  });
}

/** A run with one CoP and an event: a mandate lifted at week 52. */
export function mandateLifted(): Promise<RunOutput> {
  return runOutput('mandate-lifted', { runs: 20 });
}

/**
 * Two CoPs without funded time, a lead or management's approval, which often die, and an
 * unlabelled event at week 78.
 */
export function twoFragileCops(): Promise<RunOutput> {
  const sets = [0, 1].flatMap((i) => [
    `cops.${i}.support.fundedHours=0`,
    `cops.${i}.support.lead=none`,
    `cops.${i}.acceptance=tolerated`,
  ]);
  return runOutput('two-cops-competing', {
    runs: 20,
    sets,
    change: (scenario) => ({
      ...scenario,
      events: [{ week: 78, cop: 'ways-of-working', set: { openness: 'closed' } }],
    }),
  });
}

/**
 * Validates specs against vega-lite's own JSON Schema (draft-07): their structure, as vega-lite
 * reads it. The schema's `format`s (`uri`, `uri-reference`, `color-hex`) are annotations that
 * vega-lite itself never checks, so they are not checked here either (and ajv does not warn
 * about each one it does not know).
 */
export function vegaLiteValidator(): ValidateFunction {
  const schema = JSON.parse(
    readFileSync(new URL('../../node_modules/vega-lite/build/vega-lite-schema.json', import.meta.url), 'utf8'),
  ) as object;
  const ajv = new Ajv({ strict: false, allowUnionTypes: true, allErrors: false, validateFormats: false });
  return ajv.compile(schema);
}

/** Width and height of a PNG, from its IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Width and height of an SVG, from its root element. */
export function svgSize(svg: string): { width: number; height: number } {
  const match = /^<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(svg);
  if (match === null) throw new Error('no SVG size');
  return { width: Number(match[1]), height: Number(match[2]) };
}

/** The PNG file signature. */
export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
