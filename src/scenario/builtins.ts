/**
 * The built-in scenarios: the YAML files in the package's `scenarios/` directory, each
 * illustrating one claim of the interview study or the literature.
 */
import { readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isPlainObject } from './errors.js';
import { readScenarioFile } from './read.js';

/** The reference scenario the others vary; listed first. */
const BASELINE = 'baseline';

/**
 * The directory holding the built-in scenarios. Sources (src/scenario/) and compiled code
 * (dist/scenario/) both sit two levels below the package root.
 */
export function builtinDir(): string {
  return fileURLToPath(new URL('../../scenarios/', import.meta.url));
}

/** Names of the built-in scenarios, sorted, baseline first. */
export function builtinNames(): string[] {
  const names = readdirSync(builtinDir())
    .filter((f) => extname(f) === '.yaml')
    .map((f) => basename(f, '.yaml'))
    .sort();
  return names.includes(BASELINE) ? [BASELINE, ...names.filter((n) => n !== BASELINE)] : names;
}

/** The file of a built-in scenario (whether or not it exists). */
export function builtinPath(name: string): string {
  return join(builtinDir(), `${name}.yaml`);
}

/** True when `name` is the name of a built-in scenario. */
export function isBuiltin(name: string): boolean {
  return builtinNames().includes(name);
}

/**
 * The built-in scenarios with their descriptions, sorted by name, baseline first.
 *
 * @example
 * listBuiltins()[0]; // { name: 'baseline', description: 'A healthy voluntary CoP ...' }
 */
export function listBuiltins(): { name: string; description: string }[] {
  return builtinNames().map((name) => {
    const raw = readScenarioFile(builtinPath(name), `builtin:${name}`);
    const description = isPlainObject(raw) && typeof raw['description'] === 'string' ? raw['description'].trim() : '';
    return { name, description };
  });
}
