/**
 * The explorer: a scenario as one self-contained, interactive HTML page whose controls come
 * from the scenario schema and whose replications run in the page on Web Workers, with the
 * same engine and seeds as `copsim run`.
 */
export { explore, readExploreScripts, type ExploreOptions, type ExploreResult } from './explore.js';
export { explorePageHtml, type ExplorePageData, type ExploreScripts } from './page.js';
export { settingFields, fieldOf, keyLabel, type Field, type FieldGroup } from './fields.js';
export {
  applyEdits,
  checkEdited,
  commandLine,
  decodeState,
  encodeState,
  scenarioYaml,
  setExpressions,
  valueAt,
  type Checked,
  type EditIssue,
  type Edits,
  type ExploreState,
} from './edits.js';
export { createBatch, type Batch } from './batch.js';
