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
  return partial === undefined ? undefined : coverageLabel(partial.replications, partial.of, 'replications', partial.missing);
}

/**
 * What a partial merge has of what, in words: `count` of `of` `unit`, and the ranges missing.
 *
 * @example coverageLabel(3, 5, 'design points', [{ first: 1, end: 3 }]) // → 'partial: 3 of 5 design points (missing 1–2)'
 */
export function coverageLabel(count: number, of: number, unit: string, missing: readonly { readonly first: number; readonly end: number }[]): string {
  const ranges = missing.map((m) => (m.end - m.first === 1 ? String(m.first) : `${m.first}–${m.end - 1}`));
  return `partial: ${count} of ${of} ${unit} (missing ${ranges.join(', ')})`;
}
