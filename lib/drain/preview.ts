/**
 * The drain preview: for each pod on the node, what the drain does with it, the
 * PodDisruptionBudgets that guard it (and whether they allow a disruption now), and the other
 * nodes the scheduler could put its replacement on (lib/placement.ts). Pure; the shapes cross the
 * wire to the confirmation dialog.
 */
import type { LabelSelector } from '../kube-types';
import { podPlacement, type PlacementNode } from '../placement';
import { drainDecision, localStorageVolumes, type DrainDecision, type DrainPod } from './plan';

/** What the drain reads of a PodDisruptionBudget (policy/v1). */
export interface DrainPdb {
  metadata: { name: string; namespace?: string };
  spec?: { selector?: LabelSelector | null };
  status?: { disruptionsAllowed?: number; currentHealthy?: number; desiredHealthy?: number };
}

/** A budget guarding a pod, as the preview shows it. */
export interface PdbRef {
  name: string;
  disruptionsAllowed: number;
  currentHealthy: number;
  desiredHealthy: number;
}

/** One pod of the node in the preview. */
export interface PreviewPod {
  namespace: string;
  name: string;
  uid: string;
  owner: { kind: string; name: string } | null;
  decision: DrainDecision;
  /** Its emptyDir volumes. */
  localStorage: string[];
  pdbs: PdbRef[];
  /** Nodes its replacement could be scheduled on (at most MAX_CANDIDATES named). */
  candidates: string[];
  candidateCount: number;
  /** When no node fits: why, for a few nodes. */
  noFit: { node: string; reasons: string[] }[];
}

/** What a drain of `node` would do. */
export interface DrainPreview {
  node: string;
  unschedulable: boolean;
  pods: PreviewPod[];
  /** False when the user may not list PodDisruptionBudgets: blocks show up only when evicting. */
  pdbsKnown: boolean;
}

export const MAX_CANDIDATES = 8;

/** metav1.LabelSelector matching; in policy/v1 an empty selector selects every pod of the namespace. */
export function selectorMatches(s: LabelSelector | null | undefined, labels: Record<string, string> = {}): boolean {
  if (!s) return false;
  const has = (k: string) => Object.prototype.hasOwnProperty.call(labels, k);
  for (const [k, v] of Object.entries(s.matchLabels ?? {})) if (!has(k) || labels[k] !== v) return false;
  for (const e of s.matchExpressions ?? []) {
    const vals = e.values ?? [];
    const ok =
      e.operator === 'In'
        ? has(e.key) && vals.includes(labels[e.key]!)
        : e.operator === 'NotIn'
          ? !has(e.key) || !vals.includes(labels[e.key]!)
          : e.operator === 'Exists'
            ? has(e.key)
            : e.operator === 'DoesNotExist'
              ? !has(e.key)
              : false;
    if (!ok) return false;
  }
  return true;
}

/** The budgets of the pod's namespace whose selector picks the pod. */
export function pdbsCovering(pod: DrainPod, pdbs: readonly DrainPdb[]): PdbRef[] {
  return pdbs
    .filter(
      (b) => b.metadata.namespace === pod.metadata.namespace && selectorMatches(b.spec?.selector, pod.metadata.labels),
    )
    .map((b) => ({
      name: b.metadata.name,
      disruptionsAllowed: b.status?.disruptionsAllowed ?? 0,
      currentHealthy: b.status?.currentHealthy ?? 0,
      desiredHealthy: b.status?.desiredHealthy ?? 0,
    }));
}

const collator = new Intl.Collator('en', { numeric: true });

/** The preview of draining `node` holding `pods`, among `nodes`, guarded by `pdbs` (null: unknown). */
export function drainPreview(
  node: PlacementNode,
  pods: readonly DrainPod[],
  nodes: readonly PlacementNode[],
  pdbs: readonly DrainPdb[] | null,
): DrainPreview {
  const others = nodes
    .filter((n) => n.metadata.name !== node.metadata.name)
    .sort((a, b) => collator.compare(a.metadata.name, b.metadata.name));
  const out = pods.map((p): PreviewPod => {
    const decision = drainDecision(p);
    const ctrl = (p.metadata.ownerReferences ?? []).find((o) => o.controller);
    const moves = decision.action !== 'skip';
    const placed = moves ? others.map((n) => ({ node: n.metadata.name, p: podPlacement(n, p.spec) })) : [];
    const fits = placed.filter((x) => x.p.shouldRun).map((x) => x.node);
    return {
      namespace: p.metadata.namespace ?? '',
      name: p.metadata.name,
      uid: p.metadata.uid,
      owner: ctrl ? { kind: ctrl.kind, name: ctrl.name } : null,
      decision,
      localStorage: localStorageVolumes(p),
      pdbs: pdbs ? pdbsCovering(p, pdbs) : [],
      candidates: fits.slice(0, MAX_CANDIDATES),
      candidateCount: fits.length,
      noFit: moves && fits.length === 0 ? placed.slice(0, 3).map((x) => ({ node: x.node, reasons: x.p.reasons })) : [],
    };
  });
  out.sort((a, b) => collator.compare(a.namespace, b.namespace) || collator.compare(a.name, b.name));
  return {
    node: node.metadata.name,
    unschedulable: Boolean(node.spec?.unschedulable),
    pods: out,
    pdbsKnown: pdbs !== null,
  };
}
