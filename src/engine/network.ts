/**
 * The social network: who knows whom. Word of mouth, invitations, awareness of know-how,
 * belonging and the familiarity of a meeting's attendees all travel along it.
 *
 * Colleague ties are built once per run from the organisation's structure:
 *   - everyone in a team knows everyone else in it (strength `teamStrength`);
 *   - each person forms `crossTeamTies` ties outside their team (strength `colleagueStrength`):
 *     within their team of teams with chance `sameGroup`, otherwise on their site with chance
 *     `sameSite`, otherwise anywhere; and with chance `sameRole` to someone in their own role
 *     in that circle (formal structure, distance and homophily shape informal ties: Allen 1977;
 *     McPherson, Smith-Lovin & Cook 2001).
 * CoP ties are formed by talking in the same breakout group of a meeting (or by a lead's
 * introduction), kept in `tieCapacity` slots per person, fade by `tieRetention` a week unless
 * renewed, and are lost below `tieFloor`. Cost: O(people + ties) to build, O(1) amortised per
 * tie renewal (a scan of `tieCapacity` slots).
 */
import type { Parameters } from './parameters.js';
import type { Rng } from './rng.js';
import type { Network, People } from './state.js';
import { pow } from './math.js';

/** Items grouped by key (counting sort): `items[start[k] .. start[k+1])` have key k. */
interface Buckets {
  readonly start: Int32Array;
  readonly items: Int32Array;
}

function bucketsOf(keys: Int32Array, nKeys: number): Buckets {
  const start = new Int32Array(nKeys + 1);
  for (let i = 0; i < keys.length; i++) start[(keys[i] as number) + 1]!++;
  for (let k = 0; k < nKeys; k++) start[k + 1]! += start[k] as number;
  const fill = start.slice(0, nKeys);
  const items = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) items[fill[keys[i] as number]!++] = i;
  return { start, items };
}

/** A uniform draw from bucket `k` (-1 when it is empty). */
function drawFrom(b: Buckets, k: number, rng: Rng): number {
  const lo = b.start[k] as number;
  const size = (b.start[k + 1] as number) - lo;
  return size === 0 ? -1 : (b.items[lo + Math.floor(rng() * size)] as number);
}

/**
 * Draws made to find a cross-team partner outside one's own team before giving up on that tie:
 * a bound of the rejection sampling, not a model quantity (in a tiny organisation or a
 * one-team circle there may be nobody to find).
 */
const PARTNER_TRIES = 8;

/** Weeks of retention tabulated; a CoP tie not renewed for longer is gone whatever its strength. */
const RETENTION_WEEKS = 1040;

/**
 * Builds the colleague ties of an organisation and empty CoP-tie slots. Draws from `rng` only
 * (the replication's `net` stream), so the network is the same whatever CoPs a scenario has.
 */
export function buildNetwork(people: People, p: Parameters['network'], roles: number, rng: Rng): Network {
  const n = people.n;
  const byTeam = bucketsOf(people.team, people.nTeams);
  const byGroup = bucketsOf(people.group, people.nGroups);
  const bySite = bucketsOf(people.site, people.nSites);
  const role = Int32Array.from(people.role);
  const byRole = bucketsOf(role, roles);
  const groupRole = new Int32Array(n);
  const siteRole = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    groupRole[i] = (people.group[i] as number) * roles + (role[i] as number);
    siteRole[i] = (people.site[i] as number) * roles + (role[i] as number);
  }
  const byGroupRole = bucketsOf(groupRole, people.nGroups * roles);
  const bySiteRole = bucketsOf(siteRole, people.nSites * roles);

  // Directed halves of every tie, (from, to, strength); undirected ties are added both ways.
  const whole = p.crossTeamTies;
  const base = Math.floor(whole);
  let bound = 2 * n * (base + 1);
  for (let t = 0; t < people.nTeams; t++) {
    const size = (byTeam.start[t + 1] as number) - (byTeam.start[t] as number);
    bound += size * (size - 1);
  }
  const from = new Int32Array(bound);
  const to = new Int32Array(bound);
  const strength = new Float64Array(bound);
  let m = 0;
  const add = (a: number, b: number, s: number): void => {
    from[m] = a;
    to[m] = b;
    strength[m++] = s;
    from[m] = b;
    to[m] = a;
    strength[m++] = s;
  };
  for (let t = 0; t < people.nTeams; t++) {
    const lo = byTeam.start[t] as number;
    const hi = byTeam.start[t + 1] as number;
    for (let x = lo; x < hi; x++) {
      for (let y = x + 1; y < hi; y++) add(byTeam.items[x] as number, byTeam.items[y] as number, p.teamStrength);
    }
  }
  for (let i = 0; i < n; i++) {
    const count = base + (rng() < whole - base ? 1 : 0);
    for (let k = 0; k < count; k++) {
      const u = rng();
      const sameRole = rng() < p.sameRole;
      const r = role[i] as number;
      let j = -1;
      // A few tries to find someone outside one's own team; a tiny organisation may have nobody.
      for (let attempt = 0; attempt < PARTNER_TRIES && j < 0; attempt++) {
        let c: number;
        if (u < p.sameGroup) {
          const g = people.group[i] as number;
          c = sameRole ? drawFrom(byGroupRole, g * roles + r, rng) : drawFrom(byGroup, g, rng);
        } else if (u < p.sameGroup + (1 - p.sameGroup) * p.sameSite) {
          const s = people.site[i] as number;
          c = sameRole ? drawFrom(bySiteRole, s * roles + r, rng) : drawFrom(bySite, s, rng);
        } else {
          c = sameRole ? drawFrom(byRole, r, rng) : Math.floor(rng() * n);
        }
        if (c >= 0 && c !== i && people.team[c] !== people.team[i]) j = c;
      }
      if (j >= 0) add(i, j, p.colleagueStrength);
    }
  }

  // Compressed rows, duplicates merged (a pair drawn twice is one tie, at the larger strength).
  const start = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) start[(from[e] as number) + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i] as number;
  const fill = start.slice(0, n);
  const rawTo = new Int32Array(m);
  const rawS = new Float64Array(m);
  for (let e = 0; e < m; e++) {
    const k = fill[from[e] as number]!++;
    rawTo[k] = to[e] as number;
    rawS[k] = strength[e] as number;
  }
  // Each row sorted by partner (insertion sort: rows are short), then merged into the output.
  for (let i = 0; i < n; i++) {
    const lo = start[i] as number;
    const hi = start[i + 1] as number;
    for (let a = lo + 1; a < hi; a++) {
      const j = rawTo[a] as number;
      const sj = rawS[a] as number;
      let b = a - 1;
      while (b >= lo && (rawTo[b] as number) > j) {
        rawTo[b + 1] = rawTo[b] as number;
        rawS[b + 1] = rawS[b] as number;
        b--;
      }
      rawTo[b + 1] = j;
      rawS[b + 1] = sj;
    }
  }
  const colleagueStart = new Int32Array(n + 1);
  const colleagues = new Int32Array(m);
  const colleagueStrength = new Float64Array(m);
  let w = 0;
  for (let i = 0; i < n; i++) {
    colleagueStart[i] = w;
    const lo = start[i] as number;
    const hi = start[i + 1] as number;
    for (let k = lo; k < hi; k++) {
      const j = rawTo[k] as number;
      if (w > colleagueStart[i]! && colleagues[w - 1] === j) {
        colleagueStrength[w - 1] = Math.max(colleagueStrength[w - 1] as number, rawS[k] as number);
      } else {
        colleagues[w] = j;
        colleagueStrength[w] = rawS[k] as number;
        w++;
      }
    }
  }
  colleagueStart[n] = w;

  const colleagueTotal = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let k = colleagueStart[i] as number; k < (colleagueStart[i + 1] as number); k++) colleagueTotal[i]! += colleagueStrength[k] as number;
  }
  const capacity = Math.max(1, Math.round(p.tieCapacity));
  const retention = new Float64Array(RETENTION_WEEKS + 1);
  for (let d = 0; d <= RETENTION_WEEKS; d++) retention[d] = pow(p.tieRetention, d);
  return {
    colleagueStart,
    colleagues: colleagues.slice(0, w),
    colleagueStrength: colleagueStrength.slice(0, w),
    colleagueTotal,
    capacity,
    tieCount: new Int32Array(n),
    tieTo: new Int32Array(n * capacity).fill(-1),
    tieStrength: new Float64Array(n * capacity),
    tieWeek: new Int32Array(n * capacity),
    retention,
    floor: p.tieFloor,
  };
}

/** Strength of CoP-tie slot `s` at `week` (0 when free or faded below the floor). */
export function slotStrength(net: Network, s: number, week: number): number {
  if ((net.tieTo[s] as number) < 0) return 0;
  const d = week - (net.tieWeek[s] as number);
  const w = d > RETENTION_WEEKS ? 0 : (net.tieStrength[s] as number) * (net.retention[d] as number);
  return w < net.floor ? 0 : w;
}

/** The slot of i holding a CoP tie to j, or -1. */
function slotOf(net: Network, i: number, j: number): number {
  if (net.tieCount[i] === 0) return -1;
  const base = i * net.capacity;
  for (let s = base; s < base + net.capacity; s++) if (net.tieTo[s] === j) return s;
  return -1;
}

/** A slot of i for a new tie of strength `w`: a free or faded one, else the weakest weaker one; -1 if none. */
function freeSlot(net: Network, i: number, w: number, week: number): number {
  const base = i * net.capacity;
  let best = -1;
  let weakest = w;
  for (let s = base; s < base + net.capacity; s++) {
    const x = slotStrength(net, s, week);
    if (x === 0) return s;
    if (x < weakest) {
      weakest = x;
      best = s;
    }
  }
  return best;
}

/** Empties slot s of i, and the partner's slot for i. */
function clearSlot(net: Network, i: number, s: number): void {
  const k = net.tieTo[s] as number;
  if (k < 0) return;
  const back = slotOf(net, k, i);
  if (back >= 0) {
    net.tieTo[back] = -1;
    net.tieCount[k]!--;
  }
  net.tieTo[s] = -1;
  net.tieCount[i]!--;
}

/**
 * Renews the CoP tie between i and j at `week`: w ← w·(1 − gain) + gain, with w its current
 * strength (0 for a new tie). A new tie takes a free slot at both ends, or displaces a weaker
 * one; if either person's slots all hold stronger ties, it is not formed. Returns 1 if a new
 * tie was formed, 0 otherwise.
 */
export function renewTie(net: Network, i: number, j: number, gain: number, week: number): number {
  if (i === j || gain <= 0) return 0;
  const si = slotOf(net, i, j);
  if (si >= 0) {
    const sj = slotOf(net, j, i);
    const w = slotStrength(net, si, week) * (1 - gain) + gain;
    net.tieStrength[si] = w;
    net.tieWeek[si] = week;
    if (sj >= 0) {
      net.tieStrength[sj] = w;
      net.tieWeek[sj] = week;
    }
    return 0;
  }
  const a = freeSlot(net, i, gain, week);
  if (a < 0) return 0;
  const b = freeSlot(net, j, gain, week);
  if (b < 0) return 0;
  clearSlot(net, i, a);
  clearSlot(net, j, b);
  net.tieTo[a] = j;
  net.tieTo[b] = i;
  net.tieCount[i]!++;
  net.tieCount[j]!++;
  net.tieStrength[a] = gain;
  net.tieStrength[b] = gain;
  net.tieWeek[a] = week;
  net.tieWeek[b] = week;
  return 1;
}

/** Removes every CoP tie of person i (they left the organisation). */
export function dropTies(net: Network, i: number): void {
  const base = i * net.capacity;
  for (let s = base; s < base + net.capacity; s++) if ((net.tieTo[s] as number) >= 0) clearSlot(net, i, s);
}

/** Strength of the tie between i and j at `week`: the stronger of a colleague tie and a CoP tie. */
export function tieBetween(net: Network, i: number, j: number, week: number): number {
  let w = 0;
  for (let k = net.colleagueStart[i] as number; k < (net.colleagueStart[i + 1] as number); k++) {
    if (net.colleagues[k] === j) {
      w = net.colleagueStrength[k] as number;
      break;
    }
  }
  const s = slotOf(net, i, j);
  return s >= 0 ? Math.max(w, slotStrength(net, s, week)) : w;
}
