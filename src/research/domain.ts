/**
 * The model's declared domain and the design of points at which every stylised fact is
 * checked (docs/ODD.md, "Declared domain") and every hypothesis can be tested
 * (`copsim hypotheses --contexts`). A point fixes the organisation's size, the CoP's cadence,
 * its kind (role-based for one of three roles, or topic-based) and the run length; each fact
 * applies the point to its scenarios as `--set` overrides.
 */

/** The kinds of CoP of the domain: role-based for three roles, and topic-based. */
export const COP_KINDS = {
  scrumMaster: { targetGroup: '{kind: role, role: scrumMaster}', theme: 'agility' },
  productOwner: { targetGroup: '{kind: role, role: productOwner}', theme: 'product' },
  tester: { targetGroup: '{kind: role, role: tester}', theme: 'testing' },
  topic: { targetGroup: '{kind: topic}', theme: 'agility' },
} as const;
export type CopKind = keyof typeof COP_KINDS;

/** One point of the domain. */
export interface Point {
  readonly id: string;
  readonly employees: number;
  readonly cadence: number;
  readonly kind: CopKind;
  readonly weeks: number;
}

/** The declared domain: the ranges every fact must hold across. */
export const DOMAIN = {
  employees: [300, 10_000],
  cadence: [1, 4],
  kinds: Object.keys(COP_KINDS) as CopKind[],
  weeks: [104, 260],
} as const;

const point = (employees: number, cadence: number, kind: CopKind, weeks: number): Point => ({
  id: `e${employees}-c${cadence}-${kind}-w${weeks}`,
  employees,
  cadence,
  kind,
  weeks,
});

/** The reference point: the built-in scenarios as they are. */
export const REFERENCE: Point = point(1000, 2, 'scrumMaster', 156);

/**
 * The design: the reference point; each axis varied alone from it (sizes 300 and 5,000;
 * cadences 1 and 4; the other three kinds; 104 and 260 weeks); four corners that vary
 * two axes at once, so that no axis is only ever seen at the reference of the others; and
 * 10,000 employees, the top of the size range.
 */
export const DESIGN: readonly Point[] = [
  REFERENCE,
  point(300, 2, 'scrumMaster', 156),
  point(5000, 2, 'scrumMaster', 156),
  point(1000, 1, 'scrumMaster', 156),
  point(1000, 4, 'scrumMaster', 156),
  point(1000, 2, 'productOwner', 156),
  point(1000, 2, 'tester', 156),
  point(1000, 2, 'topic', 156),
  point(1000, 2, 'scrumMaster', 104),
  point(1000, 2, 'scrumMaster', 260),
  point(300, 1, 'tester', 156),
  point(5000, 4, 'scrumMaster', 156),
  point(5000, 2, 'topic', 156),
  point(300, 4, 'productOwner', 260),
  // The top of the size range.
  point(10_000, 2, 'scrumMaster', 156),
];

/** The points of the quick form that CI runs: the reference, 300 and 5,000 employees (10,000 only in the full design: it takes most of its time). */
export const QUICK_DESIGN: readonly Point[] = [REFERENCE, DESIGN[1] as Point, DESIGN[2] as Point];

/** What a fact lets a point change in one of its scenarios. */
export interface PointUse {
  /** The CoP the point's cadence and kind apply to. Default 0. */
  readonly cop?: number;
  /** Whether the point's kind (target group and theme) applies. Default true. */
  readonly kind?: boolean;
  /** Whether the point's cadence applies. Default true. */
  readonly cadence?: boolean;
  /** Whether the point's run length applies. Default true; otherwise the scenario's own. */
  readonly weeks?: boolean;
}

/** The `--set` overrides that put a scenario at a point. */
export function pointSets(p: Point, use: PointUse = {}): string[] {
  const cop = use.cop ?? 0;
  const sets = [`organisation.employees=${p.employees}`];
  if (use.weeks ?? true) sets.push(`weeks=${p.weeks}`);
  if (use.cadence ?? true) sets.push(`cops.${cop}.meetings.cadence=${p.cadence}`);
  if (use.kind ?? true) {
    const k = COP_KINDS[p.kind];
    sets.push(`cops.${cop}.targetGroup=${k.targetGroup}`, `cops.${cop}.theme=${k.theme}`);
  }
  return sets;
}
