/**
 * `copsim merge SHARD_DIR... --out DIR`: combines the shard folders of a run, a comparison, a
 * sweep, a screening or a test of hypotheses (`copsim run --shard k/n`, ...) into the folder a
 * single study of the whole writes, after checking that they are shards of one study and hold every replication
 * exactly once.
 */
import { join } from 'node:path';
import type { Argv } from 'yargs';
import { merge, studySummaryJson } from '../../study/index.js';
import { partialLabel } from '../../output/provenance.js';
import type { CommandContext } from '../context.js';
import { comparisonTable } from '../comparison-table.js';
import { keyFiguresTable } from '../figures.js';
import { morrisTable, sobolTable, sweepTable } from '../design-tables.js';
import { outOption } from '../run-options.js';
import { carriersTable, verdictCounts, verdictTable } from '../hypotheses-tables.js';

export const command = 'merge <shards..>';
export const describe = 'Merge the shard folders of a run, comparison, sweep, screening or test of hypotheses (--shard k/n) into the output of the whole';

export interface MergeArgs {
  readonly shards: string[];
  readonly out: string | undefined;
  readonly partial: boolean;
  readonly quiet: boolean;
  readonly json: boolean;
}

export const options = {
  out: {
    type: 'string',
    requiresArg: true,
    defaultDescription: 'copsim-out/<scenario name>',
    describe: 'Folder to write summary.csv, replications.csv, manifest.json, the charts and report.html to',
  },
  partial: {
    type: 'boolean',
    default: false,
    describe:
      'Merge even when replications (run, compare) or design points (sweep) are missing; the output then says it is partial (manifests, reports, chart titles)',
  },
  quiet: { type: 'boolean', default: false, describe: 'Print nothing but errors' },
  json: {
    type: 'boolean',
    default: false,
    describe: 'Print the key figures as one JSON document on stdout, for scripts; messages stay on stderr',
  },
} as const;

export function builder(yargs: Argv): Argv<MergeArgs> {
  return yargs
    .positional('shards', {
      type: 'string',
      array: true,
      demandOption: true,
      describe: 'Shard folders written by "copsim run|compare|sweep|sensitivity|hypotheses --shard k/n", in any order',
    })
    .options(options)
    .example('$0 merge shards/* --out whole', 'the run folder of the whole, as "copsim run" writes it')
    .example('$0 merge shards/0 shards/2 --partial --out partial', 'what two of three shards hold, labelled partial') as Argv<MergeArgs>;
}

export async function handler(args: MergeArgs, context: CommandContext): Promise<void> {
  const { io } = context;
  const out = outOption(args.out);
  const result = await merge({
    shards: args.shards.map(String),
    out: out ?? true,
    partial: args.partial,
    ...(args.quiet ? {} : { onWarning: (message: string) => io.err(`copsim: warning: ${message}\n`) }),
  });
  if (result.kind === 'compare') {
    const partial = result.scenarios[0] === undefined ? undefined : partialLabel(result.scenarios[0].output.manifest);
    if (partial !== undefined && !args.quiet) io.err(`copsim: warning: the merge is ${partial}\n`);
    if (args.json) io.out(studySummaryJson(result));
    else if (!args.quiet) {
      const weeks = result.scenarios[0]?.scenario.weeks ?? 0;
      io.out(comparisonTable(result.comparison, weeks, result.scenarios));
      io.out(`\nmerged ${shardCount(result.shards.length)} into ${result.out} (comparison.csv, report.html; one folder per scenario)\n`);
    }
    return;
  }
  if (result.kind === 'sweep') {
    if (args.json) io.out(studySummaryJson(result));
    else if (!args.quiet) {
      io.out(sweepTable(result));
      io.out(`\nmerged ${shardCount(result.shards.length)} (${result.points.length} design points) into ${result.out}\n`);
    }
    return;
  }
  if (result.kind === 'sobol') {
    if (args.json) io.out(studySummaryJson(result));
    else if (!args.quiet) {
      io.out(sobolTable(result));
      io.out(`\nmerged ${shardCount(result.shards.length)} into ${result.out}\n`);
    }
    return;
  }
  if (result.kind === 'hypotheses') {
    if (args.json) io.out(studySummaryJson(result));
    else if (!args.quiet) {
      io.out(verdictTable(result.outcomes));
      io.out(`\n${verdictCounts(result.outcomes)}\n`);
      if (result.ablations !== undefined || result.contextCounts !== undefined) io.out(`\n${carriersTable(result)}`);
      io.out(`\nmerged ${shardCount(result.shards.length)} into ${result.out} (${result.tables.map((t) => t.file).join(', ')}, their charts, manifest.json)\n`);
    }
    return;
  }
  if (result.kind === 'sensitivity') {
    if (args.json) io.out(studySummaryJson(result));
    else if (!args.quiet) {
      io.out(morrisTable(result));
      io.out(`\nmerged ${shardCount(result.shards.length)} into ${result.out}\n`);
    }
    return;
  }
  const partial = partialLabel(result.output.manifest);
  if (partial !== undefined && !args.quiet) io.err(`copsim: warning: the merge is ${partial}\n`);
  if (args.json) io.out(studySummaryJson(result));
  else if (!args.quiet) {
    io.out(keyFiguresTable(result.figures));
    io.out(
      `\nmerged ${shardCount(result.shards.length)} (${result.collected.runs} of ${result.partial?.of ?? result.collected.runs} replications) ` +
        `into ${result.out} (open ${join(result.out ?? '', 'report.html')} for the charts)\n`,
    );
  }
}

/** "1 shard", "3 shards". */
function shardCount(n: number): string {
  return `${n} shard${n === 1 ? '' : 's'}`;
}
