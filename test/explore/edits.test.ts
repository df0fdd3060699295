/**
 * The explorer's pure parts, in Node: controls read off the schema, edits applied and checked
 * with the command line's messages, the command and the URL hash that say them back, the saved
 * scenario, and `copsim explore` writing its page.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { simulateReplication } from '../../src/runner/replicate.js';
import { summarize } from '../../src/aggregate/summarize.js';
import { runMonteCarlo } from '../../src/runner/index.js';
import {
  applyEdits,
  checkEdited,
  commandLine,
  createBatch,
  decodeState,
  encodeState,
  scenarioYaml,
  settingFields,
  type Field,
} from '../../src/explore/index.js';
import { loadBuiltin, loadScenario, loadScenarioText, parseScenario, ScenarioError } from '../../src/scenario/index.js';

const baseline = loadBuiltin('baseline').scenario;

function find(fields: readonly Field[], path: string): Field | undefined {
  for (const field of fields) {
    if (field.path === path) return field;
    if (field.kind === 'group') {
      const inner = find(field.fields, path);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

describe('controls from the schema', () => {
  const groups = settingFields(baseline);
  const all = groups.flatMap((g) => g.fields);

  it('has a panel for the run, the organisation, each CoP and the parameters', () => {
    expect(groups.map((g) => g.id)).toEqual(['run', 'organisation', 'cops.0', 'parameters']);
  });

  it('gives numbers their documented ranges, choices their options, switches, and the target group as a union', () => {
    expect(find(all, 'cops.0.support.fundedHours')).toMatchObject({ kind: 'number', min: 0, max: 40, integer: false, label: 'funded hours' });
    expect(find(all, 'cops.0.founders')).toMatchObject({ kind: 'number', min: 1, max: 1000, integer: true });
    expect(find(all, 'cops.0.support.lead')).toMatchObject({ kind: 'choice', options: ['none', 'part-time', 'full-time'] });
    expect(find(all, 'cops.0.support.coach')).toMatchObject({ kind: 'switch' });
    expect(find(all, 'cops.0.steering')).toMatchObject({ kind: 'number', min: 0, max: 1, keywords: ['auto'] });
    expect(find(all, 'cops.0.targetGroup')).toMatchObject({ kind: 'union', discriminator: 'kind' });
    expect(find(all, 'weeks')).toMatchObject({ kind: 'number', min: 1, max: 5200, integer: true });
    expect(find(all, 'cops.0.support.fundedHours')?.description).toMatch(/funded/);
  });
});

describe('edits', () => {
  it('give the scenario copsim run --set gives, and say themselves back as its command', () => {
    const edits = new Map<string, unknown>([
      ['cops.0.support.fundedHours', 4],
      ['cops.0.support.lead', 'full-time'],
      ['cops.0.targetGroup', { kind: 'role', role: 'productOwner' }],
      ['events', [{ week: 52, label: 'mandate lifted', set: { participation: 'voluntary' } }]],
    ]);
    const checked = checkEdited(applyEdits(baseline, edits));
    expect(checked.ok).toBe(true);
    const command = commandLine({ scenario: 'baseline', runs: 200, seed: 1 }, edits);
    expect(command).toBe(
      "copsim run baseline --runs 200 --seed 1 --set cops.0.support.fundedHours=4 --set cops.0.support.lead=full-time --set 'cops.0.targetGroup={ kind: role, role: productOwner }' --set 'events=[ { week: 52, label: mandate lifted, set: { participation: voluntary } } ]'",
    );
    const sets = [...edits].map(([path, value]) => `${path}=${JSON.stringify(value)}`);
    expect(checked.ok && checked.scenario).toEqual(loadScenario('baseline', { sets }).scenario);
    expect(baseline.cops[0]?.support.fundedHours).not.toBe(4);
  });

  it('report what is wrong with the messages of the command line, at the setting concerned', () => {
    for (const [path, value] of [
      ['cops.0.founders', 0],
      ['cops.0.support.fundedHours', 41],
      ['cops.0.support.lead', 'always'],
      ['weeks', 'many'],
    ] as const) {
      const checked = checkEdited(applyEdits(baseline, new Map([[path, value]])));
      let cli: ScenarioError | undefined;
      try {
        loadScenario('baseline', { sets: [`${path}=${value}`] });
      } catch (error) {
        cli = error as ScenarioError;
      }
      expect(checked.ok, path).toBe(false);
      expect(!checked.ok && checked.issues.map((i) => [i.path, i.message])).toEqual(cli?.issues.map((i) => [i.path, i.message]));
    }
  });

  it('round-trip through the URL hash', () => {
    const state = { runs: 50, seed: 7, edits: new Map<string, unknown>([['cops.0.support.lead', 'full-time'], ['weeks', 52]]), pinned: new Map<string, unknown>([['weeks', 52]]) };
    const back = decodeState(`#${encodeState(state)}`, { runs: 200, seed: 1, edits: new Map() });
    expect(back).toEqual(state);
    expect(decodeState('runs=0&seed=x', { runs: 200, seed: 1, edits: new Map() })).toEqual({ runs: 200, seed: 1, edits: new Map() });
  });

  it('save a scenario file that loads as the same scenario', () => {
    const checked = checkEdited(applyEdits(baseline, new Map<string, unknown>([['cops.0.support.coach', true]])));
    if (!checked.ok) throw new Error('expected valid edits');
    const text = scenarioYaml(checked.scenario);
    expect(text).not.toMatch(/parameters:/);
    expect(loadScenarioText(text, { source: 'saved.yaml' }).scenario).toEqual(checked.scenario);
    expect(parseScenario(checked.scenario)).toEqual(checked.scenario);
  });
});

describe('batches', () => {
  it('summarise the replications in so far as copsim run summarises that many', async () => {
    const scenario = loadBuiltin('baseline', { sets: ['weeks=12', 'organisation.employees=200'] }).scenario;
    const batch = createBatch(scenario, 5, 4);
    batch.add(1, simulateReplication(scenario, 5, 1));
    expect(batch.prefix).toBe(0);
    batch.add(0, simulateReplication(scenario, 5, 0));
    batch.add(2, simulateReplication(scenario, 5, 2));
    expect(batch.prefix).toBe(3);
    const cli = await runMonteCarlo(scenario, { runs: 3, masterSeed: 5, workers: 0 });
    expect(summarize(batch.collected()!, 'x')).toEqual(summarize(cli, 'x'));
  });
});

describe('copsim explore', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'copsim-explore-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one self-contained page with the scenario, the libraries and the worker inlined', async () => {
    const out: string[] = [];
    const io = { out: (t: string) => void out.push(t), err: () => undefined, errIsTTY: false, errColumns: 80 };
    const code = await main(['explore', 'top-down-mandatory', '--no-open', '--out', dir, '--set', 'cops.0.support.fundedHours=3'], io);
    expect(code).toBe(0);
    expect(out.join('')).toBe(`wrote ${join(dir, 'explore.html')} (open it in a browser)\n`);
    const html = await readFile(join(dir, 'explore.html'), 'utf8');
    expect(html).toMatch(/<script type="text\/plain" id="copsim-worker">/);
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/https?:\/\/(?!vega\.github\.io\/schema)[^"' ]*\.js/);
    expect(html).toContain('"fundedHours":3');
  });

  it('refuses bad options with a message naming them', async () => {
    const err: string[] = [];
    const io = { out: () => undefined, err: (t: string) => void err.push(t), errIsTTY: false, errColumns: 80 };
    expect(await main(['explore', '--no-open', '--runs', '0', '--out', dir], io)).toBe(2);
    expect(err.join('')).toMatch(/--runs/);
  });
});
