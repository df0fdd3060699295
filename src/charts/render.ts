/**
 * Rendering in Node, with no browser and no network: Vega-Lite spec → Vega spec → SVG text
 * (vega's headless view) → PNG bytes (resvg, with the system's fonts).
 *
 *   TopLevelSpec ──compileSpec──▶ Vega spec ──View(renderer 'none').toSVG──▶ SVG ──resvg──▶ PNG
 *
 * vega and vega-lite are imported when first needed, not when copsim is loaded: their module
 * graph has a top-level await, which `require('copsim')` (CommonJS callers, notebook kernels
 * that compile to CommonJS) cannot load.
 */
import { Resvg } from '@resvg/resvg-js';
import type { Loader, Spec } from 'vega';
import type { compile } from 'vega-lite';
import { dejaVuTextWidth } from './text-width.js';
import type { TopLevelSpec } from './types.js';

type Logger = NonNullable<NonNullable<Parameters<typeof compile>[1]>['logger']>;

/**
 * The chart libraries, imported once on first use. Vega is given DejaVu Sans' text widths
 * (`dejaVuTextWidth`): in Node it has no canvas to measure text, and its own estimate (0.8 em
 * a character) lays charts out far wider than their titles and legends are drawn.
 */
let libraries: Promise<[typeof import('vega'), typeof import('vega-lite')]> | undefined;
function chartLibraries(): Promise<[typeof import('vega'), typeof import('vega-lite')]> {
  libraries ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vegaLite]) => {
    // vega-scenegraph's `textMetrics` (untyped in vega's typings) takes a width function.
    (vega as unknown as { textMetrics: { width: typeof dejaVuTextWidth } }).textMetrics.width = dejaVuTextWidth;
    return [vega, vegaLite];
  });
  return libraries;
}

/** A compiled spec and the warnings Vega-Lite gave while compiling it. */
export interface CompiledSpec {
  vega: Spec;
  warnings: string[];
}

/**
 * Compiles a Vega-Lite spec to Vega, collecting Vega-Lite's warnings instead of printing them.
 * Rejects a spec Vega-Lite cannot compile.
 *
 * @example (await compileSpec(chart.spec)).warnings // → []
 */
export async function compileSpec(spec: TopLevelSpec): Promise<CompiledSpec> {
  const [, { compile }] = await chartLibraries();
  const log: Log = { warnings: [], errors: [] };
  // A copy: Vega tags the inline data objects it ingests, which would change the caller's spec.
  const vega = compile(structuredClone(spec), { logger: collectingLogger(log) }).spec;
  if (log.errors.length > 0) throw new Error(`the chart does not compile: ${log.errors.join('; ')}`);
  return { vega, warnings: log.warnings };
}

/**
 * Renders a Vega-Lite spec to SVG text in Node. Data must be inline: the loader refuses every
 * URL and file, so rendering never touches the network or the disk, and a spec that asks for
 * one is rejected. Warnings are dropped (see `compileSpec` to read them). The spec is not
 * modified.
 *
 * @example const svg = await renderSvg(chart.spec) // → '<svg xmlns="http://www.w3.org/2000/svg" ...'
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const [{ parse, View }] = await chartLibraries();
  const { vega } = await compileSpec(spec);
  const log: Log = { warnings: [], errors: [] };
  const refused: string[] = [];
  const view = new View(parse(vega), { renderer: 'none', loader: refusingLoader(refused), logger: collectingLogger(log) });
  try {
    const svg = await view.toSVG();
    if (refused.length > 0) {
      throw new Error(`charts are rendered from inline data only; the spec asks to load ${refused.join(', ')}`);
    }
    if (log.errors.length > 0) throw new Error(`the chart does not render: ${log.errors.join('; ')}`);
    return numberClips(svg);
  } finally {
    view.finalize();
  }
}

/**
 * Vega numbers the clip paths it draws from one counter per process, so the same chart drawn
 * after others gets other ids (clip5 where a fresh process writes clip1). Renumbered in order
 * of first appearance, the SVG depends on the chart alone.
 *
 * @example numberClips('<clipPath id="clip7"/><g clip-path="url(#clip7)"/>') // → '<clipPath id="clip1"/><g clip-path="url(#clip1)"/>'
 */
export function numberClips(svg: string): string {
  const ids = new Map<string, string>();
  return svg.replace(/(id="|url\(#)(clip\d+)/g, (_, lead: string, id: string) => {
    let to = ids.get(id);
    if (to === undefined) ids.set(id, (to = `clip${ids.size + 1}`));
    return `${lead}${to}`;
  });
}

/** Default font family of PNGs: installed with Debian's fonts-dejavu-core. */
export const PNG_FONT_FAMILY = 'DejaVu Sans';

/**
 * Rasterises SVG text to PNG bytes, `scale` pixels per SVG unit (default 2, sharp on
 * high-density screens and in print), on a white background, with the system's fonts and
 * `PNG_FONT_FAMILY` for generic and unknown families.
 *
 * @example renderPng(svg) // → Uint8Array starting 0x89 'PNG', twice the SVG's width and height
 */
export function renderPng(svg: string, scale = 2): Uint8Array {
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`PNG scale must be a positive number, got ${scale}`);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: {
      loadSystemFonts: true,
      defaultFontFamily: PNG_FONT_FAMILY,
      sansSerifFamily: PNG_FONT_FAMILY,
    },
  });
  const png = resvg.render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}

/**
 * A Vega loader that loads nothing (charts carry their data inline) and notes in `refused`
 * what it was asked for: Vega only warns when a load fails and would render the chart empty.
 */
function refusingLoader(refused: string[]): Loader {
  const refuse = (uri: string): Promise<never> => {
    refused.push(uri);
    return Promise.reject(new Error(`charts are rendered from inline data only; refusing to load ${uri}`));
  };
  return { load: refuse, sanitize: refuse, http: refuse, file: refuse };
}

/** Messages a logger collected. */
interface Log {
  warnings: string[];
  errors: string[];
}

/** A logger that collects warnings and errors in `log` and prints nothing. */
function collectingLogger(log: Log): Logger {
  let level = 0;
  const logger: Logger = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error(...args: unknown[]) {
      log.errors.push(args.map(String).join(' '));
      return logger;
    },
    warn(...args: unknown[]) {
      log.warnings.push(args.map(String).join(' '));
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger;
}
