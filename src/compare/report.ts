/**
 * The comparison's report page: what was compared, how each scenario differs from the
 * reference, every scenario's key figures and the comparison's charts.
 */
import type { NamedChart } from '../charts/types.js';
import { partialLabel } from '../output/provenance.js';
import type { RunOutput } from '../output/write.js';
import type { ReportInput } from '../report/input.js';
import { keyFiguresFromTables } from '../report/key-figures.js';
import { settingsDiff } from '../report/settings-diff.js';
import { copIds } from '../scenario/schema.js';

/** One compared scenario: its name, its run folder (relative to the comparison's) and its output. */
export interface ComparedOutput {
  readonly name: string;
  readonly folder: string;
  readonly output: RunOutput;
}

/**
 * The report input of a comparison. Settings are listed as they differ from the reference
 * (the first scenario), prefixed by the scenario when more than two are compared; key figures
 * of every scenario are listed with their CoPs named "scenario · CoP".
 *
 * @example await writeReport(outDir, comparisonReportInput({ runs, charts: compareCharts(...) }))
 */
export function comparisonReportInput(input: { runs: readonly ComparedOutput[]; charts: readonly NamedChart[] }): ReportInput {
  const [reference, ...others] = input.runs;
  if (reference === undefined) throw new Error('comparisonReportInput: no runs');
  const manifest = reference.output.manifest;
  const prefix = others.length > 1;
  const description = [
    `Scenarios compared with common random numbers: every scenario was simulated with the same ${manifest.runs} replication seeds, ` +
      `so each difference is taken run by run against the reference, ${reference.name}.`,
    ...input.runs.map(
      (run) =>
        `${run.name} (${run.output.manifest.scenarioSource}; its own report: ${run.folder}/report.html): ` +
        `${run.output.manifest.scenario.description.trim()}`,
    ),
  ].join('\n\n');
  const partial = partialLabel(manifest);
  return {
    title: input.runs.map((run) => run.name).join(' vs ') + (partial === undefined ? '' : ` (${partial})`),
    description,
    provenance: [
      ...(partial === undefined ? [] : [{ label: 'partial', value: `${partial}: every scenario's statistics and differences are over these replications only` }]),
      { label: 'copsim', value: manifest.copsim },
      { label: 'scenarios', value: input.runs.map((run) => run.output.manifest.scenarioSource).join(', ') },
      { label: 'runs per scenario', value: String(manifest.runs) },
      { label: 'weeks', value: String(manifest.weeks) },
      { label: 'master seed', value: String(manifest.masterSeed) },
      { label: 'first replication seeds (every scenario)', value: manifest.seeds.first.join(', ') },
      { label: 'seed derivation', value: manifest.seeds.derivation },
      { label: 'Node.js', value: manifest.node },
      { label: 'started at', value: manifest.startedAt },
    ],
    settings: others.flatMap((run) =>
      settingsDiff(run.output.manifest.scenario, reference.output.manifest.scenario).map((d) =>
        prefix ? { ...d, path: `${run.name}: ${d.path}` } : d,
      ),
    ),
    keyFigures: input.runs.flatMap((run) =>
      keyFiguresFromTables(run.output.summary, run.output.replications, copIds(run.output.manifest.scenario)).map((f) => ({
        ...f,
        cop: `${run.name} · ${f.cop}`,
      })),
    ),
    charts: input.charts,
    reference: reference.name,
  };
}
