import { describe, expect, it } from 'vitest';
import {
  CACHED_RESOURCES,
  RESOURCES,
  WORKLOAD_KIND_OF,
  WORKLOAD_RESOURCES,
  apiVersionOf,
  isWorkloadKind,
  resourceOf,
} from './kube-resources';

describe('the resource table', () => {
  it('derives the cached and workload sets from its entries', () => {
    expect(CACHED_RESOURCES).toEqual([
      'nodes',
      'pods',
      'deployments',
      'statefulsets',
      'daemonsets',
      'replicasets',
      'events',
      'namespaces',
      'jobs',
      'cronjobs',
      'deviceclasses',
      'resourceslices',
      'resourceclaims',
      'resourceclaimtemplates',
    ]);
    expect(WORKLOAD_RESOURCES).toEqual({
      Deployment: 'deployments',
      StatefulSet: 'statefulsets',
      DaemonSet: 'daemonsets',
    });
    expect(WORKLOAD_KIND_OF.statefulsets).toBe('StatefulSet');
    expect(isWorkloadKind('DaemonSet')).toBe(true);
    expect(isWorkloadKind('ReplicaSet')).toBe(false);
  });

  it('finds a resource by apiVersion and kind, telling same-named kinds of two groups apart', () => {
    expect(resourceOf('v1', 'Event')).toBe(RESOURCES.events);
    expect(resourceOf('events.k8s.io/v1', 'Event')).toBe(RESOURCES['events.events.k8s.io']);
    expect(resourceOf('apps/v1', 'Pod')).toBeUndefined();
    expect(apiVersionOf(RESOURCES.ingresses)).toBe('networking.k8s.io/v1');
  });

  it('expresses a group that may be absent and cluster-scoped kinds (DRA)', () => {
    expect(RESOURCES.deviceclasses).toMatchObject({
      group: 'resource.k8s.io',
      version: 'v1',
      namespaced: false,
      optional: true,
    });
    expect(RESOURCES.resourceclaimtemplates).toMatchObject({ namespaced: true, optional: true });
    expect('optional' in RESOURCES.pods).toBe(false);
  });
});
