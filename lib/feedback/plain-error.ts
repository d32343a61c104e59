/**
 * Failures in an operator's words. Kubernetes' Status texts name the service account, the API
 * group and the resource's plural; an operator needs what was refused, where, and whether trying
 * again can help. Pure: the browser's toasts and error states and their tests share it.
 */

/** What a failure needs to be said: the panel's answer (status, code, message). */
export interface FailureLike {
  status: number;
  code: string;
  message: string;
}

/** The right Kubernetes refused, read from its Status text ("cannot patch resource …"). */
export interface MissingRight {
  verb: string;
  /** `deployments/scale`: the plural with its subresource, as RBAC rules spell it. */
  resource: string;
  /** Empty for the core group. */
  group: string;
  /** Null when the right was asked for cluster-wide. */
  namespace: string | null;
}

const FORBIDDEN =
  /cannot (\S+) resource "([^"]+)"(?: in API group "([^"]*)")?(?: in the namespace "([^"]+)"| at the cluster scope)?/;

/** The right a 403's text names, or null when it names none (e.g. an admission webhook's refusal). */
export function missingRight(message: string): MissingRight | null {
  const m = FORBIDDEN.exec(message);
  if (!m) return null;
  return { verb: m[1]!, resource: m[2]!, group: m[3] ?? '', namespace: m[4] ?? null };
}

/** `patch deployments/scale` in `team-a`, or cluster-wide: a missing right as a person reads it. */
export function rightText(r: MissingRight): string {
  return `\`${r.verb} ${r.resource}\` ${r.namespace === null ? 'cluster-wide' : `in \`${r.namespace}\``}`;
}

/** Kubernetes' prefix naming the object (`deployments.apps "web" is forbidden: `), which the page already shows. */
const OBJECT_PREFIX = /^[a-z0-9.-]+ "[^"]*" (?:is forbidden|is invalid): /i;

/**
 * The failure as one sentence for a toast or an error line: a missing right as "your rights lack
 * `verb resource` in `ns`", a conflict as someone else's change, an unreachable cluster as such;
 * anything else as its own text without Kubernetes' object prefix.
 */
export function plainError(e: FailureLike): string {
  if (e.status === 0 || e.code === 'NETWORK')
    return 'The panel server does not answer; check your connection and try again.';
  if (e.status === 403 || e.code === 'FORBIDDEN') {
    const r = missingRight(e.message);
    if (r) return `Kubernetes refused: your rights lack ${rightText(r)}.`;
    return `Kubernetes refused: ${e.message.replace(OBJECT_PREFIX, '')}`;
  }
  if (e.status === 401 || e.code === 'UNAUTHENTICATED') return 'Your session has ended; sign in again.';
  if (e.code === 'TIMED_OUT') return `The API server did not answer in time (${e.message}); it may still have done it.`;
  if (e.code === 'UNAVAILABLE' || e.status === 502 || e.status === 503 || e.status === 504)
    return `The cluster’s API server cannot be reached (${e.message}); try again when it is back.`;
  if (e.status === 409 && /has been modified|latest version/i.test(e.message))
    return 'Someone changed the object at the same moment; the page shows its new state, try again.';
  if (e.status === 404 || e.code === 'NOT_FOUND') return `${e.message.replace(/\.$/, '')}: it may have been deleted.`;
  if (e.status === 429 || e.code === 'TOO_MANY_REQUESTS')
    return `Too many requests at once (${e.message}); wait a moment.`;
  return e.message.replace(OBJECT_PREFIX, '');
}

/**
 * Whether offering "Retry" can help: not for a refusal (a right, a session, bad input, something
 * gone), which fails the same way again; yes for an unreachable or busy cluster and unknown failures.
 */
export function retryCanHelp(e: FailureLike): boolean {
  if (e.status === 0 || e.status === 408 || e.status === 429 || e.status >= 500) return true;
  return !(e.status >= 400 && e.status < 500);
}

/** plainError of a failure that may not have happened: null for none. */
export function plainErrorOrNull(e: FailureLike | null | undefined): string | null {
  return e ? plainError(e) : null;
}
