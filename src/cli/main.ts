/**
 * The `copsim` command line: parses the arguments with yargs, hands them to one command module
 * (run, compare, sweep, sensitivity, hypotheses, calibrate, plot, merge, explore, list, validate, schema) and turns
 * whatever happens into a message and an exit code. Each study command is one call to its
 * library verb (src/study/).
 * `copsim completion` is yargs' own: it prints a bash or zsh script that completes through
 * `copsim --get-yargs-completions`.
 *
 *   argv ──yargs──▶ command handler ──one study verb──▶ stdout (data) / stderr (messages)
 *                                   └─error──▶ reportError ──▶ exit code
 */
import { nearest } from '../scenario/suggest.js';
import yargs, { type Argv, type Options } from 'yargs';
import { copsimVersion } from '../output/index.js';
import * as calibrate from './commands/calibrate.js';
import * as hypotheses from './commands/hypotheses.js';
import * as compare from './commands/compare.js';
import * as explore from './commands/explore.js';
import * as list from './commands/list.js';
import * as merge from './commands/merge.js';
import * as plot from './commands/plot.js';
import * as run from './commands/run.js';
import * as schema from './commands/schema.js';
import * as sensitivity from './commands/sensitivity.js';
import * as sweep from './commands/sweep.js';
import * as validate from './commands/validate.js';
import type { CommandContext } from './context.js';
import { EXIT, reportError, UsageError } from './exit.js';
import { processIo, type Io } from './io.js';
import { checkStdinArguments, markStdinArguments, STDIN_ARG, stdinMisplaced } from './stdin.js';

const DESCRIPTION =
  'copsim simulates how Communities of Practice in an organisation grow, thrive or die under ' +
  'their settings (initiation, participation, steering, support, ...), over many seeded replications.';

/**
 * Runs `copsim` with `argv` (the arguments after the script name) and resolves to the exit
 * code; never rejects.
 *
 * @example await main(['list']) // → 0, with the built-in scenarios on stdout
 */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const context: CommandContext = { io, exitCode: EXIT.ok };
  try {
    checkSwitches(argv);
    await buildParser(argv, context).parseAsync();
    return context.exitCode;
  } catch (error) {
    return reportError(error, io);
  }
}

function buildParser(argv: readonly string[], context: CommandContext): Argv {
  return yargs(markStdinArguments(argv))
    // Values stay text: each numeric option is checked as a plain decimal integer (numbers.ts),
    // so yargs' own reading (0x10 as 16, 1e3 as 1000, " 5" as 5) never decides what a run does.
    .parserConfiguration({ 'parse-numbers': false, 'parse-positional-numbers': false })
    .scriptName('copsim')
    .usage(`$0 <command> [options]\n\n${DESCRIPTION}`)
    .command(run.command, run.describe, run.builder, (args) => run.handler(args, context))
    .command(list.command, list.describe, list.builder, () => list.handler(context))
    .command(validate.command, validate.describe, validate.builder, (args) =>
      validate.handler(args, context),
    )
    .command(schema.command, schema.describe, schema.builder, (args) => schema.handler(args, context))
    .command(compare.command, compare.describe, compare.builder, (args) => compare.handler(args, context))
    .command(plot.command, plot.describe, plot.builder, (args) => plot.handler(args, context))
    .command(explore.command, explore.describe, explore.builder, (args) => explore.handler(args, context))
    .command(merge.command, merge.describe, merge.builder, (args) => merge.handler(args, context))
    .command(sweep.command, sweep.describe, sweep.builder, (args) => sweep.handler(args, context))
    .command(sensitivity.command, sensitivity.describe, sensitivity.builder, (args) => sensitivity.handler(args, context))
    .command(hypotheses.command, hypotheses.describe, hypotheses.builder, (args) => hypotheses.handler(args, context))
    .command(calibrate.command, calibrate.describe, calibrate.builder, (args) => calibrate.handler(args, context))
    .example('$0 run', 'the baseline scenario, 200 replications, results in copsim-out/baseline')
    .example('$0 run top-down-mandatory --runs 500', 'a built-in scenario, 500 replications')
    .example('$0 run my.yaml --set cops.0.participation=mandatory', 'your own scenario, one setting changed')
    .example('$0 validate my.yaml', 'check a scenario file')
    .example('$0 completion >> ~/.bashrc', 'complete commands and options in bash (in zsh: >> ~/.zshrc)')
    .completion(COMPLETION_COMMAND, 'Print a shell completion script (bash or zsh, from $SHELL)')
    .middleware((args) => checkStdinArguments(args))
    .demandCommand(1, `name a command: ${COMMANDS.join(', ')}`)
    .recommendCommands()
    .strict()
    .fail((message, error) => {
      // yargs calls this for its own usage errors (with a message) and for errors thrown by a
      // handler (without one); only the former are usage errors.
      if (message) throw new UsageError(usageMessage(message, argv));
      throw error;
    })
    .version(copsimVersion())
    .alias('version', 'V')
    .help()
    .alias('help', 'h')
    .wrap(Math.min(100, process.stdout.columns ?? 80))
    .exitProcess(false);
}

/** The command that prints yargs' completion script; the script asks `--get-yargs-completions`. */
const COMPLETION_COMMAND = 'completion';

/** Every option name a command accepts, for suggestions: taken from the commands themselves. */
const GLOBAL_OPTIONS = ['help', 'version'];
const OPTIONS: Record<string, readonly string[]> = {
  run: [...Object.keys(run.options), ...GLOBAL_OPTIONS],
  list: GLOBAL_OPTIONS,
  validate: GLOBAL_OPTIONS,
  schema: [...Object.keys(schema.options), ...GLOBAL_OPTIONS],
  plot: [...Object.keys(plot.options), ...GLOBAL_OPTIONS],
  explore: [...Object.keys(explore.options), ...GLOBAL_OPTIONS],
  merge: [...Object.keys(merge.options), ...GLOBAL_OPTIONS],
  compare: [...Object.keys(compare.options), ...GLOBAL_OPTIONS],
  sweep: [...Object.keys(sweep.options), ...GLOBAL_OPTIONS],
  sensitivity: [...Object.keys(sensitivity.options), ...GLOBAL_OPTIONS],
  hypotheses: [...Object.keys(hypotheses.options), ...GLOBAL_OPTIONS],
  calibrate: [...Object.keys(calibrate.options), ...GLOBAL_OPTIONS],
  [COMPLETION_COMMAND]: GLOBAL_OPTIONS,
};
/** The switches (boolean options) of each command, whose `--name=value` yargs would read as false. */
const SWITCHES: Record<string, readonly string[]> = Object.fromEntries(
  Object.entries({ run, schema, plot, explore, merge, compare, sweep, sensitivity, hypotheses, calibrate }).map(([name, command]) => [
    name,
    Object.entries(command.options as Record<string, Options>)
      .filter(([, option]) => option.type === 'boolean')
      .map(([key]) => key),
  ]),
);

/**
 * Refuses a switch given a value other than true or false (`--quiet=maybe`, `--no-json=1`,
 * `--ablate=maybe`), which yargs would silently read as false.
 *
 * @throws UsageError naming the switch and what it takes
 */
export function checkSwitches(argv: readonly string[]): void {
  const command = argv.find((arg) => !arg.startsWith('-'));
  const switches = SWITCHES[command ?? ''] ?? [];
  const end = argv.indexOf('--');
  for (const arg of end < 0 ? argv : argv.slice(0, end)) {
    const match = /^--(?:no-)?([^=]+)=(.*)$/s.exec(arg);
    if (match === null || !switches.includes(match[1] as string)) continue;
    const value = match[2] as string;
    if (value !== 'true' && value !== 'false') {
      throw new UsageError(`--${match[1]} is a switch: give it alone, or as --${match[1]}=true or =false; got ${JSON.stringify(value.slice(0, 40))}`);
    }
  }
}

const COMMANDS = [
  ...[run, list, validate, schema, plot, explore, merge, compare, sweep, sensitivity, hypotheses, calibrate].map((c) => c.command.split(' ')[0] as string),
  COMPLETION_COMMAND,
];

/**
 * Makes yargs' usage messages say what was wrong and suggest the nearest valid name:
 * "Did you mean list?" alone does not name the mistake, and "Unknown argument: rusn" does not
 * suggest --runs.
 */
export function usageMessage(message: string, argv: readonly string[]): string {
  const given = argv.find((arg) => !arg.startsWith('-'));
  if (message.startsWith('Did you mean') && given !== undefined) {
    return `unknown command "${given}". ${message}`;
  }
  const unknown = /^Unknown arguments?: (.+)$/.exec(message);
  if (unknown) {
    const command = given !== undefined && COMMANDS.includes(given) ? given : undefined;
    const names = (unknown[1] ?? '').split(', ');
    return names
      .map((name) => {
        if (name === STDIN_ARG) return stdinMisplaced(command ?? '');
        if (command === undefined && !argv.includes(`--${name}`) && !argv.includes(`-${name}`)) {
          const suggestion = nearest(name, COMMANDS);
          return `unknown command "${name}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`;
        }
        const suggestion = nearest(name, OPTIONS[command ?? ''] ?? ['help', 'version']);
        return `unknown option --${name}${suggestion ? ` (did you mean --${suggestion}?)` : ''}`;
      })
      .join('; ');
  }
  return message;
}
