/**
 * Human labels of settings for chart axes: `cops.0.support.fundedHours` reads "Funded hours
 * per week (scrum-masters)", `parameters.attendance.habit` "Attendance: weight of habit".
 *
 * A setting with a short label of its own below takes it; any other setting or parameter is
 * named by the first clause of its description in the scenario schema, when that is short,
 * and else by its key in words. A CoP's setting names the CoP.
 */
import { unwrapSchema, schemaAt } from '../scenario/schema-walk.js';
import { scenarioSchema } from '../scenario/schema.js';

/** Short labels of the settings a sweep most often varies; `cops[]` stands for any CoP. */
const SETTING_LABELS: Readonly<Record<string, string>> = {
  weeks: 'Weeks simulated',
  'organisation.employees': 'Employees',
  'organisation.teamSize': 'Members per team',
  'organisation.teamsPerGroup': 'Teams per team of teams',
  'organisation.sites': 'Sites',
  'organisation.weeklyHours': 'Working hours per week',
  'organisation.projectLoad.mean': 'Project load, hours per week',
  'organisation.projectLoad.sd': 'Spread of project load, hours',
  'organisation.projectLoad.deadlineProbability': 'Chance of a deadline week',
  'organisation.projectLoad.deadlineHours': 'Extra hours in a deadline week',
  'organisation.turnover': 'Staff turnover per year',
  'organisation.willingness': 'Willingness to take part, mean',
  'organisation.motivation': 'Autonomous motivation, mean',
  'organisation.managementAlignment': "Alignment with management's agenda",
  'cops[].launchWeek': 'Launch week',
  'cops[].initiation': 'Initiation',
  'cops[].founders': 'Founders',
  'cops[].targetGroup.role': 'Target role',
  'cops[].theme': 'Theme',
  'cops[].openness': 'Openness',
  'cops[].scope': 'Scope',
  'cops[].acceptance': 'Management acceptance',
  'cops[].decisionPower': 'Decision power',
  'cops[].participation': 'Participation',
  'cops[].steering': 'Management steering, 0 to 1',
  'cops[].support.fundedHours': 'Funded hours per week',
  'cops[].support.protection': 'Protection of funded hours, 0 to 1',
  'cops[].support.budget': 'Funded external sessions per year',
  'cops[].support.lead': 'Community lead',
  'cops[].support.coach': 'Agile coach',
  'cops[].support.welcome': 'Lead welcomes newcomers',
  'cops[].meetings.cadence': 'Weeks between meetings',
  'cops[].meetings.regularity': 'Share of meetings held as planned',
  'cops[].meetings.length': 'Meeting length, hours',
  'cops[].meetings.presentationShare': 'Share of meeting time on presentations',
};

/** A description's first clause is a label when at most this long. */
const MAX_CLAUSE = 48;

/**
 * The label of the setting at `path` (as `--set` and `--vary` take it). `copIds` are the
 * scenario's CoP ids in order, to name the CoP of a `cops.N.…` path; without them the CoP is
 * named by its position.
 *
 * @example settingLabel('cops.0.support.fundedHours', ['scrum-masters']) // → 'Funded hours per week (scrum-masters)'
 * @example settingLabel('parameters.attendance.habit') // → 'Attendance: weight of habit'
 * @example settingLabel('organisation.turnover') // → 'Staff turnover per year'
 */
export function settingLabel(path: string, copIds: readonly string[] = []): string {
  const segments = path.split('.');
  const cop = segments[0] === 'cops' && /^\d+$/.test(segments[1] ?? '') ? Number(segments[1]) : undefined;
  const generic = cop === undefined ? path : ['cops[]', ...segments.slice(2)].join('.');
  const where = cop === undefined ? '' : ` (${copIds[cop] ?? `CoP ${cop + 1}`})`;
  const own = SETTING_LABELS[generic];
  if (own !== undefined) return `${own}${where}`;
  const clause = descriptionClause(segments);
  const words = clause ?? inWords(segments[segments.length - 1] ?? path);
  if (segments[0] === 'parameters' && segments.length === 3) return `${inWords(segments[1] ?? '')}: ${lowerFirst(words)}`;
  return `${words}${where}`;
}

/**
 * The first clause of the schema's description of the setting (up to the first full stop,
 * colon or semicolon, without its parentheses), when it is short enough to be a label; else
 * undefined.
 */
function descriptionClause(segments: readonly string[]): string | undefined {
  const path = segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const schema = schemaAt(scenarioSchema, path, undefined);
  if (schema === undefined) return undefined;
  const description = (schema as { description?: string }).description ?? (unwrapSchema(schema) as { description?: string }).description;
  if (description === undefined) return undefined;
  const clause = (description.split(/[.:;]\s|[:;]/)[0] ?? '').replace(/\s*\([^)]*\)/g, '').replace(/\.$/, '').trim();
  return clause !== '' && clause.length <= MAX_CLAUSE ? clause : undefined;
}

/** A camelCase key in words: `fundedHours` → "Funded hours". */
function inWords(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function lowerFirst(text: string): string {
  // Keep an initialism or a name capitalised ("CoP", "Beta").
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
