import { describe, expect, it } from 'vitest';
import type { KubeObject } from './kube-types';
import { ownerChain, toPodDetail, type PodWire } from './pod-detail';

const meta = (name: string, owner?: { kind: string; name: string; controller?: boolean }) => ({
  name,
  namespace: 'team-a',
  uid: `uid-${name}`,
  ownerReferences: owner ? [{ apiVersion: 'v1', uid: 'x', controller: true, ...owner }] : undefined,
});

const pod: PodWire = {
  metadata: { ...meta('web-1'), annotations: { a: 'b' } },
  spec: {
    nodeName: 'kwok-0',
    restartPolicy: 'Always',
    serviceAccountName: 'web',
    initContainers: [
      { name: 'migrate', image: 'db:1', command: ['migrate'], args: ['up'] },
      { name: 'proxy', image: 'envoy:1', restartPolicy: 'Always', ports: [{ containerPort: 9901, name: 'admin' }] },
    ],
    containers: [
      {
        name: 'main',
        image: 'web:2',
        resources: {
          requests: { cpu: '1', 'nvidia.com/gpu': '1', 'nvidia.com/mig-1g.10gb': '2' },
          limits: { 'nvidia.com/gpu': '1', memory: '1Gi' },
          claims: [{ name: 'gpu' }, { name: 'shared', request: 'r0' }],
        },
        ports: [{ containerPort: 8080, protocol: 'TCP' }],
        livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 5 },
        readinessProbe: { tcpSocket: { port: 'http' }, initialDelaySeconds: 2, failureThreshold: 1, timeoutSeconds: 3 },
        startupProbe: { exec: { command: ['cat', '/ready'] } },
        volumeMounts: [{ name: 'data', mountPath: '/data', readOnly: true }],
      },
    ],
    volumes: [
      { name: 'data', persistentVolumeClaim: { claimName: 'web-data' } },
      { name: 'tls', secret: { secretName: 'web-tls' } },
      { name: 'cfg', configMap: { name: 'web-cfg' } },
      { name: 'tmp', emptyDir: {} },
    ],
  },
  status: {
    phase: 'Running',
    qosClass: 'Burstable',
    conditions: [{ type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'main not ready' }],
    initContainerStatuses: [
      {
        name: 'migrate',
        ready: false,
        restartCount: 0,
        state: { terminated: { reason: 'Completed', exitCode: 0, finishedAt: '2026-01-01T00:00:10Z' } },
      },
      { name: 'proxy', ready: true, restartCount: 0, started: true, state: { running: { startedAt: 't0' } } },
    ],
    containerStatuses: [
      {
        name: 'main',
        ready: false,
        restartCount: 4,
        state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s' } },
        lastState: { terminated: { reason: 'Error', exitCode: 137, signal: 9, finishedAt: 't1', message: 'OOM' } },
      },
    ],
  },
};

describe('toPodDetail', () => {
  it('orders init, sidecar and regular containers, each with its own status', () => {
    const d = toPodDetail(pod);
    expect(d.containers.map((c) => [c.name, c.role, c.state.state])).toEqual([
      ['migrate', 'init', 'terminated'],
      ['proxy', 'sidecar', 'running'],
      ['main', 'container', 'waiting'],
    ]);
    expect(d.containers[0]!.command).toEqual(['migrate', 'up']);
    expect(d.containers[0]!.state).toMatchObject({ reason: 'Completed', exitCode: 0, at: '2026-01-01T00:00:10Z' });
  });

  it('keeps the state reason, the last termination with its exit code, and the restarts', () => {
    const main = toPodDetail(pod).containers[2]!;
    expect(main.state).toMatchObject({ state: 'waiting', reason: 'CrashLoopBackOff', message: 'back-off 40s' });
    expect(main.lastTermination).toEqual({
      state: 'terminated',
      reason: 'Error',
      message: 'OOM',
      exitCode: 137,
      signal: 9,
      at: 't1',
    });
    expect(main.restarts).toBe(4);
    expect(toPodDetail(pod).containers[1]!.lastTermination).toBeNull();
  });

  it('names the GPU unit resources and the DRA claims of a container', () => {
    const main = toPodDetail(pod).containers[2]!;
    expect(main.gpuResources).toEqual(['nvidia.com/gpu', 'nvidia.com/mig-1g.10gb']);
    expect(main.claims).toEqual(['gpu', 'shared/r0']);
    expect(main.requests.cpu).toBe('1');
    expect(main.limits.memory).toBe('1Gi');
  });

  it('spells out probes with Kubernetes defaults, ports and mounts', () => {
    const main = toPodDetail(pod).containers[2]!;
    expect(main.probes).toEqual([
      { kind: 'startup', action: 'exec cat /ready', timing: 'delay 0s · every 10s · timeout 1s · 3 failures' },
      { kind: 'liveness', action: 'GET http://:8080/healthz', timing: 'delay 0s · every 5s · timeout 1s · 3 failures' },
      { kind: 'readiness', action: 'TCP :http', timing: 'delay 2s · every 10s · timeout 3s · 1 failures' },
    ]);
    expect(main.ports).toEqual([{ containerPort: 8080, name: null, protocol: 'TCP' }]);
    expect(main.mounts).toEqual([{ name: 'data', mountPath: '/data', readOnly: true }]);
  });

  it('names each volume by its source type and what it points at', () => {
    expect(toPodDetail(pod).volumes).toEqual([
      { name: 'data', type: 'persistentVolumeClaim', source: 'web-data' },
      { name: 'tls', type: 'secret', source: 'web-tls' },
      { name: 'cfg', type: 'configMap', source: 'web-cfg' },
      { name: 'tmp', type: 'emptyDir', source: null },
    ]);
  });

  it('a pod without status is Unknown with containers in state unknown', () => {
    const d = toPodDetail({ metadata: meta('bare'), spec: { containers: [{ name: 'c' }] } });
    expect(d.phase).toBe('Unknown');
    expect(d.containers[0]).toMatchObject({ ready: false, restarts: 0, state: { state: 'unknown' }, image: '' });
    expect(d.conditions).toEqual([]);
  });
});

describe('ownerChain', () => {
  const rs: KubeObject = { metadata: meta('web-5d8f', { kind: 'Deployment', name: 'web' }) };
  const lookup = (kind: string, name: string) => (kind === 'ReplicaSet' && name === 'web-5d8f' ? rs : undefined);

  it('resolves a ReplicaSet to its Deployment; each workload kind marked for its page', () => {
    const p = { metadata: meta('web-5d8f-x', { kind: 'ReplicaSet', name: 'web-5d8f' }) };
    expect(ownerChain(p, lookup)).toEqual([
      { kind: 'ReplicaSet', name: 'web-5d8f', workload: null },
      { kind: 'Deployment', name: 'web', workload: 'Deployment' },
    ]);
  });

  it('stops at an owner it cannot look up, and a bare pod has none', () => {
    const p = { metadata: meta('web-x', { kind: 'ReplicaSet', name: 'gone' }) };
    expect(ownerChain(p, lookup)).toEqual([{ kind: 'ReplicaSet', name: 'gone', workload: null }]);
    expect(ownerChain({ metadata: meta('bare') }, lookup)).toEqual([]);
    expect(ownerChain({ metadata: meta('db-0', { kind: 'StatefulSet', name: 'db' }) }, lookup)).toEqual([
      { kind: 'StatefulSet', name: 'db', workload: 'StatefulSet' },
    ]);
  });

  it('prefers the controller reference, and ends a loop of owners after max steps', () => {
    const p: KubeObject = {
      metadata: {
        ...meta('p'),
        ownerReferences: [
          { apiVersion: 'v1', kind: 'Node', name: 'n', uid: '1' },
          { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'ds', uid: '2', controller: true },
        ],
      },
    };
    expect(ownerChain(p, () => undefined)).toEqual([{ kind: 'DaemonSet', name: 'ds', workload: 'DaemonSet' }]);
    const loop: KubeObject = { metadata: meta('a', { kind: 'ReplicaSet', name: 'a' }) };
    expect(ownerChain(loop, () => loop, 3)).toHaveLength(3);
  });
});
