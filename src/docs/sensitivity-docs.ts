/**
 * The global sensitivity analyses of the baseline in docs/SENSITIVITY.md (`npm run
 * sensitivity-docs`): Sobol indices on participation (members), knowledge reuse (cumulative
 * reuse events) and survival (alive), each in the final week, of ten chosen model parameters
 * over plausible ranges, and of every model parameter over its documented range (the default
 * design). Each is written as a table between its markers, with the command, its wall time and
 * the machine's load. The studies' own files go to copsim-out/.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeFileAtomic } from '../output/atomic.js';
import { sensitivity, type SobolStudy } from '../study/index.js';
import { docsDir } from './write-docs.js';

/**
 * The parameters of the first analysis, each over a plausible range around its default: ±50%
 * for a rate, weight, share or scale, ±1 on the logit scale for the attendance intercept. One
 * or two per mechanism the three measures hang on: attendance, recruitment, churn, meeting
 * value, knowledge, psychological safety, who organises a meeting.
 */
export const BASELINE_SOBOL_PARAMS = [
  'parameters.attendance.intercept=-6:-4',
  'parameters.attendance.habit=1.6:4.8',
  'parameters.recruitment.announcement=0.003:0.009',
  'parameters.recruitment.wordOfMouth=1.4:4.2',
  'parameters.churn.leaveHazard=0.075:0.225',
  'parameters.value.scale=2:6',
  'parameters.knowledge.problemsPerWeek=0.25:0.75',
  'parameters.knowledge.share=0.25:0.75',
  'parameters.safety.base=0.25:0.75',
  'parameters.meeting.organiserMotivation=0.25:0.75',
] as const;

/** One of the analyses: its parameters (none: every model parameter), size and markers. */
export interface BaselineAnalysis {
  readonly name: string;
  readonly params: readonly string[];
  readonly samples: number;
  readonly runs: number;
  /** Rows of the table: all, or the parameters of largest ST. */
  readonly rows: number;
  readonly out: string;
}

/** The two analyses: chosen parameters at 128 · 12 · 3 = 4608 runs, every parameter at 32 · (k + 2) runs. */
export const BASELINE_ANALYSES: readonly BaselineAnalysis[] = [
  { name: 'sobol-baseline', params: BASELINE_SOBOL_PARAMS, samples: 128, runs: 3, rows: BASELINE_SOBOL_PARAMS.length, out: 'copsim-out/baseline-sobol' },
  { name: 'sobol-baseline-all', params: [], samples: 32, runs: 1, rows: 15, out: 'copsim-out/baseline-sobol-all' },
];

/** The command line that gives the same study. */
export function baselineSobolCommand(analysis: BaselineAnalysis): string {
  const params = analysis.params.length === 0 ? '' : ` --params ${analysis.params.join(',')}`;
  return `copsim sensitivity baseline --method sobol${params} --samples ${analysis.samples} --runs ${analysis.runs} --workers 0 --out ${analysis.out}`;
}

const start = (name: string): string => `<!-- ${name}:start (written by \`npm run sensitivity-docs\`; do not edit by hand) -->`;
const end = (name: string): string => `<!-- ${name}:end -->`;

const f2 = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : '–');

/**
 * The Markdown of the section: how it was made, then one row per parameter with S1 and ST
 * (95% interval) on each measure, ordered by the largest ST over the measures.
 */
export function renderBaselineSobol(
  analysis: BaselineAnalysis,
  study: SobolStudy,
  run: { seconds: number; load: readonly number[]; cores: number; date: string },
): string {
  const metrics = study.results.map((r) => r.measure.metric);
  const byParameter = new Map<string, Map<string, SobolStudy['rows'][number]>>();
  for (const row of study.rows) {
    const cells = byParameter.get(row.parameter) ?? new Map();
    cells.set(row.metric, row);
    byParameter.set(row.parameter, cells);
  }
  const largest = (parameter: string): number =>
    Math.max(...metrics.map((m) => byParameter.get(parameter)?.get(m)?.ST ?? Number.NEGATIVE_INFINITY).filter(Number.isFinite), Number.NEGATIVE_INFINITY);
  const parameters = study.factors
    .map((f) => f.path)
    .sort((a, b) => largest(b) - largest(a))
    .slice(0, analysis.rows);
  const header = ['parameter', 'range', ...metrics.flatMap((m) => [`${m} S1`, `${m} ST`])];
  const lines = [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (i < 2 ? '---' : '---:')).join(' | ')} |`,
    ...parameters.map((parameter) => {
      const factor = study.factors.find((f) => f.path === parameter);
      const cells = metrics.flatMap((m) => {
        const row = byParameter.get(parameter)?.get(m);
        if (row === undefined) return ['', ''];
        return [`${f2(row.S1)} (${f2(row.S1_low)}–${f2(row.S1_high)})`, `**${f2(row.ST)}** (${f2(row.ST_low)}–${f2(row.ST_high)})`];
      });
      return `| \`${parameter}\` | ${factor?.min}–${factor?.max} | ${cells.join(' | ')} |`;
    }),
  ];
  const spread = study.results
    .map((r) => `${r.measure.metric}: standard deviation ${f2(Math.sqrt(r.variance))} over the design, ${r.samples} of ${study.samples} samples used`)
    .join('; ');
  const shown = parameters.length < study.factors.length ? `The ${parameters.length} parameters of largest ST on any measure, of ${study.factors.length}; all are in sobol.csv. ` : '';
  return [
    start(analysis.name),
    '',
    '```sh',
    `npx ${baselineSobolCommand(analysis)}`,
    '```',
    '',
    `${shown}${study.samples} samples × (${study.factors.length} + 2) = ${study.designPoints} design points × ${study.runs} run${study.runs === 1 ? '' : 's'} = ` +
      `${study.designPoints * study.runs} runs of ${study.plan.scenarios[0]?.weeks ?? 156} weeks, master seed 1: ` +
      `${Math.round(run.seconds)} s of wall time in one thread, on a machine with ${run.cores} cores and a load average of ` +
      `${run.load.map((x) => x.toFixed(2)).join(', ')} (1, 5, 15 minutes) at the end, ${run.date}. ` +
      `Measures in the final week of the first CoP (${spread}).`,
    '',
    ...lines,
    '',
    end(analysis.name),
  ].join('\n');
}

/** Runs an analysis and writes its section into docs/SENSITIVITY.md. */
export async function writeBaselineSobol(analysis: BaselineAnalysis): Promise<void> {
  const started = performance.now();
  let shown = 0;
  const study = await sensitivity({
    method: 'sobol',
    scenario: 'baseline',
    params: [...analysis.params],
    samples: analysis.samples,
    runs: analysis.runs,
    workers: 0,
    seed: 1,
    out: analysis.out,
    onStart: (plan) => process.stderr.write(`${plan.headline}\n`),
    onProgress: (done, total) => {
      if (done - shown >= total / 20 || done === total) {
        shown = done;
        process.stderr.write(`  ${done}/${total} runs, ${Math.round((performance.now() - started) / 1000)} s\n`);
      }
    },
    onWarning: (message) => process.stderr.write(`warning: ${message}\n`),
  });
  const seconds = (performance.now() - started) / 1000;
  const section = renderBaselineSobol(analysis, study, { seconds, load: loadavg(), cores: availableParallelism(), date: new Date().toISOString().slice(0, 10) });
  const path = join(docsDir(), 'SENSITIVITY.md');
  const text = readFileSync(path, 'utf8');
  const from = text.indexOf(start(analysis.name));
  const to = text.indexOf(end(analysis.name));
  if (from < 0 || to < from) throw new Error(`${path}: the markers of ${analysis.name} are missing`);
  await writeFileAtomic(path, `${text.slice(0, from)}${section}${text.slice(to + end(analysis.name).length)}`);
  process.stderr.write(`wrote ${analysis.name} into ${path} (${Math.round(seconds)} s); the study's files are in ${study.out}\n`);
}

// Run as a script (node dist/docs/sensitivity-docs.js), not when imported.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const only = process.argv[2];
  for (const analysis of BASELINE_ANALYSES) if (only === undefined || only === analysis.name) await writeBaselineSobol(analysis);
}
