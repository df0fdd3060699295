import { describe, expect, it } from 'vitest';
import { applyEvent, applyEvents, patchSettings } from '../../src/engine/events.js';
import { weeklySeries } from '../../src/engine/result.js';
import { simulate } from '../../src/engine/simulate.js';
import { firstCoP, scenarioOf, simulationOf } from './helpers.js';

describe('events', () => {
  describe('patchSettings', () => {
    const settings = (() => {
      const { id: _id, name: _name, launchWeek: _w, ...rest } = scenarioOf({
        cop: { steering: 0.2, support: { fundedHours: 2, lead: 'part-time' }, meetings: { cadence: 3, length: 2 } },
      }).cops[0]!;
      return rest;
    })();

    it('events patch only the named settings', () => {
      const next = patchSettings(settings, { participation: 'mandatory' });
      expect(next.participation).toBe('mandatory');
      expect({ ...next, participation: settings.participation }).toEqual(settings);
    });

    it('nested support and meetings merge field by field', () => {
      const next = patchSettings(settings, { support: { fundedHours: 0 }, meetings: { regularity: 0.5 } });
      expect(next.support).toEqual({ ...settings.support, fundedHours: 0 });
      expect(next.meetings).toEqual({ ...settings.meetings, regularity: 0.5 });
      expect(next.support.lead).toBe('part-time');
      expect(next.meetings.cadence).toBe(3);
    });

    it('fields given as undefined change nothing', () => {
      const next = patchSettings(settings, { steering: undefined, support: { lead: undefined } });
      expect(next).toEqual(settings);
    });

    it('leaves its input untouched', () => {
      const before = structuredClone(settings);
      patchSettings(settings, { steering: 1, support: { coach: true }, meetings: { cadence: 1 } });
      expect(settings).toEqual(before);
    });
  });

  describe('applyEvent', () => {
    it('recomputes the derived numbers of the changed CoP', () => {
      const sim = simulationOf({ organisation: { employees: 100 } });
      const cop = firstCoP(sim);
      expect(cop.derived.mandatory).toBe(false);
      applyEvent(sim, { week: 0, set: { participation: 'mandatory', support: { fundedHours: 2, protection: 1 } } });
      expect(cop.settings.participation).toBe('mandatory');
      expect(cop.derived.mandatory).toBe(true);
      expect(cop.derived.pressure).toBe(1);
      expect(cop.derived.protectedHours).toBe(2 * cop.settings.meetings.cadence);
    });

    it('recognition by management starts a new announcement pulse; a later change does not restart it', () => {
      const sim = simulationOf({ organisation: { employees: 100 }, cop: { acceptance: 'tolerated' } });
      const cop = firstCoP(sim);
      sim.week = 12;
      applyEvent(sim, { week: 12, set: { acceptance: 'approved' } });
      expect(cop.pulseStart).toBe(12);
      sim.week = 20;
      applyEvent(sim, { week: 20, set: { acceptance: 'initiated' } });
      expect(cop.pulseStart).toBe(12);
    });

    it('a change of scope, openness or target group recomputes who is eligible', () => {
      const sim = simulationOf({ organisation: { employees: 300, businessEmployees: 100 }, cop: { scope: 'development-organisation' } });
      const cop = firstCoP(sim);
      const business = Array.from(sim.people.unit).indexOf(1);
      expect(cop.eligible[business]).toBe(0);
      applyEvent(sim, { week: 0, set: { scope: 'company' } });
      expect(cop.eligible[business]).toBe(1);
    });

    it('a change of theme recomputes members’ interest in it', () => {
      const sim = simulationOf({ organisation: { employees: 100 }, cop: { theme: 'agility' } });
      const cop = firstCoP(sim);
      const before = Float64Array.from(cop.interestFit);
      applyEvent(sim, { week: 0, set: { theme: 'security' } });
      expect(Array.from(cop.interestFit)).not.toEqual(Array.from(before));
      expect(cop.derived.themeIndex).not.toBe(0);
    });

    it('organisation events change project load field by field, and turnover', () => {
      const sim = simulationOf({ organisation: { employees: 100, projectLoad: { mean: 30, sd: 2 } } });
      applyEvent(sim, { week: 0, organisation: { projectLoad: { mean: 38 }, turnover: 0.3 } });
      expect(sim.projectLoad.mean).toBe(38);
      expect(sim.projectLoad.sd).toBe(2);
      expect(sim.turnover).toBe(0.3);
    });

    it('names the week and the CoP when an event targets an unknown CoP', () => {
      const sim = simulationOf({ organisation: { employees: 100 } });
      expect(() => applyEvent(sim, { week: 3, cop: 'nope', set: { steering: 1 } })).toThrow(/week 3.*"nope"/);
    });

    it('targets the named CoP among several', () => {
      const sim = simulationOf({ organisation: { employees: 100 }, cops: [{ id: 'a' }, { id: 'b' }] });
      applyEvent(sim, { week: 0, cop: 'b', set: { steering: 0.7 } });
      expect(sim.cops[0]!.derived.steering).toBe(0);
      expect(sim.cops[1]!.settings.steering).toBe(0.7);
    });
  });

  describe('mandates, leads and events', () => {
    it('lifting a mandate leaves everyone it enrolled a member, now free to leave', () => {
      const sim = simulationOf({ organisation: { employees: 200 }, cop: { participation: 'mandatory', targetGroup: { kind: 'role', role: 'scrumMaster' } } });
      const cop = firstCoP(sim);
      for (let i = 0; i < 50; i++) {
        cop.state[i] = 2;
        cop.mandated[i] = 1;
      }
      applyEvent(sim, { week: 0, set: { participation: 'voluntary' } });
      for (let i = 0; i < 50; i++) {
        expect(cop.state[i]).toBe(2);
        expect(cop.mandated[i]).toBe(0);
      }
      expect(cop.derived.pressure).toBe(0);
    });

    it('an event that gives a CoP a lead appoints one; one that takes the lead away leaves it without', () => {
      const sim = simulationOf({ organisation: { employees: 200 }, cop: { support: { lead: 'none' } } });
      const cop = firstCoP(sim);
      cop.state[7] = 4;
      cop.motivation[7] = 0.9;
      applyEvent(sim, { week: 0, set: { support: { lead: 'part-time' } } });
      expect(cop.lead).toBe(7);
      applyEvent(sim, { week: 0, set: { support: { lead: 'none' } } });
      expect(cop.lead).toBe(-1);
    });
  });

  describe('applyEvents', () => {
    it('applies only the events of the current week, in the order listed', () => {
      const sim = simulationOf({
        organisation: { employees: 100 },
        events: [
          { week: 5, set: { steering: 0.3 } },
          { week: 6, set: { steering: 0.9 } },
          { week: 5, set: { steering: 0.5 } },
        ],
      });
      sim.week = 4;
      applyEvents(sim);
      expect(firstCoP(sim).derived.steering).toBe(0);
      sim.week = 5;
      applyEvents(sim);
      expect(firstCoP(sim).settings.steering).toBe(0.5);
    });
  });

  it('a setting changed by an event takes effect in the run from that week on', () => {
    // A led CoP that meets every week; from week 10 its meetings stop being kept.
    const scenario = scenarioOf({
      weeks: 20,
      organisation: { employees: 200, projectLoad: { sd: 0, deadlineProbability: 0 } },
      cop: { support: { lead: 'part-time' }, meetings: { cadence: 1, regularity: 1 } },
      events: [{ week: 10, set: { meetings: { regularity: 0 } } }],
      parameters: { death: { silentMeetings: 52, failingMeetings: 52 }, population: { absence: 0 } },
    });
    const meetings = Array.from(weeklySeries(simulate(scenario, 3), 0, 'meetings'));
    expect(meetings.slice(0, 10)).toEqual(new Array(10).fill(1));
    expect(meetings.slice(10)).toEqual(new Array(10).fill(0));
  });
});
