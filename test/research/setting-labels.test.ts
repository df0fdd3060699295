import { describe, expect, it } from 'vitest';
import { settingLabel } from '../../src/research/setting-labels.js';

describe('settingLabel', () => {
  it('gives the settings sweeps vary short labels, naming the CoP by id or position', () => {
    expect(settingLabel('cops.0.support.fundedHours', ['scrum-masters'])).toBe('Funded hours per week (scrum-masters)');
    expect(settingLabel('cops.1.support.lead', ['scrum-masters'])).toBe('Community lead (CoP 2)');
    expect(settingLabel('organisation.projectLoad.mean')).toBe('Project load, hours per week');
  });

  it("names other settings and parameters by their description's first clause, or their key in words", () => {
    expect(settingLabel('parameters.attendance.habit')).toBe('Attendance: weight of habit');
    expect(settingLabel('parameters.safety.base')).toBe('Safety: baseline climate of psychological safety');
    // A long description falls back to the key.
    expect(settingLabel('parameters.network.tieCapacity')).toBe('Network: tie capacity');
    expect(settingLabel('cops.0.noSuchSetting', ['a'])).toBe('No such setting (a)');
  });
});
