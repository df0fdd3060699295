/**
 * `copsim compare A B [C...]`: simulates scenarios with the same replication seeds (common
 * random numbers) and puts them side by side.
 *
 *   each scenario ──runMonteCarlo (same seeds)──▶ Collected ──writeRunFolder──▶ OUT/<name>/
 *   Collected A, B ──compareBatches──▶ comparison.csv
 *                  ──compareCharts──▶ overlay and difference charts ──▶ OUT/report.html
 *
 * Nothing is written before every scenario has been simulated, so an interrupted comparison
 * leaves no file behind.
 */
import { join } from 'node:path';
import type { Argv } from 'yargs';
import { keyFigures } from '../../aggregate/index.js';
import type { Collected } from '../../aggregate/types.js';
import { writeCharts } from '../../charts/write.js';
import { compareCharts } from '../../compare/charts.js';
import { writeComparison } from '../../compare/write.js';
import { comparisonReportInput } from '../../compare/report.js';
import { compareBatches, pairingProblem, type ComparisonRow } from '../../compare/paired.js';
import { buildRunOutput, type RunOutput } from '../../output/index.js';
import { writeRunFolder } from '../../publish/run-folder.js';
import { writeReport } from '../../report/write.js';
import type { CommandContext } from '../context.js';
import { asInputError, UsageError } from '../exit.js';
import { comparisonTable } from '../comparison-table.js';
import {
  checkOutputFolder,
  describeWorkers,
  loadRunScenario,
  parseRunOptions,
  runOptions,
  safeFolderName,
  withSimulation,
  type RunOptionArgs,
  type RunScenario,
} from '../run-options.js';

export const command = 'compare <scenarios..>';
export const describe = 'Simulate scenarios with the same seeds and compare them';

export interface CompareArgs extends RunOptionArgs {
  readonly scenarios: string[];
}

/** The command's options: those of `run`. */
export const options = {
  ...runOptions,
  out: {
    ...runOptions.out,
    defaultDescription: 'copsim-out/compare-<A>-vs-<B>',
    describe: "Folder for comparison.csv, the comparison's charts and report.html, and one folder per scenario",
  },
} as const;

export function builder(yargs: Argv): Argv<CompareArgs> {
  return yargs
    .positional('scenarios', {
      type: 'string',
      array: true,
      demandOption: true,
      describe: 'Two or more built-in scenario names or scenario files; the first is the reference A',
    })
    .options(options)
    .example('$0 compare baseline top-down-voluntary', 'B − A: a top-down CoP against the bottom-up baseline, 200 paired runs')
    .example('$0 compare top-down-voluntary top-down-mandatory mandate-lifted --runs 500', 'two scenarios against the first')
    .epilogue(
      'Every scenario is simulated with the same replication seeds, so replication r of B is compared ' +
        'with replication r of A: the 95% CIs in comparison.csv are those of the paired mean difference B − A.',
    ) as Argv<CompareArgs>;
}

export async function handler(args: CompareArgs, context: CommandContext): Promise<void> {
  const { io } = context;
  const names = args.scenarios.map(String);
  if (names.length < 2) throw new UsageError(`compare needs at least two scenarios, got ${names.length}`);
  const settings = parseRunOptions(args);
  const loaded = uniqueNames(names.map((name) => loadRunScenario(name, settings, io)));
  const [reference] = loaded;
  if (reference === undefined) throw new UsageError('compare needs at least two scenarios');
  for (const other of loaded.slice(1)) {
    if (other.scenario.weeks !== reference.scenario.weeks) {
      throw new UsageError(
        `"${reference.name}" runs ${reference.scenario.weeks} weeks and "${other.name}" ${other.scenario.weeks}: ` +
          'compared scenarios must run the same weeks; give --weeks N',
      );
    }
  }
  const outDir = settings.out ?? join('copsim-out', safeFolderName(`compare-${loaded.map((l) => l.name).join('-vs-')}`));
  await checkOutputFolder(outDir);
  const workersUsed = Math.min(settings.workers, settings.runs);
  const headline =
    `copsim: comparing ${loaded.map((l) => l.name).join(', ')}: ${settings.runs} runs × ${reference.scenario.weeks} weeks ` +
    `each, same seeds, on ${describeWorkers(workersUsed)}…`;

  const startedAt = new Date();
  const t0 = performance.now();
  const batches = await withSimulation(
    io,
    settings,
    { headline, replications: settings.runs * loaded.length },
    async (session) => {
      const batches: Collected[] = [];
      for (const l of loaded) batches.push(await session.simulate(l.scenario));
      return batches;
    },
  );
  const wallTimeSeconds = (performance.now() - t0) / 1000;

  const named = loaded.map((l, i) => ({ name: l.name, collected: batches[i] as Collected }));
  const first = named[0] as (typeof named)[number];
  const comparison: ComparisonRow[] = [];
  for (const other of named.slice(1)) {
    const problem = pairingProblem(first, other);
    if (problem !== undefined) throw new UsageError(problem);
    comparison.push(...compareBatches(first, other));
  }
  const outputs: RunOutput[] = loaded.map((l, i) =>
    buildRunOutput(batches[i] as Collected, {
      scenario: l.scenario,
      scenarioName: l.name,
      scenarioSource: l.source,
      masterSeed: settings.seed,
      workers: workersUsed,
      startedAt: startedAt.toISOString(),
      wallTimeSeconds,
    }),
  );

  await (async () => {
    for (const [i, l] of loaded.entries()) await writeRunFolder(join(outDir, folderOf(l)), outputs[i] as RunOutput);
    const runs = loaded.map((l, i) => ({ name: l.name, summary: (outputs[i] as RunOutput).summary, manifest: (outputs[i] as RunOutput).manifest }));
    const charts = compareCharts({ runs, comparison });
    await writeComparison(outDir, comparison, {
      scenarios: loaded.map((l) => ({ name: l.name, source: l.source, folder: folderOf(l) })),
      masterSeed: settings.seed,
      runs: settings.runs,
      weeks: reference.scenario.weeks,
      seeds: (batches[0] as Collected).seeds,
      startedAt: startedAt.toISOString(),
      wallTimeSeconds,
    });
    await writeCharts(outDir, charts);
    await writeReport(
      outDir,
      comparisonReportInput({
        runs: loaded.map((l, i) => ({ name: l.name, folder: folderOf(l), output: outputs[i] as RunOutput })),
        charts,
      }),
    );
  })().catch((error: unknown) => {
    throw asInputError(error, `cannot write the comparison to ${outDir}`);
  });

  if (!settings.quiet) {
    io.out(comparisonTable(comparison, loaded.map((l, i) => ({ name: l.name, figures: keyFigures(batches[i] as Collected) }))));
    io.out(`\nresults in ${outDir} (comparison.csv, report.html; one folder per scenario)\n`);
  }
}

/**
 * Scenario names made distinct as folder names: a second scenario that goes by the same name
 * (e.g. a file named like a built-in) becomes `name-2`.
 */
function uniqueNames(loaded: RunScenario[]): RunScenario[] {
  const seen = new Set<string>();
  return loaded.map((l) => {
    let name = l.name;
    for (let k = 2; seen.has(safeFolderName(name)); k++) name = `${l.name}-${k}`;
    seen.add(safeFolderName(name));
    return name === l.name ? l : { ...l, name };
  });
}

/** Where a scenario's own run folder goes inside the comparison's folder. */
function folderOf(l: RunScenario): string {
  return safeFolderName(l.name);
}
