import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The compiled package resolves scenarios/ from dist/scenario/, two levels below the root like
// the sources; this checks that the built-ins are found from there (needs `npm run build`).
const compiled = fileURLToPath(new URL('../../dist/scenario/index.js', import.meta.url));

describe('compiled scenario layer', () => {
  it('finds and loads the built-ins from dist/', async () => {
    expect(existsSync(compiled), 'dist/ is missing: run `npm run build`').toBe(true);
    const scenarios = (await import(compiled)) as typeof import('../../src/scenario/index.js');
    expect(scenarios.listBuiltins()).toHaveLength(12);
    const { scenario, source } = scenarios.loadScenario('mandate-lifted');
    expect(source).toBe('builtin:mandate-lifted');
    expect(scenario.cops[0]?.participation).toBe('mandatory');
  });
});
