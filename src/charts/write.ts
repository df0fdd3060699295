/**
 * writeCharts: each chart as its spec, an SVG and a PNG, written atomically.
 */
import { join } from 'node:path';
import { writeFileAtomic } from '../output/atomic.js';
import { renderPng, renderSvg } from './render.js';
import type { NamedChart } from './types.js';

/**
 * Writes `<name>.vl.json` (pretty JSON with a trailing newline), `<name>.svg` and `<name>.png`
 * (scale 2) for each chart into `dir`, which must exist, each file atomically. Charts are
 * rendered one after the other, so the files of equal charts are written in the same order.
 * Returns the paths written, in that order.
 *
 * @example await writeCharts('copsim-out/baseline', runCharts(output))
 * // → ['copsim-out/baseline/participation.vl.json', 'copsim-out/baseline/participation.svg', ...]
 */
export async function writeCharts(dir: string, charts: readonly NamedChart[]): Promise<string[]> {
  const written: string[] = [];
  for (const chart of charts) {
    checkName(chart.name);
    const svg = await renderSvg(chart.spec);
    const files: [string, string | Uint8Array][] = [
      [`${chart.name}.vl.json`, `${JSON.stringify(chart.spec, null, 2)}\n`],
      [`${chart.name}.svg`, svg],
      [`${chart.name}.png`, renderPng(svg)],
    ];
    for (const [file, data] of files) {
      const path = join(dir, file);
      await writeFileAtomic(path, data);
      written.push(path);
    }
  }
  return written;
}

/** A chart's name is a file stem: no path separators, no leading dot. */
function checkName(name: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
    throw new Error(`chart name "${name}" is not a file stem (letters, digits, . _ -, not starting with . or -)`);
  }
}
