/**
 * The reusable builders: event labels and their placement, week ticks, CoP labels.
 */
import { describe, expect, it } from 'vitest';
import {
  bandedTimeChart,
  chartEvents,
  copLabels,
  describeChanges,
  eventLayers,
  seriesColor,
  weekTicks,
  type Layer,
} from '../../src/charts/index.js';
import { wrapText } from '../../src/charts/frame.js';
import { dejaVuTextWidth, textWidth } from '../../src/charts/text-width.js';
import { loadBuiltin } from '../../src/scenario/index.js';

type Json = Record<string, unknown>;

const textLayers = (layers: Layer[]): Json[] =>
  (layers as unknown as Json[]).filter((l) => (l.mark as Json).type === 'text');

describe('chartEvents', () => {
  const scenario = loadBuiltin('two-cops-competing').scenario;

  it('labels events by week, with their own label or the settings they change, naming the CoP', () => {
    const events = chartEvents({
      ...scenario,
      events: [
        { week: 90, cop: 'ways-of-working', set: { support: { fundedHours: 0, budget: 0 }, openness: 'closed' } },
        { week: 30, cop: 'scrum-masters', label: 'lead leaves' },
        { week: 10, organisation: { turnover: 0.2 } },
      ],
    });
    expect(events).toEqual([
      { week: 10, label: 'week 10: turnover → 0.2' },
      { week: 30, label: 'week 30: lead leaves (Scrum Master CoP)' },
      { week: 90, label: 'week 90: support.fundedHours → 0, support.budget → 0, … (Agile ways-of-working CoP)' },
    ]);
  });

  it('leaves out events at or after the last simulated week', () => {
    const events = chartEvents({ ...scenario, weeks: 52, events: [{ week: 51, label: 'a' }, { week: 52, label: 'b' }] });
    expect(events.map((e) => e.week)).toEqual([51]);
  });

  it('does not name the CoP when there is only one', () => {
    const single = loadBuiltin('mandate-lifted').scenario;
    expect(chartEvents(single)).toEqual([{ week: 52, label: 'week 52: mandate lifted' }]);
  });

  it('describes the changes of an event without a label', () => {
    expect(describeChanges({ set: { participation: 'voluntary' } })).toBe('participation → voluntary');
    expect(describeChanges({})).toBe('no change');
  });
});

describe('eventLayers', () => {
  it('draws nothing without events', () => {
    expect(eventLayers([], { weeks: 156 })).toEqual([]);
  });

  it('draws one rule layer holding every event, and labels beside the rules', () => {
    const events = [
      { week: 20, label: 'week 20: a' },
      { week: 140, label: 'week 140: b' },
    ];
    const layers = eventLayers(events, { weeks: 156 }) as unknown as Json[];
    const rules = layers.filter((l) => (l.mark as Json).type === 'rule');
    expect(rules).toHaveLength(1);
    expect((rules[0]?.data as Json).values).toEqual(events);
    const texts = textLayers(layers as unknown as Layer[]);
    const align = Object.fromEntries(
      texts.flatMap((t) => ((t.data as Json).values as Json[]).map((v) => [v.week, (t.mark as Json).align])),
    );
    // Late events are labelled to the left of their rule, so the label stays inside the plot.
    expect(align).toEqual({ 20: 'left', 140: 'right' });
  });

  it('moves a label that would overlap the previous one to a lower row', () => {
    const close = [
      { week: 50, label: 'week 50: a fairly long label' },
      { week: 52, label: 'week 52: another long label' },
      { week: 100, label: 'week 100: far away' },
    ];
    const texts = textLayers(eventLayers(close, { weeks: 156 }));
    const dyOf = (week: number): number =>
      (texts.find((t) => ((t.data as Json).values as Json[]).some((v) => v.week === week))?.mark as Json).dy as number;
    expect(dyOf(52)).toBeGreaterThan(dyOf(50));
    expect(dyOf(100)).toBe(dyOf(50));
  });
});

describe('weekTicks', () => {
  it('ticks at readable steps, at most 8 intervals', () => {
    expect(weekTicks(51)).toEqual([0, 13, 26, 39, 51]);
    expect(weekTicks(10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(weekTicks(5200).length).toBeLessThanOrEqual(10);
  });

  it('labels the end of a 156-week axis, and of an axis that is no multiple of the step', () => {
    expect(weekTicks(156)).toEqual([0, 26, 52, 78, 104, 130, 156]);
    expect(weekTicks(100)).toEqual([0, 13, 26, 39, 52, 65, 78, 91, 100]);
    // An end only a little past a multiple is not crowded with a tick of its own.
    expect(weekTicks(160)).toEqual([0, 26, 52, 78, 104, 130, 156]);
  });
});

describe('copLabels', () => {
  it("uses CoPs' names, and their ids where there is no name or names clash", () => {
    const summary = [{ cop: 'a' }, { cop: 'b' }, { cop: 'c' }, { cop: 'd' }];
    const labels = copLabels(summary, { cops: [{ id: 'a', name: 'Alpha' }, { id: 'b' }, { id: 'c', name: 'Same' }, { id: 'd', name: 'Same' }] } as never);
    expect([...labels]).toEqual([
      ['a', 'Alpha'],
      ['b', 'b'],
      ['c', 'c'],
      ['d', 'd'],
    ]);
  });
});

describe('bandedTimeChart', () => {
  it('stacks several panels vertically, one for a single panel', () => {
    const values = [{ series: 's', week: 0, mean: 1, ci_low: 0, ci_high: 2, p05: 0, p95: 3 }];
    const base = { title: 't', description: 'd.', weeks: 10, series: { title: 'CoP', domain: ['s'] } };
    const one = bandedTimeChart({ ...base, panels: [{ values, yTitle: 'y' }] }) as unknown as Json;
    const two = bandedTimeChart({ ...base, panels: [{ values, yTitle: 'y' }, { values, yTitle: 'z' }] }) as unknown as Json;
    expect(Array.isArray(one.layer)).toBe(true);
    expect((two.vconcat as Json[]).length).toBe(2);
  });
});

describe('textWidth', () => {
  it("measures text by DejaVu Sans' advance widths, not Vega's 0.8 em a character", () => {
    // "Week" at 12 px: W 989, e 615, e 615, k 579 thousandths of an em, plus 3% slack.
    expect(textWidth('Week', 12)).toBeCloseTo(((989 + 615 + 615 + 579) / 1000) * 12 * 1.03, 6);
    const subtitle = 'Mean of 20 runs, stacked: core at the bottom, then active, then peripheral';
    expect(textWidth(subtitle, 11)).toBeLessThan(0.8 * subtitle.length * 11 * 0.8);
    expect(textWidth('Participation', 15, true)).toBeGreaterThan(textWidth('Participation', 15));
  });

  it("takes a Vega item's size, weight and limit", () => {
    expect(dejaVuTextWidth({ fontSize: 15, fontWeight: 'bold' }, 'Title')).toBe(textWidth('Title', 15, true));
    expect(dejaVuTextWidth({}, 'label')).toBe(textWidth('label', 11));
    expect(dejaVuTextWidth({ fontSize: 11, limit: 20 }, 'a long label cut to its limit')).toBe(20);
  });
});

describe('wrapText', () => {
  it('breaks at spaces only, each line within the width', () => {
    const text = 'Not shown: newcomers and dormant members, so the top is below total membership';
    const lines = wrapText(text, 200, 11);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(text);
    for (const line of lines) expect(textWidth(line, 11)).toBeLessThanOrEqual(200);
    expect(wrapText('short', 200, 11)).toEqual(['short']);
    expect(wrapText('bottom-up-unsupported-and-then-some', 50, 11)).toEqual(['bottom-up-unsupported-and-then-some']);
  });
});

describe('seriesColor', () => {
  it('keeps a legend of long names within the plot, in columns', () => {
    const legend = (domain: string[]) => (seriesColor({ title: 'CoP', domain }) as unknown as { legend: Json }).legend;
    expect(legend(['a', 'b']).columns).toBeUndefined();
    const long = ['two-cops-competing-2 − two-cops-competing · Scrum Master CoP', 'two-cops-competing-2 − two-cops-competing · Agile ways-of-working CoP'];
    expect(legend(long).columns).toBe(1);
  });
});
