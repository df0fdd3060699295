/**
 * The words for a partial merge, in a module of its own without Node.js imports, so that the
 * charts (which the explorer bundles for the browser) can say it too.
 */
import type { Manifest } from './provenance.js';

/**
 * A partial merge in words, for every place it is shown (report title, charts, messages);
 * undefined for a complete output.
 *
 * @example partialLabel({ ...manifest, runs: 134, partial: { replications: 134, of: 200, missing: [{ first: 66, end: 132 }] } })
 * // → 'partial: 134 of 200 replications (missing 66–131)'
 */
export function partialLabel(manifest: Pick<Manifest, 'partial'>): string | undefined {
  const partial = manifest.partial;
  if (partial === undefined) return undefined;
  const missing = partial.missing.map((m) => (m.end - m.first === 1 ? String(m.first) : `${m.first}–${m.end - 1}`));
  return `partial: ${partial.replications} of ${partial.of} replications (missing ${missing.join(', ')})`;
}
