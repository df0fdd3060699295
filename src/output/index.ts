/**
 * Output files: CSV text, atomic writes and the manifest.
 *
 *   SummaryRow[]     ─┐
 *   ReplicationRow[] ─┼─writeRunOutput─▶ summary.csv, replications.csv, manifest.json
 *   Manifest         ─┘
 */
export { writeFileAtomic } from './atomic.js';
export { checkWritableDirectory, makeDirectory } from './directory.js';
export { toCsv } from './csv.js';
export {
  copsimVersion,
  createManifest,
  MANIFEST_KEYS,
  SEED_DERIVATION,
  serializeManifest,
  type Manifest,
  type ManifestInput,
} from './provenance.js';
export { writeRunOutput, type RunOutput, type RunOutputFiles } from './write.js';
export {
  readRunOutput,
  parseCsv,
  parseSummaryCsv,
  parseReplicationsCsv,
  parseManifest,
  RunOutputError,
  type CsvRecord,
  type RunOutputRead,
} from './read.js';
export { buildRunOutput, type RunProvenance } from './run-output.js';
