/**
 * The one place that knows how `Collected` lays out its numbers. A cell is the values of one
 * series at one point, one per replication, in replication order:
 *
 *   weekly:  index ((cop × N_WEEKLY + metric) × weeks + week) × runs + replication
 *   figures: index (cop × N_FIGURES + figure) × runs + replication
 *
 * Both accessors return `subarray` views (no copy): reading is free, writing into one writes
 * into the batch.
 */
import { FIGURE_INDEX, N_FIGURES, N_WEEKLY, WEEKLY_INDEX, type RunFigure, type WeeklyMetric } from '../engine/result.js';
import type { Collected } from './types.js';

/** The parts of `Collected` a cell is read from (a merged or reloaded batch has them too). */
export type CollectedCells = Pick<Collected, 'weeks' | 'runs' | 'weekly' | 'figures'>;

/**
 * The weekly metric of CoP `cop` (its index in `copIds`) in `week`, one value per replication.
 *
 * @example weeklyCell(collected, 0, 'members', collected.weeks - 1) // → Float64Array(runs): final members
 */
export function weeklyCell(collected: CollectedCells, cop: number, metric: WeeklyMetric | number, week: number): Float64Array {
  const { weeks, runs, weekly } = collected;
  const m = typeof metric === 'number' ? metric : WEEKLY_INDEX[metric];
  const start = ((cop * N_WEEKLY + m) * weeks + week) * runs;
  return weekly.subarray(start, start + runs);
}

/**
 * The per-run figure of CoP `cop` (its index in `copIds`), one value per replication.
 *
 * @example figureCell(collected, 0, 'death_week') // → Float64Array(runs), NaN where the CoP lived
 */
export function figureCell(collected: CollectedCells, cop: number, figure: RunFigure | number): Float64Array {
  const { runs, figures } = collected;
  const f = typeof figure === 'number' ? figure : FIGURE_INDEX[figure];
  const start = (cop * N_FIGURES + f) * runs;
  return figures.subarray(start, start + runs);
}
