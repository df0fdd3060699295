/**
 * The scenario's events as an editable timeline: a marker per event on the run's weeks (drag
 * it to move the event), and a row per event with its week, label, CoP and changes (YAML, as
 * in a scenario file). "Add event" adds a mandate lifted at week 52. Every change replaces the
 * whole `events` list, which the schema then checks like any other setting.
 */
import { parse as parseYaml } from 'yaml';
import { setValueText } from '../edits.js';
import { el } from './controls.js';

/** What the timeline reads and writes. */
export interface EventsHost {
  events(): readonly Record<string, unknown>[];
  weeks(): number;
  copIds(): readonly string[];
  change(events: readonly Record<string, unknown>[]): void;
}

/** The events panel: timeline, rows and the add button. */
export function eventsPanel(host: EventsHost, description: string): HTMLElement {
  const panel = el('details', { class: 'panel', 'data-group': 'events' });
  panel.open = true;
  const events = host.events();
  const weeks = Math.max(1, host.weeks());
  const section = el('div', { class: 'events', 'data-path': 'events' });
  const track = el('div', { class: 'timeline', 'aria-label': 'Events on the run\'s weeks' });
  for (const tick of ticks(weeks)) {
    track.append(el('span', { class: 'tick', style: `left: ${(100 * tick) / weeks}%` }, String(tick)));
  }
  const update = (i: number, patch: Record<string, unknown>): void => {
    const next = events.map((event, j) => (j === i ? withPatch(event, patch) : event));
    host.change(next);
  };
  events.forEach((event, i) => {
    const week = typeof event['week'] === 'number' ? event['week'] : 0;
    const marker = el('button', { type: 'button', class: 'marker', 'data-event': String(i), title: 'Drag to move the event', style: `left: ${(100 * Math.min(week, weeks)) / weeks}%` }, markerText(event, week));
    dragWeek(marker, track, weeks, (w) => (marker.textContent = markerText(event, w)), (w) => update(i, { week: w }));
    track.append(marker);
  });
  section.append(track);
  events.forEach((event, i) => section.append(eventRow(event, i, host, (patch) => update(i, patch))));
  const add = el('button', { type: 'button', id: 'add-event' }, 'Add event');
  add.addEventListener('click', () => {
    const ids = host.copIds();
    const week = Math.min(52, weeks - 1);
    const event: Record<string, unknown> = { week, label: 'mandate lifted', ...(ids.length > 1 ? { cop: ids[0] } : {}), set: { participation: 'voluntary' } };
    host.change([...events, event]);
  });
  const message = el('p', { class: 'message', role: 'alert' });
  message.hidden = true;
  section.append(add, message);
  panel.append(el('summary', {}, `Events (${events.length})`), el('p', { class: 'help' }, description), section);
  return panel;
}

function markerText(event: Record<string, unknown>, week: number): string {
  return `${week}: ${typeof event['label'] === 'string' ? event['label'] : 'event'}`;
}

/** Round weeks to label the timeline with: every year, or every quarter of a short run. */
function ticks(weeks: number): number[] {
  const step = weeks > 104 ? 52 : weeks > 26 ? 13 : Math.max(1, Math.round(weeks / 4));
  const out: number[] = [];
  for (let w = 0; w < weeks; w += step) out.push(w);
  return out;
}

/** Lets `marker` be dragged along `track`: `moving` while dragged, `moved` once let go at a new week. */
function dragWeek(marker: HTMLElement, track: HTMLElement, weeks: number, moving: (week: number) => void, moved: (week: number) => void): void {
  let dragging = false;
  let week = -1;
  const weekAt = (x: number): number => {
    const box = track.getBoundingClientRect();
    const share = box.width > 0 ? (x - box.left) / box.width : 0;
    return Math.max(0, Math.min(weeks - 1, Math.round(share * weeks)));
  };
  marker.addEventListener('pointerdown', (e) => {
    dragging = true;
    week = -1;
    marker.setPointerCapture(e.pointerId);
  });
  marker.addEventListener('pointermove', (e) => {
    if (!dragging) return;
    week = weekAt(e.clientX);
    marker.style.left = `${(100 * week) / weeks}%`;
    moving(week);
  });
  const end = (): void => {
    if (!dragging) return;
    dragging = false;
    if (week >= 0) moved(week);
  };
  marker.addEventListener('pointerup', end);
  marker.addEventListener('pointercancel', end);
}

function withPatch(event: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const next: Record<string, unknown> = { ...event };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return next;
}

function eventRow(event: Record<string, unknown>, i: number, host: EventsHost, update: (patch: Record<string, unknown>) => void): HTMLElement {
  const row = el('div', { class: 'event', 'data-path': `events.${i}` });
  const cell = (key: string, label: string, control: HTMLElement): void => {
    const line = el('p', { class: 'message', role: 'alert' });
    line.hidden = true;
    const wrap = el('div', { 'data-path': `events.${i}.${key}`, style: 'display: contents' });
    wrap.append(el('label', {}, label), control, line);
    row.append(wrap);
  };
  const week = el('input', { type: 'number', min: '0', step: '1', 'data-control': `events.${i}.week` });
  week.value = String(event['week'] ?? '');
  week.addEventListener('change', () => update({ week: week.value.trim() === '' ? undefined : Number(week.value) }));
  cell('week', 'week', week);
  const label = el('input', { type: 'text', 'data-control': `events.${i}.label` });
  label.value = typeof event['label'] === 'string' ? event['label'] : '';
  label.addEventListener('change', () => update({ label: label.value === '' ? undefined : label.value }));
  cell('label', 'label', label);
  const ids = host.copIds();
  const cop = el('select', { 'data-control': `events.${i}.cop` });
  cop.append(el('option', { value: '' }, ids.length === 1 ? `(the CoP)` : '(none)'));
  for (const id of ids) cop.append(el('option', { value: id }, id));
  const copValue = typeof event['cop'] === 'string' ? event['cop'] : '';
  if (copValue !== '' && !ids.includes(copValue)) cop.append(el('option', { value: copValue }, copValue));
  cop.value = copValue;
  cop.addEventListener('change', () => update({ cop: cop.value === '' ? undefined : cop.value }));
  cell('cop', 'CoP', cop);
  for (const key of ['set', 'organisation'] as const) {
    const text = el('input', { type: 'text', placeholder: key === 'set' ? '{ participation: voluntary }' : '{ turnover: 0.2 }', 'data-control': `events.${i}.${key}` });
    text.value = event[key] === undefined ? '' : setValueText(event[key]);
    text.addEventListener('change', () => {
      if (text.value.trim() === '') return update({ [key]: undefined });
      let value: unknown;
      try {
        value = parseYaml(text.value);
      } catch (error) {
        const line = text.parentElement?.querySelector<HTMLElement>('.message');
        if (line !== null && line !== undefined) {
          line.hidden = false;
          line.textContent = `expected YAML such as ${text.placeholder}: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}`;
        }
        return undefined;
      }
      return update({ [key]: value });
    });
    cell(key, key === 'set' ? 'changes' : 'organisation', text);
  }
  const message = el('p', { class: 'message', role: 'alert' });
  message.hidden = true;
  row.append(message);
  const remove = el('button', { type: 'button', class: 'remove' }, 'Remove');
  remove.addEventListener('click', () => host.change(host.events().filter((_, j) => j !== i)));
  row.append(remove);
  return row;
}
