// Builds the explorer's browser code (src/explore/browser/) into dist/explore-browser/:
// app.js, the page's script, and worker.js, the Web Worker that simulates replications. Both
// are bundled from src/ by esbuild, so the page runs the very engine, aggregation and scenario
// schema that the command line runs. `copsim explore` inlines them into its page.
//
// The bundle must not need Node: a module that imports `node:*` is reported and the build fails.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'explore-browser');
mkdirSync(outdir, { recursive: true });

const result = await build({
  absWorkingDir: root,
  entryPoints: { app: 'src/explore/browser/app.ts', worker: 'src/explore/browser/worker.ts' },
  outdir,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});

const nodeImports = Object.entries(result.metafile.inputs).flatMap(([file, input]) =>
  input.imports.filter((i) => i.path.startsWith('node:') || i.external).map((i) => `${file} imports ${i.path}`),
);
if (nodeImports.length > 0) {
  process.stderr.write(`build-browser: the browser bundle must not import Node modules:\n  ${nodeImports.join('\n  ')}\n`);
  process.exit(1);
}
