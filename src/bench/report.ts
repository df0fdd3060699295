/**
 * The benchmark's report: its figures as plain data, the targets they are held against, and
 * the two ways of printing them (a table for people, a JSON object for tools).
 *
 *   measurements ──BenchReport──┬─formatTable──▶ text table with ✓/✗ per target
 *                               └─toJson───────▶ { memberWeeksPerSecond, speedup2, … }
 */
import type { ExplorerFigure } from './explore.js';
import type { MemoryFigure, MergeFigure } from './scale.js';
import type { Spread } from './measure.js';

/** Performance targets. Missing one is printed (✗), never an error. */
export const TARGETS = {
  /** Single-threaded engine throughput at 1,000 employees, member-weeks per second (at least). */
  memberWeeksPerSecond: 6_000_000,
  /** Monte Carlo wall time on 1 worker ÷ on 2 workers (at least). */
  speedup2: 1.8,
  /** 1,000 replications × 1,000 employees × 520 weeks on 2 workers, seconds (below). */
  endToEndSeconds: 60,
  /** Small batches on one kept pool ÷ the same replications in one batch, wall time (at most). */
  smallBatchRatio: 1.1,
  /** Peak memory of a whole copsim run, MB, at every replication count measured (at most): it must not grow with the runs. */
  peakMemoryMB: 500,
} as const;

/** Single-threaded throughput of `simulate` for one organisation size. */
export interface EngineFigure {
  readonly employees: number;
  readonly weeks: number;
  /** Wall time of one replication, seconds. */
  readonly seconds: Spread;
  /** People simulated × weeks ÷ seconds, per repetition. */
  readonly memberWeeksPerSecond: Spread;
}

/** Wall time of one Monte Carlo batch on 1 and on 2 workers. */
export interface SpeedupFigure {
  readonly runs: number;
  readonly employees: number;
  readonly weeks: number;
  readonly seconds1: Spread;
  readonly seconds2: Spread;
  /** Median wall time on 1 worker ÷ median on 2 workers. */
  readonly speedup2: number;
}

/**
 * Many small batches, as calibration and Sobol designs run them: `batches` batches of `size`
 * replications on one kept pool of 2 workers, against the same number of replications in one
 * batch on it, and against small batches that each start their own threads.
 */
export interface SmallBatchFigure {
  readonly batches: number;
  readonly size: number;
  readonly employees: number;
  readonly weeks: number;
  /** All the replications in one batch, seconds. */
  readonly oneBatch: Spread;
  /** The same count in `batches` batches on the same pool, seconds. */
  readonly keptPool: Spread;
  /** The same count in `batches` batches, each starting and stopping its threads, seconds. */
  readonly freshThreads: Spread;
  /** Median `keptPool` ÷ median `oneBatch`. */
  readonly ratio: number;
}

/** Wall time of a whole batch: simulate, summarise, build the tables, write the files. */
export interface EndToEndFigure {
  readonly runs: number;
  readonly employees: number;
  readonly weeks: number;
  readonly workers: number;
  /** Everything: simulating, summarising and writing the tables, charts and report. */
  readonly seconds: number;
  /** Of which writing the files: tables, then charts (spec, SVG, PNG) and report.html. */
  readonly filesSeconds: number;
}

/** Everything one benchmark run measured, and on what. */
export interface BenchReport {
  /** The command line that reproduces the report. */
  readonly command: string;
  /** Day of the measurement, YYYY-MM-DD. */
  readonly date: string;
  /** `process.version`. */
  readonly node: string;
  /** `os.availableParallelism()`. */
  readonly cpus: number;
  /** `os.loadavg()` when the measurement started (1, 5 and 15 minutes). */
  readonly loadAverage: readonly number[];
  readonly quick: boolean;
  readonly engine1k: EngineFigure;
  readonly engine10k: EngineFigure;
  /** 100,000 employees over one year. */
  readonly engine100k: EngineFigure;
  readonly speedup: SpeedupFigure;
  readonly smallBatches: SmallBatchFigure;
  /** `null` when skipped (`--quick`). */
  readonly endToEnd: EndToEndFigure | null;
  /** `copsim run`'s default job: baseline, 200 runs × 156 weeks, with its charts and report. */
  readonly defaultRun: EndToEndFigure;
  /** `copsim explore`'s page in headless Chromium: a change of setting to its first curve and to every replication drawn. */
  readonly explorer?: ExplorerFigure;
  /** Peak memory of a whole `copsim run` at each replication count of the plan. */
  readonly memory?: readonly MemoryFigure[];
  /** `merge` of the plan's shards. */
  readonly merge?: MergeFigure;
}

/** Whether each figure meets its target; `null` for a figure that was not measured. */
export interface TargetsMet {
  readonly memberWeeksPerSecond: boolean;
  /** `null` with `--quick`: its small batch is dominated by worker start-up, not comparable. */
  readonly speedup2: boolean | null;
  readonly endToEndSeconds: boolean | null;
  readonly smallBatchRatio: boolean;
  /** `null` when no run's memory was measured. */
  readonly peakMemoryMB: boolean | null;
}

/**
 * Holds the report's headline figures (medians) against `TARGETS`.
 *
 * @example targetsMet(report) // → { memberWeeksPerSecond: true, speedup2: false, endToEndSeconds: null }
 */
export function targetsMet(report: BenchReport): TargetsMet {
  return {
    memberWeeksPerSecond: report.engine1k.memberWeeksPerSecond.median >= TARGETS.memberWeeksPerSecond,
    speedup2: report.quick ? null : report.speedup.speedup2 >= TARGETS.speedup2,
    endToEndSeconds: report.endToEnd === null ? null : report.endToEnd.seconds < TARGETS.endToEndSeconds,
    smallBatchRatio: report.smallBatches.ratio <= TARGETS.smallBatchRatio,
    peakMemoryMB: report.memory === undefined || report.memory.length === 0 ? null : report.memory.every((m) => m.peakMB <= TARGETS.peakMemoryMB),
  };
}

/**
 * The report as the JSON object `--json` prints: the headline figures first, then the
 * machine, the targets and every detail.
 *
 * @example toJson(report).speedup2 // → 1.93
 */
export function toJson(report: BenchReport): Record<string, unknown> {
  return {
    memberWeeksPerSecond: report.engine1k.memberWeeksPerSecond.median,
    memberWeeksPerSecond10k: report.engine10k.memberWeeksPerSecond.median,
    memberWeeksPerSecond100k: report.engine100k.memberWeeksPerSecond.median,
    speedup2: report.speedup.speedup2,
    endToEndSeconds: report.endToEnd?.seconds ?? null,
    smallBatchRatio: report.smallBatches.ratio,
    node: report.node,
    cpus: report.cpus,
    loadAverage: report.loadAverage,
    date: report.date,
    quick: report.quick,
    command: report.command,
    targets: TARGETS,
    targetsMet: targetsMet(report),
    engine1k: report.engine1k,
    engine10k: report.engine10k,
    engine100k: report.engine100k,
    speedup: report.speedup,
    smallBatches: report.smallBatches,
    endToEnd: report.endToEnd,
    defaultRun: report.defaultRun,
    explorer: report.explorer ?? null,
    memory: report.memory ?? [],
    merge: report.merge ?? null,
  };
}

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Millions with two decimals: 6_123_456 → "6.12 M". */
function millions(value: number): string {
  return `${(value / 1e6).toFixed(2)} M`;
}

function seconds(value: number): string {
  return `${value.toFixed(2)} s`;
}

function mark(met: boolean | null): string {
  return met === null ? '' : met ? '✓' : '✗';
}

/** Columns of the table: what was measured, median, min, max, target, met. */
type Row = readonly [string, string, string, string, string, string];

/** The share of an end-to-end figure spent writing tables, charts and report. */
function filesRow(figure: EndToEndFigure): Row {
  return ['  of which writing tables, charts and report', seconds(figure.filesSeconds), '', '', '', ''];
}

function engineRow(figure: EngineFigure, target: string, met: boolean | null): Row {
  const s = figure.memberWeeksPerSecond;
  return [
    `engine, ${count.format(figure.employees)} employees × ${figure.weeks} weeks (member-weeks/s)`,
    millions(s.median),
    millions(s.min),
    millions(s.max),
    target,
    mark(met),
  ];
}

/** The explorer's rows: a change of setting to the first drawn curve, and to every replication drawn. */
function explorerRows(figure: ExplorerFigure | undefined): Row[] {
  if (figure === undefined) return [];
  if ('skipped' in figure) return [['explorer in headless Chromium', `skipped (${figure.skipped})`, '', '', '', '']];
  const what = `explorer, baseline ${figure.runs} runs × ${figure.weeks} weeks, ${figure.workers} Web Workers: a slider moved`;
  return [
    [`${what} right after the page opened, to the first drawn curve`, seconds(figure.firstCurveSeconds), '', '', '', ''],
    [`  to all ${figure.runs} replications drawn`, seconds(figure.completeSeconds), '', '', '', ''],
    [`  moved again once those were drawn, to the first drawn curve`, seconds(figure.settledFirstCurveSeconds), '', '', '', ''],
    [`  to all ${figure.runs} replications drawn`, seconds(figure.settledCompleteSeconds), '', '', '', ''],
  ];
}

/** Peak memory of whole runs, one row per replication count, and the merge of many shards. */
function scaleRows(memory: readonly MemoryFigure[], merged: MergeFigure | undefined): Row[] {
  const rows: Row[] = memory.map((m) => [
    `peak memory of copsim run, ${count.format(m.runs)} runs × ${count.format(m.employees)} employees × ${m.weeks} weeks, ${m.workers} workers`,
    `${count.format(m.peakMB)} MB`,
    '',
    '',
    `≤ ${TARGETS.peakMemoryMB} MB`,
    mark(m.peakMB <= TARGETS.peakMemoryMB),
  ]);
  if (merged !== undefined) {
    rows.push([
      `merge of ${merged.shards} shards (${merged.runs} runs × ${count.format(merged.employees)} employees × ${merged.weeks} weeks)`,
      seconds(merged.seconds),
      '',
      '',
      '',
      '',
    ]);
  }
  return rows;
}

/**
 * The report as a plain-text table, with the machine, the reproducing command line and a ✓ or
 * ✗ next to each figure that has a target.
 *
 * @example formatTable(report)
 * // → 'copsim benchmark, 2026-11-21, Node v20.20.2, 2 CPUs, load average 0.41 0.52 0.60\n…'
 */
export function formatTable(report: BenchReport): string {
  const met = targetsMet(report);
  const { engine1k, engine10k, engine100k, speedup, smallBatches, endToEnd, defaultRun } = report;
  const small = smallBatches;
  const smallWork = `${small.batches * small.size} runs × ${count.format(small.employees)} employees × ${small.weeks} weeks`;
  const batch = `${speedup.runs} runs × ${count.format(speedup.employees)} employees × ${speedup.weeks} weeks`;
  const rows: Row[] = [
    ['figure', 'median', 'min', 'max', 'target', ''],
    engineRow(engine1k, `≥ ${millions(TARGETS.memberWeeksPerSecond)}`, met.memberWeeksPerSecond),
    engineRow(engine10k, '', null),
    engineRow(engine100k, '', null),
    [`Monte Carlo ${batch}, 1 worker`, seconds(speedup.seconds1.median), seconds(speedup.seconds1.min), seconds(speedup.seconds1.max), '', ''],
    [`Monte Carlo ${batch}, 2 workers`, seconds(speedup.seconds2.median), seconds(speedup.seconds2.min), seconds(speedup.seconds2.max), '', ''],
    [
      'speed-up from 1 to 2 workers',
      speedup.speedup2.toFixed(2),
      '',
      '',
      met.speedup2 === null ? 'not comparable (--quick)' : `≥ ${TARGETS.speedup2}`,
      mark(met.speedup2),
    ],
    [`${smallWork} in one batch, 2 workers`, seconds(small.oneBatch.median), seconds(small.oneBatch.min), seconds(small.oneBatch.max), '', ''],
    [
      `  in ${small.batches} batches of ${small.size} on one kept pool`,
      seconds(small.keptPool.median),
      seconds(small.keptPool.min),
      seconds(small.keptPool.max),
      '',
      '',
    ],
    [
      `  in ${small.batches} batches of ${small.size}, threads started per batch`,
      seconds(small.freshThreads.median),
      seconds(small.freshThreads.min),
      seconds(small.freshThreads.max),
      '',
      '',
    ],
    ['  small batches on the kept pool ÷ one batch', small.ratio.toFixed(2), '', '', `≤ ${TARGETS.smallBatchRatio}`, mark(met.smallBatchRatio)],
    endToEnd === null
      ? ['end-to-end batch', 'skipped (--quick)', '', '', `< ${TARGETS.endToEndSeconds} s`, '']
      : [
          `end-to-end ${count.format(endToEnd.runs)} runs × ${count.format(endToEnd.employees)} employees × ` +
            `${endToEnd.weeks} weeks, ${endToEnd.workers} workers`,
          seconds(endToEnd.seconds),
          '',
          '',
          `< ${TARGETS.endToEndSeconds} s`,
          mark(met.endToEndSeconds),
        ],
    ...(endToEnd === null ? [] : [filesRow(endToEnd)]),
    [
      `default copsim run: baseline, ${defaultRun.runs} runs × ${defaultRun.weeks} weeks, ${defaultRun.workers} workers`,
      seconds(defaultRun.seconds),
      '',
      '',
      '',
      '',
    ],
    filesRow(defaultRun),
    ...explorerRows(report.explorer),
    ...scaleRows(report.memory ?? [], report.merge),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const lines = rows.map((row) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ')
      .trimEnd(),
  );
  const load = report.loadAverage.map((value) => value.toFixed(2)).join(' ');
  const notes = [
    `repetitions: engine ${engine1k.seconds.n} per size, Monte Carlo ${speedup.seconds1.n} per worker count, small batches ${small.oneBatch.n}`,
    'figures are indicative: other processes on the machine change them',
  ];
  if (report.cpus < 2) notes.push('fewer than 2 CPUs are available, so no speed-up from a second worker is possible');
  return [
    `copsim benchmark, ${report.date}, Node ${report.node}, ${report.cpus} CPUs, load average ${load}`,
    `reproduce with: ${report.command}`,
    '',
    ...lines,
    '',
    ...notes,
    '',
  ].join('\n');
}
