/**
 * Writes `scenarios/schema.json` from the scenario schema and
 * `scenarios/calibration/targets.schema.json` from the targets-file schema (`npm run schema`),
 * atomically, so readers never see half a schema.
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { reportWrites } from '../docs/report-writes.js';
import { writeFileAtomic } from '../output/atomic.js';
import { targetsJsonSchemaText } from '../research/targets/jsonschema.js';
import { builtinDir } from './builtins.js';
import { scenarioJsonSchemaText } from './jsonschema.js';

/** Writes the schema into `dir` (default the package's scenarios/) and returns the file path. */
export async function writeScenarioSchema(dir: string = builtinDir()): Promise<string> {
  const target = join(dir, 'schema.json');
  await writeFileAtomic(target, scenarioJsonSchemaText());
  return target;
}

/** Writes the targets-file schema into `dir` (default the package's scenarios/calibration/) and returns the file path. */
export async function writeTargetsSchema(dir: string = join(builtinDir(), 'calibration')): Promise<string> {
  const target = join(dir, 'targets.schema.json');
  await writeFileAtomic(target, targetsJsonSchemaText());
  return target;
}

// Run as a script (node dist/scenario/write-schema.js), not when imported.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await reportWrites([join(builtinDir(), 'schema.json'), join(builtinDir(), 'calibration', 'targets.schema.json')], async () => {
    await writeScenarioSchema();
    await writeTargetsSchema();
  });
}
