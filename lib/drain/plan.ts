/**
 * Which pods a drain evicts and which it leaves, decided as `kubectl drain` decides
 * (k8s.io/kubectl/pkg/drain/filters.go): DaemonSet pods are left (their controller would put them
 * straight back), mirror (static) pods are left (the kubelet owns them), finished and terminating
 * pods need nothing, and pods with emptyDir data or without a controller are evicted only when
 * the operator agrees (`kubectl drain --delete-emptydir-data` / `--force`). Pure: the preview and
 * the eviction route both call it, so the server refuses what the dialog would not have offered.
 */
import type { Pod } from '../kube-types';

/** What a pod on the node is to the drain. */
export type DrainDecision =
  | { action: 'evict' }
  | { action: 'skip'; reason: 'daemonset' | 'mirror' | 'finished' | 'terminating' }
  | { action: 'consent'; reasons: ConsentReason[] };

/** What the operator must agree to before such a pod is evicted. */
export type ConsentReason = 'local-storage' | 'unmanaged';

/** The operator's answers to the consent questions of a drain. */
export interface DrainConsent {
  /** Evict pods whose emptyDir volumes are lost with them. */
  evictLocalStorage: boolean;
  /** Evict pods no controller will recreate. */
  evictUnmanaged: boolean;
}

/** What a drain reads of a pod: the wire form of a Pod, with its volumes. */
export type DrainPod = Pick<Pod, 'metadata' | 'status'> & {
  spec: Pod['spec'] & { volumes?: { name: string; emptyDir?: object | null }[] };
};

export const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

const controllerOf = (p: DrainPod) => (p.metadata.ownerReferences ?? []).find((o) => o.controller);

/** The pod's emptyDir volumes by name (data that dies with the pod). */
export function localStorageVolumes(p: DrainPod): string[] {
  return (p.spec.volumes ?? []).filter((v) => v.emptyDir).map((v) => v.name);
}

/** What the drain does with one pod, before the operator's consent is applied. */
export function drainDecision(p: DrainPod): DrainDecision {
  if (p.metadata.annotations?.[MIRROR_ANNOTATION] !== undefined) return { action: 'skip', reason: 'mirror' };
  const phase = p.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return { action: 'skip', reason: 'finished' };
  if (p.metadata.deletionTimestamp) return { action: 'skip', reason: 'terminating' };
  const ctrl = controllerOf(p);
  if (ctrl?.kind === 'DaemonSet') return { action: 'skip', reason: 'daemonset' };
  const reasons: ConsentReason[] = [];
  if (localStorageVolumes(p).length > 0) reasons.push('local-storage');
  if (!ctrl) reasons.push('unmanaged');
  return reasons.length ? { action: 'consent', reasons } : { action: 'evict' };
}

/** Whether the drain evicts the pod given the operator's consent; null when it does, else why not. */
export function refusal(d: DrainDecision, consent: DrainConsent): string | null {
  if (d.action === 'evict') return null;
  if (d.action === 'skip') return SKIP_TEXT[d.reason];
  const missing = d.reasons.filter((r) =>
    r === 'local-storage' ? !consent.evictLocalStorage : !consent.evictUnmanaged,
  );
  return missing.length ? missing.map((r) => CONSENT_TEXT[r]).join('; ') : null;
}

/** Why a pod is left, in words. */
export const SKIP_TEXT: Record<Extract<DrainDecision, { action: 'skip' }>['reason'], string> = {
  daemonset: 'DaemonSet pod: left on the node (its controller would recreate it there)',
  mirror: 'mirror (static) pod: the kubelet runs it from a file on the node',
  finished: 'finished: holds nothing on the node',
  terminating: 'already terminating',
};

/** What the operator agrees to, in words. */
export const CONSENT_TEXT: Record<ConsentReason, string> = {
  'local-storage': 'has emptyDir (local) data that is lost when it is evicted',
  unmanaged: 'has no controller: nothing recreates it once evicted',
};
