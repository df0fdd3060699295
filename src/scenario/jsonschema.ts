/**
 * The JSON Schema of scenario files, generated from `scenarioSchema` so that the validator,
 * the TypeScript type and the editor's completion never disagree. It describes the input side:
 * settings with defaults are optional.
 */
import { z } from 'zod';
import { scenarioSchema } from './schema.js';

/** The `$id` of the scenario JSON Schema. */
export const SCENARIO_SCHEMA_ID = 'urn:copsim:scenario';

/**
 * The JSON Schema (draft 2020-12) of a scenario file, with `$id` and `title`.
 *
 * @example
 * (scenarioJsonSchema() as { title: string }).title; // 'copsim scenario'
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: SCENARIO_SCHEMA_ID, title: 'copsim scenario', ...rest };
}

/** The schema as the text of `scenarios/schema.json`: two-space indented, ending in a newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
