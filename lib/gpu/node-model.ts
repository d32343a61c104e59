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

/** True when both hold the same requests by the same pods, in the same order. */
function sameRequests(a: Requests, b: Requests): boolean {
  if (a.size !== b.size) return false;
  for (const [resource, x] of a) {
    const y = b.get(resource);
    if (!y || y.length !== x.length) return false;
    for (let i = 0; i < x.length; i++) {
      const p = x[i]!,
        q = y[i]!;
      if (
        p.count !== q.count ||
        p.holder.pod?.name !== q.holder.pod?.name ||
        p.holder.pod?.namespace !== q.holder.pod?.namespace
      )
        return false;
    }
  }
  return true;
}

const same = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

interface Memo {
  slices: readonly ResourceSlice[];
  claims: readonly ResourceClaim[];
  requests: Requests;
  warnings: readonly string[];
  model: NodeGpuModel;
}
const memo = new WeakMap<Node, Memo>();

/** The GPU model of one node. */
export function nodeGpuModel(i: NodeInputs): NodeGpuModel {
  const hit = memo.get(i.node);
  if (
    hit &&
    same(hit.slices, i.slices) &&
    same(hit.claims, i.claims) &&
    same(hit.warnings, i.sliceWarnings) &&
    sameRequests(hit.requests, i.requests)
  ) {
    return hit.model;
  }

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
    labels: n.metadata.labels ?? {},
    taints: n.spec?.taints ?? [],
    migStrategy: gpuLabels.migStrategy ?? (views.some((v) => v.kind === 'mig' || v.profile) ? 'mixed' : null),
    sharing: gpuLabels.sharing ?? (plugin.gpus.some((g) => g.sharing) ? 'time-slicing' : null),
    physical: physicalCount(gpus, plugin.estimated),
    gpus,
    summaries: [...views.map(summarize), ...dra.summaries],
    claims: i.claimRefs,
    warnings: [...plugin.warnings, ...dra.warnings, ...i.sliceWarnings],
  };
  memo.set(n, { slices: i.slices, claims: i.claims, requests: i.requests, warnings: i.sliceWarnings, model });
  return model;
}
