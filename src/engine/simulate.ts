/**
 * simulate: one replication of a scenario. (Interface placeholder; the mechanisms follow.)
 */
import type { Scenario } from '../scenario/schema.js';
import { copIds } from '../scenario/schema.js';
import { N_FIGURES, N_WEEKLY, type RunResult } from './result.js';

export function simulate(scenario: Scenario, seed: number): RunResult {
  const ids = copIds(scenario);
  return {
    seed,
    weeks: scenario.weeks,
    copIds: ids,
    weekly: new Float64Array(ids.length * N_WEEKLY * scenario.weeks),
    figures: new Float64Array(ids.length * N_FIGURES).fill(Number.NaN),
    employees: scenario.organisation.employees,
  };
}
