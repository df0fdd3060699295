/**
 * Evaluating the facts at the points of the design: per (fact, point), the fact's measure for
 * each replication (replication r of every arm starts from `replicationSeed(master, r)`), then
 * each check's estimate, its standard error and the verdict. Replications are filed by index,
 * so the result does not depend on how many threads computed them.
 *
 *   (fact, point) × replications ──measure──▶ values ──check──▶ Row (estimate ± 1.96·SE vs target)
 */
import { replicationSeed } from '../engine/rng.js';
import type { RunResult } from '../engine/result.js';
import { simulate } from '../engine/simulate.js';
import { loadScenario } from '../scenario/index.js';
import type { Scenario } from '../scenario/schema.js';
import { pointSets, type Point } from './design.js';
import { ALL_FACTS, meanEstimate, type Check, type Estimate, type Fact, type Target } from './facts.js';

/** The master seed of the validation. */
export const VALIDATION_SEED = 20261121;

/** z of a two-sided 95% interval. */
const Z = 1.959963984540054;

export type Verdict = 'pass' | 'fail' | 'input' | 'n/a';

/** One row of the validation table: one check of one fact at one point. */
export interface Row {
  readonly fact: string;
  readonly check: string;
  readonly point: string;
  readonly measures: string;
  readonly target: Target;
  readonly estimate: number;
  readonly se: number;
  /** Replications (or, for person-level checks, people) behind the estimate. */
  readonly n: number;
  readonly verdict: Verdict;
}

/**
 * The verdict of an estimate against a target: a band passes when estimate ± 1.96·SE meets
 * it; a sign passes when the whole interval lies on that side of 0; an input is shown only.
 */
export function judge(target: Target, e: Estimate): Verdict {
  if (!Number.isFinite(e.estimate) || !Number.isFinite(e.se)) return 'n/a';
  const lo = e.estimate - Z * e.se;
  const hi = e.estimate + Z * e.se;
  switch (target.kind) {
    case 'input':
      return 'input';
    case 'band':
      return hi >= target.low && lo <= target.high ? 'pass' : 'fail';
    case 'sign':
      return (target.sign > 0 ? lo > 0 : hi < 0) ? 'pass' : 'fail';
  }
}

/** The fact with this id. */
export function factById(id: string): Fact {
  const fact = ALL_FACTS.find((f) => f.id === id);
  if (!fact) throw new Error(`no fact "${id}"`);
  return fact;
}

/**
 * The scenarios of a fact's arms at a point, loaded once; `extra` overrides (e.g. a parameter)
 * apply to every arm, after the point's and the arm's own.
 */
export function armScenarios(fact: Fact, point: Point, extra: readonly string[] = []): Record<string, Scenario> {
  return Object.fromEntries(
    Object.entries(fact.arms).map(([name, arm]) => [
      name,
      loadScenario(arm.scenario, { sets: [...pointSets(point, arm.use), ...(arm.sets ?? []), ...extra] }).scenario,
    ]),
  );
}

/** The measure of replication `r` of a fact at a point. Pure given the scenarios. */
export function measureReplication(
  fact: Fact,
  point: Point,
  scenarios: Record<string, Scenario>,
  masterSeed: number,
  r: number,
): Record<string, number> {
  const seed = replicationSeed(masterSeed, r);
  const runs = new Map<string, RunResult>();
  const scenario = (arm: string): Scenario => {
    const s = scenarios[arm];
    if (!s) throw new Error(`fact ${fact.id} has no arm "${arm}"`);
    return s;
  };
  return fact.measure({
    point,
    seed,
    scenario,
    run: (arm) => {
      let result = runs.get(arm);
      if (!result) {
        result = simulate(scenario(arm), seed);
        runs.set(arm, result);
      }
      return result;
    },
  });
}

/** The rows of a fact at a point from the values of its replications, in replication order. */
export function rowsOf(fact: Fact, point: Point, values: readonly Record<string, number>[]): Row[] {
  return fact.checks.map((check: Check) => {
    const e = check.combine ? check.combine(values) : meanEstimate(values, check.value ?? check.id);
    return {
      fact: fact.id,
      check: check.id,
      point: point.id,
      measures: check.measures,
      target: check.target,
      estimate: e.estimate,
      se: e.se,
      n: e.n,
      verdict: judge(check.target, e),
    };
  });
}
