/**
 * docs/CALIBRATION.md is rendered from the calibration record kept beside it
 * (docs/calibration.json), and repeats the command that produced it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrationCommand, keptRecord, renderCalibrationDoc, type CalibrationRecord } from '../../src/docs/calibration-doc.js';
import { root } from './readme-blocks.js';

const records = JSON.parse(readFileSync(join(root, 'docs', 'calibration.json'), 'utf8')) as CalibrationRecord[];

describe('docs/CALIBRATION.md', () => {
  it('is what the renderer makes of docs/calibration.json (run `npm run calibration-docs -- RESULTS`)', () => {
    expect(readFileSync(join(root, 'docs', 'CALIBRATION.md'), 'utf8')).toBe(renderCalibrationDoc(records));
  });

  it('names the shipped targets files and a command that repeats each calibration', () => {
    expect(records.length).toBeGreaterThan(0);
    const doc = readFileSync(join(root, 'docs', 'CALIBRATION.md'), 'utf8');
    for (const record of records) {
      expect(calibrationCommand(record)).toMatch(/^copsim calibrate scenarios\/calibration\/[a-z]+\.yaml --particles \d+ /);
      expect(doc).toContain(calibrationCommand(record));
      for (const p of record.posterior) expect(doc).toContain(`\`${p.path}\``);
      for (const p of record.predictive) expect(doc).toContain(`| ${p.pattern} |`);
    }
  });

  it('keeps a targets file under the folder it is rendered from as a path relative to it', () => {
    expect(keptRecord({ targets: '/x/checkout/scenarios/calibration/quick.yaml' }, '/x/checkout', 'm')).toEqual({ targets: 'scenarios/calibration/quick.yaml', machine: 'm' });
    expect(keptRecord({ targets: '/elsewhere/t.yaml' }, '/x/checkout')).toEqual({ targets: '/elsewhere/t.yaml' });
    expect(keptRecord({ targets: 'scenarios/t.yaml' }, '/x/checkout')).toEqual({ targets: 'scenarios/t.yaml' });
  });
});
