/**
 * Node taint edits as `kubectl taint` makes them: a node holds at most one taint per key and
 * effect, so adding one replaces the taint in the same slot, and removing by key alone removes
 * every effect. Pure: the taint form previews with it, the route builds its patch with it.
 */
import type { Taint } from './kube-types';

type TaintFields = Pick<Taint, 'key' | 'value' | 'effect'>;

/** `key=value:Effect`, or `key:Effect` without a value, as kubectl prints taints. */
export function formatTaint(t: TaintFields): string {
  return `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`;
}

/** True when both taints occupy the same slot (key and effect), whatever their values. */
export function sameTaintSlot(a: TaintFields, b: TaintFields): boolean {
  return a.key === b.key && a.effect === b.effect;
}

/**
 * The taints with `taint` added. A taint already in its slot with the same value is kept as it is
 * (with its timeAdded); with another value it is replaced in place. Duplicates in the slot go.
 */
export function addTaint(taints: readonly Taint[] | undefined, taint: TaintFields): Taint[] {
  const fresh: Taint = { key: taint.key, effect: taint.effect, ...(taint.value ? { value: taint.value } : {}) };
  const out: Taint[] = [];
  let placed = false;
  for (const t of taints ?? []) {
    if (!sameTaintSlot(t, taint)) out.push(t);
    else if (!placed) {
      out.push((t.value ?? '') === (taint.value ?? '') ? t : fresh);
      placed = true;
    }
  }
  if (!placed) out.push(fresh);
  return out;
}

/** The taints without `key` (only its `effect` slot when given, every effect otherwise: `kubectl taint key-`). */
export function removeTaint(taints: readonly Taint[] | undefined, key: string, effect?: Taint['effect']): Taint[] {
  return (taints ?? []).filter((t) => t.key !== key || (effect !== undefined && t.effect !== effect));
}

/** True when both lists hold the same taints (key, value, effect), in any order. */
export function sameTaints(a: readonly Taint[] | undefined, b: readonly Taint[] | undefined): boolean {
  const ids = (l: readonly Taint[] | undefined) =>
    (l ?? []).map((t) => JSON.stringify([t.key, t.value ?? '', t.effect])).sort();
  const x = ids(a),
    y = ids(b);
  return x.length === y.length && x.every((id, i) => id === y[i]);
}

/**
 * A JSON merge patch that sets the node's taints. Merge patches replace a list whole, so a
 * concurrent edit would be lost: pass the resourceVersion the list was read at to turn that race
 * into a 409 Conflict instead.
 */
export function taintPatch(
  taints: readonly Taint[],
  resourceVersion?: string,
): { metadata?: { resourceVersion: string }; spec: { taints: Taint[] } } {
  return { ...(resourceVersion ? { metadata: { resourceVersion } } : {}), spec: { taints: [...taints] } };
}

/**
 * `next` with timeAdded as the API expects it: a taint already on the node (same key, value and
 * effect) keeps its own — a form sends taints without it, and a NoExecute taint re-stamped would
 * restart every tolerationSeconds countdown — and a new NoExecute taint is stamped `now`, as
 * `kubectl taint` does (the API server does not).
 */
export function stampTimeAdded(next: readonly Taint[], current: readonly Taint[] | undefined, now: Date): Taint[] {
  return next.map((t) => {
    const same = (current ?? []).find((c) => sameTaintSlot(c, t) && (c.value ?? '') === (t.value ?? ''));
    if (same) return same.timeAdded ? { ...t, timeAdded: same.timeAdded } : t;
    return t.effect === 'NoExecute' ? { ...t, timeAdded: now.toISOString().replace(/\.\d{3}Z$/, 'Z') } : t;
  });
}
