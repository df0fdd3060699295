/** A manifest input for output tests. */
import type { ManifestInput } from '../../src/output/index.js';
import { scenarioSchema } from '../../src/scenario/schema.js';

export function manifestInput(overrides: Partial<ManifestInput> = {}): ManifestInput {
  return {
    scenario: scenarioSchema.parse({ name: 'demo', weeks: 52, cops: [{ id: 'agile', participation: 'mandatory' }] }),
    scenarioName: 'demo',
    scenarioSource: 'scenarios/demo.yaml',
    masterSeed: 7,
    runs: 12,
    weeks: 52,
    workers: 2,
    memberWeeks: 1000 * 52 * 12,
    node: 'v20.19.0',
    startedAt: '2025-01-02T03:04:05.678Z',
    wallTimeSeconds: 1.25,
    seeds: Uint32Array.from({ length: 12 }, (_, i) => 100 + i),
    ...overrides,
  };
}
