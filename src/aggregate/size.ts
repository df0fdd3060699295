/**
 * The memory a run's results take in the collector, worked out where the layout is defined,
 * so a caller can refuse a run that could not fit before simulating it.
 */
import { N_WEEKLY } from '../engine/result.js';

/**
 * Bytes of the collector's weekly store (by far its largest part): every replication's value
 * of every weekly cell, CoPs × metrics × weeks × runs doubles.
 *
 * @example storeBytes(1, 520, 1000) // → 87_360_000
 */
export function storeBytes(cops: number, weeks: number, runs: number): number {
  return cops * N_WEEKLY * weeks * runs * 8;
}

/**
 * A byte count for humans, in decimal units.
 *
 * @example formatBytes(87_360_000) // → '87 MB'
 * @example formatBytes(2.5e9) // → '2.5 GB'
 */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  return `${Math.round(bytes / 1e6)} MB`;
}
