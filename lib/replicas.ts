/**
 * The one bound on a workload's size, shared by the scale form, the scale route and the deploy
 * settings, and said the same way by each ("0 to 50"). Pure.
 */

/** The largest size the panel sets: scale, and the deploy settings' API replicas. */
export const MAX_REPLICAS = 50;

/** "0 to 50" (scale) or "1 to 50" (the API's replicas in the deploy settings). */
export function replicasRange(min: 0 | 1): string {
  return `${min} to ${MAX_REPLICAS}`;
}
