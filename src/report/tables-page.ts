/**
 * A study's report page made of tables and charts (the calibration's), as one self-contained
 * HTML page in the style of a run's report: the same styles, chart drawing and provenance
 * footer, the libraries and specs inlined.
 *
 *   TablesPage + ReportScripts ──tablesPageHtml──▶ report.html text
 */
import type { NamedChart } from '../charts/types.js';
import type { ReportScripts } from './assets.js';
import { formatNumber } from './format-number.js';
import { chartAnchors, chartsSection, escapeHtml, pageEnd, pageHead, paragraphs, provenanceFooter } from './html.js';
import type { ProvenanceLine } from './input.js';

/** A table of the page; numbers are formatted and right-aligned. */
export interface PageTable {
  /** Fragment id, e.g. `posterior`. */
  readonly id: string;
  readonly heading: string;
  /** Paragraphs above the table (blank lines separate them). */
  readonly intro?: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
  /** A note below the table. */
  readonly note?: string;
}

/** What the page shows; all text is escaped when rendered. */
export interface TablesPage {
  /** The line above the title, e.g. `copsim calibration`. */
  readonly kicker: string;
  readonly title: string;
  /** Paragraphs under the title (blank lines separate them). */
  readonly description: string;
  readonly tables: readonly PageTable[];
  readonly charts: readonly NamedChart[];
  readonly provenance: readonly ProvenanceLine[];
}

/**
 * The page: header, contents, description, every table, every chart, provenance. Pure.
 *
 * @example tablesPageHtml({ kicker: 'copsim calibration', title: 'patterns', description, tables, charts, provenance }, await readReportScripts())
 */
export function tablesPageHtml(page: TablesPage, scripts: ReportScripts): string {
  const anchors = chartAnchors(page.charts);
  const chartItems = page.charts.map((chart, i) => `<li><a href="#${anchors[i] ?? ''}">${escapeHtml(chart.title)}</a></li>`).join('\n');
  return [
    ...pageHead(`${page.title}: ${page.kicker}`),
    '<header>',
    `<p class="kicker">${escapeHtml(page.kicker)}</p>`,
    `<h1>${escapeHtml(page.title)}</h1>`,
    '</header>',
    '<nav aria-label="Contents">',
    '<h2>Contents</h2>',
    '<ol>',
    '<li><a href="#about">About</a></li>',
    ...page.tables.map((t) => `<li><a href="#${escapeHtml(t.id)}">${escapeHtml(t.heading)}</a></li>`),
    `<li><a href="#charts">Charts</a>${page.charts.length > 0 ? `\n<ol>\n${chartItems}\n</ol>\n` : ''}</li>`,
    '<li><a href="#provenance">Provenance</a></li>',
    '</ol>',
    '</nav>',
    '<main>',
    ['<section id="about">', '<h2>About</h2>', paragraphs(page.description), '</section>'].join('\n'),
    ...page.tables.map(tableSection),
    chartsSection(page.charts, anchors),
    '</main>',
    provenanceFooter(page),
    ...pageEnd(scripts),
  ].join('\n');
}

function tableSection(table: PageTable): string {
  const numeric = table.columns.map((_, c) => table.rows.length > 0 && table.rows.every((row) => typeof row[c] === 'number'));
  const head = table.columns.map((title, c) => `<th${numeric[c] ? ' class="num"' : ''}>${escapeHtml(title)}</th>`).join('');
  const body = table.rows
    .map(
      (row) =>
        '<tr>' +
        row.map((cell, c) => (typeof cell === 'number' ? `<td${numeric[c] ? ' class="num"' : ''}>${escapeHtml(formatNumber(cell))}</td>` : `<td>${escapeHtml(cell)}</td>`)).join('') +
        '</tr>',
    )
    .join('\n');
  return [
    `<section id="${escapeHtml(table.id)}">`,
    `<h2>${escapeHtml(table.heading)}</h2>`,
    table.intro === undefined ? '' : paragraphs(table.intro),
    '<table>',
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>\n${body}\n</tbody>`,
    '</table>',
    table.note === undefined ? '' : `<p class="note">${escapeHtml(table.note)}</p>`,
    '</section>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}
