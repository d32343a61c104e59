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

/**
 * CronJob `nightly`: suspended and scheduled for 1 January, so it never starts a Job by itself;
 * "run now" makes one whose single pod kwok completes (its pod-complete stage handles pods owned
 * by a Job). `gpus` puts a whole-GPU request on the pod.
 */
export function nightlyCronJob(namespace: string, name = 'nightly', o: { suspend?: boolean; gpus?: number } = {}) {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name, namespace },
    spec: {
      schedule: '0 0 1 1 *',
      suspend: o.suspend ?? true,
      jobTemplate: {
        metadata: { labels: { app: name } },
        spec: {
          backoffLimit: 0,
          template: {
            metadata: { labels: { app: name } },
            spec: {
              restartPolicy: 'Never',
              containers: [
                {
                  name: 'main',
                  image: 'registry.local/batch:1',
                  ...(o.gpus ? { resources: { limits: { 'nvidia.com/gpu': String(o.gpus) } } } : {}),
                },
              ],
            },
          },
        },
      },
    },
  };
}
