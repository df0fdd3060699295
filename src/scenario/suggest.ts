/**
 * Nearest-match suggestions for misspelt keys, enum values and scenario names.
 *
 * Distance is the optimal string alignment variant of Damerau–Levenshtein: insertions,
 * deletions, substitutions and swaps of adjacent letters each cost 1, so `partcipation` is
 * 1 from `participation` and `mandatry` is 1 from `mandatory`.
 */

/**
 * Edit distance between two strings (optimal string alignment; adjacent swaps cost 1).
 *
 * @example
 * editDistance('mandatry', 'mandatory'); // 1
 * editDistance('ab', 'ba'); // 1
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * The candidate closest to `word`, or undefined when none is close enough to be a likely typo.
 *
 * Comparison ignores case; a candidate qualifies when its distance is at most
 * max(2, a third of the longer length). Ties go to the earlier candidate, so results are
 * deterministic for a fixed candidate order.
 *
 * @example
 * nearest('partcipation', ['participation', 'steering']); // 'participation'
 * nearest('zzz', ['participation']); // undefined
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    const distance = editDistance(w, c);
    const limit = Math.max(2, Math.floor(Math.max(w.length, c.length) / 3));
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
