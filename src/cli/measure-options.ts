/**
 * The measure options shared by `sweep` and `sensitivity`: what is read from each replication.
 */
import { parseMeasureTime, type Measure } from '../research/measure.js';
import { UsageError } from './exit.js';

/** The measure options shared by `sweep` and `sensitivity`. */
export const measureOptions = {
  metric: {
    type: 'string',
    requiresArg: true,
    default: 'members',
    describe: 'What to measure: a weekly metric (as in summary.csv) or a per-run figure (as in replications.csv)',
  },
  cop: { type: 'string', requiresArg: true, defaultDescription: 'the first CoP', describe: 'Id of the CoP to measure' },
  week: {
    type: 'string',
    requiresArg: true,
    defaultDescription: 'final',
    describe: 'When to read a weekly metric: final, auc (sum over all weeks), a week N (from 0) or a window A-B (mean)',
  },
} as const;

/** The measure options as yargs hands them over. */
export interface MeasureArgs {
  readonly metric: unknown;
  readonly cop: unknown;
  readonly week: unknown;
}

/**
 * The measure the options name; the metric, CoP and week are checked against the scenario
 * later, where its CoPs and weeks are known.
 */
export function parseMeasureOptions(args: MeasureArgs): Measure {
  for (const name of ['metric', 'cop', 'week'] as const) {
    const value = args[name];
    if (Array.isArray(value)) throw new UsageError(`--${name} was given ${value.length} times; give it once`);
  }
  const metric = String(args.metric) as Measure['metric'];
  const cop = args.cop === undefined ? undefined : String(args.cop);
  if (args.week === undefined) return { metric, cop };
  const at = parseMeasureTime(String(args.week));
  if (at === undefined) throw new UsageError(`--week must be final, auc, a week number (e.g. 104) or a window A-B (e.g. 52-103), got "${String(args.week)}"`);
  return { metric, cop, at };
}
