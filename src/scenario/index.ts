/**
 * The scenario layer: loading, extending, overriding and validating scenarios, the built-in
 * scenarios and the JSON Schema of scenario files.
 */
export * from './schema.js';
export { loadScenario, loadBuiltin, loadScenarioText, parseScenario, validateScenarioFiles, validateScenarioText } from './load.js';
export type { LoadedScenario, LoadOptions, ParseOptions, TextOptions, FileValidation } from './load.js';
export { listBuiltins, builtinDir, builtinNames } from './builtins.js';
export { scenarioJsonSchema, scenarioJsonSchemaText, SCENARIO_SCHEMA_ID } from './jsonschema.js';
export { ScenarioError, formatIssue, formatPath } from './errors.js';
export type { ScenarioIssue } from './errors.js';
export { parseSet, applySets } from './overrides.js';
export type { SetOverride } from './overrides.js';
export { nearest, editDistance } from './suggest.js';
