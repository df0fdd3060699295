/**
 * The JSON Schema of hypothesis files, generated from `hypothesisFileSchema`, for editors
 * (scenarios/hypotheses/schema.json; a test keeps the file in step with the schema).
 */
import { z } from 'zod';
import { hypothesisFileSchema } from './schema.js';

/** The `$id` of the hypothesis-file JSON Schema. */
export const HYPOTHESIS_SCHEMA_ID = 'urn:copsim:hypotheses';

/**
 * The JSON Schema (draft 2020-12) of a hypothesis file, with `$id` and `title`, as text:
 * two-space indented, ending in a newline.
 *
 * @example JSON.parse(hypothesisJsonSchemaText()).title // → 'copsim hypotheses'
 */
export function hypothesisJsonSchemaText(): string {
  const generated = z.toJSONSchema(hypothesisFileSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return `${JSON.stringify({ $schema, $id: HYPOTHESIS_SCHEMA_ID, title: 'copsim hypotheses', ...rest }, null, 2)}\n`;
}
