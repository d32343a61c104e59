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
  /** Set when the event is about a related object rather than the page's own, e.g. `ReplicaSet web-5d8f`. */
  about?: string;
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
 * The message without client-go's "(combined from similar events): " prefix: its event
 * aggregator folds repeats the same way this module does, and the count says it already.
 */
export function withoutCombined(message: string): string {
  return message.startsWith(COMBINED) ? message.slice(COMBINED.length) : message;
}

const COMBINED = '(combined from similar events): ';

/**
 * A message with the generated parts of names blanked: `pods "web-5d8f-x7k2q" is forbidden …`
 * becomes `pods "web-5d8f-*" is forbidden …`. Kubernetes' generateName suffix is five characters
 * of `bcdfghjklmnpqrstvwxz2456789` (apimachinery's rand.String), so a controller failing to create
 * pod after pod says one thing many times, and is folded as such.
 */
export function foldingKeyOf(message: string): string {
  return withoutCombined(message).replace(
    /\b([a-z0-9][-a-z0-9.]*)-[bcdfghjklmnpqrstvwxz2456789]{5}(?![-a-z0-9])/g,
    '$1-*',
  );
}

/**
 * The ReplicaSets of Deployment `name`: `<name>-<pod-template-hash>`, the hash being lowercase
 * letters and digits only, so Deployment `web` does not claim `web-api`'s ReplicaSets.
 */
export function isReplicaSetOf(replicaSet: string, deployment: string): boolean {
  return (
    replicaSet.length > deployment.length + 1 &&
    replicaSet.startsWith(`${deployment}-`) &&
    /^[a-z0-9]+$/.test(replicaSet.slice(deployment.length + 1))
  );
}

/**
 * Objects whose events a workload's page shows beside its own: a Deployment's ReplicaSets (a pod
 * the controller cannot create, e.g. over a quota, is reported on the ReplicaSet, not the
 * Deployment). Pods' events stay on the pods' pages.
 */
export function workloadRelated(kind: string, namespace: string, name: string): (e: EventRow) => boolean {
  if (kind !== 'Deployment') return () => false;
  return (e) =>
    e.involved.kind === 'ReplicaSet' &&
    (e.involved.namespace || e.namespace) === namespace &&
    isReplicaSetOf(e.involved.name, name);
}

/**
 * The events about `o` (and, marked with `about`, those `related` accepts) folded by
 * object+type+reason+message (generated name suffixes blanked, see foldingKeyOf): warnings first, then by last seen, newest first (an event never
 * seen sorts last); ties by reason so the order is stable.
 */
export function foldEvents(
  rows: readonly EventRow[],
  o: InvolvedObject,
  related: (e: EventRow) => boolean = () => false,
): FoldedEvent[] {
  const byKey = new Map<string, FoldedEvent>();
  for (const e of rows) {
    const own = isAbout(e, o);
    if (!own && !related(e)) continue;
    const about = own ? undefined : `${e.involved.kind} ${e.involved.name}`;
    const key = JSON.stringify([about ?? '', e.type, e.reason, foldingKeyOf(e.message)]);
    const seenFirst = e.firstSeen ?? e.lastSeen;
    const f = byKey.get(key);
    if (!f) {
      byKey.set(key, {
        type: e.type,
        reason: e.reason,
        message: withoutCombined(e.message),
        count: Math.max(1, e.count),
        firstSeen: seenFirst,
        lastSeen: e.lastSeen,
        sources: e.source ? [e.source] : [],
        ...(about ? { about } : {}),
      });
      continue;
    }
    f.count += Math.max(1, e.count);
    // The newest wording of a folded message is the one shown.
    if (e.lastSeen !== null && (f.lastSeen === null || e.lastSeen > f.lastSeen)) f.message = withoutCombined(e.message);
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
