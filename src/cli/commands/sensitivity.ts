/**
 * `copsim sensitivity`: parses the arguments, calls the library verb `sensitivity` (Morris
 * elementary effects; writes sensitivity.csv, design.csv, a chart and manifest.json) and
 * prints the ranking.
 */
import type { Argv } from 'yargs';
import { sensitivity, studySummaryJson } from '../../study/index.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../exit.js';
import { measureOptions, parseMeasureOptions, type MeasureArgs } from '../measure-options.js';
import { parseInteger } from '../numbers.js';
import { onTerminal, parseRunOptions, runOptions, scenarioArgument, studyOptions, type RunOptionArgs } from '../run-options.js';
import { formatTable } from '../table.js';

export const command = 'sensitivity <scenario>';
export const describe = 'Screen settings for their influence on an outcome (Morris elementary effects)';

export interface SensitivityArgs extends RunOptionArgs, MeasureArgs {
  readonly scenario: string;
  readonly params: string | string[] | undefined;
  readonly trajectories: unknown;
  readonly levels: unknown;
}

/** The command's options (also the names `main` suggests from when one is misspelt). */
export const options = {
  params: {
    type: 'string',
    requiresArg: true,
    describe:
      'Settings to screen, separated by commas: path=min:max (the plausible range to screen) or path (the schema\'s validity range, with a warning); whole-number settings are rounded',
  },
  trajectories: { requiresArg: true, default: 10, describe: 'Morris trajectories r (each costs parameters + 1 design points)' },
  levels: { requiresArg: true, default: 4, describe: 'Grid levels p per parameter, even' },
  ...measureOptions,
  ...runOptions,
  runs: { ...runOptions.runs, default: 20, describe: 'Replications per design point (their mean is the point\'s output)' },
  out: {
    ...runOptions.out,
    defaultDescription: 'copsim-out/<scenario name>-sensitivity',
    describe: 'Folder to write sensitivity.csv, design.csv, the chart (sensitivity.vl.json, .svg, .png) and manifest.json to',
  },
} as const;

const HELP =
  'Cost: trajectories × (parameters + 1) design points, each simulated --runs times with the same seeds. ' +
  'sensitivity.csv: parameter, min, max (range screened), mu (mean elementary effect), mu_star (mean absolute effect, ' +
  'the ranking measure), sigma (spread of the effects: non-linearity or interactions), r (effects used), rank. ' +
  'Effects are changes of the measure over the whole range screened, so give plausible ranges: a schema range is a ' +
  'validity bound and may saturate the measure (μ* near 0 then hides an effect). See docs/SENSITIVITY.md.';

export function builder(yargs: Argv): Argv<SensitivityArgs> {
  return yargs
    .positional('scenario', {
      type: 'string',
      describe: 'A built-in scenario name (see "copsim list"), a scenario file (.yaml, .json), or - to read one from standard input',
    })
    .options(options)
    .example(
      '$0 sensitivity baseline --params parameters.attendance.habit,parameters.safety.base,cops.0.support.fundedHours=0:8',
      'three settings, 10 trajectories: 40 design points × 20 runs',
    )
    .example('$0 sensitivity baseline --params cops.0.founders=2:12 --metric attendance --week 52-103', 'attendance in the second year')
    .epilogue(HELP) as Argv<SensitivityArgs>;
}

export async function handler(args: SensitivityArgs, context: CommandContext): Promise<void> {
  const { io } = context;
  const settings = parseRunOptions(args);
  const measure = parseMeasureOptions(args);
  const trajectories = parseInteger('trajectories', args.trajectories, { min: 2, expected: 'a whole number of at least 2 (σ needs two effects)' });
  const levels = parseInteger('levels', args.levels, { min: 2, expected: 'an even whole number of at least 2' });
  if (levels % 2 !== 0) throw new UsageError(`--levels must be an even whole number of at least 2, got "${levels}" (an even p makes every level equally likely)`);
  const params = args.params === undefined ? [] : [args.params].flat().map(String);
  const result = await onTerminal(io, settings.quiet, (hooks) =>
    sensitivity({ ...studyOptions(settings), ...hooks, scenario: scenarioArgument(args.scenario), params, trajectories, levels, measure }),
  );
  if (settings.json) io.out(studySummaryJson(result));
  else if (!settings.quiet) {
    io.out(`${result.name}: sensitivity of ${result.measureText}; ${result.designPoints} design points × ${result.runs} runs\n\n`);
    io.out(
      formatTable(
        ['rank', 'parameter', 'min', 'max', 'mu_star', 'mu', 'sigma', 'r'],
        result.rows.map((row) => [row.rank, row.parameter, row.min, row.max, row.mu_star, row.mu, row.sigma, row.r]),
      ),
    );
    io.out(`\nresults in ${result.out}\n`);
  }
}
