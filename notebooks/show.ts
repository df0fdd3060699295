/**
 * showChart: displays a copsim chart (a Vega-Lite spec) in a notebook as one output that
 * carries the chart three ways, so that every viewer and exporter finds one it keeps:
 *
 * - `image/svg+xml`, the chart as drawn (renderSvg);
 * - `image/png`, the same chart rasterised at twice its size (renderPng), shown at its size;
 * - `text/html`, that PNG as an `<img>`. Jupyter prefers HTML to SVG and SVG to PNG, and
 *   Debian's `jupyter nbconvert --to html` (nbconvert 6.5) empties inline SVG
 *   (jupyter/nbconvert#1849), so without the HTML an exported notebook shows blank charts.
 *
 * tslab's `display` sends one type per output, so the output is written through the kernel's
 * own display writer (tslab 1.0.22, the version scripts/setup-notebooks.sh installs).
 */
import { renderPng, renderSvg } from 'copsim';

declare const require: { cache: Record<string, { exports: unknown } | undefined> };
declare const Buffer: { from(bytes: Uint8Array): { toString(encoding: 'base64'): string } };

type Spec = Parameters<typeof renderSvg>[0];
interface DisplayData {
  data: Record<string, string>;
  metadata: Record<string, unknown>;
  transient: Record<string, unknown>;
}
type WriteDisplayData = (output: DisplayData, update: boolean) => void;

/** Renders `spec` and displays it; `alt` (default: the spec's title) describes it in words. */
export async function showChart(spec: Spec, alt?: string): Promise<void> {
  const svg = await renderSvg(spec);
  const size = /^<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(svg);
  const width = Number(size?.[1] ?? 0);
  const height = Number(size?.[2] ?? 0);
  const png = Buffer.from(renderPng(svg, 2)).toString('base64');
  const text = alt ?? titleOf(spec) ?? 'chart';
  writer()(
    {
      data: {
        'text/html': `<img src="data:image/png;base64,${png}" width="${width}" height="${height}" alt="${escapeAttribute(text)}">`,
        'image/svg+xml': svg,
        'image/png': png,
        'text/plain': text,
      },
      metadata: { 'image/png': { width, height } },
      transient: {},
    },
    false,
  );
}

function writer(): WriteDisplayData {
  const key = Object.keys(require.cache).find((path) => /[\\/]tslab[\\/]dist[\\/]jupyter\.js$/.test(path));
  const jupyter = key === undefined ? undefined : (require.cache[key]?.exports as { lastWriteDisplayData?: WriteDisplayData | null });
  const write = jupyter?.lastWriteDisplayData;
  if (typeof write !== 'function') {
    throw new Error('showChart runs in the tslab kernel only (set it up with scripts/setup-notebooks.sh)');
  }
  return write;
}

function titleOf(spec: Spec): string | undefined {
  const title = (spec as { title?: unknown }).title;
  if (typeof title === 'string') return title;
  if (typeof title === 'object' && title !== null && typeof (title as { text?: unknown }).text === 'string') {
    return (title as { text: string }).text;
  }
  return undefined;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
