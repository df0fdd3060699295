import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import type { CopKeyFigures } from '../../src/aggregate/index.js';
import { escapeHtml, inlineScript, reportHtml, scriptJson, type ReportInput } from '../../src/report/index.js';

const SCRIPTS = { vega: '/* vega */', vegaLite: '/* vega-lite */', vegaEmbed: '/* vega-embed */' };
const EVIL = '<img src=x onerror="alert(1)">';

function estimate(mean: number) {
  return { n: 10, mean, low: mean - 1, high: mean + 1 };
}

function figures(cop: string): CopKeyFigures {
  return {
    cop,
    finalMembers: estimate(41.26),
    peakMembers: estimate(45.2),
    meanAttendance: estimate(12.1),
    finalParticipationRate: estimate(0.3),
    totalContributions: estimate(310.44),
    totalReuseEvents: estimate(120.7),
    finalReuseRate: estimate(0.1),
    totalHoursSaved: estimate(10),
    totalHoursInvested: estimate(5),
    savedPerInvested: 2,
    deathShare: 0.25,
    medianDeathWeek: Number.NaN,
  };
}

const spec: TopLevelSpec = {
  data: { values: [{ week: 0, label: '</script><script>alert(1)</script>' }] },
  mark: 'point',
  encoding: { x: { field: 'week', type: 'quantitative' } },
};

function input(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    title: 'my scenario',
    description: 'First paragraph.\n\nSecond paragraph.',
    provenance: [
      { label: 'copsim', value: '0.1.0' },
      { label: 'master seed', value: '7' },
    ],
    settings: [{ path: 'cops.0.participation', value: 'mandatory', baseline: 'voluntary' }],
    keyFigures: [figures('scrum-masters')],
    charts: [
      { name: 'participation', title: 'Participation', description: 'Members and attendance.', spec },
      { name: 'reuse', title: 'Knowledge reuse', description: 'Reuse events.', spec },
    ],
    ...overrides,
  };
}

describe('reportHtml', () => {
  const html = reportHtml(input(), SCRIPTS);

  it('is one page with the title, the description as paragraphs and the provenance footer', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<h1>my scenario</h1>');
    expect(html).toContain('<p>First paragraph.</p>\n<p>Second paragraph.</p>');
    expect(html).toMatch(/<footer id="provenance">[\s\S]*<dt>master seed<\/dt><dd>7<\/dd>/);
  });

  it('links a table of contents to every section and chart', () => {
    for (const anchor of ['scenario', 'settings', 'key-figures', 'charts', 'provenance', 'chart-participation', 'chart-reuse']) {
      expect(html).toContain(`<a href="#${anchor}">`);
      expect(html).toContain(`id="${anchor}"`);
    }
  });

  it('shows the settings that differ and the key figures with the terminal table\'s columns and digits', () => {
    expect(html).toContain('<tr><td><code>cops.0.participation</code></td><td>mandatory</td><td>voluntary</td></tr>');
    expect(html).toContain('<th class="num">members</th><th>95% CI</th>');
    expect(html).toContain('<td><span class="nobreak">scrum-masters</span></td><td class="num">41.3</td><td>[40.3, 42.3]</td>');
    expect(html).toContain('<td class="num">0.25</td><td class="num">–</td></tr>');
  });

  it('breaks a CoP name in the key figures between scenario and CoP only, never inside an id', () => {
    const page = reportHtml(input({ keyFigures: [figures('bottom-up-unsupported · scrum-masters')] }), SCRIPTS);
    expect(page).toContain('<td><span class="nobreak">bottom-up-unsupported</span>&nbsp;· <span class="nobreak">scrum-masters</span></td>');
    expect(page).toContain('.figures .nobreak { white-space: nowrap; }');
    expect(page).not.toMatch(/\.figures td:first-child \{[^}]*overflow-wrap: anywhere/);
  });

  it('shows an event in the settings as text, not JSON', () => {
    const event = { week: 52, label: 'mandate lifted', cop: 'scrum-masters', set: { participation: 'voluntary' } };
    const settings = [{ path: 'events.0', value: event, baseline: undefined, valueText: 'week 52: mandate lifted (scrum-masters)' }];
    const page = reportHtml(input({ settings }), SCRIPTS);
    expect(page).toContain('<td><code>events.0</code></td><td>week 52: mandate lifted (scrum-masters)</td>');
    expect(page).not.toContain('{&quot;week&quot;');
  });

  it('embeds each spec as JSON that reads back to the spec, drawn with SVG and no action menu', () => {
    const specs = [...html.matchAll(/<script type="application\/json" id="([^"]+)">([\s\S]*?)<\/script>/g)];
    expect(specs.map((m) => m[1])).toEqual(['chart-participation-spec', 'chart-reuse-spec']);
    for (const m of specs) expect(JSON.parse(m[2] as string)).toEqual(spec);
    expect(html).toContain('{"actions":false,"renderer":"svg"}');
    expect(html).toContain('<div class="view" data-chart="participation" data-spec="chart-participation-spec"></div>');
  });

  it('inlines the chart libraries and loads nothing from elsewhere', () => {
    expect(html).toContain('<script>/* vega */</script>\n<script>/* vega-lite */</script>\n<script>/* vega-embed */</script>');
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/@import|url\(/);
  });

  it('escapes every text from the scenario, so a scenario cannot inject markup', () => {
    const evil = reportHtml(
      input({
        title: EVIL,
        description: EVIL,
        provenance: [{ label: 'scenario', value: EVIL }],
        settings: [{ path: 'cops.0.name', value: EVIL, baseline: undefined }],
        keyFigures: [figures(EVIL)],
        charts: [{ name: '"><b>x', title: EVIL, description: EVIL, spec }],
      }),
      SCRIPTS,
    );
    expect(evil).not.toContain('<img');
    expect(evil).not.toContain('<b>x');
    expect(evil).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    // Only the page's own scripts: three libraries, one spec, one bootstrap.
    expect(evil.match(/<script/g)).toHaveLength(5);
    expect(evil.match(/<\/script>/g)).toHaveLength(5);
  });

  it('says so when no setting differs', () => {
    expect(reportHtml(input({ settings: [] }), SCRIPTS)).toContain('<p>None: the scenario has the settings of the built-in <code>baseline</code> scenario.</p>');
  });

  it('is the same text for the same input', () => {
    expect(reportHtml(input(), SCRIPTS)).toBe(html);
  });
});

describe('escaping helpers', () => {
  it('escapeHtml escapes markup and quotes', () => {
    expect(escapeHtml(`<a href='x'>"R&D"</a>`)).toBe('&lt;a href=&#39;x&#39;&gt;&quot;R&amp;D&quot;&lt;/a&gt;');
  });

  it('inlineScript keeps a script from closing its element, and means the same to JavaScript', () => {
    const code = 'var a = "</script><!--"; var b = /<\\/SCRIPT>/i.test(a);\n//# sourceMappingURL=x.min.js.map';
    const safe = inlineScript(code);
    expect(safe).not.toMatch(/<\/script|<!--|sourceMappingURL/i);
    const run = (text: string) => new Function(`${text}; return [a, b];`)() as unknown[];
    expect(run(safe)).toEqual(run(code.replace(/\n\/\/#.*$/, '')));
  });

  it('scriptJson reads back to the same value and holds no "<"', () => {
    const value = { text: '</script><!-- <b>', n: 1 };
    expect(scriptJson(value)).not.toContain('<');
    expect(JSON.parse(scriptJson(value))).toEqual(value);
  });
});
