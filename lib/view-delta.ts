/**
 * Applying a stream delta to a cached view, in the browser. Pure, so the rule that decides
 * between "patch" and "refetch" is tested, not trusted.
 */
import type { Row, ViewDelta, ViewList } from './views';

export type DeltaOutcome<T> =
  /** The delta moved the view forward: here is the new list. */
  | { kind: 'applied'; list: ViewList<T> }
  /** The view already contains these changes (a fetch raced ahead of the stream). */
  | { kind: 'stale' }
  /** Changes between the list and the delta were missed: the list must be fetched again. */
  | { kind: 'gap' };

/**
 * Upserts replace rows by key, deletes remove them. A delta carries the final state of every key
 * it touches between `from` and `to`, so applying it to any list whose revision lies in
 * [from, to) is correct; below `from` something was missed, and so was everything when the
 * server's epoch changed (it restarted and counts from 0 again).
 */
export function applyViewDelta<T extends Pick<Row, 'key'>>(list: ViewList<T>, delta: ViewDelta<T>): DeltaOutcome<T> {
  if (list.epoch !== delta.epoch) return { kind: 'gap' };
  if (list.revision >= delta.to) return { kind: 'stale' };
  if (list.revision < delta.from) return { kind: 'gap' };
  const byKey = new Map(list.items.map((r) => [r.key, r] as const));
  for (const k of delta.deletes) byKey.delete(k);
  for (const r of delta.upserts) byKey.set(r.key, r);
  return { kind: 'applied', list: { items: [...byKey.values()], revision: delta.to, epoch: list.epoch } };
}
