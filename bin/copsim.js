#!/usr/bin/env node
// The copsim command: a thin launcher for the compiled CLI in dist/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('copsim is not built yet: run "npm run build" (npm install does it)\n');
  process.exit(1);
}

let cli;
try {
  cli = await import(entry.href);
} catch (error) {
  process.stderr.write(`copsim: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env.COPSIM_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exit(70);
}
process.exitCode = await cli.main(process.argv.slice(2));
