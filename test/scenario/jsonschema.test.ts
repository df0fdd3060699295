import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinDir, scenarioJsonSchema, scenarioJsonSchemaText } from '../../src/scenario/index.js';
import { writeScenarioSchema } from '../../src/scenario/write-schema.js';
import { tempFiles } from './helpers.js';

type Json = Record<string, unknown>;
const schema = scenarioJsonSchema() as Json;
const props = (node: unknown): Json => (node as { properties: Json }).properties;

describe('scenario JSON Schema', () => {
  it('scenarios/schema.json is up to date with the schema (regenerate with `npm run schema`)', () => {
    const committed = readFileSync(join(builtinDir(), 'schema.json'), 'utf8');
    expect(committed, 'scenarios/schema.json is out of date: run `npm run schema`').toBe(scenarioJsonSchemaText());
  });

  it('is draft 2020-12 with an id and a title', () => {
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['$id']).toBe('urn:copsim:scenario');
    expect(schema['title']).toBe('copsim scenario');
  });

  it('describes the input side: only cops is required', () => {
    expect(schema['required']).toEqual(['cops']);
  });

  it('rejects unknown keys and carries descriptions down to the CoP settings', () => {
    expect(schema['additionalProperties']).toBe(false);
    const cop = (props(schema)['cops'] as { items: Json }).items;
    expect(cop['additionalProperties']).toBe(false);
    const support = props(cop)['support'] as Json;
    expect(support['additionalProperties']).toBe(false);
    expect(props(support)['fundedHours']).toMatchObject({
      type: 'number',
      minimum: 0,
      maximum: 40,
      default: 0,
      description: 'Working hours per week per member funded for the CoP. Default 0.',
    });
    expect(props(cop)['participation']).toMatchObject({ enum: ['voluntary', 'expected', 'mandatory'] });
    expect(String((props(schema)['weeks'] as Json)['description'])).toContain('Default 156');
  });

  it('gives the target group its two kinds', () => {
    const cop = (props(schema)['cops'] as { items: Json }).items;
    const kinds = ((props(cop)['targetGroup'] as Json)['oneOf'] as Json[]).map((o) => (props(o)['kind'] as Json)['const']);
    expect(kinds).toEqual(['role', 'topic']);
  });

  it('is written atomically, leaving no temporary file', async () => {
    const dir = tempFiles({});
    const file = await writeScenarioSchema(dir);
    expect(file).toBe(join(dir, 'schema.json'));
    expect(readFileSync(file, 'utf8')).toBe(scenarioJsonSchemaText());
    expect(readdirSync(dir)).toEqual(['schema.json']);
    expect(existsSync(join(dir, `.schema.json.${process.pid}.tmp`))).toBe(false);
  });
});
