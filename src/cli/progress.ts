/**
 * Progress of a run on stderr: a bar redrawn in place (at most ten times a second) on a
 * terminal, fitted to its width, else one line at the start and one at the end, so logs stay
 * short.
 */
import type { Io } from './io.js';

/**
 * One frame of the progress bar, with a bar `width` characters wide.
 *
 * @example renderBar(120, 200, 4.07, 10) // → '[######....] 120/200 replications  4.1s, about 3s left'
 */
export function renderBar(done: number, total: number, seconds: number, width = 20): string {
  return `${bar(done, total, width)} ${frameTexts(done, total, seconds, false)[0]}`;
}

/**
 * One frame that fits a terminal `columns` wide: shorter than `columns`, so the cursor never
 * reaches the last column and a redraw with `\r` stays on its line. What gives way as the
 * terminal narrows: the bar shrinks (to 10), then the word "replications" goes, then the bar,
 * then the time left. `final` drops the time left: the last frame shows only the elapsed time.
 *
 * @example renderFrame(120, 200, 4.07, 80) // → '[#####################..............] 120/200 replications  4.1s, about 3s left'
 * @example renderFrame(120, 200, 4.07, 30) // → '120/200  4.1s, about 3s left'
 */
export function renderFrame(done: number, total: number, seconds: number, columns: number, final = false): string {
  const room = Math.max(1, Math.floor(columns) - 1);
  const [full, short, bare] = frameTexts(done, total, seconds, final);
  const withBar = (text: string): string | undefined => {
    const width = Math.min(MAX_BAR, room - text.length - 3);
    return width >= MIN_BAR ? `${bar(done, total, width)} ${text}` : undefined;
  };
  const frame = withBar(full) ?? withBar(short) ?? [short, withBar(bare), bare].find((text) => text !== undefined && text.length <= room);
  return frame ?? bare.slice(0, room);
}

const MAX_BAR = 40;
const MIN_BAR = 10;

function bar(done: number, total: number, width: number): string {
  const filled = total > 0 ? Math.min(width, Math.floor((done / total) * width)) : width;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

/** The text beside the bar: in full, without "replications", and without the time left. */
function frameTexts(done: number, total: number, seconds: number, final: boolean): [string, string, string] {
  // Time left, extrapolated from the pace so far, once a few replications give a pace.
  const left =
    !final && done >= 2 && done < total ? `, about ${formatDuration((seconds / done) * (total - done))} left` : '';
  const time = `${seconds.toFixed(1)}s`;
  return [`${done}/${total} replications  ${time}${left}`, `${done}/${total}  ${time}${left}`, `${done}/${total}  ${time}`];
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

/** ANSI "erase to end of line". */
export const CLEAR_TO_END = '\x1b[K';

/** A progress reporter on `io.err`, silent when `quiet`. */
export function createProgress(io: Io, options: ProgressOptions): Progress {
  const now = options.now ?? (() => performance.now());
  const started = now();
  let lastDraw = Number.NEGATIVE_INFINITY;
  let drawn = false;
  const seconds = (): number => (now() - started) / 1000;
  // Back to the start of the line, the frame, then clear what a longer frame left behind.
  const draw = (done: number, total: number, final = false): void => {
    io.err(`\r${renderFrame(done, total, seconds(), io.errColumns, final)}${CLEAR_TO_END}`);
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
      draw(last.total === 0 ? 0 : last.done, last.total, true);
      io.err(`\ndone in ${seconds().toFixed(1)} s\n`);
    },
    stop() {
      if (drawn) io.err('\n');
    },
  };
}
