/**
 * `npm run validation`: every fact at every point of the design, written to docs/VALIDATION.md
 * (the table) and docs/validation.json (its rows, for the quick check).
 *
 *   npm run validation                     the whole design (about five minutes on 2 cores)
 *   npm run validation -- --quick          the reference point, 300 and 5,000 employees
 *                                          (10,000 only in the full run), compared with the committed rows: exits 1 if
 *                                          a committed pass is now a miss (CI runs this)
 *   npm run validation -- --workers 1      fewer threads (the rows are the same)
 *
 * Progress goes to stderr; the summary to stdout.
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import yargs from 'yargs';
import { writeFileAtomic } from '../output/atomic.js';
import { DESIGN, QUICK_DESIGN } from './design.js';
import { VALIDATION_SEED, type Row } from './evaluate.js';
import { renderRows, renderValidation, tally } from './render.js';
import { runValidation } from './run.js';

const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));

interface CommittedRow {
  fact: string;
  check: string;
  point: string;
  estimate: number | null;
  verdict: string;
}

async function main(argv: readonly string[]): Promise<number> {
  const args = yargs([...argv])
    .scriptName('npm run validation --')
    .usage('$0 [--quick] [--workers N]\n\nChecks the model brief\'s stylised facts across the model\'s domain.')
    .option('quick', {
      type: 'boolean',
      default: false,
      describe: 'only the reference point, 300 and 5,000 employees; compare with docs/validation.json instead of writing',
    })
    .option('workers', { type: 'number', default: availableParallelism(), describe: 'worker threads' })
    .strict()
    .version(false)
    .help()
    .parseSync();
  const points = args.quick ? QUICK_DESIGN : DESIGN;
  const start = Date.now();
  let last = -1;
  const rows = await runValidation({
    points,
    workers: Math.max(1, Math.floor(args.workers)),
    onProgress: (done, total) => {
      const pct = Math.floor((100 * done) / total);
      if (pct >= last + 5 || done === total) {
        last = pct;
        process.stderr.write(`validation: ${done}/${total} chunks (${pct}%), ${Math.round((Date.now() - start) / 1000)} s\n`);
      }
    },
  });
  const t = tally(rows);
  if (!args.quick) {
    await writeFileAtomic(`${DOCS}VALIDATION.md`, renderValidation({ rows, masterSeed: VALIDATION_SEED, command: 'npm run validation' }));
    await writeFileAtomic(`${DOCS}validation.json`, renderRows(rows, VALIDATION_SEED));
    process.stdout.write(`validation: ${t.pass} of ${t.judged} judged rows pass; written to docs/VALIDATION.md\n`);
    return 0;
  }
  return check(rows);
}

/** Compares the quick rows with the committed ones: a committed pass that is now a miss fails. */
async function check(rows: readonly Row[]): Promise<number> {
  let committed: CommittedRow[];
  try {
    committed = (JSON.parse(await readFile(`${DOCS}validation.json`, 'utf8')) as { rows: CommittedRow[] }).rows;
  } catch (error) {
    process.stderr.write(`validation: cannot read docs/validation.json (${String(error)}); run "npm run validation" first\n`);
    return 1;
  }
  const key = (r: { fact: string; check: string; point: string }): string => `${r.fact}.${r.check}@${r.point}`;
  const before = new Map(committed.map((r) => [key(r), r]));
  const broken: string[] = [];
  const drifted: string[] = [];
  for (const r of rows) {
    const old = before.get(key(r));
    if (!old) {
      drifted.push(`${key(r)}: not in docs/validation.json`);
      continue;
    }
    if (old.verdict === 'pass' && r.verdict === 'fail') broken.push(`${key(r)}: was pass (${old.estimate}), now a miss (${r.estimate})`);
    const same = old.estimate === null ? !Number.isFinite(r.estimate) : Math.abs(old.estimate - r.estimate) <= 1e-9 * Math.max(1, Math.abs(r.estimate));
    if (!same) drifted.push(`${key(r)}: ${old.estimate} → ${r.estimate}`);
  }
  const t = tally(rows);
  process.stdout.write(`validation --quick: ${t.pass} of ${t.judged} judged rows pass at ${new Set(rows.map((r) => r.point)).size} points\n`);
  if (drifted.length > 0) {
    process.stdout.write(`${drifted.length} row(s) differ from docs/validation.json (regenerate it with "npm run validation"):\n`);
    for (const d of drifted.slice(0, 20)) process.stdout.write(`  ${d}\n`);
  }
  if (broken.length > 0) {
    process.stdout.write(`${broken.length} committed row(s) no longer hold:\n`);
    for (const b of broken) process.stdout.write(`  ${b}\n`);
    return 1;
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
