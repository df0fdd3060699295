/**
 * Writes `scenarios/schema.json` from the scenario schema (`npm run schema`). The file is
 * written to a temporary name in the same directory and renamed, so readers never see half
 * a schema.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtinDir } from './builtins.js';
import { scenarioJsonSchemaText } from './jsonschema.js';

/** Writes the schema into `dir` (default the package's scenarios/) and returns the file path. */
export function writeScenarioSchema(dir: string = builtinDir()): string {
  const target = join(dir, 'schema.json');
  const temporary = join(dir, `.schema.json.${process.pid}.tmp`);
  writeFileSync(temporary, scenarioJsonSchemaText(), 'utf8');
  renameSync(temporary, target);
  return target;
}

// Run as a script (node dist/scenario/write-schema.js), not when imported.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  writeScenarioSchema();
}
