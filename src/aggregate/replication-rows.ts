/**
 * replicationRows: the per-run figures of every replication, as the rows of replications.csv.
 */
import { N_FIGURES, RUN_FIGURES } from '../engine/result.js';
import { figureCell } from './cells.js';
import type { Collected, ReplicationRow } from './types.js';

/**
 * One row per replication × CoP × run figure, in that order (replication index, CoP in
 * scenario order, figure in RUN_FIGURES order), each with the replication's seed. An empty
 * figure (e.g. the death week of a CoP that lived) has value NaN.
 *
 * @example replicationRows(collected, 'baseline')[0]
 * // → { scenario: 'baseline', replication: 0, seed: 2846173710, cop: 'cop1', metric: 'death_week', value: NaN }
 */
export function replicationRows(collected: Collected, scenario: string): ReplicationRow[] {
  const { copIds, runs, seeds } = collected;
  const rows: ReplicationRow[] = [];
  for (let r = 0; r < runs; r++) {
    const seed = seeds[r] as number;
    for (let c = 0; c < copIds.length; c++) {
      const cop = copIds[c] as string;
      for (let f = 0; f < N_FIGURES; f++) {
        rows.push({
          scenario,
          replication: r,
          seed,
          cop,
          metric: RUN_FIGURES[f] as ReplicationRow['metric'],
          value: figureCell(collected, c, f)[r] as number,
        });
      }
    }
  }
  return rows;
}
