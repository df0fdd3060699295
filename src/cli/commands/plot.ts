/**
 * `copsim plot DIR...`: rebuilds the charts and report.html of run output folders from the
 * tables and manifest already in them, without simulating again (e.g. after upgrading copsim,
 * or after the folder was copied without its charts).
 */
import type { Argv } from 'yargs';
import { plot } from '../../study/index.js';
import type { CommandContext } from '../context.js';
import { asInputError } from '../exit.js';

export const command = 'plot <dirs..>';
export const describe = 'Redraw the charts and report of existing run output folders';

export interface PlotArgs {
  readonly dirs: string[];
  readonly quiet: boolean;
}

export const options = {
  quiet: { type: 'boolean', default: false, describe: 'Print nothing but errors' },
} as const;

export function builder(yargs: Argv): Argv<PlotArgs> {
  return yargs
    .positional('dirs', {
      type: 'string',
      array: true,
      demandOption: true,
      describe: 'Output folders written by "copsim run" (each holds summary.csv, replications.csv, manifest.json)',
    })
    .options(options)
    .example('$0 plot copsim-out/baseline', 'redraw the charts and report.html of one run')
    .example('$0 plot copsim-out/*/', 'redraw every run under copsim-out') as Argv<PlotArgs>;
}

export async function handler(args: PlotArgs, context: CommandContext): Promise<void> {
  for (const dir of args.dirs.map(String)) {
    const [files] = await plot({ dirs: [dir] }).catch((error: unknown) => {
      throw asInputError(error, `cannot redraw ${dir}`);
    });
    if (files === undefined) continue;
    if (!args.quiet) context.io.out(`${dir}: ${files.charts.length / 3} charts and ${files.report}\n`);
  }
}
