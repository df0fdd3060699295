/**
 * Checks that zod cannot express because they span fields: unique CoP ids, and events that
 * name an existing CoP and change something.
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
  return issues;
}
