/**
 * Progress of a run on stderr: a bar redrawn in place (at most ten times a second) on a
 * terminal, else one line at the start and one at the end, so logs stay short.
 */
import type { Io } from './io.js';

/**
 * One frame of the progress bar.
 *
 * @example renderBar(120, 200, 4.07, 10) // → '[######....] 120/200 replications  4.1s'
 */
export function renderBar(done: number, total: number, seconds: number, width = 20): string {
  const filled = total > 0 ? Math.min(width, Math.floor((done / total) * width)) : width;
  // Time left, extrapolated from the pace so far, once a few replications give a pace.
  const left = done >= 2 && done < total ? `, about ${formatDuration((seconds / done) * (total - done))} left` : '';
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} replications  ${seconds.toFixed(1)}s${left}`;
}

/**
 * A short, rounded duration for humans.
 *
 * @example formatDuration(4.2) // → '5s'
 * @example formatDuration(125) // → '2 min 5s'
 */
function formatDuration(seconds: number): string {
  const s = Math.ceil(seconds);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return `${m} min ${s - 60 * m}s`;
}

/** Reports progress of one run. */
export interface Progress {
  /** Announces the run: a line when not on a terminal. */
  start(): void;
  /** Replications done so far; redraws the bar if enough time has passed. */
  update(done: number, total: number): void;
  /** Ends the bar (or prints the closing line) after success. */
  finish(): void;
  /** Ends the bar line after a failure or interruption, so messages start on a new line. */
  stop(): void;
}

/** Options of `createProgress`. */
export interface ProgressOptions {
  /** Printed at the start when not on a terminal, e.g. "copsim: baseline, 200 runs × 156 weeks on 2 workers…". */
  readonly headline: string;
  readonly quiet: boolean;
  /** Milliseconds since some fixed point; injectable for tests. Default `performance.now`. */
  readonly now?: () => number;
}

const REDRAW_MS = 100;

/** A progress reporter on `io.err`, silent when `quiet`. */
export function createProgress(io: Io, options: ProgressOptions): Progress {
  const now = options.now ?? (() => performance.now());
  const started = now();
  let lastDraw = Number.NEGATIVE_INFINITY;
  let drawn = false;
  const seconds = (): number => (now() - started) / 1000;
  const barWidth = Math.max(10, Math.min(40, io.errColumns - 40));
  const draw = (done: number, total: number): void => {
    io.err(`\r${renderBar(done, total, seconds(), barWidth)}`);
    drawn = true;
    lastDraw = now();
  };
  let last = { done: 0, total: 0 };

  if (options.quiet) return { start() {}, update() {}, finish() {}, stop() {} };
  if (!io.errIsTTY) {
    return {
      start: () => io.err(`${options.headline}\n`),
      update() {},
      finish: () => io.err(`done in ${seconds().toFixed(1)} s\n`),
      stop() {},
    };
  }
  return {
    start: () => io.err(`${options.headline}\n`),
    update(done, total) {
      last = { done, total };
      if (done === total || now() - lastDraw >= REDRAW_MS) draw(done, total);
    },
    finish() {
      draw(last.total === 0 ? 0 : last.done, last.total);
      io.err(`\ndone in ${seconds().toFixed(1)} s\n`);
    },
    stop() {
      if (drawn) io.err('\n');
    },
  };
}
