import { describe, expect, it } from 'vitest';
import type { EventRow, JobRow, PodRow, ResourceClaimRow, ViewDelta, WorkloadRow } from './views';
import {
  FULL_NAMESPACES,
  NO_NAMESPACES,
  filterDelta,
  isFullScope,
  keyVisible,
  rowVisible,
  viewAllowsNamespace,
  type ViewScope,
} from './view-scope';

const only = (...ns: string[]) => ({ all: false as const, namespaces: new Set(ns) });
const scope = (over: Partial<ViewScope> = {}): ViewScope => ({
  nodes: false,
  pods: only('team-a'),
  workloads: { Deployment: only('team-a'), StatefulSet: NO_NAMESPACES, DaemonSet: FULL_NAMESPACES },
  events: only('team-a'),
  jobs: only('team-a'),
  cronjobs: NO_NAMESPACES,
  deviceclasses: false,
  resourceslices: true,
  resourceclaims: only('team-a'),
  resourceclaimtemplates: NO_NAMESPACES,
  ...over,
});
const pod = (namespace: string, name: string) => ({ key: `${namespace}/${name}`, namespace, name }) as PodRow;
const workload = (kind: WorkloadRow['kind'], namespace: string, name: string) =>
  ({ key: `${kind}/${namespace}/${name}`, kind, namespace, name }) as WorkloadRow;

describe('jobs and cronjobs', () => {
  it('are visible by namespace, like pods', () => {
    const j = { key: 'team-a/j', namespace: 'team-a', name: 'j' } as JobRow;
    expect(rowVisible('jobs', j, scope())).toBe(true);
    expect(rowVisible('jobs', { ...j, namespace: 'team-b' }, scope())).toBe(false);
    expect(keyVisible('jobs', 'team-a/j', scope())).toBe(true);
    expect(keyVisible('cronjobs', 'team-a/c', scope())).toBe(false);
    expect(viewAllowsNamespace('cronjobs', scope({ cronjobs: FULL_NAMESPACES }), 'any')).toBe(true);
  });
});

describe('rowVisible / keyVisible', () => {
  it('limits pods and events to allowed namespaces', () => {
    const s = scope();
    expect(rowVisible('pods', pod('team-a', 'x'), s)).toBe(true);
    expect(rowVisible('pods', pod('team-b', 'x'), s)).toBe(false);
    expect(rowVisible('events', { key: 'team-b/e', namespace: 'team-b' } as EventRow, s)).toBe(false);
    expect(keyVisible('pods', 'team-a/x', s)).toBe(true);
    expect(keyVisible('pods', 'team-b/x', s)).toBe(false);
    expect(keyVisible('events', 'cluster-scoped-event', s)).toBe(false);
  });
  it('decides workloads per kind', () => {
    const s = scope();
    expect(rowVisible('workloads', workload('Deployment', 'team-a', 'api'), s)).toBe(true);
    expect(rowVisible('workloads', workload('StatefulSet', 'team-a', 'db'), s)).toBe(false);
    expect(rowVisible('workloads', workload('DaemonSet', 'kube-system', 'proxy'), s)).toBe(true);
    expect(keyVisible('workloads', 'Deployment/team-b/api', s)).toBe(false);
    expect(keyVisible('workloads', 'DaemonSet/any/x', s)).toBe(true);
    expect(keyVisible('workloads', 'Bogus/team-a/x', s)).toBe(false);
    expect(keyVisible('workloads', 'Deployment/team-a', s)).toBe(false);
  });
  it('shows nodes only with the cluster-wide right', () => {
    expect(keyVisible('nodes', 'gpu-node-1', scope())).toBe(false);
    expect(keyVisible('nodes', 'gpu-node-1', scope({ nodes: true }))).toBe(true);
  });
});

describe('filterDelta', () => {
  it('keeps the revision range and drops what the user cannot see', () => {
    const d: ViewDelta = {
      view: 'pods',
      epoch: 'e',
      from: 4,
      to: 7,
      upserts: [pod('team-a', 'a'), pod('team-b', 'b')],
      deletes: ['team-a/gone', 'team-b/secret-name'],
    };
    const out = filterDelta(d, scope());
    expect(out).toMatchObject({ view: 'pods', epoch: 'e', from: 4, to: 7, deletes: ['team-a/gone'] });
    expect(out.upserts.map((r) => r.key)).toEqual(['team-a/a']);
  });
});

describe('isFullScope', () => {
  it('is true only when everything is allowed', () => {
    const all: ViewScope = {
      nodes: true,
      pods: FULL_NAMESPACES,
      events: FULL_NAMESPACES,
      jobs: FULL_NAMESPACES,
      cronjobs: FULL_NAMESPACES,
      workloads: { Deployment: FULL_NAMESPACES, StatefulSet: FULL_NAMESPACES, DaemonSet: FULL_NAMESPACES },
      deviceclasses: true,
      resourceslices: true,
      resourceclaims: FULL_NAMESPACES,
      resourceclaimtemplates: FULL_NAMESPACES,
    };
    expect(isFullScope(all)).toBe(true);
    expect(isFullScope({ ...all, resourceclaims: only('x') })).toBe(false);
    expect(isFullScope({ ...all, resourceslices: false })).toBe(false);
    expect(isFullScope({ ...all, nodes: false })).toBe(false);
    expect(isFullScope({ ...all, cronjobs: only('x') })).toBe(false);
    expect(isFullScope({ ...all, workloads: { ...all.workloads, DaemonSet: only('x') } })).toBe(false);
  });
});

describe('DRA views', () => {
  const claim = (namespace: string, name: string) =>
    ({ key: `${namespace}/${name}`, namespace, name }) as ResourceClaimRow;
  it('filters claims by namespace like pods, and slices and classes all or nothing like nodes', () => {
    expect(rowVisible('resourceclaims', claim('team-a', 'c'), scope())).toBe(true);
    expect(rowVisible('resourceclaims', claim('team-b', 'c'), scope())).toBe(false);
    expect(keyVisible('resourceclaims', 'team-b/c', scope())).toBe(false);
    expect(keyVisible('resourceclaimtemplates', 'team-a/t', scope())).toBe(false);
    expect(keyVisible('resourceslices', 'gpu-dra-1-gpu.nvidia.com', scope())).toBe(true);
    expect(keyVisible('deviceclasses', 'gpu.nvidia.com', scope())).toBe(false);
  });
});

describe('viewAllowsNamespace', () => {
  it('answers per namespace as kubectl get -n would, empty namespaces included; workloads if any kind', () => {
    const s = scope();
    expect(viewAllowsNamespace('pods', s, 'team-a')).toBe(true);
    expect(viewAllowsNamespace('pods', s, 'team-b')).toBe(false);
    expect(viewAllowsNamespace('events', s, 'team-b')).toBe(false);
    // DaemonSets may be listed everywhere, so every namespace has workloads to list.
    expect(viewAllowsNamespace('workloads', s, 'team-b')).toBe(true);
    const noDaemonSets = scope({
      workloads: { Deployment: only('team-a'), StatefulSet: NO_NAMESPACES, DaemonSet: NO_NAMESPACES },
    });
    expect(viewAllowsNamespace('workloads', noDaemonSets, 'team-a')).toBe(true);
    expect(viewAllowsNamespace('workloads', noDaemonSets, 'team-b')).toBe(false);
    expect(viewAllowsNamespace('resourceclaimtemplates', s, 'team-a')).toBe(false);
    expect(viewAllowsNamespace('nodes', s, 'team-a')).toBe(false);
    expect(viewAllowsNamespace('resourceslices', s, 'anything')).toBe(true);
  });
});
