import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import type { Node, Taint } from '../../kube-types';
import { planLabelEdits, type LabelChange, type LabelEdit } from '../../label-validation';
import { sameTaints, stampTimeAdded, taintPatch } from '../../taints';
import { panelFieldManager, type PanelAction } from '../../field-manager/field-manager';
import { HttpError } from '../errors/http-error';
import { KubeError } from '../kube/errors';
import { RESOURCES } from '../../kube-resources';
import { kubeRequest, resourcePath } from '../kube/transport';

/** What an edit of a node answers with: the node as it is after the edit (or on a conflict, now). */
export interface NodeState {
  name: string;
  resourceVersion: string;
  labels: Record<string, string>;
  taints: Taint[];
  unschedulable: boolean;
}

export function nodeState(n: Node): NodeState {
  return {
    name: n.metadata.name,
    resourceVersion: n.metadata.resourceVersion ?? '',
    labels: n.metadata.labels ?? {},
    taints: n.spec?.taints ?? [],
    unschedulable: Boolean(n.spec?.unschedulable),
  };
}

/** Edits as kubectl writes them: `key=value` sets, `key-` removes. */
export function labelEditsText(edits: readonly LabelEdit[]): string {
  return edits.map((e) => (e.op === 'set' ? `${e.key}=${e.value}` : `${e.key}-`)).join(' ');
}

export const nodeTarget = (name: string) => ({ kind: 'Node', apiVersion: 'v1', name });
const nodePath = (name: string) => resourcePath(RESOURCES.nodes, { name });

/** A Kubernetes 404 as the panel's 404 naming the input field that held the node's name. */
async function namedNotFound<T>(field: string, name: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (e instanceof KubeError && e.code === 'NOT_FOUND')
      throw new HttpError(404, 'NOT_FOUND', `node "${name}" not found`, field);
    throw e;
  }
}

function conflict(now: Node, seen: string, what: string, field: string): HttpError {
  const message =
    `Node ${now.metadata.name} was changed by someone else after you loaded it (resourceVersion ${seen}, now ${now.metadata.resourceVersion}). ` +
    `Reload to see its current ${what}, then make your edit again.`;
  return new HttpError(409, 'CONFLICT', message, field, undefined, { current: nodeState(now) });
}

/** Where a node edit reports its faults: `name`/`resourceVersion`, or `nodes.3.name`/`nodes.3.resourceVersion` in a bulk edit. */
export interface NodeFields {
  name: string;
  resourceVersion: string;
}

/**
 * Edits a node as it was at `resourceVersion`, with the caller's credentials. `plan` turns the
 * node into a merge patch (null: nothing to change). The patch carries the resourceVersion, so a
 * change made by anyone since then is a 409 with the node's current state, never overwritten.
 */
async function editNodeAt<T>(
  kc: KubeConfig,
  name: string,
  resourceVersion: string,
  what: Extract<PanelAction, 'labels' | 'taints'>,
  fields: NodeFields,
  plan: (n: Node) => { patch: { metadata?: object; spec?: object } | null; result: T },
  signal?: AbortSignal,
): Promise<{ node: NodeState; result: T; changed: boolean }> {
  const read = () => namedNotFound(fields.name, name, () => kubeRequest<Node>(kc, nodePath(name), { signal }));
  const node = await read();
  if (node.metadata.resourceVersion !== resourceVersion)
    throw conflict(node, resourceVersion, what, fields.resourceVersion);
  const { patch, result } = plan(node);
  if (!patch) return { node: nodeState(node), result, changed: false };
  try {
    const after = await kubeRequest<Node>(kc, nodePath(name), {
      method: 'PATCH',
      contentType: 'application/merge-patch+json',
      fieldManager: panelFieldManager(what),
      signal,
      body: { ...patch, metadata: { ...patch.metadata, resourceVersion } },
    });
    return { node: nodeState(after), result, changed: true };
  } catch (e) {
    if (e instanceof KubeError && e.code === 'CONFLICT')
      throw conflict(await read(), resourceVersion, what, fields.resourceVersion);
    throw e;
  }
}

/** Applies label edits to one node at `resourceVersion`; returns what changed there. */
export function editNodeLabels(
  kc: KubeConfig,
  name: string,
  edits: LabelEdit[],
  resourceVersion: string,
  fields: NodeFields,
  signal?: AbortSignal,
) {
  return editNodeAt<LabelChange[]>(
    kc,
    name,
    resourceVersion,
    'labels',
    fields,
    (n) => {
      const plan = planLabelEdits([n], edits)[0];
      return { patch: plan?.patch ?? null, result: plan?.changes ?? [] };
    },
    signal,
  );
}

/** Replaces one node's taints at `resourceVersion`; taints that stay keep their timeAdded, new NoExecute ones get one. */
export function setNodeTaints(
  kc: KubeConfig,
  name: string,
  taints: Taint[],
  resourceVersion: string,
  signal?: AbortSignal,
) {
  return editNodeAt<Taint[]>(
    kc,
    name,
    resourceVersion,
    'taints',
    { name: 'name', resourceVersion: 'resourceVersion' },
    (n) => {
      const next = stampTimeAdded(taints, n.spec?.taints, new Date());
      return { patch: sameTaints(next, n.spec?.taints) ? null : taintPatch(next), result: next };
    },
    signal,
  );
}

/** `kubectl cordon` / `uncordon`: marks the node (un)schedulable for new pods. */
export async function setUnschedulable(
  kc: KubeConfig,
  name: string,
  unschedulable: boolean,
  signal?: AbortSignal,
): Promise<NodeState> {
  const node = await namedNotFound('name', name, () =>
    kubeRequest<Node>(kc, nodePath(name), {
      method: 'PATCH',
      contentType: 'application/merge-patch+json',
      fieldManager: panelFieldManager(unschedulable ? 'cordon' : 'uncordon'),
      body: { spec: { unschedulable } },
      signal,
    }),
  );
  return nodeState(node);
}
