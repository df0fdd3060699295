/**
 * Checks that zod cannot express because they span fields: unique CoP ids, events that name an
 * existing CoP and change something, role thresholds a member could reach; and warnings about
 * settings that are valid but take no effect within the run.
 */
import type { Scenario } from './schema.js';
import { copIds } from './schema.js';
import { nearest } from './suggest.js';

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
        message: `expected the id of a CoP (${known}), got "${event.cop}"`,
        ...(suggestion ? { suggestion } : {}),
      });
    }
    if (event.set === undefined && event.organisation === undefined) {
      issues.push({ path: ['events', i], message: 'changes nothing: expected `set` (CoP settings) or `organisation`' });
    }
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
    }
  });
  return warnings;
}
