/**
 * The scripts a report inlines (Vega, Vega-Lite, Vega-Embed), read from the installed
 * packages, so that a report needs no network to draw its charts.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The browser builds of the chart libraries, as text. */
export interface ReportScripts {
  readonly vega: string;
  readonly vegaLite: string;
  readonly vegaEmbed: string;
}

/**
 * Reads the minified browser builds of vega, vega-lite and vega-embed from node_modules.
 * vega-embed's package exports only its module entry, so its bundle is found beside it.
 *
 * @example const scripts = await readReportScripts(); reportHtml(input, scripts)
 */
export async function readReportScripts(): Promise<ReportScripts> {
  const require = createRequire(import.meta.url);
  const buildDir = (pkg: string): string => dirname(require.resolve(pkg));
  const [vega, vegaLite, vegaEmbed] = await Promise.all([
    readFile(join(buildDir('vega'), 'vega.min.js'), 'utf8'),
    readFile(join(buildDir('vega-lite'), 'vega-lite.min.js'), 'utf8'),
    readFile(join(buildDir('vega-embed'), 'vega-embed.min.js'), 'utf8'),
  ]);
  return { vega, vegaLite, vegaEmbed };
}
