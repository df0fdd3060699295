#!/usr/bin/env node
// Kill-and-resume trials (`npm run kill-trials`): every study command is stopped at random
// moments, while it simulates and while it writes its final files, by SIGKILL, by Ctrl-C
// (SIGINT) and by a double Ctrl-C, then resumed with --resume (itself stopped again now and
// then) until it finishes. Each trial must end with files byte-identical to an uninterrupted
// run's (start times and wall times masked), and right after every stop the output folder must
// be the old complete output, the new complete output, or an unfinished study with its
// checkpoint: never a mix without one, never a temporary file outside the checkpoint. A
// Ctrl-C must end the command with exit code 130 (or 0 when it had already finished).
//
//   node scripts/kill-trials.mjs [--trials 100] [--jobs 2] [--seed 1] [--keep]
//
// Half the trials write into a folder that holds the complete output of an earlier run (of
// another seed), so a stop must leave either that one, the new one, or a checkpoint.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHECKPOINT, folderFiles } from './folder-files.mjs';

const BIN = fileURLToPath(new URL('../bin/copsim.js', import.meta.url));

const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const TRIALS = option('trials', 100);
const JOBS = option('jobs', 2);
const SEED = option('seed', 1);
const KEEP = process.argv.includes('--keep');

/** The studies stopped: small, so that one trial takes seconds, with several batches where the verb has them. */
const STUDIES = [
  { name: 'run', args: ['run', 'baseline', '--runs', '16', '--weeks', '40', '--workers', '2'] },
  { name: 'run --agents', args: ['run', 'top-down-mandatory', '--runs', '8', '--weeks', '30', '--workers', '1', '--agents', '2'] },
  { name: 'compare', args: ['compare', 'baseline', 'top-down-mandatory', '--runs', '8', '--weeks', '30', '--workers', '2'] },
  { name: 'sweep', args: ['sweep', 'baseline', '--vary', 'cops.0.support.fundedHours=0:4:2', '--runs', '6', '--weeks', '30', '--workers', '1'] },
  {
    name: 'sensitivity',
    args: ['sensitivity', 'baseline', '--params', 'parameters.attendance.habit,cops.0.support.fundedHours=0:8', '--trajectories', '2', '--runs', '3', '--weeks', '30', '--workers', '1'],
  },
  { name: 'hypotheses', args: ['hypotheses', '--only', 'mandatory-attendance', '--runs', '6', '--workers', '2'] },
  { name: 'hypotheses --shard', args: ['hypotheses', '--only', 'mandatory-attendance,coach-safety', '--runs', '8', '--workers', '2', '--shard', '1/2'] },
];

/** mulberry32: the trials' stop times, reproducible from --seed. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}


/** The first difference between two folders' files, or undefined when they are the same. */
function difference(actual, expected) {
  for (const name of new Set([...Object.keys(actual), ...Object.keys(expected)])) {
    if (!(name in actual)) return `${name} is missing`;
    if (!(name in expected)) return `${name} should not be there`;
    if (actual[name] !== expected[name]) return `${name} differs`;
  }
  return undefined;
}

/** The copsim processes running now, ended with the script. */
const running = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of running) child.kill('SIGKILL');
    process.exit(130);
  });
}

/** Runs copsim with `args` in `cwd`; `stop` (optional) sends signals after a delay. Resolves to { code, signal, ms, stderr }. */
function copsim(args, cwd, stop) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, COPSIM_DEBUG: '' } });
    running.add(child);
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk.toString()));
    const timers = [];
    const send = () =>
      timers.push(
        setTimeout(() => {
          child.kill(stop.signal);
          if (stop.twice) timers.push(setTimeout(() => child.kill('SIGINT'), 30));
        }, stop.afterMs),
      );
    // A Ctrl-C is timed from copsim's headline, once its handlers are surely in place: before
    // that, Node itself may still be starting and would end by the signal, as any program would.
    let waiting = stop?.signal === 'SIGINT';
    if (stop !== undefined && !waiting) send();
    child.stderr.on('data', () => {
      if (waiting && stderr.includes('copsim:')) {
        waiting = false;
        send();
      }
    });
    child.on('close', (code, signal) => {
      running.delete(child);
      for (const timer of timers) clearTimeout(timer);
      resolve({ code, signal, ms: performance.now() - started, stderr });
    });
  });
}

/** What a stopped command left: the old output, the new one, or a checkpoint (undefined when acceptable). */
function leftProblem(out, old, expected) {
  const temporary = [];
  const walk = (dir, prefix = '') => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (prefix === '' && entry.name === CHECKPOINT) continue;
      if (entry.isDirectory()) walk(join(dir, entry.name), join(prefix, entry.name));
      else if (entry.name.endsWith('.tmp')) temporary.push(join(prefix, entry.name));
    }
  };
  walk(out);
  if (temporary.length > 0) return `temporary files outside the checkpoint: ${temporary.join(', ')}`;
  if (existsSync(join(out, CHECKPOINT))) return undefined;
  const now = folderFiles(out);
  if (difference(now, old) === undefined || difference(now, expected) === undefined) return undefined;
  return `neither the old output, nor the new one, nor a checkpoint (against the new: ${difference(now, expected)})`;
}

/** How a trial stops a command: mostly SIGKILL, sometimes Ctrl-C, sometimes Ctrl-C twice. */
function stopOf(next, durationMs) {
  const draw = next();
  const signal = draw < 0.7 ? 'SIGKILL' : 'SIGINT';
  // From just after the start to just past the end, so the final write is hit as often as its share of the time.
  // SIGKILL from the start; Ctrl-C from the headline (see copsim).
  return { signal, twice: draw >= 0.9, afterMs: Math.round(signal === 'SIGINT' ? next() * durationMs : 100 + next() * durationMs * 1.05) };
}

async function trial(number, study, reference, next) {
  const dir = mkdtempSync(join(tmpdir(), 'copsim-kill-'));
  const out = join(dir, 'out');
  const withOld = next() < 0.5;
  if (withOld) cpSync(reference.oldDir, out, { recursive: true });
  const old = withOld ? reference.old : {};
  const args = [...study.args, '--out', out];
  const stops = [];
  let attempt = 0;
  let problem;
  for (;;) {
    const resume = attempt > 0 ? ['--resume'] : [];
    // The first attempt is always stopped; a resumed one a third of the time, twice at most.
    const stop = attempt === 0 || (attempt < 3 && next() < 1 / 3) ? stopOf(next, reference.ms) : undefined;
    // Quiet, but for a Ctrl-C, which is timed from the headline.
    const quiet = stop?.signal === 'SIGINT' ? [] : ['--quiet'];
    const result = await copsim([...args, ...resume, ...quiet], dir, stop);
    attempt++;
    if (stop === undefined || (result.code === 0 && result.signal === null)) {
      if (result.code !== 0) {
        problem = `attempt ${attempt} ended with ${result.code ?? result.signal}: ${result.stderr.trim().split('\n').pop()}`;
      }
      if (stop !== undefined) stops.push(`${stop.signal}${stop.twice ? '×2' : ''}@${stop.afterMs}ms (finished first)`);
      if (problem !== undefined || stop === undefined) break;
      // Finished before the stop arrived: the folder must be the new output.
      continue;
    }
    stops.push(`${stop.signal}${stop.twice ? '×2' : ''}@${stop.afterMs}ms`);
    // A Ctrl-C that lands while the finished process is already exiting (its handlers gone, as
    // in any Node program) ends it by the signal; its output is then complete and whole.
    const exiting = stop.signal === 'SIGINT' && result.signal === 'SIGINT' && !existsSync(join(out, CHECKPOINT)) && difference(folderFiles(out), reference.files) === undefined;
    if (exiting) {
      stops.push(`${stop.signal}${stop.twice ? '×2' : ''}@${stop.afterMs}ms (while exiting, finished)`);
      continue;
    }
    if (stop.signal === 'SIGINT' && result.code !== 130) {
      problem = `Ctrl-C ended the command with ${result.code ?? `the signal ${result.signal}`}, not 130`;
      break;
    }
    // Whatever attempt was stopped, the only complete outputs the folder can hold are the old one and the new one.
    problem = leftProblem(out, old, reference.files);
    if (problem !== undefined) {
      problem = `after ${stops.at(-1)}: ${problem}`;
      break;
    }
  }
  if (problem === undefined) {
    const diff = difference(folderFiles(out), reference.files);
    if (diff !== undefined) problem = `the resumed output differs: ${diff}`;
    else if (existsSync(join(out, CHECKPOINT))) problem = 'the checkpoint was left behind';
  }
  const line = `${String(number).padStart(3)} ${study.name.padEnd(12)} ${withOld ? 'over old ' : 'new folder'} ${stops.join(', ')} → ${problem ?? 'identical'}`;
  if (problem === undefined || !KEEP) rmSync(dir, { recursive: true, force: true });
  else console.log(`    kept ${dir}`);
  return { ok: problem === undefined, line };
}

async function main() {
  const started = performance.now();
  const base = mkdtempSync(join(tmpdir(), 'copsim-kill-ref-'));
  const references = [];
  for (const [i, study] of STUDIES.entries()) {
    const dir = join(base, String(i));
    const result = await copsim([...study.args, '--out', join(dir, 'new'), '--quiet'], base);
    const seeded = study.args.includes('--seed') ? study.args : [...study.args, '--seed', '2'];
    const earlier = await copsim([...seeded, '--out', join(dir, 'old'), '--quiet'], base);
    if (result.code !== 0 || earlier.code !== 0) throw new Error(`${study.name}: the uninterrupted run failed: ${result.stderr}${earlier.stderr}`);
    references.push({ files: folderFiles(join(dir, 'new')), old: folderFiles(join(dir, 'old')), oldDir: join(dir, 'old'), ms: result.ms });
    console.log(`reference ${study.name}: ${(result.ms / 1000).toFixed(1)} s`);
  }
  const next = random(SEED);
  const plan = Array.from({ length: TRIALS }, (_, i) => i);
  let failed = 0;
  let cursor = 0;
  const worker = async () => {
    while (cursor < plan.length) {
      const number = plan[cursor++];
      const which = number % STUDIES.length;
      const { ok, line } = await trial(number + 1, STUDIES[which], references[which], next);
      if (!ok) failed++;
      console.log(line);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, JOBS) }, worker));
  rmSync(base, { recursive: true, force: true });
  const seconds = (performance.now() - started) / 1000;
  console.log(`\n${TRIALS - failed} of ${TRIALS} trials identical, ${failed} failed, in ${seconds.toFixed(0)} s (stop times of --seed ${SEED})`);
  process.exitCode = failed === 0 ? 0 : 1;
}

await main();
