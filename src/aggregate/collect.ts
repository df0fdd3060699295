/**
 * collect: gathers replications, arriving in any order, into one store indexed by replication,
 * so everything computed from it is independent of arrival (and so of the number of workers).
 */
import { formatBytes } from './size.js';
import type { AgentSnapshot } from '../engine/agents.js';
import { N_FIGURES, N_WEEKLY, type RunResult } from '../engine/result.js';
import type { Collected, Collector, WeeklyStore } from './types.js';

/**
 * Creates a collector for `runs` replications of `weeks` weeks over the CoPs `copIds`.
 *
 * It preallocates the whole transposed store (replication innermost, so that each cell's
 * values across replications are contiguous for the quantiles): copIds.length × N_WEEKLY ×
 * weeks × runs doubles for weekly metrics plus copIds.length × N_FIGURES × runs for per-run
 * figures, and a seed per replication. Nothing else grows with the number of runs.
 *
 * With `store`, the weekly values go to it (e.g. a file, `createSpillStore`) instead of memory,
 * and `Collected.weekly` is empty: memory then no longer grows with weeks × runs.
 *
 * The first `agents` replications must carry agent-level state (`RunResult.agents`), which is
 * kept as it is (`Collected.agents`).
 *
 * `add(i, result)` throws on an index outside [0, runs) or not an integer, on a second result
 * for the same index, and on a result whose shape (weeks, CoPs, array lengths, employees)
 * differs from the collector's. `finish()` throws if any replication is missing; after it the
 * collector accepts nothing more.
 *
 * @example
 * const collector = createCollector(['cop1'], 52, 100, 1000);
 * for (const [i, result] of results) collector.add(i, result); // any order
 * const collected = collector.finish();
 */
export function createCollector(
  copIds: readonly string[],
  weeks: number,
  runs: number,
  employees: number,
  agents = 0,
  store?: WeeklyStore,
): Collector {
  if (!Number.isInteger(weeks) || weeks < 1) throw new RangeError(`createCollector: weeks must be a positive integer, got ${weeks}`);
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`createCollector: runs must be a positive integer, got ${runs}`);
  if (copIds.length < 1) throw new RangeError('createCollector: at least one CoP id is needed');
  const ids = Object.freeze([...copIds]);
  const cops = ids.length;
  const weeklyPerRun = cops * N_WEEKLY * weeks;
  const figuresPerRun = cops * N_FIGURES;
  if (store !== undefined && (store.runs !== runs || store.weeks !== weeks || store.series !== cops * N_WEEKLY)) {
    throw new RangeError(`createCollector: the weekly store holds ${store.runs} runs × ${store.series} series × ${store.weeks} weeks, not ${runs} × ${cops * N_WEEKLY} × ${weeks}`);
  }
  const weekly = store === undefined ? allocate(weeklyPerRun * runs, 'weekly metrics') : new Float64Array(0);
  const figures = allocate(figuresPerRun * runs, 'per-run figures');
  const seeds = new Uint32Array(runs);
  const arrived = new Uint8Array(runs);
  const snapshots: (AgentSnapshot | undefined)[] = new Array(agents);
  let received = 0;
  let finished = false;

  function add(replication: number, result: RunResult): void {
    if (finished) throw new Error('collector: already finished; no more replications can be added');
    if (!Number.isInteger(replication) || replication < 0 || replication >= runs) {
      throw new RangeError(`collector: replication index ${replication} is outside 0..${runs - 1}`);
    }
    if (arrived[replication] === 1) throw new Error(`collector: replication ${replication} was already added`);
    checkShape(replication, result);
    // Transpose: a run's series is contiguous in weeks; the store is contiguous in replications.
    const src = result.weekly;
    if (store !== undefined) {
      store.put(replication, src);
    } else {
      for (let series = 0, offset = 0; series < cops * N_WEEKLY; series++) {
        let dst = series * weeks * runs + replication;
        for (let w = 0; w < weeks; w++, offset++, dst += runs) weekly[dst] = src[offset] as number;
      }
    }
    for (let f = 0; f < figuresPerRun; f++) figures[f * runs + replication] = result.figures[f] as number;
    seeds[replication] = result.seed;
    if (replication < agents) {
      if (!result.agents) throw new Error(`collector: replication ${replication} has no agent-level state, which was asked for`);
      snapshots[replication] = result.agents;
    }
    arrived[replication] = 1;
    received++;
  }

  function checkShape(replication: number, result: RunResult): void {
    const problem = (what: string) =>
      new Error(`collector: replication ${replication} does not fit this collector: ${what}`);
    if (result.weeks !== weeks) throw problem(`weeks ${result.weeks}, expected ${weeks}`);
    if (result.copIds.length !== cops || result.copIds.some((id, c) => id !== ids[c])) {
      throw problem(`CoPs [${result.copIds.join(', ')}], expected [${ids.join(', ')}]`);
    }
    if (result.weekly.length !== weeklyPerRun) throw problem(`${result.weekly.length} weekly values, expected ${weeklyPerRun}`);
    if (result.figures.length !== figuresPerRun) throw problem(`${result.figures.length} figures, expected ${figuresPerRun}`);
    if (result.employees !== employees) throw problem(`employees ${result.employees}, expected ${employees}`);
    if (!Number.isInteger(result.seed) || result.seed < 0 || result.seed > 0xffffffff) {
      throw problem(`seed ${result.seed} is not an unsigned 32-bit integer`);
    }
  }

  function finish(): Collected {
    if (received < runs) {
      const missing: number[] = [];
      for (let i = 0; i < runs && missing.length < 10; i++) if (arrived[i] === 0) missing.push(i);
      const more = runs - received > missing.length ? ', ...' : '';
      throw new Error(`collector: ${runs - received} of ${runs} replications missing (${missing.join(', ')}${more})`);
    }
    finished = true;
    return {
      copIds: ids,
      weeks,
      runs,
      seeds,
      weekly,
      ...(store === undefined ? {} : { store }),
      figures,
      employees,
      ...(agents > 0 ? { agents: snapshots as AgentSnapshot[] } : {}),
    };
  }

  return {
    add,
    get received() {
      return received;
    },
    finish,
  };
}

/** A Float64Array, or a clear error naming the size when memory runs short. */
function allocate(length: number, what: string): Float64Array {
  try {
    return new Float64Array(length);
  } catch {
    throw new RangeError(
      `collector: cannot allocate ${formatBytes(length * 8)} for ${what}; use fewer runs, weeks or CoPs`,
    );
  }
}
