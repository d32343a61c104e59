import 'server-only';
import { RESOURCES } from '../../kube-resources';
import { FULL_NAMESPACES, type NamespaceScope } from '../../view-scope';
import { KubeError, toKubeError } from '../kube/errors';
import { kubeRequest, resourcePath } from '../kube/transport';
import { userKubeConfig } from './identity';
import type { Session } from './session';
import { mapLimit } from '../map-limit';
import { untilAborted } from '../until-aborted';

/** One question for Kubernetes RBAC: may this user do `verb` on this resource? */
export interface AccessAttributes {
  verb: string;
  group?: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

export interface AccessDecision {
  allowed: boolean;
  reason?: string;
}

interface SelfSubjectAccessReview {
  status?: { allowed?: boolean; denied?: boolean; reason?: string; evaluationError?: string };
}

/** Answers are reused this long per session: RBAC changes show within half a minute. */
const TTL_MS = 30_000;
const MAX_ENTRIES = 20_000;
/** While the API server cannot be reached, the last answer stands this long (reads keep working from the cache). */
const STALE_IF_UNREACHABLE_MS = 15 * 60_000;
const g = globalThis as typeof globalThis & {
  __imagepodAccess?: Map<string, { at: number; p: Promise<AccessDecision> }>;
  __imagepodAccessKnown?: Map<string, { at: number; d: AccessDecision }>;
};
const cache = (g.__imagepodAccess ??= new Map());
const lastKnown = (g.__imagepodAccessKnown ??= new Map());

function cacheKey(s: Session, a: AccessAttributes): string {
  return [s.sid, a.verb, a.group ?? '', a.resource, a.subresource ?? '', a.namespace ?? '', a.name ?? ''].join('|');
}

/**
 * A SelfSubjectAccessReview made with the user's own credentials, so the answer is Kubernetes'
 * own for that person (the panel's service account has no say). Cached briefly per session;
 * concurrent identical questions share one request. `signal` ends only this caller's wait: the
 * shared request carries no caller's signal, so a tab closing mid-review never fails the same
 * session's other requests waiting on it (it still ends by its own timeout).
 */
export function canI(s: Session, a: AccessAttributes, signal?: AbortSignal): Promise<AccessDecision> {
  const mine = (p: Promise<AccessDecision>) =>
    untilAborted(p, signal).catch((e: unknown) => {
      throw toKubeError(e);
    });
  if (signal?.aborted) return Promise.reject(toKubeError(signal.reason));
  const key = cacheKey(s, a);
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && now - hit.at < TTL_MS) return mine(hit.p);
  const p = kubeRequest<SelfSubjectAccessReview>(userKubeConfig(s), resourcePath(RESOURCES.selfsubjectaccessreviews), {
    method: 'POST',
    fieldManager: null, // a review: nothing is stored
    body: {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: {
        resourceAttributes: {
          verb: a.verb,
          group: a.group ?? '',
          resource: a.resource,
          subresource: a.subresource,
          namespace: a.namespace,
          name: a.name,
        },
      },
    },
    timeoutMs: 10_000,
  }).then(
    (r) => {
      const d = {
        allowed: r.status?.allowed === true,
        reason: r.status?.reason || r.status?.evaluationError || undefined,
      };
      lastKnown.set(key, { at: Date.now(), d });
      return d;
    },
    (e: unknown) => {
      // The API server is down: keep answering as it last did, so pages keep showing the cached
      // (stale-flagged) cluster. Any other failure (an expired token: 401) is not papered over.
      const known = lastKnown.get(key);
      const unreachable = e instanceof KubeError && (e.code === 'UNAVAILABLE' || e.code === 'TIMED_OUT');
      if (unreachable && known && Date.now() - known.at < STALE_IF_UNREACHABLE_MS) return known.d;
      throw e;
    },
  );
  cache.set(key, { at: now, p });
  // A failed review is not remembered: the next request asks again.
  p.catch(() => cache.delete(key));
  if (cache.size > MAX_ENTRIES) {
    for (const [k, v] of cache) if (now - v.at >= TTL_MS || cache.size > MAX_ENTRIES) cache.delete(k);
  }
  if (lastKnown.size > MAX_ENTRIES) {
    for (const [k, v] of lastKnown)
      if (now - v.at >= STALE_IF_UNREACHABLE_MS || lastKnown.size > MAX_ENTRIES) lastKnown.delete(k);
  }
  return mine(p);
}

/** Drops a session's cached answers (logout). */
export function forgetAccess(s: Session): void {
  for (const m of [cache, lastKnown]) for (const k of m.keys()) if (k.startsWith(`${s.sid}|`)) m.delete(k);
}

/**
 * The namespaces in which the user may `list` a resource: all of them when a cluster-wide review
 * allows it (one request, the common case for admins and `view`), otherwise the subset of the
 * candidate namespaces (every namespace that exists, empty ones included), one review each.
 * Each namespace's answer is cached under its own key, so a namespace that appears is asked
 * about on the next call instead of waiting for the cached answers to expire.
 */
export async function listScope(
  s: Session,
  group: string,
  resource: string,
  namespaces: () => Iterable<string>,
  signal?: AbortSignal,
): Promise<NamespaceScope> {
  const cluster = await canI(s, { verb: 'list', group, resource }, signal);
  if (cluster.allowed) return FULL_NAMESPACES;
  const candidates = [...new Set(namespaces())];
  const answers = await mapLimit(candidates, 16, (namespace) =>
    canI(s, { verb: 'list', group, resource, namespace }, signal),
  );
  return { all: false, namespaces: new Set(candidates.filter((_, i) => answers[i]!.allowed)) };
}
