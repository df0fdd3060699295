/**
 * `npm run bench`: measures the engine's throughput, the Monte Carlo speed-up from 1 to 2
 * workers and a 1,000-replication end-to-end batch, and prints them against their targets.
 * A missed target is shown (✗), never turned into a failing exit code.
 *
 *   argv ──yargs──▶ BenchPlan ──runBench──▶ BenchReport ──▶ stdout (table or --json)
 *                                        └─progress──▶ stderr
 *
 * Options: `--quick` (fewer repetitions, no end-to-end batch), `--json` (only a JSON object on
 * stdout). See docs/BENCHMARKS.md.
 */
import yargs from 'yargs';
import { ScenarioError } from '../scenario/index.js';
import { formatTable, toJson } from './report.js';
import { FULL_PLAN, QUICK_PLAN, runBench } from './run.js';

/** Exit codes: 0 whatever the figures, 2 for bad options, 1 if measuring failed. */
const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

class UsageError extends Error {}

interface BenchArgs {
  quick: boolean;
  json: boolean;
  help: boolean;
}

function parseArgs(argv: readonly string[]): BenchArgs {
  const args = yargs([...argv])
    .scriptName('npm run bench --')
    .usage('$0 [--quick] [--json]\n\nMeasures copsim\'s speed and prints it against its targets.')
    .option('quick', {
      type: 'boolean',
      default: false,
      describe: 'fewer repetitions, a smaller Monte Carlo batch, and no 1,000-replication end-to-end batch',
    })
    .option('json', {
      type: 'boolean',
      default: false,
      describe: 'print only a JSON object with the figures on stdout',
    })
    .example('npm run bench', 'everything, about two minutes on 2 cores')
    .example('npm run bench -- --quick --json', 'a quick measurement as JSON')
    .strict()
    .version(false)
    .help()
    .alias('help', 'h')
    .fail((message, error) => {
      throw message ? new UsageError(message) : error;
    })
    .exitProcess(false)
    .parseSync();
  return { quick: args.quick, json: args.json, help: Boolean(args.help) };
}

/** The command line that reproduces a measurement with these options. */
function commandLine(args: BenchArgs): string {
  const flags = [args.quick ? '--quick' : '', args.json ? '--json' : ''].filter((flag) => flag !== '');
  return flags.length === 0 ? 'npm run bench' : `npm run bench -- ${flags.join(' ')}`;
}

async function main(argv: readonly string[]): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.help) return EXIT.ok;
    const report = await runBench({
      plan: args.quick ? QUICK_PLAN : FULL_PLAN,
      command: commandLine(args),
      quick: args.quick,
      onProgress: (message) => process.stderr.write(`${message}\n`),
    });
    process.stdout.write(args.json ? `${JSON.stringify(toJson(report), null, 2)}\n` : formatTable(report));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`copsim bench: ${error.message}\nrun "npm run bench -- --help" for usage\n`);
      return EXIT.usage;
    }
    if (error instanceof ScenarioError) {
      process.stderr.write(`${error.format()}\n`);
      return EXIT.usage;
    }
    const err = error instanceof Error ? error : new Error(String(error));
    const detail = process.env.COPSIM_DEBUG ? `\n${err.stack ?? ''}` : '';
    process.stderr.write(`copsim bench: the measurement failed: ${err.message}${detail}\n`);
    return EXIT.failure;
  }
}

process.exitCode = await main(process.argv.slice(2));
