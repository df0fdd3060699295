/**
 * `copsim run`: parses the arguments, calls the library verb `run` (which simulates and writes
 * summary.csv, replications.csv, manifest.json, the charts and report.html) and prints the key
 * figures. Each finished replication is saved in OUT/.copsim-checkpoint as it arrives, so an
 * interrupted run goes on with --resume; the result files are written once every replication has
 * finished, and put in place whole.
 */
import { join } from 'node:path';
import type { Argv } from 'yargs';
import { run, studySummaryJson } from '../../study/index.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../exit.js';
import { keyFiguresTable } from '../figures.js';
import { parseInteger } from '../numbers.js';
import { onTerminal, parseRunOptions, runOptions, scenarioArgument, scenarioPositional, studyOptions, type RunOptionArgs } from '../run-options.js';
import { parseShardOption, shardOption } from '../shard-options.js';
import { describeShard } from '../../shard/spec.js';

export const command = 'run [scenario]';
export const describe = 'Simulate a scenario many times and write the results';

export interface RunArgs extends RunOptionArgs {
  readonly scenario: string;
  readonly agents: unknown;
  readonly shard: unknown;
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
  ...shardOption,
} as const;

export function builder(yargs: Argv): Argv<RunArgs> {
  return yargs
    .positional('scenario', scenarioPositional('baseline'))
    .options(options)
    .example('$0 run top-down-mandatory --runs 500', 'a built-in scenario, 500 replications')
    .example('$0 run my.yaml --set cops.0.participation=mandatory', 'a file, with one setting changed')
    .example('$0 run baseline --agents 2', 'people and ties of the first two replications, in agents.csv and ties.csv')
    .example('$0 run baseline --shard 0/4 --out shards/0', 'replications 0–49 of 200 only, as a shard folder; "copsim merge shards/*" joins the four')
    .example('$0 run baseline --shard auto --out shards/$SLURM_ARRAY_TASK_ID', 'in a SLURM job array (sbatch --array=0-3): the task is the shard')
    .example('$0 run baseline --runs 2000 --out big --resume', 'go on with a run of big/ that was interrupted (Ctrl-C, a crash): same files as an uninterrupted one') as Argv<RunArgs>;
}

export async function handler(args: RunArgs, context: CommandContext): Promise<void> {
  const { io } = context;
  const settings = parseRunOptions(args);
  const agents = parseInteger('agents', args.agents, {
    min: 0,
    maxExclusive: settings.runs + 1,
    expected: `a whole number from 0 to --runs (${settings.runs})`,
  });
  const shard = parseShardOption(args.shard);
  if (shard !== undefined && agents > 0) throw new UsageError('--agents cannot be combined with --shard: agents.csv and ties.csv come from a run of the whole');
  const result = await onTerminal(io, settings.quiet, (hooks) =>
    run({ ...studyOptions(settings), ...hooks, scenario: scenarioArgument(args.scenario), agents, ...(shard === undefined ? {} : { shard }) }),
  );
  if (settings.json) io.out(studySummaryJson(result));
  else if (result.shard !== undefined) {
    if (!settings.quiet) io.out(`${describeShard(result.shard)} of ${settings.runs} written to ${result.out ?? ''}; merge the shards with "copsim merge SHARD_DIR... --out DIR"\n`);
  } else if (!settings.quiet) {
    io.out(keyFiguresTable(result.figures));
    io.out(`\nresults in ${result.out} (open ${join(result.out ?? '', 'report.html')} for the charts)\n`);
  }
}
