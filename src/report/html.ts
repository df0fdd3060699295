/**
 * reportHtml: a run's report as one self-contained HTML page. The chart libraries and every
 * spec are inlined, so the page draws its charts from a file with no network.
 *
 *   ReportInput + ReportScripts ──reportHtml──▶ report.html text
 *
 * Every text that comes from a scenario file (name, description, CoP ids, setting values) is
 * escaped; inlined scripts and specs are made unable to close their `<script>` element.
 */
import type { NamedChart } from '../charts/types.js';
import type { ReportScripts } from './assets.js';
import { formatNumber } from './format-number.js';
import { KEY_FIGURE_HEADER, keyFigureCells } from './key-figure-cells.js';
import type { ReportInput } from './input.js';
import type { SettingDifference } from './settings-diff.js';

/** Options passed to `vegaEmbed` for every chart: no action menu, SVG so marks are elements. */
export const EMBED_OPTIONS = { actions: false, renderer: 'svg' } as const;

/**
 * The report page: a header with the scenario's name, a table of contents, the scenario's
 * description, the settings that differ from the baseline, the key-figure table, every chart
 * (heading, description, interactive chart) and a provenance footer. Pure: the same input and
 * scripts give the same text.
 *
 * @example reportHtml(buildReportInput({ summary, replications, manifest, charts, baseline }), await readReportScripts())
 * // → '<!doctype html>\n<html lang="en">...'
 */
export function reportHtml(input: ReportInput, scripts: ReportScripts): string {
  const anchors = chartAnchors(input.charts);
  return [
    ...pageHead(`${input.title}: copsim report`),
    '<header>',
    '<p class="kicker">copsim report</p>',
    `<h1>${escapeHtml(input.title)}</h1>`,
    '</header>',
    contents(input.charts, anchors, input.reference),
    '<main>',
    descriptionSection(input.description),
    settingsSection(input.settings, input.reference),
    keyFiguresSection(input),
    chartsSection(input.charts, anchors),
    '</main>',
    provenanceFooter(input),
    ...pageEnd(scripts),
  ].join('\n');
}

/** A page's lines up to `<body>`: its title (escaped) and styles (the report's, unless given). */
export function pageHead(title: string, css: string = CSS): string[] {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
  ];
}

/** A page's closing lines: the inlined chart libraries, the script that draws the charts, the end tags. */
export function pageEnd(scripts: ReportScripts): string[] {
  return [
    ...[scripts.vega, scripts.vegaLite, scripts.vegaEmbed].map((s) => `<script>${inlineScript(s)}</script>`),
    `<script>${BOOTSTRAP}</script>`,
    '</body>',
    '</html>',
    '',
  ];
}

/**
 * Text safe to place in HTML content or a quoted attribute.
 *
 * @example escapeHtml('<b class="x">R&D</b>') // → '&lt;b class=&quot;x&quot;&gt;R&amp;D&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * A script's text made safe inside `<script>…</script>`: `</script` becomes `<\/script` and
 * `<!--` becomes `\x3C!--` (both mean the same inside JavaScript strings and regular
 * expressions, where they can occur), and a trailing source-map comment is dropped, since its
 * file is not inlined.
 */
export function inlineScript(code: string): string {
  return code
    .replace(/\n?\/\/# sourceMappingURL=\S*\s*$/, '')
    .replace(/<\/(script)/gi, '<\\/$1')
    .replaceAll('<!--', '\\x3C!--');
}

/**
 * A value as JSON safe inside `<script type="application/json">`: every `<` is written as
 * `\u003c`, which JSON.parse reads back unchanged.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}

/** A unique fragment id per chart, from its name. */
export function chartAnchors(charts: readonly NamedChart[]): string[] {
  const seen = new Set<string>();
  return charts.map((chart, i) => {
    let id = `chart-${chart.name.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
    if (seen.has(id)) id = `${id}-${i + 1}`;
    seen.add(id);
    return id;
  });
}

function contents(charts: readonly NamedChart[], anchors: readonly string[], reference = 'baseline'): string {
  const chartItems = charts
    .map((chart, i) => `<li><a href="#${anchors[i] ?? ''}">${escapeHtml(chart.title)}</a></li>`)
    .join('\n');
  return [
    '<nav aria-label="Contents">',
    '<h2>Contents</h2>',
    '<ol>',
    '<li><a href="#scenario">Scenario</a></li>',
    `<li><a href="#settings">Settings that differ from ${escapeHtml(reference)}</a></li>`,
    '<li><a href="#key-figures">Key figures</a></li>',
    `<li><a href="#charts">Charts</a>${charts.length > 0 ? `\n<ol>\n${chartItems}\n</ol>\n` : ''}</li>`,
    '<li><a href="#provenance">Provenance</a></li>',
    '</ol>',
    '</nav>',
  ].join('\n');
}

/** Text as paragraphs, split at blank lines, each escaped. */
export function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
}

function descriptionSection(description: string): string {
  const body = description.trim() === '' ? '<p class="muted">The scenario has no description.</p>' : paragraphs(description);
  return ['<section id="scenario">', '<h2>Scenario</h2>', body, '</section>'].join('\n');
}

/**
 * A setting's value as short text: strings as they are, other values as JSON, an absent value
 * as a dash.
 */
function settingText(value: unknown, absent: string): string {
  if (value === undefined) return absent;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function settingsSection(settings: readonly SettingDifference[], reference?: string): string {
  // A run's page compares with the built-in baseline; a comparison's page with its reference.
  const against = reference === undefined ? 'baseline' : reference;
  const heading = `<h2>Settings that differ from ${escapeHtml(against)}</h2>`;
  if (settings.length === 0) {
    const none =
      reference === undefined
        ? '<p>None: the scenario has the settings of the built-in <code>baseline</code> scenario.</p>'
        : `<p>None: every scenario has the settings of ${escapeHtml(reference)}.</p>`;
    return ['<section id="settings">', heading, none, '</section>'].join('\n');
  }
  const rows = settings
    .map(
      (s) =>
        `<tr><td><code>${escapeHtml(s.path)}</code></td>` +
        `<td>${escapeHtml(s.valueText ?? settingText(s.value, '— (removed or not set)'))}</td>` +
        `<td>${escapeHtml(s.baselineText ?? settingText(s.baseline, `— (not in ${against})`))}</td></tr>`,
    )
    .join('\n');
  const intro =
    reference === undefined
      ? '<p>Every setting of this scenario that differs from the built-in <code>baseline</code> scenario, ' +
        'by its path (as <code>copsim run --set</code> takes it). A CoP the baseline does not have is ' +
        'listed with its settings that differ from the defaults.</p>'
      : `<p>Every setting that differs from the reference scenario, ${escapeHtml(reference)}, ` +
        'by its path (as <code>copsim run --set</code> takes it).</p>';
  return [
    '<section id="settings">',
    heading,
    intro,
    '<table class="settings">',
    `<thead><tr><th>setting</th><th>${reference === undefined ? 'this scenario' : 'scenario'}</th><th>${escapeHtml(against)}</th></tr></thead>`,
    `<tbody>\n${rows}\n</tbody>`,
    '</table>',
    '</section>',
  ].join('\n');
}

function keyFiguresSection(input: ReportInput): string {
  const cells = keyFigureCells(input.keyFigures);
  const numeric = KEY_FIGURE_HEADER.map((_, c) => cells.length > 0 && cells.every((row) => typeof row[c] === 'number'));
  const head = KEY_FIGURE_HEADER.map((title, c) => `<th${numeric[c] ? ' class="num"' : ''}>${escapeHtml(title)}</th>`).join('');
  const body = cells
    .map(
      (row) =>
        '<tr>' +
        row
          .map((cell, c) => {
            if (typeof cell === 'string') return `<td>${c === 0 ? copCell(cell) : escapeHtml(cell)}</td>`;
            return `<td${numeric[c] ? ' class="num"' : ''}>${escapeHtml(formatNumber(cell))}</td>`;
          })
          .join('') +
        '</tr>',
    )
    .join('\n');
  return [
    '<section id="key-figures">',
    '<h2>Key figures</h2>',
    '<table class="figures">',
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>\n${body}\n</tbody>`,
    '</table>',
    '<p class="note"><b>members</b> is the mean final membership with its 95% confidence interval; ' +
      '<b>peak</b> the mean largest membership; <b>attendance</b> the mean attendance per meeting; ' +
      '<b>contributions</b> and <b>reuse events</b> totals per run; <b>saved/invested</b> the hours saved ' +
      "by reusing the CoP's know-how per hour invested in meetings; <b>died</b> the share of runs in which " +
      'the CoP died and <b>death week</b> their median death week. All are means over the replications.</p>',
    '</section>',
  ].join('\n');
}

/**
 * A CoP's name in the key-figure table, each part of "scenario · CoP" kept on one line: the
 * column breaks after the "·" between the parts, never inside an id such as "scrum-masters".
 */
function copCell(name: string): string {
  return name
    .split(' · ')
    .map((part) => `<span class="nobreak">${escapeHtml(part)}</span>`)
    .join('&nbsp;· ');
}

/** The charts, each with its heading, description and spec, drawn by the page's script. */
export function chartsSection(charts: readonly NamedChart[], anchors: readonly string[]): string {
  const figures = charts.map((chart, i) => {
    const id = anchors[i] ?? `chart-${i + 1}`;
    return [
      `<figure class="chart" id="${id}">`,
      `<h3>${escapeHtml(chart.title)}</h3>`,
      `<figcaption>${escapeHtml(chart.description)}</figcaption>`,
      `<div class="view" data-chart="${escapeHtml(chart.name)}" data-spec="${id}-spec"></div>`,
      `<script type="application/json" id="${id}-spec">${scriptJson(chart.spec)}</script>`,
      '</figure>',
    ].join('\n');
  });
  const body = figures.length > 0 ? figures.join('\n') : '<p class="muted">No charts.</p>';
  return [
    '<section id="charts">',
    '<h2>Charts</h2>',
    '<p class="note">Hover over a line or point for its values.</p>',
    body,
    '</section>',
  ].join('\n');
}

/** The provenance footer: one term and value per line. */
export function provenanceFooter(input: Pick<ReportInput, 'provenance'>): string {
  const items = input.provenance
    .map((line) => `<dt>${escapeHtml(line.label)}</dt><dd>${escapeHtml(line.value)}</dd>`)
    .join('\n');
  return ['<footer id="provenance">', '<h2>Provenance</h2>', `<dl>\n${items}\n</dl>`, '</footer>'].join('\n');
}

/**
 * Draws every chart: each `.view` gets the spec of its JSON script. A chart that fails says so
 * in its place (and on the console) instead of leaving a blank.
 */
const BOOTSTRAP = `
(function () {
  var options = ${JSON.stringify(EMBED_OPTIONS)};
  var views = document.querySelectorAll('.view[data-spec]');
  Array.prototype.forEach.call(views, function (view) {
    var script = document.getElementById(view.getAttribute('data-spec'));
    var failed = function (error) {
      view.classList.add('failed');
      view.textContent = 'This chart could not be drawn: ' + (error && error.message ? error.message : String(error));
      console.error(error);
    };
    try {
      vegaEmbed(view, JSON.parse(script.textContent), options).then(function () {
        view.setAttribute('data-drawn', 'true');
      }, failed);
    } catch (error) {
      failed(error);
    }
  });
})();
`;

/** Plain, print-friendly styles; system fonts only. */
const CSS = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --rule: #d1d9e0; --accent: #2f5f8a; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem 1.25rem 3rem; color: var(--ink); background: #fff;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
h1 { font-size: 1.9rem; margin: 0 0 1rem; line-height: 1.2; }
h2 { font-size: 1.35rem; margin: 2.25rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.1rem; margin: 0 0 0.25rem; }
a { color: var(--accent); }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.9em; }
.kicker { margin: 0; color: var(--muted); text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.8rem; }
.muted, .note, figcaption { color: var(--muted); }
.note { font-size: 0.9rem; }
nav { border: 1px solid var(--rule); border-radius: 6px; padding: 0.5rem 1.25rem; background: #f6f8fa; }
nav h2 { border: 0; margin: 0.5rem 0 0.25rem; font-size: 1rem; }
nav ol { margin: 0.25rem 0 0.5rem; padding-left: 1.25rem; }
table { border-collapse: collapse; margin: 0.5rem 0; font-size: 0.92rem; }
th, td { padding: 0.3rem 0.6rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
th { border-bottom: 2px solid var(--ink); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.figures { width: 100%; font-size: 0.85rem; }
.figures th { white-space: normal; vertical-align: bottom; }
.figures td { white-space: nowrap; }
.figures th, .figures td { padding: 0.3rem 0.4rem; }
.figures td:first-child { white-space: normal; }
.figures .nobreak { white-space: nowrap; }
figure.chart { margin: 1.75rem 0; }
figcaption { margin: 0 0 0.5rem; font-size: 0.92rem; }
.view { width: 100%; overflow-x: auto; }
.view svg { max-width: 100%; height: auto; }
.view.failed { color: #b42318; border: 1px solid #b42318; padding: 0.5rem; }
footer { margin-top: 3rem; font-size: 0.9rem; color: var(--muted); }
footer dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
footer dt { font-weight: 600; color: var(--ink); }
footer dd { margin: 0; overflow-wrap: anywhere; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav { background: none; }
  a { color: inherit; text-decoration: none; }
  figure.chart, table, tr { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .view { overflow: visible; }
  .figures { font-size: 8.5pt; }
  #vg-tooltip-element { display: none; }
}
`;
