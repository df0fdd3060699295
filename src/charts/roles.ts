/**
 * Membership by role: the mean numbers of core, active and peripheral members as stacked areas,
 * one panel per CoP.
 */
import type { SummaryRow } from '../aggregate/types.js';
import { chartFrame, type ChartHeading } from './frame.js';
import { DEFAULT_FORMAT, eventLayers, weekEncoding, type WeekAxis } from './layers.js';
import { finiteOrNull } from './series.js';
import { CHART_HEIGHT, CHART_WIDTH, PANEL_HEIGHT } from './style.js';
import type { ChartEvent, ConcatChild, TopLevelSpec } from './types.js';

/** The roles stacked, bottom to top, with their legend labels and colours (dark to light). */
export const STACKED_ROLES = [
  { metric: 'core', label: 'Core', color: '#1d4f7c' },
  { metric: 'active', label: 'Active', color: '#4e79a7' },
  { metric: 'peripheral', label: 'Peripheral', color: '#a0cbe8' },
] as const;

/** What `rolesChart` draws. */
export interface RolesChartOptions extends ChartHeading, WeekAxis {
  summary: readonly SummaryRow[];
  /** CoP display names by id; one panel per entry, in order. */
  labels: ReadonlyMap<string, string>;
  events?: readonly ChartEvent[];
}

/**
 * Stacked areas of the mean number of core, active and peripheral members per week (the
 * stack's top is the mean of their sum), one panel per CoP with a shared y scale, events
 * marked.
 *
 * @example rolesChart({ title: 'Membership by role', description: '...', weeks: 156, summary, labels, events })
 */
export function rolesChart(options: RolesChartOptions): TopLevelSpec {
  const multiple = options.labels.size > 1;
  const height = multiple ? PANEL_HEIGHT : CHART_HEIGHT;
  const axis: WeekAxis = { weeks: options.weeks };
  const roleOf = new Map<string, (typeof STACKED_ROLES)[number]>(STACKED_ROLES.map((role) => [role.metric, role]));
  const panels: ConcatChild[] = [...options.labels].map(([id, label]) => ({
    ...(multiple ? { title: { text: label, anchor: 'start', fontSize: 12 } } : {}),
    width: CHART_WIDTH,
    height,
    data: {
      values: options.summary.flatMap((row) => {
        const role = roleOf.get(row.metric);
        if (row.cop !== id || role === undefined) return [];
        return [
          {
            role: role.label,
            week: row.week,
            mean: finiteOrNull(row.mean),
            ci_low: finiteOrNull(row.ci_low),
            ci_high: finiteOrNull(row.ci_high),
          },
        ];
      }),
    },
    layer: [
      {
        transform: [
          { calculate: `indexof(${JSON.stringify(STACKED_ROLES.map((r) => r.label))}, datum.role)`, as: 'stack_order' },
        ],
        mark: { type: 'area', opacity: 0.9 },
        encoding: {
          x: weekEncoding(axis),
          y: { field: 'mean', type: 'quantitative', stack: 'zero', title: 'Members (mean)', axis: { format: DEFAULT_FORMAT } },
          color: {
            field: 'role',
            type: 'nominal',
            title: 'Role',
            scale: { domain: STACKED_ROLES.map((r) => r.label), range: STACKED_ROLES.map((r) => r.color) },
            legend: { orient: 'top', direction: 'horizontal', title: null },
          },
          order: { field: 'stack_order', type: 'quantitative' },
          tooltip: [
            { field: 'role', type: 'nominal', title: 'Role' },
            { field: 'week', type: 'quantitative', title: 'Week' },
            { field: 'mean', type: 'quantitative', title: 'Mean', format: DEFAULT_FORMAT },
            { field: 'ci_low', type: 'quantitative', title: '95% CI, low', format: DEFAULT_FORMAT },
            { field: 'ci_high', type: 'quantitative', title: '95% CI, high', format: DEFAULT_FORMAT },
          ],
        },
      },
      ...eventLayers(options.events ?? [], axis),
    ],
  }));
  const frame = chartFrame(options);
  if (panels.length === 1) return { ...frame, ...(panels[0] as Extract<ConcatChild, { layer: unknown }>) };
  return { ...frame, vconcat: panels, spacing: 18, resolve: { scale: { y: 'shared' } } };
}
