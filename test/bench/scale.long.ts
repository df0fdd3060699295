/**
 * The scale figures measure what they say: a child `copsim run` reports a plausible peak
 * memory, and a merge of shards is timed after they have been written.
 */
import { describe, expect, it } from 'vitest';
import { measureMemory, measureMerge } from '../../src/bench/scale.js';

describe('the scale figures of npm run bench', () => {
  it('read the peak memory of a whole copsim run from the child process', async () => {
    const messages: string[] = [];
    const [figure] = await measureMemory([20], (m) => messages.push(m));
    expect(figure).toMatchObject({ runs: 20, employees: 300, weeks: 4, workers: 2 });
    // A Node process with the engine loaded holds tens of megabytes, and a run this small no more than a few hundred.
    expect(figure!.peakMB).toBeGreaterThan(30);
    expect(figure!.peakMB).toBeLessThan(2000);
    expect(figure!.seconds).toBeGreaterThan(0);
    expect(messages.join('\n')).toContain('20 runs');
  }, 120_000);

  it('merge shards that cover the run', async () => {
    const figure = await measureMerge(4, 8, () => {});
    expect(figure).toMatchObject({ shards: 4, runs: 8, employees: 300, weeks: 4 });
    expect(figure.seconds).toBeGreaterThan(0);
  }, 120_000);
});
