/**
 * The events of one object (a pod, a node) as its page shows them: repeats folded into one entry
 * (same type, reason and message) with their total count and first/last seen, warnings first,
 * then newest first. Pure; the rows come from the watch cache's events view.
 */
import type { EventRow } from './views';

/** The object an event is about: kind, name and (for namespaced kinds) namespace. */
export interface InvolvedObject {
  kind: string;
  name: string;
  namespace?: string;
}

/** One or more events that say the same thing about the object. */
export interface FoldedEvent {
  type: string;
  reason: string;
  message: string;
  /** The sum of the folded events' own counts (Kubernetes already folds repeats within one Event). */
  count: number;
  firstSeen: string | null;
  lastSeen: string | null;
  /** The components that reported it, each once, in the order first met. */
  sources: string[];
}

/** Whether an event row is about `o` (namespace compared only for namespaced objects). */
export function isAbout(e: EventRow, o: InvolvedObject): boolean {
  if (e.involved.kind !== o.kind || e.involved.name !== o.name) return false;
  if (o.namespace === undefined) return true;
  // Events name their object's namespace; an event that names none sits in it.
  return (e.involved.namespace || e.namespace) === o.namespace;
}

const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a <= b ? a : b);
const later = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a >= b ? a : b);

/**
 * The events about `o` folded by type+reason+message: warnings first, then by last seen, newest
 * first (an event never seen sorts last); ties by reason so the order is stable.
 */
export function foldEvents(rows: readonly EventRow[], o: InvolvedObject): FoldedEvent[] {
  const byKey = new Map<string, FoldedEvent>();
  for (const e of rows) {
    if (!isAbout(e, o)) continue;
    const key = JSON.stringify([e.type, e.reason, e.message]);
    const seenFirst = e.firstSeen ?? e.lastSeen;
    const f = byKey.get(key);
    if (!f) {
      byKey.set(key, {
        type: e.type,
        reason: e.reason,
        message: e.message,
        count: Math.max(1, e.count),
        firstSeen: seenFirst,
        lastSeen: e.lastSeen,
        sources: e.source ? [e.source] : [],
      });
      continue;
    }
    f.count += Math.max(1, e.count);
    f.firstSeen = earlier(f.firstSeen, seenFirst);
    f.lastSeen = later(f.lastSeen, e.lastSeen);
    if (e.source && !f.sources.includes(e.source)) f.sources.push(e.source);
  }
  const warn = (f: FoldedEvent) => (f.type === 'Warning' ? 0 : 1);
  return [...byKey.values()].sort(
    (a, b) =>
      warn(a) - warn(b) ||
      (b.lastSeen ?? '').localeCompare(a.lastSeen ?? '') ||
      a.reason.localeCompare(b.reason) ||
      a.message.localeCompare(b.message),
  );
}
