import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pod } from '@/lib/kube-types';
import {
  KUBECONFIG,
  TestUsers,
  apply,
  callRoute,
  createNamespace,
  eventually,
  kubectl,
  kubectlJson,
  signIn,
  uniqueName,
} from './helpers';

// The route reads the process-wide cache; point it at the devcluster before first use.
process.env.KUBECONFIG = KUBECONFIG;
delete process.env.KUBERNETES_SERVICE_HOST;

const { POST: where } = await import('@/app/api/gpus/where/route');

/**
 * "Where can this run?" (POST /api/gpus/where) against the REAL scheduler: for each request the
 * route names the nodes where it fits now; a pod with the same request must land on one of them,
 * and stay Pending when the route says it fits nowhere. Then hostile bodies get clear 4xx answers.
 */
const NS = uniqueName('it-gpuwhere');
const TOLERATE = [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }];
const users = new TestUsers();
let cookie = '';

interface Fit {
  node: string;
  fits: boolean;
  reasons: { code: string; message: string }[];
}
const ask = async (body: unknown) => {
  const r = await callRoute<{ nodes: Fit[] }>(where, '/api/gpus/where', { cookie, body });
  expect(r.status, JSON.stringify(r.body.error)).toBe(200);
  return r.body.nodes;
};
const fitting = (nodes: Fit[]) =>
  nodes
    .filter((n) => n.fits)
    .map((n) => n.node)
    .sort();

function pod(name: string, opts: { resources?: Record<string, string>; template?: string; tolerate?: boolean }) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: NS },
    spec: {
      ...(opts.tolerate === false ? {} : { tolerations: TOLERATE }),
      ...(opts.template ? { resourceClaims: [{ name: 'gpu', resourceClaimTemplateName: opts.template }] } : {}),
      containers: [
        {
          name: 'main',
          image: 'registry.local/cuda:12',
          resources: {
            ...(opts.resources ? { requests: opts.resources, limits: opts.resources } : {}),
            ...(opts.template ? { claims: [{ name: 'gpu' }] } : {}),
          },
        },
      ],
    },
  };
}
const getPod = (name: string) => kubectlJson<Pod>(['get', 'pod', '-n', NS, name]);
const boundTo = (name: string) =>
  eventually(async () => (await getPod(name)).spec?.nodeName ?? null, 30_000, `${name} bound`);
async function staysPending(name: string) {
  const p = await eventually(
    async () => {
      const x = await getPod(name);
      return x.status?.conditions?.some(
        (c) => c.type === 'PodScheduled' && c.status === 'False' && c.reason === 'Unschedulable',
      )
        ? x
        : null;
    },
    30_000,
    `${name} Unschedulable`,
  );
  expect(p.spec?.nodeName).toBeFalsy();
}

describe('POST /api/gpus/where agrees with the scheduler', () => {
  beforeAll(async () => {
    await users.create();
    cookie = await signIn(await users.token('admin'));
    await createNamespace(NS);
    // The route answers once the cache has the fixture nodes and their slices.
    await eventually(
      async () => {
        const r = await callRoute<{ nodes?: Fit[] }>(where, '/api/gpus/where', {
          cookie,
          body: { ask: { kind: 'shares', count: 1 } },
        });
        return r.status === 200 && ['gpu-mig-mixed', 'gpu-dra-1'].every((n) => r.body.nodes?.some((x) => x.node === n));
      },
      60_000,
      'the route sees the GPU fixture nodes',
    );
  });
  afterAll(async () => {
    await kubectl(['delete', 'namespace', NS, '--wait=false']);
    await users.remove();
  });

  it.each([
    [
      'a MIG profile (mixed strategy)',
      { kind: 'mig', profile: '2g.20gb', count: 1 },
      { 'nvidia.com/mig-2g.20gb': '1' },
    ],
    [
      'a renamed shared GPU',
      { kind: 'resource', resource: 'nvidia.com/gpu.shared', count: 1 },
      { 'nvidia.com/gpu.shared': '1' },
    ],
    [
      'whole GPUs of one resource',
      { kind: 'resource', resource: 'nvidia.com/gpu', count: 4 },
      { 'nvidia.com/gpu': '4' },
    ],
  ])('%s: the pod lands on a node the route said fits', async (_, request, resources) => {
    const fits = fitting(await ask({ ask: request, tolerations: TOLERATE }));
    expect(fits.length).toBeGreaterThan(0);
    const name = uniqueName('fit');
    await apply(pod(name, { resources }));
    expect(fits).toContain(await boundTo(name));
  });

  it('a DRA DeviceClass: the pod with a claim of that class lands on a node the route said fits', async () => {
    const fits = fitting(
      await ask({
        ask: {
          kind: 'devices',
          deviceClass: { name: 'gpu.nvidia.com', driver: 'gpu.nvidia.com', type: 'gpu' },
          count: 1,
        },
        tolerations: TOLERATE,
      }),
    );
    expect(fits.length).toBeGreaterThan(0);
    expect(fits.every((n) => n.startsWith('gpu-dra-'))).toBe(true);
    await apply({
      apiVersion: 'resource.k8s.io/v1',
      kind: 'ResourceClaimTemplate',
      metadata: { name: 'one-gpu', namespace: NS },
      spec: {
        spec: { devices: { requests: [{ name: 'gpu', exactly: { deviceClassName: 'gpu.nvidia.com', count: 1 } }] } },
      },
    });
    const name = uniqueName('dra');
    await apply(pod(name, { template: 'one-gpu' }));
    expect(fits).toContain(await boundTo(name));
  });

  it.each([
    [
      'a MIG profile no node offers',
      { ask: { kind: 'mig', profile: '7g.80gb', count: 1 }, tolerations: TOLERATE },
      { resources: { 'nvidia.com/mig-7g.80gb': '1' } },
      'no-units',
    ],
    [
      'more whole GPUs than any node has',
      { ask: { kind: 'resource', resource: 'nvidia.com/gpu', count: 64 }, tolerations: TOLERATE },
      { resources: { 'nvidia.com/gpu': '64' } },
      'not-enough',
    ],
    [
      'MIG slices without tolerating the GPU taint',
      { ask: { kind: 'mig', profile: '1g.10gb', count: 1 } },
      { resources: { 'nvidia.com/mig-1g.10gb': '1' }, tolerate: false },
      'taint',
    ],
  ])('%s: the route says nothing fits, and the pod stays Pending', async (_, body, manifest, code) => {
    const nodes = await ask(body);
    expect(fitting(nodes)).toEqual([]);
    expect(nodes.some((n) => n.reasons.some((r) => r.code === code))).toBe(true);
    const name = uniqueName('nofit');
    await apply(pod(name, manifest));
    await staysPending(name);
  });

  describe('bad bodies get a clear 4xx', () => {
    const raw = (rawBody: string, headers: Record<string, string> = {}) =>
      callRoute(where, '/api/gpus/where', { cookie, rawBody, headers });
    it.each([
      ['not JSON', '{"ask":', 400, undefined],
      ['empty', '', 400, undefined],
      ['an array', '[]', 400, undefined],
      ['an unknown ask kind', JSON.stringify({ ask: { kind: 'everything', count: 1 } }), 400, 'ask.kind'],
      ['a zero count', JSON.stringify({ ask: { kind: 'shares', count: 0 } }), 400, 'ask.count'],
      ['a fractional count', JSON.stringify({ ask: { kind: 'shares', count: 1.5 } }), 400, 'ask.count'],
      ['a huge count', JSON.stringify({ ask: { kind: 'shares', count: 1e12 } }), 400, 'ask.count'],
      ['a count as a string', JSON.stringify({ ask: { kind: 'shares', count: '1' } }), 400, 'ask.count'],
      [
        'a bad MIG profile',
        JSON.stringify({ ask: { kind: 'mig', profile: '<script>', count: 1 } }),
        400,
        'ask.profile',
      ],
      [
        'a broken label selector',
        JSON.stringify({ ask: { kind: 'shares', count: 1 }, selector: 'a in (' }),
        400,
        'selector',
      ],
      [
        'a hostile toleration',
        JSON.stringify({ ask: { kind: 'shares', count: 1 }, tolerations: [{ key: 'x', operator: 'Evil' }] }),
        400,
        'tolerations.0.operator',
      ],
      [
        'too many tolerations',
        JSON.stringify({
          ask: { kind: 'shares', count: 1 },
          tolerations: Array.from({ length: 65 }, () => ({ operator: 'Exists' })),
        }),
        400,
        'tolerations',
      ],
      [
        'a prototype key',
        '{"ask":{"kind":"shares","count":1},"__proto__":{"polluted":true},"nodeSelector":{"__proto__":"x"}}',
        200,
        undefined,
      ],
    ])('%s → %i', async (_, body, status, field) => {
      const r = await raw(body);
      expect(r.status).toBe(status);
      if (status !== 200) expect(r.body.error?.message).toBeTruthy();
      if (field) expect(r.body.error?.field ?? r.body.error?.message).toContain(field);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
    it('an oversized body → 413, a form body → 415', async () => {
      const big = JSON.stringify({ ask: { kind: 'shares', count: 1 }, selector: `a=${'b'.repeat(20_000)}` });
      expect((await raw(big)).status).toBe(413);
      expect((await raw('ask=1', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    });
  });
});
