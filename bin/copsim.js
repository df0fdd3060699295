#!/usr/bin/env node
// The copsim command: a thin launcher for the compiled CLI in dist/.
//
// The published package ships dist/. A clone of the repository does not: `npm install` there
// runs no build script (so that installing the package from npm runs none either), and the
// first `npx copsim` in a clone compiles src/ into dist/ with the clone's TypeScript.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) buildClone();

// Ctrl-C or SIGTERM outside a command's own handler (while loading, or printing the results)
// still ends with exit code 130 rather than by the signal.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (process.listenerCount(signal) === 1) process.exit(130);
  });
}

let cli;
try {
  cli = await import(entry.href);
} catch (error) {
  process.stderr.write(`copsim: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env.COPSIM_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exit(70);
}
const code = await cli.main(process.argv.slice(2));
// Exit at once with the command's code, whatever it is: its output is written (or, after
// Ctrl-C or SIGTERM, what it finished is saved). Letting the event loop drain instead (worker
// threads closing) leaves a moment in which the signal handlers are gone while the process
// lives on, and a Ctrl-C pressed as the command finishes ends it by the signal. What is still
// buffered for stdout and stderr (pipes are asynchronous on some systems) is flushed first.
await new Promise((resolve) => process.stdout.write('', () => process.stderr.write('', resolve)));
process.exit(code);

/** In a clone (src/ and tsconfig.build.json beside bin/), build dist/ once; otherwise explain. */
function buildClone() {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const config = fileURLToPath(new URL('../tsconfig.build.json', import.meta.url));
  let tsc;
  try {
    tsc = createRequire(config).resolve('typescript/bin/tsc');
  } catch {
    tsc = undefined;
  }
  if (!existsSync(config) || tsc === undefined) {
    const hint = existsSync(config) ? 'run "npm install", then "npm run build"' : 'reinstall copsim';
    process.stderr.write(`copsim is not built (dist/ is missing): ${hint}\n`);
    process.exit(1);
  }
  process.stderr.write('copsim: building dist/ from src/ (once, in a clone of the repository)…\n');
  const build = spawnSync(process.execPath, [tsc, '-p', config], { cwd: root, stdio: ['ignore', 2, 2] });
  if (build.status !== 0 || !existsSync(fileURLToPath(entry))) {
    process.stderr.write('copsim: the build failed; run "npm run build" to see why\n');
    process.exit(1);
  }
  // The explorer's browser bundle (copsim explore), built from src/ by esbuild like npm run build does.
  const browser = fileURLToPath(new URL('../scripts/build-browser.mjs', import.meta.url));
  const bundle = spawnSync(process.execPath, [browser], { cwd: root, stdio: ['ignore', 2, 2] });
  if (bundle.status !== 0) process.stderr.write('copsim: the browser bundle of "copsim explore" failed to build; run "npm run build" to see why\n');
}
