import { describe, expect, it } from 'vitest';
import { dropTies, renewTie, slotStrength, tieBetween } from '../../src/engine/network.js';
import type { Network } from '../../src/engine/state.js';
import { simulationOf } from './helpers.js';

function network(capacity = 3, retention = 0.9, floor = 0.05): Network {
  return simulationOf({ organisation: { employees: 100 }, parameters: { network: { tieCapacity: capacity, tieRetention: retention, tieFloor: floor } } }).network;
}

/** Strength of the CoP tie from i to j (0 if none). */
function copTie(net: Network, i: number, j: number, week: number): number {
  for (let s = i * net.capacity; s < (i + 1) * net.capacity; s++) if (net.tieTo[s] === j) return slotStrength(net, s, week);
  return 0;
}

describe('CoP ties', () => {
  it('form at strength gain and are renewed by w ← w·(1 − gain) + gain, the same at both ends', () => {
    const net = network();
    expect(renewTie(net, 1, 2, 0.3, 0)).toBe(1);
    expect(copTie(net, 1, 2, 0)).toBeCloseTo(0.3, 12);
    expect(copTie(net, 2, 1, 0)).toBeCloseTo(0.3, 12);
    expect(renewTie(net, 2, 1, 0.3, 0)).toBe(0);
    expect(copTie(net, 1, 2, 0)).toBeCloseTo(0.3 * 0.7 + 0.3, 12);
    expect(copTie(net, 2, 1, 0)).toBeCloseTo(0.51, 12);
  });

  it('fade by tieRetention a week unless renewed, and are lost below tieFloor', () => {
    const net = network(3, 0.9, 0.05);
    renewTie(net, 1, 2, 0.3, 0);
    expect(copTie(net, 1, 2, 10)).toBeCloseTo(0.3 * 0.9 ** 10, 12);
    // 0.3 · 0.9^18 ≈ 0.045 < 0.05.
    expect(copTie(net, 1, 2, 18)).toBe(0);
    // Renewed after fading, it starts from what is left.
    renewTie(net, 1, 2, 0.3, 5);
    expect(copTie(net, 1, 2, 5)).toBeCloseTo(0.3 * 0.9 ** 5 * 0.7 + 0.3, 12);
  });

  it('a person keeps at most tieCapacity of them: a new one displaces the weakest weaker one, at both ends', () => {
    const net = network(3);
    renewTie(net, 0, 10, 0.9, 0);
    renewTie(net, 0, 11, 0.5, 0);
    renewTie(net, 0, 12, 0.2, 0);
    expect(renewTie(net, 0, 13, 0.4, 0)).toBe(1);
    expect(copTie(net, 0, 12, 0)).toBe(0);
    expect(copTie(net, 12, 0, 0)).toBe(0);
    expect(copTie(net, 0, 13, 0)).toBeCloseTo(0.4, 12);
    // All three now stronger than 0.3: no room for it.
    expect(renewTie(net, 0, 14, 0.3, 0)).toBe(0);
    expect(copTie(net, 14, 0, 0)).toBe(0);
  });

  it('never tie a person to themselves; dropTies removes all of a person’s, at both ends', () => {
    const net = network(4);
    expect(renewTie(net, 3, 3, 0.5, 0)).toBe(0);
    renewTie(net, 3, 4, 0.5, 0);
    renewTie(net, 3, 5, 0.5, 0);
    dropTies(net, 3);
    expect(copTie(net, 3, 4, 0)).toBe(0);
    expect(copTie(net, 4, 3, 0)).toBe(0);
    expect(copTie(net, 5, 3, 0)).toBe(0);
  });

  it('tieBetween is the stronger of the colleague tie and the CoP tie', () => {
    const net = network(4);
    const j = net.colleagues[net.colleagueStart[0] as number] as number;
    const colleague = net.colleagueStrength[net.colleagueStart[0] as number] as number;
    expect(tieBetween(net, 0, j, 0)).toBe(colleague);
    renewTie(net, 0, j, 0.95, 0);
    expect(tieBetween(net, 0, j, 0)).toBeCloseTo(Math.max(colleague, 0.95), 12);
  });
});
