/**
 * Scenarios that pass every setting's own range but cannot work: an error where they are
 * impossible, a named warning where they are legal but pointless; never silence. Also the
 * census those checks rest on, against the organisation the engine builds.
 */
import { describe, expect, it } from 'vitest';
import { computeEligibility } from '../../src/engine/community.js';
import { buildPeople } from '../../src/engine/organisation.js';
import { makeRng } from '../../src/engine/rng.js';
import { scopeCensus, targetGroupSize } from '../../src/scenario/census.js';
import { loadScenario, parseScenario, SCOPES, ROLES, type CoP, type Role } from '../../src/scenario/index.js';
import { scenarioError } from './helpers.js';

const issues = (data: unknown): string[] => scenarioError(() => parseScenario(data)).issues.map((i) => `${i.path}: ${i.message}`);
const warnings = (name: string, sets: string[]): string[] =>
  loadScenario(name, { sets }).warnings.map((w) => `${w.path}: ${w.message}`);

describe('impossible scenarios are errors', () => {
  it('more founders than people in the organisation', () => {
    expect(issues({ cops: [{ id: 'x', founders: 1000 }], organisation: { employees: 7 } })).toEqual([
      'cops.0.founders: expected at most 7 founders (everyone in the organisation), got 1000',
    ]);
  });

  it('a target role nobody holds within the scope', () => {
    expect(issues({ cops: [{ targetGroup: { kind: 'role', role: 'business' } }] })).toEqual([
      'cops.0.targetGroup.role: nobody within scope development-organisation holds the role business, so the CoP could have no founder and no member: business people work in business units (organisation.businessEmployees), which only scope company or cross-company reaches',
    ]);
    expect(issues({ cops: [{ targetGroup: { kind: 'role', role: 'business' }, scope: 'company' }] })).toHaveLength(1);
    expect(() =>
      parseScenario({ cops: [{ targetGroup: { kind: 'role', role: 'business' }, scope: 'company' }], organisation: { businessEmployees: 50 } }),
    ).not.toThrow();
    // Seven people: staff of three and one team, which has no developer.
    expect(issues({ cops: [{ targetGroup: { kind: 'role', role: 'developer' }, founders: 1 }], organisation: { employees: 7 } })).toEqual([
      'cops.0.targetGroup.role: nobody within scope development-organisation holds the role developer, so the CoP could have no founder and no member',
    ]);
  });

  it('funded hours or a meeting longer than the working week, in a CoP or an event', () => {
    expect(
      issues({
        organisation: { weeklyHours: 10 },
        cops: [{ support: { fundedHours: 40 }, meetings: { length: 16 } }],
        events: [{ week: 2, set: { support: { fundedHours: 12 } } }],
      }),
    ).toEqual([
      'events.0.set.support.fundedHours: expected at most organisation.weeklyHours (10) hours, got 12: a member cannot be funded for more than the working week',
      'cops.0.support.fundedHours: expected at most organisation.weeklyHours (10) hours, got 40: a member cannot be funded for more than the working week',
      'cops.0.meetings.length: expected at most organisation.weeklyHours (10) hours, got 16: a meeting cannot be longer than the working week',
    ]);
  });

  it('an event whose changes are all empty changes nothing', () => {
    for (const event of [{ week: 3, set: {} }, { week: 3, organisation: {} }, { week: 3, set: { support: {} }, organisation: { projectLoad: {} } }]) {
      expect(issues({ cops: [{}], events: [event] })).toEqual(['events.0: changes nothing: expected `set` (CoP settings) or `organisation`']);
    }
  });

  it('more events than a scenario may have', () => {
    const events = Array.from({ length: 1001 }, () => ({ week: 0, set: { participation: 'mandatory' } }));
    expect(issues({ cops: [{}], events })).toEqual(['events: expected at most 1000 items, got 1001']);
  });
});

describe('pointless settings are warnings', () => {
  it('more founders than the target group', () => {
    expect(warnings('baseline', ['cops.0.targetGroup={kind: role, role: architect}', 'cops.0.scope=team-of-teams', 'cops.0.founders=4'])).toEqual([
      'cops.0.founders: 4 founders but only 1 person in the target group (role architect within team-of-teams): the CoP starts with 1',
    ]);
  });

  it('a cadence longer than the run after the launch', () => {
    expect(warnings('baseline', ['weeks=4', 'cops.0.meetings.cadence=4'])).toEqual([]);
    expect(warnings('baseline', ['weeks=4', 'cops.0.meetings.cadence=26'])).toEqual([
      'cops.0.meetings.cadence: a meeting every 26 weeks is longer than the run after the launch (4 weeks): only the meeting in the launch week is planned',
    ]);
  });

  it('a project load above the weekly hours', () => {
    expect(warnings('baseline', ['organisation.projectLoad.mean=80'])).toEqual([
      'organisation.projectLoad.mean: a mean project load of 80 hours is above the weekly hours (40): members have no free time, and a CoP only the funded hours',
    ]);
  });
});

describe('names and labels', () => {
  it('a control character in a name, label or description is refused at load, not after the run', () => {
    expect(
      issues({
        name: 'a\tb',
        description: 'ok\nwith lines\tand tabs, but a bell\u0007',
        cops: [{ id: 'a', name: 'x\u0000y' }],
        events: [{ week: 1, label: 'l\u000b', set: { steering: 0 } }],
      }),
    ).toEqual([
      'name: expected text without control characters (no tabs or line breaks), got "a\\tb"',
      'description: expected text without control characters other than tabs and line breaks, got "ok\\nwith lines\\tand tabs, but a bell\\u0007"',
      'cops.0.name: expected text without control characters (no tabs or line breaks), got "x\\u0000y"',
      'events.0.label: expected text without control characters (no tabs or line breaks), got "l\\u000b"',
    ]);
  });

  it('names may hold any other character', () => {
    expect(parseScenario({ name: 'Gilde «Ärchitektur» =1+1 🚀', cops: [{ name: '-3 €' }] }).name).toBe('Gilde «Ärchitektur» =1+1 🚀');
  });
});

describe('the census', () => {
  const shapes = [
    { employees: 7, teamSize: 7, teamsPerGroup: 10, businessEmployees: 0, partnerEmployees: 0 },
    { employees: 9, teamSize: 3, teamsPerGroup: 1, businessEmployees: 5, partnerEmployees: 11 },
    { employees: 100, teamSize: 5, teamsPerGroup: 3, businessEmployees: 17, partnerEmployees: 23 },
    { employees: 1000, teamSize: 7, teamsPerGroup: 10, businessEmployees: 300, partnerEmployees: 140 },
    { employees: 257, teamSize: 15, teamsPerGroup: 2, businessEmployees: 0, partnerEmployees: 61 },
    { employees: 64, teamSize: 4, teamsPerGroup: 100, businessEmployees: 2, partnerEmployees: 1 },
  ];

  it('counts the target group of every role and scope as the engine builds it', () => {
    for (const shape of shapes) {
      const scenario = parseScenario({ cops: [{}], organisation: shape });
      const people = buildPeople(scenario.organisation, scenario.parameters, makeRng(1));
      for (const scope of SCOPES) {
        for (const role of ROLES) {
          const cop = { ...scenario.cops[0], scope, openness: 'closed', targetGroup: { kind: 'role', role } } as CoP;
          const eligible = new Uint8Array(people.n);
          computeEligibility(people, cop, eligible);
          const engine = eligible.reduce((n, e) => n + (e === 1 ? 1 : 0), 0);
          expect(scopeCensus(scenario.organisation, scope)[role as Role], `${JSON.stringify(shape)} ${scope} ${role}`).toBe(engine);
          expect(targetGroupSize(scenario.organisation, cop)).toBe(engine);
        }
        const topic = { ...scenario.cops[0], scope, targetGroup: { kind: 'topic' } } as CoP;
        const eligible = new Uint8Array(people.n);
        computeEligibility(people, topic, eligible);
        expect(targetGroupSize(scenario.organisation, topic)).toBe(eligible.reduce((n, e) => n + (e === 1 ? 1 : 0), 0));
      }
    }
  });
});
