/**
 * Topic fit: how well a CoP's topics fit a person's own interests once management steers
 * them. Steering s replaces members' own topics by management's agenda, which fits only those
 * whose interests are aligned with it (the "unclear purpose" failure, seeds/001). Used by
 * meeting value, motivation, recruitment and the recorder, so it lives with none of them.
 *
 *   fit = (1 − s)·interest + s·alignment
 *
 * @example topicFit(0.8, 0.2, 0.5) // → 0.5
 */
export function topicFit(interest: number, alignment: number, steering: number): number {
  return (1 - steering) * interest + steering * alignment;
}
