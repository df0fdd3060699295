/**
 * Aggregation: replications collected by index, then summarised into tidy tables.
 *
 *   RunResult ×runs ──createCollector().add──▶ Collected ──summarize──────▶ SummaryRow[]
 *                                                        ├─replicationTable─▶ ReplicationTable (replicationRows: as objects)
 *                                                        └─keyFigures──────▶ CopKeyFigures[]
 */
export { createCollector } from './collect.js';
export { formatBytes, storeBytes } from './size.js';
export { keyFigures, type CopKeyFigures, type Estimate } from './key-figures.js';
export { replicationRows } from './replication-rows.js';
export { ReplicationTable, replicationTable } from './replication-table.js';
export { SUMMARY_LEVEL, summarize } from './summarize.js';
export {
  REPLICATION_COLUMNS,
  SUMMARY_COLUMNS,
  type Collected,
  type Collector,
  type ReplicationRow,
  type SummaryRow,
} from './types.js';
