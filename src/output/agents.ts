/**
 * Agent-level tables: agents.csv (one row per replication, person and CoP, for everyone who
 * could join or ever joined) and ties.csv (the network at the end of each of those
 * replications, one row per tie). Written by `copsim run --agents K` for the first K
 * replications; README.md ("Output") describes every column.
 */
import { TieKind, type AgentSnapshot } from '../engine/agents.js';
import { MemberState } from '../engine/state.js';
import { ROLES } from '../scenario/vocabulary.js';
import type { Collected } from '../aggregate/types.js';

export const AGENT_COLUMNS = [
  'scenario',
  'replication',
  'seed',
  'member',
  'team',
  'team_of_teams',
  'site',
  'role',
  'level',
  'willingness',
  'motivation_trait',
  'competence',
  'hired_week',
  'cop',
  'eligible',
  'join_week',
  'leave_week',
  'meetings_attended',
  'contributions',
  'final_state',
  'motivation',
  'safety',
  'belonging',
  'lead',
] as const;

export const TIE_COLUMNS = ['scenario', 'replication', 'seed', 'a', 'b', 'kind', 'strength'] as const;

export type AgentRow = Record<(typeof AGENT_COLUMNS)[number], string | number>;
export type TieRow = Record<(typeof TIE_COLUMNS)[number], string | number>;

const STATE_NAMES = ['non-member', 'newcomer', 'peripheral', 'active', 'core', 'dormant', 'left'] as const;
const ELIGIBILITY = ['no', 'target', 'outsider'] as const;
/** Tie kinds by their number in the engine (`TieKind`). */
const TIE_KINDS: readonly string[] = Object.entries(TieKind)
  .sort((a, b) => a[1] - b[1])
  .map(([name]) => name);
const LEVELS = ['team', 'staff', 'manager'] as const;

/** -1 (never) as an empty cell. */
const week = (w: number): number => (w < 0 ? Number.NaN : w);

/**
 * The rows of agents.csv for every replication with agent-level state, in replication, person
 * and CoP order. A person appears for a CoP if they could join it or ever did.
 */
export function agentRows(collected: Collected, scenario: string): AgentRow[] {
  const rows: AgentRow[] = [];
  (collected.agents ?? []).forEach((a: AgentSnapshot, r) => {
    const seed = collected.seeds[r] as number;
    const n = a.team.length;
    for (let i = 0; i < n; i++) {
      a.cops.forEach((c, k) => {
        const s = c.state[i] as number;
        if (c.eligible[i] === 0 && s === MemberState.nonMember) return;
        rows.push({
          scenario,
          replication: r,
          seed,
          member: i,
          team: a.team[i] as number,
          team_of_teams: a.group[i] as number,
          site: a.site[i] as number,
          role: ROLES[a.role[i] as number] as string,
          level: LEVELS[a.level[i] as number] as string,
          willingness: a.willingness[i] as number,
          motivation_trait: a.motivationTrait[i] as number,
          competence: a.competence[i] as number,
          hired_week: week(a.hiredWeek[i] as number),
          cop: collected.copIds[k] as string,
          eligible: ELIGIBILITY[c.eligible[i] as number] as string,
          join_week: week(c.joinedWeek[i] as number),
          leave_week: week(c.leftWeek[i] as number),
          meetings_attended: c.attendedCount[i] as number,
          contributions: c.contributions[i] as number,
          final_state: STATE_NAMES[s] as string,
          motivation: c.motivation[i] as number,
          safety: c.safety[i] as number,
          belonging: c.belonging[i] as number,
          lead: c.lead === i ? 1 : 0,
        });
      });
    }
  });
  return rows;
}

/** The rows of ties.csv: every tie at the end of each replication with agent-level state. */
export function tieRows(collected: Collected, scenario: string): TieRow[] {
  const rows: TieRow[] = [];
  (collected.agents ?? []).forEach((a: AgentSnapshot, r) => {
    const seed = collected.seeds[r] as number;
    for (let e = 0; e < a.tieA.length; e++) {
      rows.push({
        scenario,
        replication: r,
        seed,
        a: a.tieA[e] as number,
        b: a.tieB[e] as number,
        kind: TIE_KINDS[a.tieKind[e] as number] as string,
        strength: a.tieStrength[e] as number,
      });
    }
  });
  return rows;
}

