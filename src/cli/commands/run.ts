/**
 * `copsim run`: simulates a scenario many times and writes summary.csv, replications.csv and
 * manifest.json, then its charts and report.html.
 *
 *   arguments ──loadScenario──▶ scenario ──runMonteCarlo──▶ Collected
 *             ──summarize / replicationRows / createManifest──▶ writeRunFolder (atomic files)
 *
 * Nothing is written before every replication has finished, so an interrupted run leaves no
 * file behind.
 */
import { join } from 'node:path';
import type { Argv } from 'yargs';
import { keyFigures } from '../../aggregate/index.js';
import { buildRunOutput } from '../../output/index.js';
import { writeRunFolder } from '../../publish/run-folder.js';
import type { CommandContext } from '../context.js';
import { asInputError } from '../exit.js';
import { keyFiguresTable } from '../figures.js';
import { parseInteger } from '../numbers.js';
import {
  checkOutputFolder,
  describeWorkers,
  loadRunScenario,
  parseRunOptions,
  runOptions,
  safeFolderName,
  withSimulation,
  type RunOptionArgs,
} from '../run-options.js';

export const command = 'run [scenario]';
export const describe = 'Simulate a scenario many times and write the results';

export interface RunArgs extends RunOptionArgs {
  readonly scenario: string;
  readonly agents: unknown;
}

/** The command's options (also the names `main` suggests from when one is misspelt). */
export const options = {
  ...runOptions,
  out: {
    ...runOptions.out,
    describe: 'Folder to write summary.csv, replications.csv, manifest.json, the charts and report.html to',
  },
  agents: {
    requiresArg: true,
    default: 0,
    describe:
      'Also write agents.csv (every person per CoP: traits, join and leave week, meetings, contributions, final state) and ties.csv (the network at the end) for the first K replications',
  },
} as const;

export function builder(yargs: Argv): Argv<RunArgs> {
  return yargs
    .positional('scenario', {
      type: 'string',
      default: 'baseline',
      describe: 'A built-in scenario name (see "copsim list") or a scenario file (.yaml, .json)',
    })
    .options(options)
    .example('$0 run top-down-mandatory --runs 500', 'a built-in scenario, 500 replications')
    .example('$0 run my.yaml --set cops.0.participation=mandatory', 'a file, with one setting changed')
    .example('$0 run baseline --agents 2', 'people and ties of the first two replications, in agents.csv and ties.csv') as Argv<RunArgs>;
}

export async function handler(args: RunArgs, context: CommandContext): Promise<void> {
  const { io } = context;
  const settings = parseRunOptions(args);
  const agents = parseInteger('agents', args.agents, {
    min: 0,
    maxExclusive: settings.runs + 1,
    expected: `a whole number from 0 to --runs (${settings.runs})`,
  });
  const { scenario, source, name } = loadRunScenario(args.scenario, settings, io);
  const outDir = settings.out ?? join('copsim-out', safeFolderName(name));
  const workersUsed = Math.min(settings.workers, settings.runs);
  await checkOutputFolder(outDir);

  const headline = `copsim: ${name}, ${settings.runs} runs × ${scenario.weeks} weeks on ${describeWorkers(workersUsed)}…`;
  const startedAt = new Date();
  const t0 = performance.now();
  const collected = await withSimulation(io, settings, { headline, replications: settings.runs }, async (session) => {
    const collected = await session.simulate(scenario, { agents });
    const output = buildRunOutput(collected, {
      scenario,
      scenarioName: name,
      scenarioSource: source,
      masterSeed: settings.seed,
      workers: workersUsed,
      startedAt: startedAt.toISOString(),
      wallTimeSeconds: (performance.now() - t0) / 1000,
    });
    await writeRunFolder(outDir, output).catch((error: unknown) => {
      throw asInputError(error, `cannot write the results to ${outDir}`);
    });
    return collected;
  });
  if (!settings.quiet) {
    io.out(keyFiguresTable(keyFigures(collected)));
    io.out(`\nresults in ${outDir} (open ${join(outDir, 'report.html')} for the charts)\n`);
  }
}

