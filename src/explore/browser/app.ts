/**
 * The explorer page's script. It reads the scenario inlined in the page, makes its controls
 * from the scenario schema, and on every change checks the edited scenario (the command line's
 * messages, at the control concerned), asks the workers for its replications (the same seeds),
 * and redraws the report's charts and key figures as they stream back. A pinned baseline is
 * simulated alongside, pair by pair, and shown with the paired differences. The state lives in
 * the URL hash.
 *
 *   controls ──edits──▶ checkEdited ──▶ Batch ──pool (Web Workers)──▶ replications
 *            ──▶ runDrawing / pinnedDrawing ──vegaEmbed──▶ charts, tables
 */
import { SUMMARY_COLUMNS } from '../../aggregate/types.js';
import { summarize } from '../../aggregate/summarize.js';
import type { NamedChart } from '../../charts/types.js';
import { toCsv } from '../../output/csv.js';
import { formatNumber } from '../../report/format-number.js';
import { EMBED_OPTIONS } from '../../report/html.js';
import { copIds } from '../../scenario/vocabulary.js';
import { createBatch, type Batch } from '../batch.js';
import { pinnedDrawing, runDrawing, type Drawing, type Table } from '../drawing.js';
import { applyEdits, checkEdited, commandLine, decodeState, encodeState, scenarioYaml, valueAt, type Checked } from '../edits.js';
import { settingFields } from '../fields.js';
import type { ExplorePageData } from '../page.js';
import { el, groupPanel, showIssues, type ControlHost } from './controls.js';
import { createPool } from './pool.js';
import { eventsPanel } from './timeline.js';

interface EmbedResult {
  finalize(): void;
}
declare const vegaEmbed: (element: HTMLElement, spec: unknown, options: unknown) => Promise<EmbedResult>;

/** How long a change took to show: to the first drawn curve, and to every replication drawn. */
export interface Timing {
  /** To the first replication of the new settings back from a worker. */
  readonly firstResult?: number;
  readonly firstCurve?: number;
  readonly complete?: number;
}

const byId = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`the page has no #${id}`);
  return found as T;
};

const data = JSON.parse(byId('copsim-explore-data').textContent ?? '{}') as ExplorePageData;
const base = data.scenario;
const fields = settingFields(base);
const ids = copIds(base);

const initial = decodeState(location.hash, { runs: data.runs, seed: data.seed, edits: new Map() });
let runs = initial.runs;
let seed = initial.seed;
const edits = new Map(initial.edits);
let pinnedEdits: Map<string, unknown> | undefined = initial.pinned === undefined ? undefined : new Map(initial.pinned);

let raw = applyEdits(base, edits);
let checked: Checked = checkEdited(raw);
let current: Batch | undefined;
let pinned: Batch | undefined;
let failure: string | undefined;

/** Batches by scenario, seed and runs, so that going back to earlier settings costs nothing. */
const cache = new Map<string, Batch>();
const batchIds = new WeakMap<Batch, number>();
let batchCount = 0;
function batchFor(checkedScenario: Extract<Checked, { ok: true }>['scenario']): Batch {
  const key = JSON.stringify([seed, runs, checkedScenario]);
  let batch = cache.get(key);
  if (batch === undefined) {
    batch = createBatch(checkedScenario, seed, runs);
    batchIds.set(batch, ++batchCount);
    cache.set(key, batch);
    // Keep a few: each holds every replication's weekly series.
    for (const [k, b] of cache) if (cache.size > 8 && b !== current && b !== pinned && b !== batch) cache.delete(k);
  } else {
    cache.delete(key);
    cache.set(key, batch);
  }
  return batch;
}

const workers = Math.min(8, Math.max(1, navigator.hardwareConcurrency || 2));
const pool = createPool(byId('copsim-worker').textContent ?? '', workers, onArrived, (_batch, index, message) => {
  failure = `replication ${index} failed: ${message}`;
  console.error(failure);
  showStatus();
});

// ---- controls ----------------------------------------------------------------------------

const panels = byId('panels');
const host: ControlHost = {
  value: (path) => valueAt(raw, path),
  change: (path, value) => changeSetting(path, value),
  weeks: () => (typeof raw['weeks'] === 'number' ? raw['weeks'] : base.weeks),
};

function renderPanels(): void {
  panels.replaceChildren();
  for (const group of fields) {
    const panel = groupPanel(group, host, group.id === 'parameters');
    if (group.id === 'run') panel.insertBefore(runControls(), panel.querySelector('.field, fieldset'));
    panels.append(panel);
    if (group.id === 'organisation') panels.append(renderEvents());
  }
}

function renderEvents(): HTMLElement {
  return eventsPanel(
    {
      events: () => (Array.isArray(raw['events']) ? (raw['events'] as Record<string, unknown>[]) : []),
      weeks: host.weeks,
      copIds: () => ids,
      change: (events) => {
        changeSetting('events', events);
        changed();
        // The rows and markers follow the new list (update has applied it).
        panels.querySelector('[data-group="events"]')?.replaceWith(renderEvents());
        update();
      },
    },
    'Changes of settings at given weeks: drag a marker to move its event.',
  );
}

function runControls(): HTMLElement {
  const wrap = el('div', {});
  const integer = (name: 'runs' | 'seed', label: string, help: string, min: number, max: number): void => {
    const row = el('div', { class: 'field number', 'data-path': `--${name}` });
    const box = el('input', { type: 'number', id: `control-${name}`, min: String(min), max: String(max), step: '1', 'data-control': `--${name}` });
    box.value = String(name === 'runs' ? runs : seed);
    const message = el('p', { class: 'message', role: 'alert' });
    message.hidden = true;
    box.addEventListener('change', () => {
      const value = Number(box.value);
      if (!Number.isSafeInteger(value) || value < min || value > max) {
        message.hidden = false;
        message.textContent = `--${name}: expected a whole number from ${min} to ${max}, got ${JSON.stringify(box.value)}`;
        row.classList.add('invalid');
        return;
      }
      message.hidden = true;
      row.classList.remove('invalid');
      if (name === 'runs') runs = value;
      else seed = value;
      changed();
    });
    row.append(el('label', { for: box.id, title: help }, label), el('span', { class: 'number' }, box), el('p', { class: 'help' }, help), message);
    wrap.append(row);
  };
  integer('runs', 'runs', 'Replications per setting (copsim run --runs).', 1, 100_000);
  integer('seed', 'seed', 'Master seed; replication seeds derive from it (copsim run --seed).', 0, 2 ** 32 - 1);
  return wrap;
}

function changeSetting(path: string, value: unknown): void {
  edits.delete(path);
  if (JSON.stringify(valueAt(base, path)) !== JSON.stringify(value)) edits.set(path, value);
  // The events panel redraws itself after the change, then asks for the update.
  if (path !== 'events') changed();
}

// ---- runs --------------------------------------------------------------------------------

let changedAt = performance.now();
let timing: { firstResult?: number; firstCurve?: number; complete?: number } = {};
const timings: Timing[] = [timing];

/** A control changed: the clock of the next drawing starts now. */
function changed(): void {
  changedAt = performance.now();
  timing = {};
  timings.push(timing);
  update();
}

let lastHash = '';
function update(): void {
  raw = applyEdits(base, edits);
  checked = checkEdited(raw);
  failure = undefined;
  const issues = checked.ok ? checked.warnings.map((w) => ({ ...w, warning: true })) : checked.issues;
  showIssues(panels, byId('general-message'), issues);
  byId('command').textContent = commandLine({ scenario: data.argument, runs, seed }, edits);
  lastHash = encodeState({ runs, seed, edits, ...(pinnedEdits === undefined ? {} : { pinned: pinnedEdits }) });
  history.replaceState(null, '', `#${lastHash}`);
  const pinnedChecked = pinnedEdits === undefined ? undefined : checkEdited(applyEdits(base, pinnedEdits));
  pinned = pinnedChecked?.ok === true ? batchFor(pinnedChecked.scenario) : undefined;
  current = checked.ok ? batchFor(checked.scenario) : undefined;
  pool.want([current, pinned].filter((b, i, all): b is Batch => b !== undefined && all.indexOf(b) === i));
  byId('pin').classList.toggle('pinned', pinnedEdits !== undefined);
  byId('unpin').hidden = pinnedEdits === undefined;
  byId<HTMLButtonElement>('download').disabled = !checked.ok;
  for (const figure of document.querySelectorAll('figure.chart')) figure.classList.toggle('stale', !checked.ok);
  requestDraw(true);
}

function onArrived(batch: Batch): void {
  if (batch === current && timing.firstResult === undefined) timing.firstResult = performance.now() - changedAt;
  // The first replications of new settings are drawn at once: only the redrawing of a batch
  // already on screen waits for the previous drawing (so that the page stays responsive).
  if (batch === current && drawnBatches[0] !== current) requestDraw(true);
  else if (batch === current || batch === pinned) requestDraw(false);
}

// ---- drawing -----------------------------------------------------------------------------

let timer: ReturnType<typeof setTimeout> | undefined;
let drawing = false;
let dirty = false;
let lastDrawEnd = 0;
let lastDuration = 0;
let drawnSignature = '';
let drawnRuns = 0;
let drawnBatches: readonly (Batch | undefined)[] = [];
const views = new Map<string, { figure: HTMLElement; view: HTMLElement; result?: EmbedResult }>();

/** A drawing soon: at once after a change, else no more often than drawing takes (the page stays responsive). */
function requestDraw(now: boolean): void {
  if (now && timer !== undefined) {
    clearTimeout(timer);
    timer = undefined;
  }
  if (timer !== undefined) return;
  const wait = now ? 0 : Math.max(0, lastDrawEnd + Math.max(250, 2 * lastDuration) - performance.now());
  timer = setTimeout(() => {
    timer = undefined;
    void draw();
  }, wait);
}

async function draw(): Promise<void> {
  if (drawing) {
    dirty = true;
    return;
  }
  drawing = true;
  try {
    await drawNow();
  } catch (error) {
    console.error(error);
  } finally {
    drawing = false;
    lastDrawEnd = performance.now();
    if (dirty) {
      dirty = false;
      requestDraw(false);
    }
  }
}

async function drawNow(): Promise<void> {
  showStatus();
  const cur = current;
  if (cur === undefined) return;
  const pin = pinned !== undefined && pinned !== cur ? pinned : undefined;
  const k = pin === undefined ? cur.prefix : Math.min(cur.prefix, pin.prefix);
  const signature = `${batchIds.get(cur)}:${pin === undefined ? '' : batchIds.get(pin)}:${k}`;
  if (k < 1 || signature === drawnSignature) return;
  const started = performance.now();
  const name = cur.scenario.name ?? data.name;
  const view: Drawing =
    pin === undefined
      ? runDrawing(cur.scenario, name, cur.collected(k) as NonNullable<ReturnType<Batch['collected']>>)
      : pinnedDrawing(
          { scenario: pin.scenario, name: 'pinned', collected: pin.collected(k) as NonNullable<ReturnType<Batch['collected']>> },
          { scenario: cur.scenario, name: 'current', collected: cur.collected(k) as NonNullable<ReturnType<Batch['collected']>> },
        );
  renderTable(byId('figures'), view.figures);
  if (view.differences === undefined) byId('differences').replaceChildren();
  else {
    byId('differences').replaceChildren(el('h3', {}, 'Paired differences, current − pinned (same seeds)'));
    renderTable(byId('differences'), view.differences, true);
  }
  const stillCurrent = (): boolean => current === cur && (pinned !== undefined && pinned !== cur ? pinned : undefined) === pin;
  if (!(await renderCharts(view.charts, k, stillCurrent))) return;
  drawnSignature = signature;
  drawnRuns = k;
  drawnBatches = [cur, pin];
  lastDuration = performance.now() - started;
  if (k === cur.runs && timing.complete === undefined) timing.complete = performance.now() - changedAt;
  showStatus();
}

function renderTable(target: HTMLElement, table: Table, append = false): void {
  const numeric = table.columns.map((_, c) => table.rows.length > 0 && table.rows.every((row) => typeof row[c] === 'number'));
  const head = el('tr', {}, ...table.columns.map((title, c) => el('th', numeric[c] ? { class: 'num' } : {}, title)));
  const body = table.rows.map((row) =>
    el('tr', {}, ...row.map((cell, c) => el('td', numeric[c] ? { class: 'num' } : {}, typeof cell === 'number' ? formatNumber(cell) : cell))),
  );
  const element = el('table', { class: 'figures' }, el('thead', {}, head), el('tbody', {}, ...body));
  if (append) target.append(element);
  else target.replaceChildren(element);
}

/**
 * Draws the charts one after another, in order, so that the first curve shows as soon as it is
 * drawn; stops (false) as soon as the settings have changed again, so that a drawing of stale
 * settings never holds up the new one.
 */
async function renderCharts(charts: readonly NamedChart[], k: number, stillCurrent: () => boolean): Promise<boolean> {
  const section = byId('charts');
  const wanted = new Set(charts.map((c) => c.name));
  for (const [name, entry] of views) {
    if (!wanted.has(name)) {
      entry.result?.finalize();
      entry.figure.remove();
      views.delete(name);
    }
  }
  for (const [i, chart] of charts.entries()) {
    if (!stillCurrent()) return false;
    let entry = views.get(chart.name);
    if (entry === undefined) {
      const view = el('div', { class: 'view' });
      const figure = el('figure', { class: 'chart', 'data-chart': chart.name }, view);
      entry = { figure, view };
      views.set(chart.name, entry);
    }
    // Keep the charts in the drawing's order.
    if (section.children[i] !== entry.figure) section.insertBefore(entry.figure, section.children[i] ?? null);
    const fresh = el('div', { class: 'view' });
    const result = await vegaEmbed(fresh, chart.spec, EMBED_OPTIONS);
    entry.result?.finalize();
    entry.view.replaceWith(fresh);
    entry.view = fresh;
    entry.result = result;
    fresh.setAttribute('data-drawn', String(k));
    entry.figure.classList.remove('stale');
    if (i === 0 && stillCurrent() && timing.firstCurve === undefined) timing.firstCurve = performance.now() - changedAt;
  }
  return stillCurrent();
}

function showStatus(): void {
  const status = byId('status');
  if (!checked.ok) {
    status.textContent = 'The settings are not valid: see the message at the setting marked in red.';
    return;
  }
  const cur = current;
  const parts = [cur === undefined ? '' : `${cur.prefix} of ${cur.runs} replications`];
  if (pinned !== undefined && pinned !== cur) parts.push(`pinned baseline ${pinned.prefix} of ${pinned.runs}`);
  if (drawnRuns > 0) parts.push(`drawn over ${drawnRuns}`);
  parts.push(`${workers} worker${workers === 1 ? '' : 's'}`);
  status.textContent = `${parts.filter((p) => p !== '').join(' · ')}${failure === undefined ? '' : ` · ${failure}`}`;
}

// ---- buttons and the hash ----------------------------------------------------------------

byId('pin').addEventListener('click', () => {
  pinnedEdits = new Map(edits);
  update();
});
byId('unpin').addEventListener('click', () => {
  pinnedEdits = undefined;
  update();
});
byId('reset').addEventListener('click', () => {
  edits.clear();
  renderPanels();
  changed();
});
byId('download').addEventListener('click', () => {
  if (!checked.ok) return;
  const text = scenarioYaml(checked.scenario, `Reproduce its runs with: ${commandLine({ scenario: `${safeName(data.name)}-explored.yaml`, runs, seed }, new Map())}`);
  const link = el('a', { href: URL.createObjectURL(new Blob([text], { type: 'application/yaml' })), download: `${safeName(data.name)}-explored.yaml` });
  document.body.append(link);
  link.click();
  link.remove();
});
byId('copy').addEventListener('click', () => {
  const text = byId('command').textContent ?? '';
  const done = (): void => {
    byId('copy').textContent = 'Copied';
    setTimeout(() => (byId('copy').textContent = 'Copy command'), 1500);
  };
  const fallback = (): void => {
    const range = document.createRange();
    range.selectNodeContents(byId('command'));
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    if (document.execCommand('copy')) done();
  };
  if (navigator.clipboard === undefined) fallback();
  else navigator.clipboard.writeText(text).then(done, fallback);
});
window.addEventListener('hashchange', () => {
  const hash = location.hash.replace(/^#/, '');
  if (hash === lastHash) return;
  const state = decodeState(hash, { runs: data.runs, seed: data.seed, edits: new Map() });
  runs = state.runs;
  seed = state.seed;
  edits.clear();
  for (const [path, value] of state.edits) edits.set(path, value);
  pinnedEdits = state.pinned === undefined ? undefined : new Map(state.pinned);
  raw = applyEdits(base, edits);
  renderPanels();
  changed();
});

function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || 'scenario';
}

/** What tests and the benchmark read from the page. */
const api = {
  status: () => ({
    valid: checked.ok,
    runs,
    seed,
    prefix: current?.prefix ?? 0,
    pinnedPrefix: pinned?.prefix ?? 0,
    /** Replications the charts on show are drawn over, for the current settings (0 while they show others). */
    drawnRuns: drawnBatches[0] === current && drawnBatches[1] === (pinned !== current ? pinned : undefined) ? drawnRuns : 0,
    workers,
    /** Replications given up because the settings changed while they ran. */
    cancelled: pool.cancelled,
    failure,
  }),
  /** summary.csv of the current settings over the replications in so far, as `copsim run` writes it. */
  summaryCsv: (): string | undefined => {
    const collected = current?.collected();
    if (current === undefined || collected === undefined) return undefined;
    return toCsv(summarize(collected, current.scenario.name ?? data.name), SUMMARY_COLUMNS);
  },
  timings: () => timings.map((t) => ({ ...t })),
  command: () => byId('command').textContent ?? '',
  yaml: () => (checked.ok ? scenarioYaml(checked.scenario) : undefined),
};
(window as unknown as { copsimExplore: typeof api }).copsimExplore = api;

renderPanels();
update();
