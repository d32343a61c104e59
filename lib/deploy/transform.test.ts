import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../server/deploy/bundle';
import { objectKey } from './plan';
import { DEFAULT_SETTINGS, type DeploySettings } from './settings';
import { applySettings, mirrorImage, type KubeObj } from './transform';

const BUNDLE_DIR = path.join(__dirname, '../../manifests/imagepod');
const bundle = (): KubeObj[] => loadBundle(BUNDLE_DIR);

/** A readable path segment: `.name`, `["dotted.or/slashed"]` or `[index]`. */
const seg = (k: string | number) =>
  typeof k === 'number' ? `[${k}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`;

/** Every leaf (or added/removed subtree) where `a` and `b` differ, as `<kind/ns/name><path>`. */
function leafDiff(a: unknown, b: unknown, at = ''): string[] {
  if (Object.is(a, b)) return [];
  const bothArrays = Array.isArray(a) && Array.isArray(b);
  const bothObjects =
    typeof a === 'object' &&
    typeof b === 'object' &&
    a !== null &&
    b !== null &&
    !Array.isArray(a) &&
    !Array.isArray(b);
  if (bothArrays) {
    const n = Math.max(a.length, b.length);
    return Array.from({ length: n }, (_, i) => leafDiff(a[i], b[i], `${at}[${i}]`)).flat();
  }
  if (bothObjects) {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    return [...new Set([...Object.keys(ra), ...Object.keys(rb)])].sort().flatMap((k) => {
      if (!(k in rb)) return [`${at}${seg(k)} (removed)`];
      if (!(k in ra)) return [`${at}${seg(k)} (added)`];
      return leafDiff(ra[k], rb[k], `${at}${seg(k)}`);
    });
  }
  return [at];
}

/** The changes between two bundles of the same objects, keyed by object. */
function bundleDiff(before: readonly KubeObj[], after: readonly KubeObj[]): string[] {
  expect(after.map(objectKey)).toEqual(before.map(objectKey));
  return before.flatMap((o, i) => leafDiff(o, after[i]).map((p) => `${objectKey(o)}${p}`)).sort();
}

const withSettings = (patch: Partial<DeploySettings>) => ({ ...DEFAULT_SETTINGS, ...patch });

interface Container {
  name: string;
  image: string;
}
/** Every container (and init container) image of the bundle's workloads, by `<object>/<container>`. */
function images(objects: readonly KubeObj[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const o of objects) {
    const pod = (
      o.spec as { template?: { spec: { containers?: Container[]; initContainers?: Container[] } } } | undefined
    )?.template?.spec;
    for (const c of [...(pod?.containers ?? []), ...(pod?.initContainers ?? [])])
      out.set(`${objectKey(o)}/${c.name}`, c.image);
  }
  return out;
}

const GPU_DAEMONSETS = [
  'DaemonSet/imagepod/dcgm-exporter',
  'DaemonSet/imagepod/imagepod-gpu-worker',
  'DaemonSet/kube-system/nvidia-device-plugin-daemonset',
];
const TEMPLATE = '.spec.template.spec';

describe('the real bundle', () => {
  it('loads every object of the kustomization, workloads included', () => {
    const b = bundle();
    expect(b.length).toBeGreaterThan(30);
    expect(
      b
        .filter((o) => ['Deployment', 'StatefulSet', 'DaemonSet'].includes(o.kind))
        .map(objectKey)
        .sort(),
    ).toEqual([
      'DaemonSet/imagepod/dcgm-exporter',
      'DaemonSet/imagepod/imagepod-gpu-worker',
      'DaemonSet/kube-system/nvidia-device-plugin-daemonset',
      'Deployment/imagepod/grafana',
      'Deployment/imagepod/imagepod-api',
      'Deployment/imagepod/kube-state-metrics',
      'Deployment/imagepod/prometheus',
      'Deployment/imagepod/redis',
      'StatefulSet/imagepod/postgres',
    ]);
  });
});

describe('applySettings on the real bundle', () => {
  it('leaves the bundle identical with the default settings', () => {
    const b = bundle();
    const out = applySettings(b, DEFAULT_SETTINGS);
    expect(out).toEqual(b);
    expect(JSON.stringify(out)).toBe(JSON.stringify(b)); // same keys in the same order, too
    expect(bundleDiff(b, out)).toEqual([]);
  });

  it('returns new objects and never mutates its input', () => {
    const b = bundle();
    const snapshot = structuredClone(b);
    const everything: DeploySettings = {
      registry: 'mirror.example.com:5000/hub',
      apiImage: 'ghcr.io/me/api:2.0',
      workerImage: 'ghcr.io/me/worker:2.0',
      apiReplicas: 7,
      postgresStorage: '50Gi',
      ingressHost: 'panel.example.com',
      gpuNodeLabel: 'nvidia.com/gpu.present=true',
    };
    const out = applySettings(b, everything);
    expect(b).toEqual(snapshot);
    out.forEach((o, i) => expect(o).not.toBe(b[i]));
    // Nested objects are not shared either: editing the output leaves the input alone.
    out.find((o) => o.metadata.name === 'imagepod-api')!.metadata.labels!.edited = 'yes';
    expect(b).toEqual(snapshot);
  });

  it.each<[string, Partial<DeploySettings>, string[]]>([
    ['apiReplicas', { apiReplicas: 5 }, ['Deployment/imagepod/imagepod-api.spec.replicas']],
    [
      'apiImage',
      { apiImage: 'registry.example.com/team/api:2.0' },
      [`Deployment/imagepod/imagepod-api${TEMPLATE}.containers[0].image`],
    ],
    [
      'workerImage',
      { workerImage: `imagepod/gpu-worker@sha256:${'a'.repeat(64)}` },
      [`DaemonSet/imagepod/imagepod-gpu-worker${TEMPLATE}.containers[0].image`],
    ],
    [
      'postgresStorage',
      { postgresStorage: '50Gi' },
      ['StatefulSet/imagepod/postgres.spec.volumeClaimTemplates[0].spec.resources.requests.storage'],
    ],
    [
      'ingressHost',
      { ingressHost: 'panel.example.com' },
      ['Ingress/imagepod/grafana.spec.rules[0].host', 'Ingress/imagepod/imagepod-ingress.spec.rules[0].host'],
    ],
    [
      'gpuNodeLabel (same key)',
      { gpuNodeLabel: 'accelerator=nvidia-h100' },
      GPU_DAEMONSETS.map((k) => `${k}${TEMPLATE}.nodeSelector.accelerator`),
    ],
    [
      'gpuNodeLabel (new key)',
      { gpuNodeLabel: 'nvidia.com/gpu.present=true' },
      GPU_DAEMONSETS.flatMap((k) => [
        `${k}${TEMPLATE}.nodeSelector.accelerator (removed)`,
        `${k}${TEMPLATE}.nodeSelector["nvidia.com/gpu.present"] (added)`,
      ]),
    ],
  ])('%s changes exactly the intended fields', (_, patch, expected) => {
    const b = bundle();
    expect(bundleDiff(b, applySettings(b, withSettings(patch)))).toEqual([...expected].sort());
  });

  it('writes the values themselves', () => {
    const out = applySettings(
      bundle(),
      withSettings({
        apiReplicas: 5,
        ingressHost: 'panel.example.com',
        postgresStorage: '50Gi',
        gpuNodeLabel: 'accelerator=',
      }),
    );
    const get = (key: string) => out.find((o) => objectKey(o) === key)!;
    expect((get('Deployment/imagepod/imagepod-api').spec as { replicas: number }).replicas).toBe(5);
    expect(
      (get('Ingress/imagepod/imagepod-ingress').spec as { rules: { host: string }[] }).rules.map((r) => r.host),
    ).toEqual(['panel.example.com']);
    expect((get('Ingress/imagepod/grafana').spec as { rules: { host: string }[] }).rules.map((r) => r.host)).toEqual([
      'grafana.panel.example.com',
    ]);
    const pg = get('StatefulSet/imagepod/postgres').spec as {
      volumeClaimTemplates: { spec: { resources: { requests: Record<string, string> } } }[];
    };
    expect(pg.volumeClaimTemplates[0]!.spec.resources.requests).toEqual({ storage: '50Gi' });
    for (const k of GPU_DAEMONSETS) {
      // An empty label value is kept as such: it selects nodes labelled `accelerator=`.
      expect(
        (get(k).spec as { template: { spec: { nodeSelector: Record<string, string> } } }).template.spec.nodeSelector,
      ).toEqual({ accelerator: '' });
    }
  });

  it('moves the GPU label only in DaemonSets that select the default label, and keeps their other selectors', () => {
    const b = bundle();
    const extra = structuredClone(b.find((o) => objectKey(o) === 'DaemonSet/imagepod/dcgm-exporter')!);
    extra.metadata.name = 'other';
    const sel = (extra.spec as { template: { spec: { nodeSelector: Record<string, string> } } }).template.spec
      .nodeSelector;
    sel.accelerator = 'something-else';
    sel['kubernetes.io/os'] = 'linux';
    const gpuToo = structuredClone(b.find((o) => objectKey(o) === 'DaemonSet/imagepod/imagepod-gpu-worker')!);
    gpuToo.metadata.name = 'gpu-too';
    (gpuToo.spec as { template: { spec: { nodeSelector: Record<string, string> } } }).template.spec.nodeSelector[
      'kubernetes.io/os'
    ] = 'linux';
    const out = applySettings(
      [extra, gpuToo],
      withSettings({ gpuNodeLabel: 'gpu=yes', workerImage: DEFAULT_SETTINGS.workerImage }),
    );
    const selectorOf = (o: KubeObj) =>
      (o.spec as { template: { spec: { nodeSelector: unknown } } }).template.spec.nodeSelector;
    expect(selectorOf(out[0]!)).toEqual({ accelerator: 'something-else', 'kubernetes.io/os': 'linux' });
    expect(selectorOf(out[1]!)).toEqual({ 'kubernetes.io/os': 'linux', gpu: 'yes' });
  });

  it('mirrors every container image, keeping repository paths, tags and digests', () => {
    const b = bundle();
    const before = images(b);
    const registry = 'mirror.example.com:5000/hub';
    const out = applySettings(b, withSettings({ registry }));
    const after = images(out);
    expect([...after.keys()]).toEqual([...before.keys()]);
    expect(before.size).toBeGreaterThanOrEqual(9);
    for (const [k, img] of before) {
      const first = img.split('/')[0]!;
      const withoutHost = img.includes('/') && /[.:]/.test(first) ? img.slice(first.length + 1) : img;
      expect(after.get(k), k).toBe(`${registry}/${withoutHost}`);
    }
    // Only images change, nothing else.
    expect(bundleDiff(b, out).every((p) => /\.(containers|initContainers)\[\d+\]\.image$/.test(p))).toBe(true);
    expect(bundleDiff(b, out)).toHaveLength(before.size);
    expect(
      after.get('DaemonSet/kube-system/nvidia-device-plugin-daemonset/nvidia-device-plugin-ctr') ??
        [...after.values()].find((i) => i.includes('k8s-device-plugin')),
    ).toBe(`${registry}/nvidia/k8s-device-plugin:v0.17.1`);
    expect([...after.values()]).toContain(`${registry}/postgres:15.13-bookworm`);
    expect([...after.values()]).toContain(`${registry}/kube-state-metrics/kube-state-metrics:v2.15.0`);
  });

  it("mirrors the operator's own API and worker images as well", () => {
    const out = images(
      applySettings(
        bundle(),
        withSettings({ registry: 'mirror.local', apiImage: 'ghcr.io/me/api:2.0', workerImage: 'worker:3' }),
      ),
    );
    expect(out.get('Deployment/imagepod/imagepod-api/api')).toBe('mirror.local/me/api:2.0');
    expect(out.get('DaemonSet/imagepod/imagepod-gpu-worker/gpu-worker')).toBe('mirror.local/worker:3');
  });

  it('gives the same result applied twice as once (settings that keep the registry empty, any values)', () => {
    const b = bundle();
    const settings = fc.record({
      registry: fc.constant(''),
      apiImage: fc.constantFrom('imagepod/api:0.1.0', 'ghcr.io/me/api:2', `a/b@sha256:${'c'.repeat(64)}`),
      workerImage: fc.constantFrom('imagepod/gpu-worker:0.1.0', 'registry.example.com:5000/w:1'),
      apiReplicas: fc.integer({ min: 1, max: 50 }),
      postgresStorage: fc.constantFrom('1Gi', '10Gi', '64Ti', '1.5Gi'),
      ingressHost: fc.constantFrom('imagepod.local', 'panel.example.com', 'a'),
      gpuNodeLabel: fc.constantFrom(
        'accelerator=nvidia-tesla-gpu',
        'accelerator=',
        'nvidia.com/gpu.present=true',
        'gpu=a100',
      ),
    });
    fc.assert(
      fc.property(settings, (s) => {
        const once = applySettings(b, s);
        expect(applySettings(once, s)).toEqual(once);
      }),
      { numRuns: 60 },
    );
  });

  it('with a registry that is a host name (with a dot or a port), mirroring is idempotent too', () => {
    const b = bundle();
    for (const registry of ['mirror.example.com', 'localhost:5000', 'mirror.example.com:5000']) {
      const once = applySettings(b, withSettings({ registry }));
      expect(applySettings(once, withSettings({ registry }))).toEqual(once);
    }
  });
});

describe('mirrorImage', () => {
  it.each([
    ['postgres:15', '', 'postgres:15'],
    ['postgres:15', 'mirror.local', 'mirror.local/postgres:15'],
    ['imagepod/api:0.1.0', 'mirror.local', 'mirror.local/imagepod/api:0.1.0'],
    ['docker.io/library/redis:7', 'mirror.local', 'mirror.local/library/redis:7'],
    [
      'registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.15.0',
      'mirror.local:5000/k8s',
      'mirror.local:5000/k8s/kube-state-metrics/kube-state-metrics:v2.15.0',
    ],
    [
      'nvcr.io/nvidia/k8s/dcgm-exporter:4.2.3-4.1.3-ubuntu22.04',
      'm.io',
      'm.io/nvidia/k8s/dcgm-exporter:4.2.3-4.1.3-ubuntu22.04',
    ],
    ['localhost/api', 'm.io', 'm.io/api'],
    ['localhost:5000/api:1', 'm.io', 'm.io/api:1'],
    [`api@sha256:${'f'.repeat(64)}`, 'm.io', `m.io/api@sha256:${'f'.repeat(64)}`],
    [`r.io:5000/a/b:1@sha256:${'f'.repeat(64)}`, 'm.io', `m.io/a/b:1@sha256:${'f'.repeat(64)}`],
  ])('%j via %j → %j', (image, registry, expected) => {
    expect(mirrorImage(image, registry)).toBe(expected);
  });

  // No dots: a first component with a dot would itself be a registry host.
  const component = fc.stringMatching(/^[a-z0-9]{1,8}([_-][a-z0-9]{1,8})?$/);
  const host = fc.oneof(
    fc.constantFrom('registry.example.com', 'localhost', 'localhost:5000', 'r.io:443'),
    fc.constant(''),
  );
  const tag = fc.oneof(fc.constant(''), fc.stringMatching(/^:[A-Za-z0-9_][A-Za-z0-9_.-]{0,20}$/));
  const digest = fc.oneof(
    fc.constant(''),
    fc.stringMatching(/^[a-f0-9]{64}$/).map((h) => `@sha256:${h}`),
  );
  const registry = fc.constantFrom('mirror.example.com', 'mirror.example.com:5000/hub', 'localhost:5000');

  it('never loses the repository path, the tag or the digest, and puts the registry first', () => {
    fc.assert(
      fc.property(
        host,
        fc.array(component, { minLength: 1, maxLength: 3 }),
        tag,
        digest,
        registry,
        (h, parts, t, d, reg) => {
          const path = parts.join('/');
          const image = `${h ? `${h}/` : ''}${path}${t}${d}`;
          expect(mirrorImage(image, reg)).toBe(`${reg}/${path}${t}${d}`);
        },
      ),
    );
  });
});
