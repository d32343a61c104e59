/**
 * A drain scene of its own, for integration and e2e tests: two kwok nodes (the devcluster's are
 * shared) tainted so that no other test's pod lands there, and on them
 * - Deployment `web`, 2 replicas spread one per node, guarded by PDB `web` (minAvailable 2), so
 *   evicting the one on the drained node is refused (429);
 * - Deployment `solo`, 1 replica on the drained node, no budget: evicted;
 * - Deployment `scratch`, 1 replica with an emptyDir on the drained node: evicted only with consent;
 * - DaemonSet `agent` on both nodes: left.
 */
export interface DrainScene {
  namespace: string;
  /** The node that is drained, and the one `web`'s second replica runs on. */
  node: string;
  spare: string;
  taintKey: string;
  manifests: object[];
}

/** The scene's manifests, named after `id` (unique per test run). */
export function drainScene(id: string): DrainScene {
  const namespace = `drain-${id}`;
  const node = `drain-${id}-a`;
  const spare = `drain-${id}-b`;
  const taintKey = 'e2e.imagepod.io/drain-test';
  const group = { 'e2e.imagepod.io/drain-test': id };
  const tolerations = [{ key: taintKey, operator: 'Equal', value: id, effect: 'NoSchedule' }];
  const kwokNode = (name: string) => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'kwok.x-k8s.io/node': 'fake' },
      labels: { type: 'kwok', 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', ...group },
    },
    spec: { taints: [{ key: taintKey, value: id, effect: 'NoSchedule' }] },
    status: {
      capacity: { cpu: '8', memory: '32Gi', pods: '110' },
      allocatable: { cpu: '8', memory: '32Gi', pods: '110' },
    },
  });
  const deployment = (name: string, replicas: number, spec: object) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { tolerations, containers: [{ name: 'main', image: 'registry.local/sleep:1' }], ...spec },
      },
    },
  });
  const onDrained = { nodeSelector: { 'kubernetes.io/hostname': node } };
  return {
    namespace,
    node,
    spare,
    taintKey,
    manifests: [
      kwokNode(node),
      kwokNode(spare),
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } },
      deployment('web', 2, {
        nodeSelector: group,
        topologySpreadConstraints: [
          {
            maxSkew: 1,
            topologyKey: 'kubernetes.io/hostname',
            whenUnsatisfiable: 'DoNotSchedule',
            labelSelector: { matchLabels: { app: 'web' } },
          },
        ],
      }),
      {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: { name: 'web', namespace },
        spec: { minAvailable: 2, selector: { matchLabels: { app: 'web' } } },
      },
      deployment('solo', 1, onDrained),
      deployment('scratch', 1, { ...onDrained, volumes: [{ name: 'cache', emptyDir: {} }] }),
      {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: { name: 'agent', namespace },
        spec: {
          selector: { matchLabels: { app: 'agent' } },
          template: {
            metadata: { labels: { app: 'agent' } },
            spec: {
              nodeSelector: group,
              tolerations,
              containers: [{ name: 'main', image: 'registry.local/sleep:1' }],
            },
          },
        },
      },
    ],
  };
}
