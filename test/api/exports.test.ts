/**
 * The public API's names, against the committed test/api/exports.json: a name added to,
 * removed from or changed in kind in `copsim`'s entry point fails here until the snapshot is
 * updated on purpose (`npx vitest run test/api -u`), and docs/api regenerated with it
 * (`npm run api-docs`). Values are read from the built dist/index.js, as a user imports it;
 * type-only exports from its declarations, dist/index.d.ts.
 */
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as copsim from '../../dist/index.js';

type Kind = 'class' | 'function' | 'namespace' | 'object' | 'string' | 'number' | 'boolean';

function kindOf(value: unknown): Kind {
  if (typeof value === 'function') return /^class\b/.test(Function.prototype.toString.call(value)) ? 'class' : 'function';
  if (Object.prototype.toString.call(value) === '[object Module]') return 'namespace';
  return typeof value as Kind;
}

function valueExports(): { values: Record<string, Kind>; namespaces: Record<string, Record<string, Kind>> } {
  const values: Record<string, Kind> = {};
  const namespaces: Record<string, Record<string, Kind>> = {};
  for (const name of Object.keys(copsim).sort()) {
    const value = (copsim as Record<string, unknown>)[name];
    values[name] = kindOf(value);
    if (values[name] === 'namespace') {
      namespaces[name] = Object.fromEntries(
        Object.keys(value as object)
          .sort()
          .map((member) => [member, kindOf((value as Record<string, unknown>)[member])]),
      );
    }
  }
  return { values, namespaces };
}

/**
 * Names exported from dist/index.d.ts that have no value at run time (types and interfaces),
 * at the top level and in each namespace.
 */
function typeExports(
  values: Record<string, Kind>,
  namespaces: Record<string, Record<string, Kind>>,
): { types: string[]; namespaceTypes: Record<string, string[]> } {
  const file = fileURLToPath(new URL('../../dist/index.d.ts', import.meta.url));
  const program = ts.createProgram([file], {
    noEmit: true,
    skipLibCheck: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
  });
  const checker = program.getTypeChecker();
  const typesOf = (module: ts.Symbol, runtime: Record<string, Kind>) =>
    checker
      .getExportsOfModule(module)
      .map((symbol) => symbol.name)
      .filter((name) => !(name in runtime))
      .sort();
  const entry = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
  const namespaceTypes: Record<string, string[]> = {};
  for (const symbol of checker.getExportsOfModule(entry)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    // A namespace with values (stats), or one of types only (`export type * as types`).
    const members = namespaces[symbol.name] ?? (target.flags & ts.SymbolFlags.Module ? {} : undefined);
    if (members === undefined) continue;
    namespaceTypes[symbol.name] = typesOf(target, members);
  }
  return { types: typesOf(entry, values), namespaceTypes };
}

describe('the public exports', () => {
  it('are the committed list (update it with `npx vitest run test/api -u`, then `npm run api-docs`)', async () => {
    const { values, namespaces } = valueExports();
    const surface = { values, namespaces, ...typeExports(values, namespaces) };
    await expect(`${JSON.stringify(surface, null, 2)}\n`).toMatchFileSnapshot('exports.json');
  });
});
