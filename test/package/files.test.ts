/**
 * What the npm package ships: what a user runs (the CLI, the library, the built-in scenarios,
 * the docs), not the project's own tools (benchmark, docs and schema writers, validation), and
 * no source maps (src/ is not shipped, so they would point nowhere). Reads the file list that
 * `npm pack` would pack from the current dist/ (built by `npm test`'s pretest), without running
 * the package's scripts.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

let files: string[] = [];

beforeAll(() => {
  const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  expect(pack.status, pack.stderr).toBe(0);
  const [report] = JSON.parse(pack.stdout) as { files: { path: string }[] }[];
  files = report!.files.map((f) => f.path).sort();
});

describe('the packed file list', () => {
  it('holds the command, the library and its types, the built-in scenarios and the schema', () => {
    for (const path of [
      'package.json',
      'README.md',
      'bin/copsim.js',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/cli/main.js',
      'dist/runner/worker.js',
      'dist/explore-browser/app.js',
      'dist/explore-browser/worker.js',
      'scenarios/baseline.yaml',
      'scenarios/schema.json',
      'scenarios/hypotheses/study.yaml',
      'docs/ODD.md',
    ]) {
      expect(files, path).toContain(path);
    }
  });

  it('leaves out the development tools, the sources, the tests, the API reference and source maps', () => {
    const unwanted = files.filter(
      (path) =>
        /^dist\/(bench|validation|docs)\//.test(path) ||
        /^dist\/scenario\/write-schema\./.test(path) ||
        /^(src|test|scripts|notebooks|\.ci|docs\/api)\//.test(path) ||
        path === 'docs/validation.json' ||
        path.endsWith('.map'),
    );
    expect(unwanted).toEqual([]);
  });

  it('is self-contained: every relative import of a shipped module is shipped too', () => {
    const shipped = new Set(files);
    const missing: string[] = [];
    for (const path of files.filter((p) => p.endsWith('.js'))) {
      const code = readFileSync(posix.join(root, path), 'utf8');
      const specifiers = [
        ...code.matchAll(/\bfrom\s+'(\.{1,2}\/[^']+)'/g),
        ...code.matchAll(/\bimport\(\s*'(\.{1,2}\/[^']+)'\s*\)/g),
        ...code.matchAll(/new URL\(\s*'(\.{1,2}\/[^']+\.js)',\s*import\.meta\.url\)/g),
      ].map((m) => m[1]!);
      for (const specifier of specifiers) {
        const target = posix.normalize(posix.join(posix.dirname(path), specifier));
        if (!shipped.has(target)) missing.push(`${path} → ${target}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('runs no script when installed (npm 11 warns about any install-time script)', () => {
    const { scripts } = JSON.parse(readFileSync(posix.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare', 'preprepare', 'postprepare']) {
      expect(scripts[hook], hook).toBeUndefined();
    }
    expect(scripts.prepack, 'the tarball is built before packing').toMatch(/npm run build/);
  });
});
