/**
 * Agent-level output: a copy of every person's state and of the social network at the end of
 * a run, for researchers who need people, not only means (`copsim run --agents K`). Taken only
 * when asked for, so runs without it pay nothing.
 */
import { slotStrength } from './network.js';
import type { Simulation } from './state.js';

/** Tie kinds of the edge list. */
export const TieKind = { team: 0, colleague: 1, cop: 2 } as const;

/** One CoP's per-person state at the end of a run. */
export interface AgentCopState {
  readonly eligible: Uint8Array;
  readonly state: Uint8Array;
  readonly joinedWeek: Int32Array;
  readonly leftWeek: Int32Array;
  readonly attendedCount: Int32Array;
  readonly contributions: Float64Array;
  readonly motivation: Float64Array;
  readonly safety: Float64Array;
  readonly belonging: Float64Array;
  /** 1 for the CoP's lead at the end. */
  readonly lead: number;
}

/** Everyone's state and the network at the end of a run. */
export interface AgentSnapshot {
  readonly team: Int32Array;
  readonly group: Int32Array;
  readonly site: Int32Array;
  readonly role: Uint8Array;
  readonly level: Uint8Array;
  readonly willingness: Float64Array;
  readonly motivationTrait: Float64Array;
  readonly competence: Float64Array;
  readonly hiredWeek: Int32Array;
  readonly cops: readonly AgentCopState[];
  /** The ties, each once (a < b): ends, kind (`TieKind`) and strength. */
  readonly tieA: Int32Array;
  readonly tieB: Int32Array;
  readonly tieKind: Uint8Array;
  readonly tieStrength: Float64Array;
}

/** Copies the state of everyone and the ties at the current week. Pure apart from the copy. */
export function snapshotAgents(sim: Simulation): AgentSnapshot {
  const { people, network: net } = sim;
  const week = sim.week - 1;
  const a: number[] = [];
  const b: number[] = [];
  const kind: number[] = [];
  const strength: number[] = [];
  for (let i = 0; i < people.n; i++) {
    for (let k = net.colleagueStart[i] as number; k < (net.colleagueStart[i + 1] as number); k++) {
      const j = net.colleagues[k] as number;
      if (j <= i) continue;
      a.push(i);
      b.push(j);
      kind.push(people.team[i] === people.team[j] ? TieKind.team : TieKind.colleague);
      strength.push(net.colleagueStrength[k] as number);
    }
    const base = i * net.capacity;
    for (let s = base; s < base + net.capacity; s++) {
      const j = net.tieTo[s] as number;
      if (j <= i) continue;
      const w = slotStrength(net, s, week);
      if (w <= 0) continue;
      a.push(i);
      b.push(j);
      kind.push(TieKind.cop);
      strength.push(w);
    }
  }
  return {
    team: people.team.slice(),
    group: people.group.slice(),
    site: people.site.slice(),
    role: people.role.slice(),
    level: people.level.slice(),
    willingness: people.willingness.slice(),
    motivationTrait: people.motivationTrait.slice(),
    competence: people.competence.slice(),
    hiredWeek: people.hiredWeek.slice(),
    cops: sim.cops.map((cop) => ({
      eligible: cop.eligible.slice(),
      state: cop.state.slice(),
      joinedWeek: cop.joinedWeek.slice(),
      leftWeek: cop.leftWeek.slice(),
      attendedCount: cop.attendedCount.slice(),
      contributions: cop.cumulativeContributions.slice(),
      motivation: cop.motivation.slice(),
      safety: cop.safety.slice(),
      belonging: cop.belonging.slice(),
      lead: cop.lead,
    })),
    tieA: Int32Array.from(a),
    tieB: Int32Array.from(b),
    tieKind: Uint8Array.from(kind),
    tieStrength: Float64Array.from(strength),
  };
}
