/**
 * The study verb `calibrate` on the model: the files it writes, a checkpoint after every
 * generation from which an interrupted calibration goes on to the same files, the same result
 * on any number of workers, and its options and folder checked before anything is simulated.
 */
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/output/read.js';
import { calibrate, CHECKPOINT, StudyError, type CalibrateOptions } from '../../src/study/index.js';
import { tempDir } from '../cli/helpers.js';

/** A small calibration: two parameters, a level and a paired difference, 150 people for 40 weeks. */
const TARGETS = `
description: A small calibration for the tests.
particles: 8
runs: 2
max_generations: 3
parameters:
  - path: parameters.churn.welcomeTie
    prior: uniform(0.1, 1)
  - path: parameters.contributions.coreSpeaking
    prior: normal(0.4, 0.1)
    bounds: [0.3, 0.6]
patterns:
  - id: core
    scenario: baseline
    set: [organisation.employees=150, weeks=40]
    measure: { metric: core_share }
    target: 0.125
    tolerance: 0.025
  - id: welcome
    compare:
      a: { scenario: baseline, set: [cops.0.support.welcome=false] }
      b: baseline
    set: [organisation.employees=150, weeks=40]
    measure: { metric: newcomer_return_rate }
    target: 0.12
    tolerance: 0.04
`;

function targetsFile(dir: string): string {
  const file = join(dir, 'small.yaml');
  writeFileSync(file, TARGETS);
  return file;
}

/** Every file of a folder, the clock masked (start and wall times differ by design). */
function folder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const bytes = readFileSync(join(dir, name));
    out[name] = name.endsWith('.png')
      ? bytes.toString('base64')
      : bytes
          .toString('utf8')
          .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
          .replace(/"wallTimeSeconds": [0-9.e+-]+/g, '"wallTimeSeconds": <wall>')
          .replace(/(wall time<\/dt><dd>)[^<]*/g, '$1<wall>');
  }
  return out;
}

const base = (dir: string, extra: Partial<CalibrateOptions> = {}): CalibrateOptions => ({ targets: targetsFile(dir), seed: 3, workers: 0, ...extra });

describe('calibrate', () => {
  it('writes the posterior, the predictive check, the generations, the charts, the page and calibration.json', async () => {
    const dir = tempDir();
    const study = await calibrate(base(dir, { out: join(dir, 'out') }));
    const files = readdirSync(join(dir, 'out'));
    for (const name of ['posterior.csv', 'predictive.csv', 'generations.csv', 'report.html', 'calibration.json', CHECKPOINT, 'marginals.svg', 'pairs.png', 'generations.vl.json', 'predictive.svg']) {
      expect(files, name).toContain(name);
    }
    const [header, ...rows] = parseCsv(readFileSync(join(dir, 'out', 'posterior.csv'), 'utf8'), 'posterior.csv').map((r) => r.fields);
    expect(header).toEqual(['rank', 'generation', 'index', 'parameters.churn.welcomeTie', 'parameters.contributions.coreSpeaking', 'weight', 'distance', 'stat:core', 'stat:welcome']);
    expect(rows).toHaveLength(4);
    expect(rows.reduce((sum, row) => sum + Number(row[5]), 0)).toBeCloseTo(1, 12);
    const manifest = JSON.parse(readFileSync(join(dir, 'out', 'calibration.json'), 'utf8')) as Record<string, any>;
    expect(manifest['command']).toBe('calibrate');
    expect(manifest['settings']).toMatchObject({ particles: 8, alpha: 0.5, keptParticles: 4, minAcceptance: 0.01, maxGenerations: 3, runs: 2, seed: 3 });
    expect(manifest['priors'].map((p: { prior: string }) => p.prior)).toEqual(['uniform(0.1, 1)', 'normal(0.4, 0.1) on [0.3, 0.6]']);
    expect(manifest['generations']).toHaveLength(3);
    expect(manifest['generations'][1]).toMatchObject({ generation: 2, simulations: 4, replications: 4 * 2 * 2 });
    expect(Object.keys(manifest['posterior'][0])).toEqual(['path', 'prior', 'mean', 'sd', 'q025', 'q50', 'q975']);
    expect(manifest['predictive'].map((r: { pattern: string }) => r.pattern)).toEqual(['core', 'welcome']);
    expect(manifest).toHaveProperty('seeds.first');
    expect(study.state.generations.map((g) => g.epsilon)).toEqual(manifest['generations'].map((g: { epsilon: number }) => g.epsilon));
    const predictive = readFileSync(join(dir, 'out', 'predictive.csv'), 'utf8').split('\n')[0];
    expect(predictive).toBe('pattern,target,tolerance,predicted,low,high,error,within,n,measure,scenario,statement');
    const page = readFileSync(join(dir, 'out', 'report.html'), 'utf8');
    for (const heading of ['Posterior', 'Posterior predictive check', 'Patterns', 'Generations', 'Charts', 'Provenance']) expect(page).toContain(`<h2>${heading}</h2>`);
  });

  it('an interrupted calibration goes on from its checkpoint to the same files', async () => {
    const dir = tempDir();
    const whole = join(dir, 'whole');
    await calibrate(base(dir, { out: whole }));
    const cut = join(dir, 'cut');
    const controller = new AbortController();
    // Stop in the middle of the third generation, after the checkpoint of the second.
    let generations = 0;
    let after = 0;
    const interrupted = calibrate(
      base(dir, {
        out: cut,
        signal: controller.signal,
        onGeneration: () => void generations++,
        onProgress: () => {
          if (generations === 2 && ++after === 5) controller.abort();
        },
      }),
    );
    await expect(interrupted).rejects.toThrow(/abort/i);
    const checkpoint = JSON.parse(readFileSync(join(cut, CHECKPOINT), 'utf8')) as { state: { generations: unknown[] } };
    expect(checkpoint.state.generations).toHaveLength(2);
    expect(readdirSync(cut)).not.toContain('calibration.json');
    const warnings: string[] = [];
    await calibrate(base(dir, { out: cut, resume: true, onWarning: (w) => warnings.push(w) }));
    expect(warnings.join('\n')).toMatch(/after generation 2; going on from there/);
    expect(folder(cut)).toEqual(folder(whole));
  });

  it('a calibration stopped at its maximum of generations goes on when resumed with a higher one', async () => {
    const dir = tempDir();
    await calibrate(base(dir, { out: join(dir, 'three') }));
    await calibrate(base(dir, { out: join(dir, 'two'), maxGenerations: 2 }));
    await calibrate(base(dir, { out: join(dir, 'two'), resume: true }));
    expect(folder(join(dir, 'two'))).toEqual(folder(join(dir, 'three')));
  });

  it('gives the same result on any number of workers', async () => {
    // Worker threads run the built runner (dist/), as the CLI does.
    const built = (await import('../../dist/index.js')) as unknown as { calibrate: typeof calibrate };
    const dir = tempDir();
    const small = { particles: 8, maxGenerations: 2, predictiveDraws: 1 };
    const serial = await built.calibrate(base(dir, small));
    const parallel = await built.calibrate(base(dir, { ...small, workers: 2 }));
    expect(parallel.state).toEqual(serial.state);
    expect(parallel.predictive).toEqual(serial.predictive);
  });

  it('refuses a checkpoint of another calibration, or none, naming what differs', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    await calibrate(base(dir, { out, maxGenerations: 1 }));
    await expect(calibrate(base(dir, { out, resume: true, runs: 3 }))).rejects.toThrow(/checkpoint is of another calibration \(it differs in runs\)/);
    await expect(calibrate(base(dir, { out: join(dir, 'none'), resume: true }))).rejects.toThrow(/no checkpoint to resume from/);
    await expect(calibrate(base(dir, { resume: true }))).rejects.toThrow(/resume needs the folder/);
  });

  it('checks its options and folder before simulating anything', async () => {
    const dir = tempDir();
    let started = false;
    const onStart = () => void (started = true);
    await expect(calibrate(base(dir, { particles: 1, onStart }))).rejects.toThrow(/particles must be a whole number of at least 2, got 1/);
    await expect(calibrate(base(dir, { alpha: 1, onStart }))).rejects.toThrow(StudyError);
    await expect(calibrate(base(dir, { minAcceptance: -0.1, onStart }))).rejects.toThrow(/min acceptance/);
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    if (process.getuid?.() !== 0) {
      await expect(calibrate(base(dir, { out: join(locked, 'out'), onStart }))).rejects.toThrow(/cannot write the results to/);
    }
    writeFileSync(join(dir, 'file'), 'x');
    await expect(calibrate(base(dir, { out: join(dir, 'file', 'out'), onStart }))).rejects.toThrow(/cannot write the results to/);
    expect(started).toBe(false);
  });
});
