/**
 * explorePageHtml: the explorer as one self-contained HTML page. The chart libraries, the
 * explorer's script, its worker's script (started from a Blob URL) and the scenario are all
 * inlined, so the page works from a file with no network.
 *
 *   ExplorePageData + ExploreScripts ──explorePageHtml──▶ explore.html text
 */
import type { ReportScripts } from '../report/assets.js';
import { escapeHtml, inlineScript, pageHead, paragraphs, scriptJson } from '../report/html.js';
import type { Scenario } from '../scenario/schema.js';

/** What the page starts from, inlined as JSON. */
export interface ExplorePageData {
  /** The scenario's name, as its outputs go by (summary.csv's `scenario` column). */
  readonly name: string;
  /** `builtin:NAME` or the file path. */
  readonly source: string;
  /** The scenario as `copsim run` takes it on its command line: a built-in name or a file path. */
  readonly argument: string;
  /** The scenario, validated, every default filled in: the explorer's edits apply to it. */
  readonly scenario: Scenario;
  /** Replications per setting, and the master seed. */
  readonly runs: number;
  readonly seed: number;
  /** copsim's version, shown in the footer. */
  readonly version: string;
}

/** The scripts the page inlines: the chart libraries and the explorer's two bundles. */
export interface ExploreScripts extends ReportScripts {
  /** The page's script (dist/explore-browser/app.js). */
  readonly app: string;
  /** The worker's script (dist/explore-browser/worker.js). */
  readonly worker: string;
}

/**
 * The page. Pure: the same data and scripts give the same text.
 *
 * @example explorePageHtml(data, await readExploreScripts()) // → '<!doctype html>\n<html lang="en">…'
 */
export function explorePageHtml(data: ExplorePageData, scripts: ExploreScripts): string {
  const description = data.scenario.description.trim();
  return [
    ...pageHead(`${data.name}: copsim explore`, CSS),
    '<header>',
    '<p class="kicker">copsim explore</p>',
    `<h1>${escapeHtml(data.name)}</h1>`,
    `<div class="description">${description === '' ? '<p class="muted">The scenario has no description.</p>' : paragraphs(description)}</div>`,
    '</header>',
    '<div class="layout">',
    '<aside id="controls" aria-label="Settings">',
    '<p class="help">Change a setting: the scenario reruns with the same seeds, and the bands fill in as replications come back.</p>',
    '<p id="general-message" class="message" role="alert" hidden></p>',
    '<div id="panels"></div>',
    '</aside>',
    '<main>',
    '<div class="toolbar">',
    '<button type="button" id="pin">Pin as baseline</button>',
    '<button type="button" id="unpin" hidden>Unpin</button>',
    '<button type="button" id="download">Download scenario</button>',
    '<button type="button" id="copy">Copy command</button>',
    '<button type="button" id="reset">Reset</button>',
    '</div>',
    '<p id="status" class="status" aria-live="polite">Starting…</p>',
    '<pre id="command" class="command"></pre>',
    '<section id="key-figures">',
    '<h2>Key figures</h2>',
    '<div id="figures"></div>',
    '<div id="differences"></div>',
    '</section>',
    '<section id="charts" aria-label="Charts"></section>',
    '</main>',
    '</div>',
    `<footer>copsim ${escapeHtml(data.version)} · scenario ${escapeHtml(data.source)} · every replication is simulated in this page by the same engine as <code>copsim run</code></footer>`,
    `<script type="application/json" id="copsim-explore-data">${scriptJson(data)}</script>`,
    `<script type="text/plain" id="copsim-worker">${inlineScript(scripts.worker)}</script>`,
    ...[scripts.vega, scripts.vegaLite, scripts.vegaEmbed, scripts.app].map((s) => `<script>${inlineScript(s)}</script>`),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Plain styles in the report's colours; system fonts only. */
const CSS = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --rule: #d1d9e0; --accent: #2f5f8a; --bad: #b42318; --warn: #8a5a00; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
header { padding: 1rem 1.25rem 0.5rem; border-bottom: 1px solid var(--rule); }
h1 { font-size: 1.6rem; margin: 0 0 0.4rem; line-height: 1.2; }
h2 { font-size: 1.15rem; margin: 1.25rem 0 0.5rem; }
.kicker { margin: 0; color: var(--muted); text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.75rem; }
.description p { margin: 0 0 0.5rem; max-width: 70rem; }
.muted, .help { color: var(--muted); }
.layout { display: grid; grid-template-columns: minmax(20rem, 26rem) 1fr; align-items: start; }
aside { position: sticky; top: 0; max-height: 100vh; overflow-y: auto; padding: 0.75rem 1rem 2rem; border-right: 1px solid var(--rule); background: #f6f8fa; }
main { padding: 0.75rem 1.25rem 3rem; min-width: 0; }
details.panel { border: 1px solid var(--rule); border-radius: 6px; background: #fff; margin: 0 0 0.6rem; padding: 0.3rem 0.6rem; }
details.panel > summary { font-weight: 600; cursor: pointer; padding: 0.2rem 0; }
fieldset.group { border: 1px solid var(--rule); border-radius: 4px; margin: 0.4rem 0; padding: 0.2rem 0.5rem 0.4rem; }
fieldset.group > legend { font-weight: 600; font-size: 0.9rem; }
.field { display: grid; grid-template-columns: 9.5rem 1fr; gap: 0.1rem 0.5rem; align-items: center; margin: 0.3rem 0; }
.field > label { font-size: 0.88rem; }
.field > .help { grid-column: 1 / -1; margin: 0; font-size: 0.75rem; display: none; }
.field:focus-within > .help { display: block; }
.field > * { min-width: 0; }
.field .number { display: flex; gap: 0.35rem; align-items: center; }
.field input[type=range] { flex: 1; min-width: 5rem; }
.field input[type=number] { width: 4.8rem; }
fieldset.group .field { grid-template-columns: 8.5rem 1fr; }
.field select { max-width: 100%; }
.union { display: flex; gap: 0.3rem; flex-wrap: wrap; }
.union select { max-width: 100%; }
.keyword { font-size: 0.8rem; white-space: nowrap; }
input[role=switch] { width: 2.2rem; height: 1.1rem; appearance: none; border-radius: 1rem; background: #c4ccd4; position: relative; cursor: pointer; margin: 0; }
input[role=switch]::after { content: ""; position: absolute; top: 0.12rem; left: 0.15rem; width: 0.85rem; height: 0.85rem; border-radius: 50%; background: #fff; transition: left 0.12s; }
input[role=switch]:checked { background: var(--accent); }
input[role=switch]:checked::after { left: 1.2rem; }
.message { grid-column: 1 / -1; margin: 0.2rem 0; color: var(--bad); font-size: 0.82rem; }
.message span { display: block; }
.invalid > label, .invalid > legend { color: var(--bad); }
.invalid input, .invalid select { border-color: var(--bad); outline: 1px solid var(--bad); }
.warned > .message { color: var(--warn); }
.toolbar { display: flex; gap: 0.5rem; flex-wrap: wrap; }
button { font: inherit; padding: 0.3rem 0.8rem; border: 1px solid var(--rule); border-radius: 6px; background: #f6f8fa; cursor: pointer; }
button:hover { border-color: var(--accent); }
button.pinned { background: #dde8f3; border-color: var(--accent); }
.status { color: var(--muted); margin: 0.5rem 0; min-height: 1.4em; }
.command { font: 0.82rem/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; background: #f6f8fa; border: 1px solid var(--rule); border-radius: 6px; padding: 0.4rem 0.6rem; white-space: pre-wrap; word-break: break-all; margin: 0.4rem 0; }
table { border-collapse: collapse; font-size: 0.88rem; margin: 0.25rem 0 0.75rem; }
th, td { border-bottom: 1px solid var(--rule); padding: 0.25rem 0.55rem; text-align: left; }
th { background: #f6f8fa; }
td { white-space: nowrap; }
#figures, #differences { overflow-x: auto; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
#charts { display: flex; flex-wrap: wrap; gap: 1rem; }
figure.chart { margin: 0; }
figure.chart.stale { opacity: 0.45; }
.timeline { position: relative; height: 2.4rem; margin: 0.6rem 0.4rem 0.3rem; border-bottom: 2px solid var(--rule); }
.timeline .tick { position: absolute; bottom: -1.1rem; font-size: 0.7rem; color: var(--muted); transform: translateX(-50%); }
.timeline .marker { position: absolute; bottom: 0; transform: translateX(-50%); padding: 0.05rem 0.3rem; font-size: 0.72rem; border-radius: 4px; border: 1px solid var(--accent); background: #fff; cursor: ew-resize; touch-action: none; white-space: nowrap; }
.events { margin-top: 0.4rem; }
.events #add-event { margin-top: 1.3rem; }
.event { border: 1px solid var(--rule); border-radius: 4px; padding: 0.3rem 0.45rem; margin: 0.35rem 0; display: grid; grid-template-columns: 4.2rem 1fr; gap: 0.2rem 0.4rem; align-items: center; font-size: 0.85rem; }
.event input[type=text] { width: 100%; }
.event .remove { justify-self: end; grid-column: 1 / -1; font-size: 0.8rem; padding: 0.1rem 0.5rem; }
footer { padding: 1rem 1.25rem; color: var(--muted); font-size: 0.8rem; border-top: 1px solid var(--rule); }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.9em; }
@media (max-width: 60rem) { .layout { grid-template-columns: 1fr; } aside { position: static; max-height: none; border-right: 0; } }
`;
