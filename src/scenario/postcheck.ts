/**
 * Checks that zod cannot express because they span fields: unique CoP ids, events that name an
 * existing CoP and change something, role thresholds a member could reach, a target group that
 * exists and founders it can supply, hours that fit in the working week; and warnings about
 * settings that are valid but take no effect within the run.
 */
import { headcount } from '../engine/organisation.js';
import { scopeCensus, targetGroupSize } from './census.js';
import type { CoPSettingsPatch, Scenario } from './schema.js';
import { copIds } from './schema.js';
import { quote } from './errors.js';
import { nearest } from './suggest.js';

/** The checks in words, for docs/SETTINGS.md: errors first, then warnings. */
export const CROSS_FIELD_LINES: readonly string[] = [
  'Errors: CoP ids are unique; an event names an existing CoP (it may leave `cop` out only when there is one) and changes at least one setting; `coreAttended` and `activeAttended` fit in the contribution `window` and the core\'s thresholds are not below the active group\'s.',
  'Errors: `founders` is at most the organisation\'s headcount (employees, business and partner employees); a role-based CoP\'s role is held by somebody within its scope (the `business` role only in business units, reached by scope `company` or `cross-company`); `support.fundedHours` and `meetings.length`, of a CoP or in an event, are at most `organisation.weeklyHours`.',
  'Warnings (the scenario runs; the setting cannot take full effect): an event or a launch week past the run\'s last week; more founders than the target group within the scope has (the CoP starts with the whole target group); a meeting cadence longer than the run after the launch (only the launch week\'s meeting falls within the run); a mean project load above the weekly hours (members then have no free time).',
];

/** A cross-field problem, located by path; the caller adds the file. */
export interface PostCheckIssue {
  path: (string | number)[];
  message: string;
  suggestion?: string;
}

/**
 * Cross-field problems of a schema-valid scenario, in input order; empty when it is sound.
 *
 * - CoP ids (given, or the defaults cop1, cop2, ...) are unique.
 * - An event's `cop` names a CoP; it may be left out only when there is exactly one CoP.
 * - An event changes something: it has `set` or `organisation`.
 * - Role thresholds can be met: `coreAttended` and `activeAttended` fit in the `window`, and the
 *   core's thresholds are not below the active group's.
 */
export function checkScenario(scenario: Scenario): PostCheckIssue[] {
  const issues: PostCheckIssue[] = [];
  const ids = copIds(scenario);
  const firstIndex = new Map<string, number>();
  ids.forEach((id, i) => {
    const first = firstIndex.get(id);
    if (first === undefined) firstIndex.set(id, i);
    else issues.push({ path: ['cops', i, 'id'], message: `duplicate CoP id "${id}" (also cops.${first}); expected unique ids` });
  });
  const known = [...new Set(ids)].join(' | ');
  scenario.events.forEach((event, i) => {
    if (event.cop === undefined) {
      if (event.set !== undefined && ids.length > 1) {
        issues.push({
          path: ['events', i, 'cop'],
          message: `required when the scenario has ${ids.length} CoPs: expected one of ${known}`,
        });
      }
    } else if (!firstIndex.has(event.cop)) {
      const suggestion = nearest(event.cop, ids);
      issues.push({
        path: ['events', i, 'cop'],
        message: `expected the id of a CoP (${known}), got ${quote(event.cop)}`,
        ...(suggestion ? { suggestion } : {}),
      });
    }
    if (isEmpty(event.set) && isEmpty(event.organisation)) {
      issues.push({ path: ['events', i], message: 'changes nothing: expected `set` (CoP settings) or `organisation`' });
    }
    if (event.set !== undefined) issues.push(...hourIssues(event.set, scenario, ['events', i, 'set']));
  });
  scenario.cops.forEach((cop, i) => {
    issues.push(...hourIssues(cop, scenario, ['cops', i]));
    issues.push(...targetGroupIssues(scenario, i));
  });
  const c = scenario.parameters.contributions;
  const roles = ['parameters', 'contributions'];
  for (const key of ['coreAttended', 'activeAttended'] as const) {
    if (c[key] > c.window) {
      issues.push({
        path: [...roles, key],
        message: `expected at most parameters.contributions.window (${c.window}) meetings, got ${c[key]}: no member could ever reach it`,
      });
    }
  }
  if (c.activeAttended > c.coreAttended || c.activeSpeaking > c.coreSpeaking) {
    issues.push({
      path: roles,
      message: `expected the core's thresholds (coreAttended ${c.coreAttended}, coreSpeaking ${c.coreSpeaking}) to be at least the active group's (activeAttended ${c.activeAttended}, activeSpeaking ${c.activeSpeaking})`,
    });
  }
  return issues;
}

function isEmpty(patch: object | undefined): boolean {
  return patch === undefined || Object.values(patch).every((v) => v === undefined || (typeof v === 'object' && v !== null && isEmpty(v)));
}

/** Funded hours and meetings longer than the working week: no member could give them. */
function hourIssues(settings: Pick<CoPSettingsPatch, 'support' | 'meetings'>, scenario: Scenario, at: (string | number)[]): PostCheckIssue[] {
  const weekly = scenario.organisation.weeklyHours;
  const issues: PostCheckIssue[] = [];
  const funded = settings.support?.fundedHours;
  if (funded !== undefined && funded > weekly) {
    issues.push({
      path: [...at, 'support', 'fundedHours'],
      message: `expected at most organisation.weeklyHours (${weekly}) hours, got ${funded}: a member cannot be funded for more than the working week`,
    });
  }
  const length = settings.meetings?.length;
  if (length !== undefined && length > weekly) {
    issues.push({
      path: [...at, 'meetings', 'length'],
      message: `expected at most organisation.weeklyHours (${weekly}) hours, got ${length}: a meeting cannot be longer than the working week`,
    });
  }
  return issues;
}

/** A role nobody in the CoP's scope holds, and more founders than there are people. */
function targetGroupIssues(scenario: Scenario, i: number): PostCheckIssue[] {
  const cop = scenario.cops[i];
  if (cop === undefined) return [];
  const org = scenario.organisation;
  const people = headcount(org);
  if (cop.founders > people) {
    return [
      {
        path: ['cops', i, 'founders'],
        message: `expected at most ${people} founders (everyone in the organisation), got ${cop.founders}`,
      },
    ];
  }
  if (cop.targetGroup.kind === 'role' && scopeCensus(org, cop.scope)[cop.targetGroup.role] === 0) {
    const role = cop.targetGroup.role;
    const hint =
      role === 'business'
        ? ': business people work in business units (organisation.businessEmployees), which only scope company or cross-company reaches'
        : '';
    return [
      {
        path: ['cops', i, 'targetGroup', 'role'],
        message: `nobody within scope ${cop.scope} holds the role ${role}, so the CoP could have no founder and no member${hint}`,
      },
    ];
  }
  return [];
}

/**
 * Settings that are valid but take no effect within the run's weeks, such as an event in week
 * 52 of a 40-week run. Not errors: running a scenario for fewer weeks than it was written for
 * is legitimate; but the user should hear of it.
 */
export function scenarioWarnings(scenario: Scenario): PostCheckIssue[] {
  const warnings: PostCheckIssue[] = [];
  scenario.events.forEach((event, i) => {
    if (event.week >= scenario.weeks) {
      warnings.push({
        path: ['events', i, 'week'],
        message: `week ${event.week} is past the run's last week (${scenario.weeks - 1}): this event never takes effect`,
      });
    }
  });
  scenario.cops.forEach((cop, i) => {
    if (cop.launchWeek >= scenario.weeks) {
      warnings.push({
        path: ['cops', i, 'launchWeek'],
        message: `week ${cop.launchWeek} is past the run's last week (${scenario.weeks - 1}): this CoP is never founded`,
      });
      return;
    }
    const group = targetGroupSize(scenario.organisation, cop);
    if (cop.founders > group) {
      warnings.push({
        path: ['cops', i, 'founders'],
        message: `${cop.founders} founders but only ${group} ${group === 1 ? 'person' : 'people'} in the target group (${targetText(cop)} within ${cop.scope}): the CoP starts with ${group}`,
      });
    }
    const { cadence } = cop.meetings;
    if (cadence > scenario.weeks - cop.launchWeek) {
      warnings.push({
        path: ['cops', i, 'meetings', 'cadence'],
        message: `a meeting every ${cadence} weeks is longer than the run after the launch (${scenario.weeks - cop.launchWeek} weeks): only the meeting in the launch week is planned`,
      });
    }
  });
  const load = scenario.organisation.projectLoad.mean;
  const weekly = scenario.organisation.weeklyHours;
  if (load > weekly) {
    warnings.push({
      path: ['organisation', 'projectLoad', 'mean'],
      message: `a mean project load of ${load} hours is above the weekly hours (${weekly}): members have no free time, and a CoP only the funded hours`,
    });
  }
  return warnings;
}

function targetText(cop: Scenario['cops'][number]): string {
  return cop.targetGroup.kind === 'role' ? `role ${cop.targetGroup.role}` : 'everyone';
}
