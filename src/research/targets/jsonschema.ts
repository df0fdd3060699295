/**
 * The JSON Schema of targets files, generated from `targetsFileSchema`, for editors
 * (scenarios/calibration/targets.schema.json, written by `npm run schema`; a test keeps the
 * file in step with the schema).
 */
import { z } from 'zod';
import { targetsFileSchema } from './schema.js';

/** The `$id` of the targets-file JSON Schema. */
export const TARGETS_SCHEMA_ID = 'urn:copsim:calibration-targets';

/**
 * The JSON Schema (draft 2020-12) of a targets file, as text: two-space indented, ending in a newline.
 *
 * @example JSON.parse(targetsJsonSchemaText()).title // → 'copsim calibration targets'
 */
export function targetsJsonSchemaText(): string {
  const generated = z.toJSONSchema(targetsFileSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return `${JSON.stringify({ $schema, $id: TARGETS_SCHEMA_ID, title: 'copsim calibration targets', ...rest }, null, 2)}\n`;
}
