/**
 * replicationRows: the per-run figures of every replication, as the rows of replications.csv.
 */
import { replicationTable } from './replication-table.js';
import type { Collected, ReplicationRow } from './types.js';

/**
 * One row per replication × CoP × run figure, in that order (replication index, CoP in
 * scenario order, figure in RUN_FIGURES order), each with the replication's seed. An empty
 * figure (e.g. the death week of a CoP that lived) has value NaN. The rows of
 * `replicationTable(collected, scenario)`, as objects: for a large batch, use the table.
 *
 * @example replicationRows(collected, 'baseline')[0]
 * // → { scenario: 'baseline', replication: 0, seed: 2846173710, cop: 'cop1', metric: 'death_week', value: NaN }
 */
export function replicationRows(collected: Collected, scenario: string): ReplicationRow[] {
  return replicationTable(collected, scenario).rows();
}
