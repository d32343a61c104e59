/**
 * One node's GPU model from its inputs, memoised per node object: the watch cache hands out the
 * same node, slice and claim objects until they change, so a rebuild after one pod changed
 * recomputes only the nodes whose inputs differ. Outputs are shared between builds: read-only.
 */
import type { Node } from '../kube-types';
import type { DraDevice } from './dra-devices';
import { draGpus } from './dra-gpus';
import type { ResourceClaim, ResourceSlice } from './dra-types';
import type { ClaimRef, Holder, NodeGpuModel, PhysicalCount, PhysicalGpu } from './model-types';
import { pluginGpus } from './plugin-gpus';
import { nodeGpuSides, resourceViews, summarize } from './plugin-resources';
import { refKey } from './pod-requests';

export type Requests = Map<string, { holder: Holder; count: number }[]>;

export interface NodeInputs {
  node: Node;
  /** Per resource, what bound pods request, sorted by pod. */
  requests: Requests;
  devices: readonly DraDevice[];
  /** The slice objects behind `devices`, and the claims holding them: the memo's key with `node`. */
  slices: readonly ResourceSlice[];
  claims: readonly ResourceClaim[];
  claimRefs: ClaimRef[];
  held: ReadonlyMap<string, Holder[]>;
  sliceWarnings: readonly string[];
}

function physicalCount(gpus: readonly PhysicalGpu[], estimated: boolean): PhysicalCount {
  const byProduct: Record<string, number> = {};
  let free = 0;
  for (const g of gpus) {
    const p = g.product ?? 'unknown';
    byProduct[p] = (byProduct[p] ?? 0) + 1;
    if (g.state === 'free') free++;
  }
  return { total: gpus.length, free, byProduct, estimated };
}

/** A string that changes when any pod's request on the node does. */
function signature(requests: Requests): string {
  let sig = '';
  for (const [resource, list] of requests) {
    sig += `${resource}=`;
    for (const h of list) sig += `${h.holder.pod ? refKey(h.holder.pod) : ''}*${h.count},`;
    sig += ';';
  }
  return sig;
}

const same = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

interface Memo { slices: readonly ResourceSlice[]; claims: readonly ResourceClaim[]; sig: string; warnings: string; model: NodeGpuModel }
const memo = new WeakMap<Node, Memo>();

/** The GPU model of one node. */
export function nodeGpuModel(i: NodeInputs): NodeGpuModel {
  const sig = signature(i.requests);
  const warnings = i.sliceWarnings.join('\n');
  const hit = memo.get(i.node);
  if (hit && hit.sig === sig && hit.warnings === warnings && same(hit.slices, i.slices) && same(hit.claims, i.claims)) return hit.model;

  const n = i.node;
  const gpuLabels = nodeGpuSides(n).labels;
  const views = resourceViews(n, i.requests);
  const plugin = pluginGpus(views, gpuLabels);
  const dra = draGpus(i.devices, i.held);
  const gpus = [...plugin.gpus, ...dra.gpus];
  const ready = n.status?.conditions?.find((c) => c.type === 'Ready');
  const model: NodeGpuModel = {
    node: n.metadata.name,
    ready: ready ? (ready.status === 'True' ? true : ready.status === 'False' ? false : null) : null,
    unschedulable: Boolean(n.spec?.unschedulable),
    labels: n.metadata.labels ?? {}, taints: n.spec?.taints ?? [],
    migStrategy: gpuLabels.migStrategy ?? (views.some((v) => v.kind === 'mig' || v.profile) ? 'mixed' : null),
    sharing: gpuLabels.sharing ?? (plugin.gpus.some((g) => g.sharing) ? 'time-slicing' : null),
    physical: physicalCount(gpus, plugin.estimated), gpus,
    summaries: [...views.map(summarize), ...dra.summaries],
    claims: i.claimRefs,
    warnings: [...plugin.warnings, ...dra.warnings, ...i.sliceWarnings],
  };
  memo.set(n, { slices: i.slices, claims: i.claims, sig, warnings, model });
  return model;
}
