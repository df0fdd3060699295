/**
 * The controls of the explorer's panels, made from the schema's fields (fields.ts): a slider
 * with a number box for a number (its documented range), a select for a choice, a switch for a
 * yes/no setting, nested fieldsets for groups. Each control is marked with its setting's path
 * (`data-path`), where the setting's problems are shown.
 */
import type { Field, FieldGroup } from '../fields.js';

/** What the controls read and write. */
export interface ControlHost {
  /** The setting's current value (of the edited scenario, valid or not). */
  value(path: string): unknown;
  /** The user changed a setting. */
  change(path: string, value: unknown): void;
  /** Weeks of the run, the end of sliders whose setting has no maximum (launch week). */
  weeks(): number;
}

/** An element with attributes and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** A slider's step: about a hundredth of the range, rounded to 1, 2 or 5 times a power of ten. */
export function niceStep(range: number): number {
  const raw = range / 100;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  return Number(step.toPrecision(1));
}

/** One panel as a `<details>` element, open unless `closed`. */
export function groupPanel(group: FieldGroup, host: ControlHost, closed = false): HTMLElement {
  const panel = el('details', { class: 'panel', 'data-group': group.id });
  panel.open = !closed;
  panel.append(el('summary', {}, group.title));
  if (group.description !== '') panel.append(el('p', { class: 'help' }, group.description));
  for (const field of group.fields) panel.append(fieldControl(field, host));
  return panel;
}

/** The message line under a control, where its setting's problems are shown. */
function messageLine(): HTMLElement {
  const line = el('p', { class: 'message', role: 'alert' });
  line.hidden = true;
  return line;
}

function fieldControl(field: Field, host: ControlHost): HTMLElement {
  if (field.kind === 'group') {
    const set = el('fieldset', { class: 'group', 'data-path': field.path });
    set.append(el('legend', { title: field.description }, field.label));
    for (const child of field.fields) set.append(fieldControl(child, host));
    set.append(messageLine());
    return set;
  }
  const id = `control-${field.path.replaceAll('.', '-')}`;
  const row = el('div', { class: `field ${field.kind}`, 'data-path': field.path });
  const label = el('label', { for: id, title: field.description }, field.label);
  row.append(label);
  const value = host.value(field.path);
  switch (field.kind) {
    case 'number':
      row.append(numberControl(field, id, value, host));
      break;
    case 'choice': {
      const select = el('select', { id, 'data-control': field.path });
      for (const option of field.options) select.append(el('option', { value: option }, option));
      select.value = String(value);
      select.addEventListener('change', () => host.change(field.path, select.value));
      row.append(select);
      break;
    }
    case 'switch': {
      const box = el('input', { id, type: 'checkbox', role: 'switch', 'data-control': field.path });
      box.checked = value === true;
      box.addEventListener('change', () => host.change(field.path, box.checked));
      row.append(box);
      break;
    }
    case 'union':
      row.append(unionControl(field, id, value, host));
      break;
  }
  row.append(el('p', { class: 'help' }, field.description), messageLine());
  return row;
}

function numberControl(field: Extract<Field, { kind: 'number' }>, id: string, value: unknown, host: ControlHost): HTMLElement {
  const wrap = el('span', { class: 'number' });
  const max = field.max ?? (/week/i.test(field.key) ? Math.max(1, host.weeks() - 1) : undefined);
  const step = field.integer ? 1 : max !== undefined && field.min !== undefined ? niceStep(max - field.min) : 'any';
  const box = el('input', { id, type: 'number', step: String(field.integer ? 1 : 'any'), 'data-control': field.path });
  if (field.min !== undefined) box.min = String(field.min);
  if (field.max !== undefined) box.max = String(field.max);
  const keyword = field.keywords[0];
  const isNumber = typeof value === 'number';
  box.value = isNumber ? String(value) : '';
  let slider: HTMLInputElement | undefined;
  if (field.min !== undefined && max !== undefined) {
    slider = el('input', { type: 'range', min: String(field.min), max: String(max), step: String(step), 'aria-label': field.label, 'data-slider': field.path });
    slider.value = isNumber ? String(value) : String(field.min);
    slider.disabled = !isNumber;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const range = slider;
    range.addEventListener('input', () => {
      box.value = range.value;
      // A drag sends many values: the run follows the slider once it rests for a moment.
      clearTimeout(timer);
      timer = setTimeout(() => host.change(field.path, Number(range.value)), 90);
    });
    wrap.append(slider);
  }
  box.addEventListener('change', () => {
    const text = box.value.trim();
    // What cannot be read as a number is passed on as it is, for the schema to explain.
    const number = text === '' ? Number.NaN : Number(text);
    if (slider !== undefined && Number.isFinite(number)) slider.value = String(number);
    host.change(field.path, Number.isFinite(number) ? number : text);
  });
  wrap.append(box);
  if (keyword !== undefined) {
    const auto = el('input', { type: 'checkbox', 'data-keyword': field.path, id: `${id}-${keyword}` });
    auto.checked = value === keyword;
    box.disabled = auto.checked;
    auto.addEventListener('change', () => {
      box.disabled = auto.checked;
      if (slider !== undefined) slider.disabled = auto.checked;
      const number = Number(slider?.value ?? box.value);
      host.change(field.path, auto.checked ? keyword : Number.isFinite(number) ? number : (field.min ?? 0));
    });
    wrap.append(el('label', { class: 'keyword' }, auto, ` ${keyword}`));
  }
  return wrap;
}

function unionControl(field: Extract<Field, { kind: 'union' }>, id: string, value: unknown, host: ControlHost): HTMLElement {
  const wrap = el('span', { class: 'union' });
  const current = (value ?? {}) as Record<string, unknown>;
  const tag = String(current[field.discriminator] ?? field.variants[0]?.tag ?? '');
  const kind = el('select', { id, 'data-control': `${field.path}.${field.discriminator}` });
  for (const variant of field.variants) kind.append(el('option', { value: variant.tag }, variant.tag));
  kind.value = tag;
  const variant = field.variants.find((v) => v.tag === tag);
  const pick = (next: string, choices: Record<string, string>): Record<string, string> => {
    const chosen = field.variants.find((v) => v.tag === next);
    const out: Record<string, string> = { [field.discriminator]: next };
    for (const choice of chosen?.choices ?? []) out[choice.key] = choices[choice.key] ?? String(current[choice.key] ?? choice.options[0] ?? '');
    return out;
  };
  kind.addEventListener('change', () => host.change(field.path, pick(kind.value, {})));
  wrap.append(kind);
  for (const choice of variant?.choices ?? []) {
    const select = el('select', { 'aria-label': choice.key, 'data-control': `${field.path}.${choice.key}` });
    for (const option of choice.options) select.append(el('option', { value: option }, option));
    select.value = String(current[choice.key] ?? choice.options[0] ?? '');
    select.addEventListener('change', () => host.change(field.path, pick(kind.value, { [choice.key]: select.value })));
    wrap.append(select);
  }
  return wrap;
}

/** A problem to show at a control. */
export interface ShownIssue {
  readonly path: string;
  readonly message: string;
  readonly warning?: boolean;
}

/**
 * Shows each problem at the control of its path, or of the nearest enclosing setting that has
 * one; problems no control owns go to `fallback`. Earlier problems are cleared.
 */
export function showIssues(root: HTMLElement, fallback: HTMLElement, issues: readonly ShownIssue[]): void {
  for (const line of root.querySelectorAll<HTMLElement>('.message')) {
    line.hidden = true;
    line.textContent = '';
    line.closest('[data-path]')?.classList.remove('invalid', 'warned');
  }
  fallback.textContent = '';
  fallback.hidden = true;
  for (const issue of issues) {
    const owner = ownerOf(root, issue.path);
    const line = owner?.querySelector<HTMLElement>(':scope > .message') ?? fallback;
    line.hidden = false;
    line.append(el('span', {}, `${issue.path === '' ? '' : `${issue.path}: `}${issue.message}`));
    owner?.classList.add(issue.warning === true ? 'warned' : 'invalid');
  }
}

function ownerOf(root: HTMLElement, path: string): HTMLElement | undefined {
  const segments = path.split('.');
  for (let n = segments.length; n > 0; n--) {
    const at = segments.slice(0, n).join('.');
    const found = [...root.querySelectorAll<HTMLElement>('[data-path]')].find((e) => e.dataset['path'] === at);
    if (found !== undefined) return found;
  }
  return undefined;
}
