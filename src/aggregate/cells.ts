/**
 * The one place that knows how `Collected` lays out its numbers. A cell is the values of one
 * series at one point, one per replication, in replication order:
 *
 *   weekly:  index ((cop × N_WEEKLY + metric) × weeks + week) × runs + replication
 *   figures: index (cop × N_FIGURES + figure) × runs + replication
 *
 * In memory, the accessors return `subarray` views (no copy): reading is free, writing into one
 * writes into the batch. A batch kept on disk (`Collected.store`) is read into new arrays.
 */
import { FIGURE_INDEX, N_FIGURES, N_WEEKLY, WEEKLY_INDEX, type RunFigure, type WeeklyMetric } from '../engine/result.js';
import type { Collected } from './types.js';

/** The parts of `Collected` a cell is read from (a merged or reloaded batch has them too). */
export type CollectedCells = Pick<Collected, 'weeks' | 'runs' | 'weekly' | 'figures' | 'store'>;

/**
 * The weekly metric of CoP `cop` (its index in `copIds`) in `week`, one value per replication.
 *
 * @example weeklyCell(collected, 0, 'members', collected.weeks - 1) // → Float64Array(runs): final members
 */
export function weeklyCell(collected: CollectedCells, cop: number, metric: WeeklyMetric | number, week: number): Float64Array {
  return weeklyBlock(collected, cop, metric, week, week + 1);
}

/**
 * The weekly metric of CoP `cop` over weeks [from, to): index (week − from) × runs +
 * replication. A view into the batch when it is in memory; read from its store (a new array)
 * when it is on disk.
 *
 * @example weeklyBlock(collected, 0, 'members', 0, collected.weeks) // → every run's members curve, week by week
 */
export function weeklyBlock(collected: CollectedCells, cop: number, metric: WeeklyMetric | number, from: number, to: number): Float64Array {
  const { weeks, runs, weekly, store } = collected;
  const m = typeof metric === 'number' ? metric : WEEKLY_INDEX[metric];
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to > weeks || from >= to) {
    throw new RangeError(`weeklyBlock: weeks ${from} to ${to} are not a range of 0..${weeks}`);
  }
  const series = cop * N_WEEKLY + m;
  if (store !== undefined) return store.read(series, from, to, new Float64Array((to - from) * runs));
  const start = (series * weeks + from) * runs;
  return weekly.subarray(start, start + (to - from) * runs);
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

/**
 * Replication `slot`'s weekly values in a run's own layout (series cop × N_WEEKLY + metric,
 * then week), into `into` (CoPs × N_WEEKLY × weeks values), from memory or from the store.
 *
 * @example weeklyOfReplication(collected, 0, new Float64Array(collected.copIds.length * N_WEEKLY * collected.weeks))
 */
export function weeklyOfReplication(collected: CollectedCells, slot: number, into: Float64Array): Float64Array {
  const { weeks, runs, weekly, store } = collected;
  if (store !== undefined) return store.replication(slot, into);
  const series = weekly.length / (weeks * runs);
  for (let s = 0, at = 0; s < series; s++) {
    for (let w = 0; w < weeks; w++, at++) into[at] = weekly[(s * weeks + w) * runs + slot] as number;
  }
  return into;
}
