import { describe, expect, it } from 'vitest';
import { replicationRows, type Collected } from '../../src/aggregate/index.js';
import { FIGURE_INDEX, N_FIGURES, N_WEEKLY, RUN_FIGURES } from '../../src/engine/result.js';

function collected(): Collected {
  const copIds = ['a', 'b'];
  const runs = 3;
  const figures = new Float64Array(copIds.length * N_FIGURES * runs);
  // value = 100·replication + 10·cop + figure, death_week empty in replication 1.
  for (let c = 0; c < 2; c++)
    for (let f = 0; f < N_FIGURES; f++)
      for (let r = 0; r < runs; r++) figures[(c * N_FIGURES + f) * runs + r] = 100 * r + 10 * c + f;
  figures[(0 * N_FIGURES + FIGURE_INDEX.death_week) * runs + 1] = Number.NaN;
  return {
    copIds,
    weeks: 1,
    runs,
    seeds: Uint32Array.from([11, 22, 33]),
    weekly: new Float64Array(copIds.length * N_WEEKLY * runs),
    figures,
    employees: 10,
  };
}

describe('replicationRows', () => {
  it('lists every figure in replication, cop, figure order with the replication seed', () => {
    const rows = replicationRows(collected(), 'sc');
    expect(rows).toHaveLength(3 * 2 * N_FIGURES);
    expect(rows[0]).toEqual({ scenario: 'sc', replication: 0, seed: 11, cop: 'a', metric: 'death_week', value: 0 });
    expect(rows[N_FIGURES]).toMatchObject({ replication: 0, cop: 'b', metric: RUN_FIGURES[0], value: 10 });
    const last = rows.at(-1)!;
    expect(last).toMatchObject({ replication: 2, seed: 33, cop: 'b', metric: RUN_FIGURES.at(-1) });
    expect(last.value).toBe(200 + 10 + N_FIGURES - 1);
  });

  it('keeps empty figures as NaN', () => {
    const rows = replicationRows(collected(), 'sc');
    const death = rows.find((r) => r.replication === 1 && r.cop === 'a' && r.metric === 'death_week');
    expect(death?.value).toBeNaN();
    expect(death?.seed).toBe(22);
  });
});
