import { mkdtempSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportWrites } from '../../src/docs/report-writes.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('reportWrites', () => {
  it('prints each file written and whether it is new, updated or unchanged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'copsim-report-writes-'));
    const [fresh, changed, same] = ['fresh.md', 'changed.md', 'same.md'].map((name) => join(dir, name)) as [string, string, string];
    writeFileSync(changed, 'old');
    writeFileSync(same, 'same');
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    await reportWrites([fresh, changed, same], async () => {
      await writeFile(fresh, 'new');
      await writeFile(changed, 'new');
      await writeFile(same, 'same');
    });
    expect(lines).toEqual([
      `wrote ${relative(process.cwd(), fresh)} (new)\n`,
      `wrote ${relative(process.cwd(), changed)} (updated)\n`,
      `wrote ${relative(process.cwd(), same)} (unchanged)\n`,
    ]);
  });
});
