/**
 * What came of each eviction and of the drain as a whole. The route answers an `EvictionResult`
 * per pod; the node page turns results plus the live pods view (a pod that left the node is
 * `gone`) into per-pod progress and the final report. Pure, shared by server and browser.
 */
import type { Toast } from '../queries/mutation-feedback';

/** One eviction's answer from the API server, as the route reports it. */
export interface EvictionResult {
  namespace: string;
  name: string;
  uid: string;
  /**
   * evicted: the API server accepted the eviction (the pod is terminating);
   * blocked: a PodDisruptionBudget refused it (429), `pdb` names it when the server said;
   * gone: the pod was no longer there (or is another pod of that name now);
   * skipped: the drain does not evict it (DaemonSet, mirror, or consent not given);
   * failed: anything else (forbidden, several budgets, the API server unreachable).
   */
  state: 'evicted' | 'blocked' | 'gone' | 'skipped' | 'failed';
  message: string;
  pdb?: string;
}

/** A pod's progress on the node page. */
export type PodProgress = 'waiting' | 'evicting' | EvictionResult['state'];

/** One row of the progress list. */
export interface ProgressRow {
  namespace: string;
  name: string;
  uid: string;
  progress: PodProgress;
  message: string;
  pdb?: string;
}

/**
 * The budget named in a 429 from the Eviction API. The API server says "Cannot evict pod as it
 * would violate the pod's disruption budget." and puts the budget in a DisruptionBudget cause:
 * "The disruption budget web needs 2 healthy pods and has 2 currently".
 */
export function blockingPdb(message: string, causes: readonly { message?: string }[]): string | undefined {
  for (const text of [...causes.map((c) => c.message ?? ''), message]) {
    const m = /disruption budget ([a-z0-9]([-a-z0-9.]*[a-z0-9])?) /i.exec(text);
    if (m) return m[1];
  }
  return undefined;
}

/** The human line of a block: the budget's own words where the server gave them. */
export function blockedMessage(message: string, causes: readonly { message?: string }[]): string {
  const cause = causes.map((c) => c.message).find((m) => m && /disruption budget/i.test(m));
  return cause ? `${message} ${cause}` : message;
}

/**
 * A row's progress: the last result (or `evicting` while its request is out), turned `gone` once
 * an evicted pod has left the node's pods (`onNode` false: the watch cache saw it deleted).
 */
export function progressOf(
  pod: { namespace: string; name: string; uid: string },
  step: 'evicting' | EvictionResult | undefined,
  onNode: boolean,
): ProgressRow {
  const base = { namespace: pod.namespace, name: pod.name, uid: pod.uid };
  if (step === undefined) return { ...base, progress: onNode ? 'waiting' : 'gone', message: '' };
  if (step === 'evicting') return { ...base, progress: 'evicting', message: '' };
  const progress = step.state === 'evicted' && !onNode ? 'gone' : step.state;
  return { ...base, progress, message: step.message, ...(step.pdb ? { pdb: step.pdb } : {}) };
}

/** The drain's report once every request has answered. */
export interface DrainReport {
  /** Still waiting for requests, or for evicted pods to leave the node. */
  running: boolean;
  counts: Record<PodProgress, number>;
  blocked: ProgressRow[];
  failed: ProgressRow[];
}

/** Sums the rows up; `blocked` and `failed` are what an operator retries or looks into. */
export function drainReport(rows: readonly ProgressRow[]): DrainReport {
  const counts: Record<PodProgress, number> = {
    waiting: 0,
    evicting: 0,
    evicted: 0,
    gone: 0,
    blocked: 0,
    skipped: 0,
    failed: 0,
  };
  for (const r of rows) counts[r.progress]++;
  return {
    running: counts.waiting + counts.evicting + counts.evicted > 0,
    counts,
    blocked: rows.filter((r) => r.progress === 'blocked'),
    failed: rows.filter((r) => r.progress === 'failed'),
  };
}

/**
 * The toast once a drain's requests have all answered (the progress card stays for the detail):
 * how many were evicted, which budgets blocked how many, how many failed; an error when the run
 * stopped as a whole (`failure`: a 403, the panel unreachable).
 */
export function drainToast(node: string, results: readonly EvictionResult[], failure: string | null): Toast {
  const href = `/nodes/${encodeURIComponent(node)}`;
  if (failure) return { tone: 'error', title: `The drain of node ${node} stopped`, description: failure, href };
  const evicted = results.filter((r) => r.state === 'evicted').length;
  const blocked = results.filter((r) => r.state === 'blocked');
  const failed = results.filter((r) => r.state === 'failed').length;
  const budgets = [...new Set(blocked.map((r) => r.pdb ?? 'a disruption budget'))];
  const parts = [
    `${evicted} pod${evicted === 1 ? '' : 's'} evicted`,
    ...(blocked.length ? [`${blocked.length} blocked by ${budgets.join(', ')}`] : []),
    ...(failed ? [`${failed} failed`] : []),
  ];
  const clean = blocked.length === 0 && failed === 0;
  return {
    tone: clean ? 'success' : 'error',
    title: clean ? `Node ${node} drained` : `Node ${node} is not fully drained`,
    description: `${parts.join(', ')}.${clean ? '' : ' The report on the node page can retry the blocked ones.'}`,
    href,
  };
}
