import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import type { Node } from '../../kube-types';
import { RESOURCES } from '../../kube-resources';
import { drainDecision, refusal, type DrainConsent, type DrainPod } from '../../drain/plan';
import { drainPreview, type DrainPdb, type DrainPreview } from '../../drain/preview';
import { blockedMessage, blockingPdb, type EvictionResult } from '../../drain/outcome';
import { audited } from '../audit/record';
import { HttpError } from '../errors/http-error';
import { KubeError } from '../kube/errors';
import { kubeRequest, resourcePath } from '../kube/transport';
import { mapLimit } from '../map-limit';
import { nodeState, nodeTarget, setUnschedulable, type NodeState } from './node-edit';

type List<T> = { items: T[] };
/** Who acts: the route context's user, session and credentials. */
interface Actor {
  user: { username: string; groups: string[] };
  session: { sid: string };
  kube: () => KubeConfig;
}

async function readNode(kc: KubeConfig, name: string, signal?: AbortSignal): Promise<Node> {
  try {
    return await kubeRequest<Node>(kc, resourcePath(RESOURCES.nodes, { name }), { signal });
  } catch (e) {
    if (e instanceof KubeError && e.code === 'NOT_FOUND')
      throw new HttpError(404, 'NOT_FOUND', `node "${name}" not found`, 'name');
    throw e;
  }
}

/**
 * The drain preview of node `name`, read with the user's credentials: the node, its pods (a
 * cluster-wide list by spec.nodeName), every node (where replacements could go) and the budgets.
 * Budgets the user may not list leave the preview without them (`pdbsKnown` false), not failed.
 */
export async function readDrainPreview(kc: KubeConfig, name: string, signal?: AbortSignal): Promise<DrainPreview> {
  const node = await readNode(kc, name, signal);
  const [pods, nodes, pdbs] = await Promise.all([
    kubeRequest<List<DrainPod>>(kc, resourcePath(RESOURCES.pods), {
      query: { fieldSelector: `spec.nodeName=${name}` },
      signal,
    }),
    kubeRequest<List<Node>>(kc, resourcePath(RESOURCES.nodes), { signal }),
    kubeRequest<List<DrainPdb>>(kc, resourcePath(RESOURCES.poddisruptionbudgets), { signal }).catch((e: unknown) => {
      if (e instanceof KubeError && e.code === 'FORBIDDEN') return null;
      throw e;
    }),
  ]);
  return drainPreview(node, pods.items, nodes.items, pdbs?.items ?? null);
}

/** One pod the browser asks to evict, by the uid it was previewed with. */
export interface EvictionRequest {
  namespace: string;
  name: string;
  uid: string;
}

async function evictOne(
  who: Actor,
  nodeName: string,
  req: EvictionRequest,
  consent: DrainConsent,
  signal?: AbortSignal,
): Promise<EvictionResult> {
  const kc = who.kube();
  const base = { namespace: req.namespace, name: req.name, uid: req.uid };
  const podPath = resourcePath(RESOURCES.pods, { namespace: req.namespace, name: req.name });
  let pod: DrainPod;
  try {
    pod = await kubeRequest<DrainPod>(kc, podPath, { signal });
  } catch (e) {
    if (e instanceof KubeError && e.code === 'NOT_FOUND')
      return { ...base, state: 'gone', message: 'the pod no longer exists' };
    return { ...base, state: 'failed', message: e instanceof Error ? e.message : String(e) };
  }
  if (pod.metadata.uid !== req.uid)
    return { ...base, state: 'gone', message: 'the pod was replaced by another of the same name since the preview' };
  if (pod.spec.nodeName !== nodeName)
    return { ...base, state: 'gone', message: `the pod is on node ${pod.spec.nodeName ?? '(none)'}, not ${nodeName}` };
  const why = refusal(drainDecision(pod), consent);
  if (why) return { ...base, state: 'skipped', message: why };
  const target = { kind: 'Pod', apiVersion: 'v1', namespace: req.namespace, name: req.name };
  try {
    await audited(who, { action: 'evict', target, message: `evict (drain node ${nodeName})` }, () =>
      kubeRequest(
        kc,
        resourcePath(RESOURCES.pods, { namespace: req.namespace, name: req.name, subresource: 'eviction' }),
        {
          method: 'POST',
          // An Eviction is not stored: there is no field to manage.
          fieldManager: null,
          signal,
          body: {
            apiVersion: 'policy/v1',
            kind: 'Eviction',
            metadata: { name: req.name, namespace: req.namespace },
            // Only this pod: a replacement of the same name (a StatefulSet's) is not evicted by mistake.
            deleteOptions: { preconditions: { uid: req.uid } },
          },
        },
      ),
    );
    return { ...base, state: 'evicted', message: 'eviction accepted; the pod is terminating' };
  } catch (e) {
    if (!(e instanceof KubeError))
      return { ...base, state: 'failed', message: e instanceof Error ? e.message : String(e) };
    if (e.code === 'TOO_MANY_REQUESTS') {
      const pdb = blockingPdb(e.message, e.causes);
      return { ...base, state: 'blocked', message: blockedMessage(e.message, e.causes), ...(pdb ? { pdb } : {}) };
    }
    if (e.code === 'NOT_FOUND') return { ...base, state: 'gone', message: 'the pod no longer exists' };
    if (e.code === 'CONFLICT') return { ...base, state: 'gone', message: `the pod changed: ${e.message}` };
    return { ...base, state: 'failed', message: e.message };
  }
}

/** How many evictions one request sends at once. */
const PARALLEL = 4;

/**
 * Drains `pods` of node `name` with the user's credentials: cordons the node first when it is not
 * (audited as a cordon; a user who may not is a 403 before any eviction), then evicts each pod
 * through the Eviction API so PodDisruptionBudgets decide, re-checking on the live pod what the
 * preview decided (a DaemonSet pod, or one the consent does not cover, is skipped). Each eviction
 * is audited. Nothing outlives the request: when the client goes away, no further eviction starts.
 */
export async function drainPods(
  who: Actor,
  name: string,
  pods: readonly EvictionRequest[],
  consent: DrainConsent,
  signal?: AbortSignal,
): Promise<{ node: NodeState; cordoned: boolean; results: EvictionResult[] }> {
  const kc = who.kube();
  let node = nodeState(await readNode(kc, name, signal));
  let cordoned = false;
  if (!node.unschedulable) {
    node = await audited(who, { action: 'cordon', target: nodeTarget(name), message: 'cordon (drain)' }, () =>
      setUnschedulable(kc, name, true, signal),
    );
    cordoned = true;
  }
  const results = await mapLimit(pods, PARALLEL, (p) => {
    if (signal?.aborted)
      return Promise.resolve<EvictionResult>({ ...p, state: 'failed', message: 'not sent: the request was cancelled' });
    return evictOne(who, name, p, consent, signal);
  });
  return { node, cordoned, results };
}
