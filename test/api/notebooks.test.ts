/**
 * The notebooks import only what the package exports: a name dropped from src/index.ts fails
 * here, in `npm test`, not first when the notebooks are executed under Jupyter.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as copsim from '../../dist/index.js';

const NOTEBOOKS = new URL('../../notebooks/', import.meta.url);
const declarations = readFileSync(new URL('../../dist/index.d.ts', import.meta.url), 'utf8');

/** The names each notebook imports from 'copsim', with whether each is type-only. */
function importsOf(file: string): { name: string; type: boolean }[] {
  const notebook = JSON.parse(readFileSync(new URL(file, NOTEBOOKS), 'utf8')) as { cells: { source: string | string[] }[] };
  const code = notebook.cells.map((cell) => [cell.source].flat().join('')).join('\n');
  return [...code.matchAll(/import\s*\{([^}]*)\}\s*from\s*'copsim'/g)].flatMap((m) =>
    (m[1] as string)
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .map((part) => ({ name: part.replace(/^type\s+/, '').split(/\s+as\s+/)[0] as string, type: part.startsWith('type ') })),
  );
}

describe('the notebooks', () => {
  const files = readdirSync(NOTEBOOKS).filter((f) => f.endsWith('.ipynb'));

  it('are there to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    it(`${file} imports only exported names`, () => {
      const imports = importsOf(file);
      expect(imports.length, file).toBeGreaterThan(0);
      for (const { name, type } of imports) {
        if (type) expect(declarations, `${file}: type ${name}`).toMatch(new RegExp(`\\b${name}\\b`));
        else expect(copsim, `${file}: ${name}`).toHaveProperty(name);
      }
    });
  }
});
