/**
 * A study's result as a small JSON-safe document: its key figures and, for compare, sweep,
 * sensitivity and hypotheses, its result table; for calibrate, the posterior and the predictive check. What `copsim … --json` prints; NaN becomes
 * null.
 */
import { headlineDifferences } from '../compare/headline.js';
import { copsimVersion } from '../output/provenance.js';
import type { StudyResult } from './write.js';

/**
 * The summary of `result`, ready for `JSON.stringify`.
 *
 * @example JSON.stringify(studySummary(await run({ runs: 20 }))) // → '{"copsim":"0.1.0","command":"run","scenario":"baseline",…,"figures":[…]}'
 */
export function studySummary(result: StudyResult): Record<string, unknown> {
  return { copsim: copsimVersion(), ...summaryOf(result) };
}

function summaryOf(result: StudyResult): Record<string, unknown> {
  const out = result.out ?? null;
  switch (result.kind) {
    case 'run': {
      const m = result.output.manifest;
      return {
        command: 'run',
        scenario: result.name,
        source: result.source,
        runs: m.runs,
        weeks: m.weeks,
        seed: m.masterSeed,
        out,
        // A shard's figures are of its replications alone; a merge names its shards and what a partial one lacks.
        ...(result.shard === undefined ? {} : { shard: result.shard }),
        ...(m.shards === undefined ? {} : { shards: m.shards.length }),
        ...(m.partial === undefined ? {} : { partial: m.partial }),
        figures: result.figures,
      };
    }
    case 'compare': {
      const reference = result.scenarios[0];
      const weeks = reference?.scenario.weeks ?? 0;
      return {
        command: 'compare',
        reference: reference?.name ?? null,
        runs: reference?.collected.runs ?? 0,
        weeks,
        seed: reference?.output.manifest.masterSeed ?? null,
        out,
        ...(result.shard === undefined ? {} : { shard: result.shard }),
        ...(reference?.output.manifest.partial === undefined ? {} : { partial: reference.output.manifest.partial }),
        scenarios: result.scenarios.map((s) => ({ name: s.name, source: s.source, set: s.set, figures: s.figures })),
        differences: headlineDifferences(result.comparison, weeks).map(({ label, row }) => ({ label, ...row })),
      };
    }
    case 'sweep': {
      // A partial merge says so here as in its manifest.
      const partial = (JSON.parse(result.manifest) as { partial?: unknown }).partial;
      return {
        command: 'sweep',
        scenario: result.name,
        measure: result.measureText,
        runs: result.runs,
        out,
        ...(result.shard === undefined ? {} : { shard: result.shard }),
        ...(partial === undefined ? {} : { partial }),
        rows: result.rows,
      };
    }
    case 'sensitivity':
      return {
        command: 'sensitivity',
        scenario: result.name,
        measure: result.measureText,
        runs: result.runs,
        designPoints: result.designPoints,
        out,
        ...(result.shard === undefined ? {} : { shard: result.shard }),
        rows: result.rows,
      };
    case 'sobol':
      return {
        command: 'sensitivity',
        method: 'sobol',
        scenario: result.name,
        measures: result.measureTexts,
        runs: result.runs,
        samples: result.samples,
        designPoints: result.designPoints,
        out,
        ...(result.shard === undefined ? {} : { shard: result.shard }),
        rows: result.rows,
      };
    case 'hypotheses':
      return {
        command: 'hypotheses',
        file: result.file,
        out,
        // A shard's verdicts are of its replications alone.
        ...(result.shard === undefined ? {} : { shard: result.shard }),
        rows: result.rows,
        ...(result.ablationRows === undefined ? {} : { ablation: result.ablationRows, kindDisagreements: result.kindDisagreements ?? [] }),
        ...(result.contextRows === undefined ? {} : { contexts: result.contextRows }),
      };
    case 'calibrate':
      return {
        command: 'calibrate',
        targets: result.file,
        particles: result.settings.particles,
        runs: result.settings.runs,
        seed: result.settings.seed,
        generations: result.state.generations.length,
        stopped: result.state.stopped ?? null,
        epsilon: result.state.generations.at(-1)?.epsilon ?? null,
        out,
        posterior: result.posterior,
        predictive: result.predictive,
      };
  }
}

/** `studySummary` as one line of JSON text with a newline. */
export function studySummaryJson(result: StudyResult): string {
  return `${JSON.stringify(studySummary(result))}\n`;
}
