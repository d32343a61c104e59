/**
 * Manifests shared by integration and e2e tests.
 */

/**
 * A GPU worker DaemonSet like the bundle's (manifests/imagepod/52-gpu-worker.yaml): it selects
 * accelerator=nvidia-tesla-gpu nodes and tolerates the GPU taint.
 */
export function gpuWorkerDaemonSet(namespace: string, name = 'gpu-worker') {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace },
    spec: {
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          nodeSelector: { accelerator: 'nvidia-tesla-gpu' },
          tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
          containers: [{ name: 'worker', image: 'registry.example/gpu-worker:1' }],
        },
      },
    },
  };
}

/** A one-replica Deployment `web` of the devcluster's sleep image (kwok runs it; no GPUs). */
export function webDeployment(namespace: string, name = 'web') {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'main', image: 'registry.local/sleep:1' }] },
      },
    },
  };
}
