/**
 * manifests/imagepod/ — the stack the panel deploys. Proves on the devcluster that the API server
 * accepts the whole kustomization (server-side dry run, client-side and server-side apply), and
 * checks statically what a dry run cannot see: every object names its deploy stage and the files
 * are listed in stage order; images are pinned; containers have resources, security contexts
 * and probes; `$(VAR)` references expand (the seed's DATABASE_URL bug); Secrets hold no values
 * the panel would have to overwrite; references between objects resolve; monitoring is wired;
 * and the NetworkPolicies allow what the seed promises and nothing more (the devcluster has no
 * CNI that enforces them, so they are evaluated here).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { REPO, createNamespace, eventually, kubectl } from './helpers';

const DIR = path.join(REPO, 'manifests', 'imagepod');
const NS = 'imagepod';
const STAGE = 'imagepod.io/stage';
const GENERATE = 'imagepod.io/generate';
const STAGES = ['1-namespace', '2-data', '3-api', '4-monitoring', '5-gpu', '6-ingress'];
/** Containers that must run as root, and why (anything else runs as non-root). */
const ROOT = new Map([
  ['imagepod-gpu-worker/gpu-worker', 'uses the host Docker socket'],
  ['dcgm-exporter/dcgm-exporter', 'DCGM opens the GPUs and its host engine'],
  ['nvidia-device-plugin-daemonset/nvidia-device-plugin-ctr', "writes the kubelet's device-plugins socket dir"],
]);

type Labels = Record<string, string>;
interface Meta {
  name: string;
  namespace?: string;
  labels?: Labels;
  annotations?: Labels;
}
interface Selector {
  matchLabels?: Labels;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string } };
}
interface Probe {
  exec?: { command: string[] };
}
interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  env?: EnvVar[];
  ports?: { name?: string; containerPort: number }[];
  resources?: { requests?: Record<string, string | number>; limits?: Record<string, string | number> };
  securityContext?: {
    runAsNonRoot?: boolean;
    allowPrivilegeEscalation?: boolean;
    privileged?: boolean;
    capabilities?: { drop?: string[] };
  };
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  volumeMounts?: { name: string; mountPath: string }[];
}
interface Volume {
  name: string;
  hostPath?: { path: string; type?: string };
  configMap?: { name: string };
  persistentVolumeClaim?: { claimName: string };
}
interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  serviceAccountName?: string;
  volumes?: Volume[];
  securityContext?: { runAsNonRoot?: boolean };
  nodeSelector?: Labels;
  tolerations?: { key: string; operator: string; effect: string }[];
}
interface Obj {
  apiVersion: string;
  kind: string;
  metadata: Meta;
  data?: Labels;
  stringData?: Labels;
  spec?: {
    replicas?: number;
    selector?: Selector | Labels;
    template?: { metadata: Meta; spec: PodSpec };
    serviceName?: string;
    clusterIP?: string;
    ports?: { name?: string; port: number; targetPort?: number | string }[];
    rules?: { http: { paths: { backend: { service: { name: string; port: { number: number } } } }[] } }[];
    podSelector?: Selector;
    policyTypes?: string[];
    ingress?: PolicyRule[];
  };
  rules?: { apiGroups?: string[]; resources?: string[]; nonResourceURLs?: string[]; verbs: string[] }[];
  roleRef?: { kind: string; name: string };
  subjects?: { kind: string; name: string; namespace: string }[];
}
interface PolicyRule {
  from?: { podSelector?: Selector; namespaceSelector?: Selector }[];
  ports?: { protocol?: string; port?: number | string }[];
}
type ExecError = Error & { stderr?: string };

const kustomization = parse(readFileSync(path.join(DIR, 'kustomization.yaml'), 'utf8')) as { resources: string[] };
const FILES = kustomization.resources;
/** Every object of the bundle, read from the files (what the panel plans from), in list order. */
const OBJECTS: { file: string; obj: Obj }[] = FILES.flatMap((file) => {
  const docs = parseAllDocuments(readFileSync(path.join(DIR, file), 'utf8'));
  for (const d of docs) if (d.errors.length) throw new Error(`${file}: ${d.errors[0]!.message}`);
  return docs
    .map((d) => d.toJS() as Obj | null)
    .filter((o): o is Obj => o !== null)
    .map((obj) => ({ file, obj }));
});
const ALL = OBJECTS.map((o) => o.obj);
const id = (o: Obj) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
const of = (kind: string, name: string) => ALL.find((o) => o.kind === kind && o.metadata.name === name);
const WORKLOADS = ALL.filter((o) => o.spec?.template);
const pods = (o: Obj) => {
  const s = o.spec!.template!.spec;
  return [...(s.initContainers ?? []), ...s.containers];
};
const CONTAINERS = WORKLOADS.flatMap((w) => pods(w).map((c) => ({ w, c, key: `${w.metadata.name}/${c.name}` })));
const stageNo = (s: string) => Number.parseInt(s, 10);

function matches(sel: Selector | undefined, labels: Labels): boolean {
  if (!sel) return true;
  const ok = Object.entries(sel.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  return (
    ok &&
    (sel.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
      if (operator === 'In') return values.includes(labels[key] ?? '\0');
      if (operator === 'NotIn') return !values.includes(labels[key] ?? '\0');
      if (operator === 'Exists') return key in labels;
      if (operator === 'DoesNotExist') return !(key in labels);
      throw new Error(`unknown selector operator ${operator}`);
    })
  );
}

/** The `$(VAR)` references Kubernetes expands in a string (`$$(VAR)` is an escape, not one). */
function refs(s: string): string[] {
  return [...s.matchAll(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g)].flatMap((m) => (m[1] ? [m[1]] : []));
}
/** Problems with a container's `$(VAR)` use: env values may only use variables defined earlier. */
function expansionProblems(
  c: Pick<Container, 'env' | 'command' | 'args' | 'livenessProbe' | 'readinessProbe' | 'startupProbe'>,
): string[] {
  const out: string[] = [];
  const defined = new Set<string>();
  for (const e of c.env ?? []) {
    for (const r of refs(e.value ?? '')) if (!defined.has(r)) out.push(`${e.name} uses $(${r}) before it is defined`);
    defined.add(e.name);
  }
  for (const arg of [...(c.command ?? []), ...(c.args ?? [])])
    for (const r of refs(arg)) if (!defined.has(r)) out.push(`command uses undefined $(${r})`);
  for (const p of [c.livenessProbe, c.readinessProbe, c.startupProbe]) {
    for (const arg of p?.exec?.command ?? [])
      for (const r of refs(arg)) out.push(`probe uses $(${r}), which Kubernetes does not expand there`);
  }
  return out;
}

let createdNs = false;

describe('the ImagePod stack (manifests/imagepod)', () => {
  beforeAll(async () => {
    // A namespaced dry run needs its namespace; create it only if absent, and remove only ours.
    await eventually(
      async () =>
        (await kubectl(['get', 'namespace', NS, '--ignore-not-found', '-o', 'jsonpath={.status.phase}'])).trim() !==
        'Terminating',
      90_000,
      `${NS} deleted`,
    );
    if (!(await kubectl(['get', 'namespace', NS, '--ignore-not-found', '-o', 'name'])).trim()) {
      try {
        await createNamespace(NS);
        createdNs = true;
      } catch (e) {
        if (!/AlreadyExists/.test((e as ExecError).stderr ?? '')) throw e;
      }
    }
  });

  afterAll(async () => {
    if (createdNs) await kubectl(['delete', 'namespace', NS, '--ignore-not-found', '--timeout=90s']);
  });

  it('kubectl kustomize builds every listed file, in list order, and no file is left out', async () => {
    const built = parseAllDocuments(await kubectl(['kustomize', DIR])).map((d) => d.toJS() as Obj);
    expect(built.map(id)).toEqual(ALL.map(id));
    const yamlFiles = readdirSync(DIR)
      .filter((f) => /\.ya?ml$/.test(f) && f !== 'kustomization.yaml')
      .sort();
    expect([...FILES].sort()).toEqual(yamlFiles);
  });

  it.each([
    ['client-side apply', []],
    ['server-side apply as the panel', ['--server-side', '--field-manager=imagepod-dashboard']],
  ])('passes a server-side dry run of the whole kustomization (%s)', async (_how, flags) => {
    const out = await kubectl(['apply', '-k', DIR, '--dry-run=server', ...flags]);
    for (const o of ALL) {
      // kubectl prints `deployment.apps/imagepod-api`, `service/postgres`.
      const g = o.apiVersion.includes('/') ? o.apiVersion.split('/')[0] : '';
      const ref = `${o.kind.toLowerCase()}${g ? `.${g}` : ''}/${o.metadata.name}`;
      expect(out, ref).toMatch(new RegExp(`^${ref.replace(/\./g, '\\.')} \\S+ \\(server dry run\\)$`, 'm'));
    }
  });

  it('labels every object with its stage, and lists files in stage order', () => {
    for (const { file, obj } of OBJECTS) {
      const stage = obj.metadata.labels?.[STAGE] ?? '';
      expect(STAGES, `${id(obj)} ${STAGE}`).toContain(stage);
      // 20-postgres.yaml holds stage 2 only: the file name says the stage too.
      expect(stageNo(stage), `${file}: ${id(obj)}`).toBe(Number(file[0]));
      if (obj.spec?.template) expect(obj.spec.template.metadata.labels?.[STAGE], `${id(obj)} pod template`).toBe(stage);
    }
    const order = OBJECTS.map(({ obj }) => stageNo(obj.metadata.labels![STAGE]!));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(order)).toEqual(new Set([1, 2, 3, 4, 5, 6]));
  });

  it("uses the common labels, and keeps the seed's `app` labels the operators select on", () => {
    for (const o of [...ALL.map((x) => x.metadata), ...WORKLOADS.map((w) => w.spec!.template!.metadata)]) {
      expect(o.labels?.['app.kubernetes.io/part-of'], o.name).toBe('imagepod');
      expect(o.labels?.['app.kubernetes.io/name'], o.name).toBeTruthy();
      expect(o.labels?.['app.kubernetes.io/component'], o.name).toBeTruthy();
    }
    // `kubectl logs -n imagepod -l app=imagepod-api` (and -gpu-worker) select exactly those pods.
    for (const [app, kind, name] of [
      ['imagepod-api', 'Deployment', 'imagepod-api'],
      ['imagepod-gpu-worker', 'DaemonSet', 'imagepod-gpu-worker'],
    ]) {
      expect(WORKLOADS.filter((w) => w.spec!.template!.metadata.labels?.app === app).map(id)).toEqual([
        `${kind}/${NS}/${name}`,
      ]);
    }
  });

  it("keeps the seed's API and GPU worker as intended", () => {
    const api = of('Deployment', 'imagepod-api')!;
    expect(api.spec!.replicas).toBe(2);
    expect(api.spec!.template!.spec.containers[0]!.image).toMatch(/^imagepod\/api:/);
    const worker = of('DaemonSet', 'imagepod-gpu-worker')!;
    const spec = worker.spec!.template!.spec;
    const c = spec.containers[0]!;
    expect(c.image).toMatch(/^imagepod\/gpu-worker:/);
    expect(spec.nodeSelector).toEqual({ accelerator: 'nvidia-tesla-gpu' });
    expect(spec.tolerations).toContainEqual({ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' });
    expect(String(c.resources?.limits?.['nvidia.com/gpu'])).toBe('1');
    expect(c.ports?.map((p) => [p.name, p.containerPort])).toEqual([
      ['http', 8080],
      ['websocket', 8081],
    ]);
    const host = (m: string) =>
      spec.volumes?.find((v) => v.name === c.volumeMounts?.find((x) => x.mountPath === m)?.name)?.hostPath?.path;
    expect(host('/var/run/docker.sock')).toBe('/var/run/docker.sock');
    expect(host('/usr/local/nvidia')).toBe('/usr/local/nvidia');
    for (const name of ['dcgm-exporter', 'nvidia-device-plugin-daemonset']) {
      expect(of('DaemonSet', name)!.spec!.template!.spec.nodeSelector, name).toEqual(spec.nodeSelector);
    }
  });

  it('pins every image; every container has resources and a security context; serving ones have probes', () => {
    for (const { w, c, key } of CONTAINERS) {
      const ref = c.image.split('@')[0]!;
      const tag = /:([^:/]+)$/.exec(ref)?.[1];
      expect(tag, `${key} image ${c.image}`).toBeTruthy();
      expect(tag, `${key} image ${c.image}`).not.toBe('latest');
      for (const r of ['cpu', 'memory']) {
        expect(c.resources?.requests?.[r], `${key} requests.${r}`).toBeDefined();
        expect(c.resources?.limits?.[r], `${key} limits.${r}`).toBeDefined();
      }
      const sc = c.securityContext;
      expect(sc?.allowPrivilegeEscalation, `${key} allowPrivilegeEscalation`).toBe(false);
      expect(sc?.privileged ?? false, `${key} privileged`).toBe(false);
      expect(sc?.capabilities?.drop, `${key} capabilities.drop`).toContain('ALL');
      if (c.ports?.length) {
        expect(c.readinessProbe, `${key} readinessProbe`).toBeDefined();
        expect(c.livenessProbe, `${key} livenessProbe`).toBeDefined();
      }
      const nonRoot = sc?.runAsNonRoot ?? w.spec!.template!.spec.securityContext?.runAsNonRoot ?? false;
      expect(nonRoot, `${key}: runs as root (${ROOT.get(key) ?? 'not allowed'})`).toBe(!ROOT.has(key));
    }
    // Host paths only where a node agent needs them.
    const hostPathUsers = WORKLOADS.filter((w) => w.spec!.template!.spec.volumes?.some((v) => v.hostPath))
      .map((w) => w.metadata.name)
      .sort();
    expect(hostPathUsers).toEqual(['dcgm-exporter', 'imagepod-gpu-worker', 'nvidia-device-plugin-daemonset']);
  });

  it("expands $(VAR) only from variables defined earlier in the same container (the seed's DATABASE_URL bug)", () => {
    // The check has teeth: the seed's API env expands two passwords it never defines.
    expect(
      expansionProblems({
        env: [
          { name: 'DATABASE_URL', value: 'postgresql://imagepod:$(POSTGRES_PASSWORD)@postgres:5432/imagepod' },
          { name: 'REDIS_URL', value: 'redis://:$(REDIS_PASSWORD)@redis:6379/0' },
        ],
      }),
    ).toHaveLength(2);
    expect(refs('$$(ESCAPED) $(A)')).toEqual(['A']);
    for (const { c, key } of CONTAINERS) expect(expansionProblems(c), key).toEqual([]);
    const env = of('Deployment', 'imagepod-api')!.spec!.template!.spec.containers[0]!.env!;
    const at = (n: string) => env.findIndex((e) => e.name === n);
    expect(env[at('POSTGRES_PASSWORD')]?.valueFrom?.secretKeyRef).toEqual({
      name: 'imagepod-secrets',
      key: 'postgres-password',
    });
    expect(at('POSTGRES_PASSWORD')).toBeLessThan(at('DATABASE_URL'));
    expect(at('REDIS_PASSWORD')).toBeLessThan(at('REDIS_URL'));
    expect(env[at('DATABASE_URL')]?.value).toContain('$(POSTGRES_PASSWORD)@postgres:5432/');
    expect(env[at('REDIS_URL')]?.value).toContain('$(REDIS_PASSWORD)@redis:6379/');
  });

  it('ships Secrets without values: every key a container uses is generated by the panel', () => {
    const placeholder = /changeme|change-me|your[-_ ]|password|secret|placeholder|example|<[^>]*>|^x+$|^$/i;
    const generated = new Map<string, string[]>();
    for (const s of ALL.filter((o) => o.kind === 'Secret')) {
      const keys = (s.metadata.annotations?.[GENERATE] ?? '')
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean);
      expect(keys.length, `${s.metadata.name} ${GENERATE}`).toBeGreaterThan(0);
      for (const k of keys) expect(k).toMatch(/^[-._a-zA-Z0-9]+$/);
      generated.set(s.metadata.name, keys);
      const values = {
        ...s.stringData,
        ...Object.fromEntries(Object.entries(s.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString()])),
      };
      for (const [k, v] of Object.entries(values)) {
        // A generated key written here would be re-applied over the generated value: a rotation.
        expect(keys, `${s.metadata.name}.${k} is both generated and written`).not.toContain(k);
        expect(v, `${s.metadata.name}.${k}`).not.toMatch(placeholder);
      }
    }
    const used = CONTAINERS.flatMap(({ c, key }) =>
      (c.env ?? []).flatMap((e) => (e.valueFrom?.secretKeyRef ? [{ key, ref: e.valueFrom.secretKeyRef }] : [])),
    );
    for (const { key, ref } of used)
      expect(generated.get(ref.name), `${key} → ${ref.name}/${ref.key}`).toContain(ref.key);
    const usedKeys = new Set(used.map(({ ref }) => `${ref.name}/${ref.key}`));
    for (const [name, keys] of generated)
      for (const k of keys) expect(usedKeys, `${name}/${k} is generated but unused`).toContain(`${name}/${k}`);
  });

  it('wires every reference: Service selectors and ports, Ingress backends, volumes, accounts, bindings', () => {
    const inNs = (o: Obj, kind: string, name: string) =>
      ALL.some((x) => x.kind === kind && x.metadata.name === name && x.metadata.namespace === o.metadata.namespace);
    for (const svc of ALL.filter((o) => o.kind === 'Service')) {
      const backends = WORKLOADS.filter(
        (w) =>
          w.metadata.namespace === svc.metadata.namespace &&
          matches({ matchLabels: svc.spec!.selector as Labels }, w.spec!.template!.metadata.labels ?? {}),
      );
      expect(backends.length, `Service ${svc.metadata.name} selects no workload`).toBeGreaterThan(0);
      for (const p of svc.spec!.ports!) {
        for (const w of backends) {
          const target = p.targetPort ?? p.port;
          expect(
            w.spec!.template!.spec.containers.some((c) =>
              c.ports?.some((cp) => cp.name === target || cp.containerPort === target),
            ),
            `${svc.metadata.name}:${p.port} → ${w.metadata.name} ${target}`,
          ).toBe(true);
        }
      }
    }
    for (const ing of ALL.filter((o) => o.kind === 'Ingress')) {
      for (const { backend } of ing.spec!.rules!.flatMap((r) => r.http.paths)) {
        const svc = ALL.find(
          (o) =>
            o.kind === 'Service' &&
            o.metadata.name === backend.service.name &&
            o.metadata.namespace === ing.metadata.namespace,
        );
        expect(
          svc?.spec?.ports?.map((p) => p.port),
          `${ing.metadata.name} → ${backend.service.name}`,
        ).toContain(backend.service.port.number);
      }
    }
    for (const w of WORKLOADS) {
      const spec = w.spec!.template!.spec;
      expect(
        matches(w.spec!.selector as Selector, w.spec!.template!.metadata.labels ?? {}),
        `${w.metadata.name} selector`,
      ).toBe(true);
      if (spec.serviceAccountName)
        expect(inNs(w, 'ServiceAccount', spec.serviceAccountName), `${w.metadata.name} SA`).toBe(true);
      for (const v of spec.volumes ?? []) {
        if (v.configMap)
          expect(inNs(w, 'ConfigMap', v.configMap.name), `${w.metadata.name} ConfigMap ${v.configMap.name}`).toBe(true);
        if (v.persistentVolumeClaim)
          expect(inNs(w, 'PersistentVolumeClaim', v.persistentVolumeClaim.claimName), `${w.metadata.name} PVC`).toBe(
            true,
          );
      }
      if (w.kind === 'StatefulSet')
        expect(of('Service', w.spec!.serviceName!)?.spec?.clusterIP, 'StatefulSet governing Service is headless').toBe(
          'None',
        );
    }
    for (const b of ALL.filter((o) => o.kind === 'ClusterRoleBinding')) {
      expect(of('ClusterRole', b.roleRef!.name), b.metadata.name).toBeDefined();
      for (const s of b.subjects!)
        expect(
          ALL.some(
            (o) => o.kind === 'ServiceAccount' && o.metadata.name === s.name && o.metadata.namespace === s.namespace,
          ),
          `${b.metadata.name} → ${s.name}`,
        ).toBe(true);
    }
  });

  it('monitoring: Prometheus discovers and scrapes every source; Grafana gets the datasource and the GPU dashboard', () => {
    const prom = parse(of('ConfigMap', 'prometheus-config')!.data!['prometheus.yml']!) as {
      scrape_configs: {
        job_name: string;
        relabel_configs?: { replacement?: string; regex?: string }[];
        static_configs?: { targets: string[] }[];
      }[];
    };
    const jobs = new Map(prom.scrape_configs.map((j) => [j.job_name, j]));
    expect([...jobs.keys()]).toEqual(
      expect.arrayContaining([
        'imagepod-api',
        'dcgm-exporter',
        'kubelet',
        'cadvisor',
        'kube-state-metrics',
        'kubernetes-pods',
      ]),
    );
    expect(jobs.get('kubelet')!.relabel_configs!.map((r) => r.replacement)).toContain('/api/v1/nodes/$1/proxy/metrics');
    expect(jobs.get('cadvisor')!.relabel_configs!.map((r) => r.replacement)).toContain(
      '/api/v1/nodes/$1/proxy/metrics/cadvisor',
    );
    expect(jobs.get('dcgm-exporter')!.relabel_configs!.map((r) => r.regex)).toContain('dcgm-exporter;metrics');
    expect(of('DaemonSet', 'dcgm-exporter')!.spec!.template!.spec.containers[0]!.ports).toContainEqual(
      expect.objectContaining({ name: 'metrics', containerPort: 9400 }),
    );
    expect(jobs.get('kube-state-metrics')!.static_configs![0]!.targets).toEqual([`kube-state-metrics.${NS}.svc:8080`]);

    const rules = of('ClusterRole', 'imagepod-prometheus')!.rules!;
    const can = (verb: string, resource: string, group = '') =>
      rules.some((r) => r.verbs.includes(verb) && r.resources?.includes(resource) && r.apiGroups?.includes(group));
    for (const res of ['nodes', 'nodes/metrics', 'services', 'endpoints', 'pods'])
      for (const v of ['get', 'list', 'watch']) expect(can(v, res), `${v} ${res}`).toBe(true);
    for (const v of ['get', 'list', 'watch']) expect(can(v, 'endpointslices', 'discovery.k8s.io')).toBe(true);
    expect(can('get', 'nodes/proxy'), 'get nodes/proxy (kubelet via the API server proxy)').toBe(true);
    expect(rules.some((r) => r.nonResourceURLs?.includes('/metrics') && r.verbs.includes('get'))).toBe(true);
    const ksm = of('ClusterRole', 'imagepod-kube-state-metrics')!.rules!;
    expect(new Set(ksm.flatMap((r) => r.verbs))).toEqual(new Set(['list', 'watch']));
    expect(ksm.flatMap((r) => r.resources ?? [])).not.toContain('secrets');

    const ds = parse(of('ConfigMap', 'grafana-datasources')!.data!['prometheus.yaml']!) as {
      datasources: { uid: string; url: string; isDefault: boolean }[];
    };
    expect(ds.datasources).toEqual([
      expect.objectContaining({ uid: 'prometheus', url: `http://prometheus.${NS}.svc:9090`, isDefault: true }),
    ]);
    expect(of('Service', 'prometheus')!.spec!.ports!.map((p) => p.port)).toContain(9090);
    const dashboard = JSON.parse(of('ConfigMap', 'grafana-dashboards')!.data!['imagepod-gpus.json']!) as {
      panels: { datasource: { uid: string }; targets: { expr: string }[] }[];
    };
    for (const p of dashboard.panels) expect(p.datasource.uid).toBe('prometheus');
    const exprs = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr)).join('\n');
    for (const m of [
      'DCGM_FI_DEV_GPU_UTIL',
      'DCGM_FI_DEV_FB_USED',
      'kube_pod_container_resource_requests{resource="nvidia_com_gpu"}',
    ])
      expect(exprs).toContain(m);
  });

  describe('NetworkPolicies', () => {
    const policies = ALL.filter((o) => o.kind === 'NetworkPolicy');
    const podLabels = (name: string) =>
      WORKLOADS.find((w) => w.metadata.name === name)!.spec!.template!.metadata.labels!;
    interface Peer {
      ns: string;
      labels: Labels;
    }
    const peer = (name: string): Peer => ({ ns: NS, labels: podLabels(name) });
    const sources: Record<string, Peer> = {
      ...Object.fromEntries(
        WORKLOADS.filter((w) => w.metadata.namespace === NS).map((w) => [w.metadata.name, peer(w.metadata.name)]),
      ),
      'ingress-controller': { ns: 'ingress-nginx', labels: { 'app.kubernetes.io/name': 'ingress-nginx' } },
      panel: { ns: 'imagepod-system', labels: { 'app.kubernetes.io/name': 'imagepod-dashboard' } },
    };
    /** Whether `src` may open `port` on a pod of workload `target` (NetworkPolicy ingress semantics). */
    function allowed(src: Peer, target: string, port: number): boolean {
      const labels = podLabels(target);
      const selecting = policies.filter(
        (p) =>
          p.metadata.namespace === NS &&
          p.spec!.policyTypes!.includes('Ingress') &&
          matches(p.spec!.podSelector, labels),
      );
      if (!selecting.length) return true;
      return selecting.some((p) =>
        (p.spec!.ingress ?? []).some(
          (rule) =>
            (!rule.ports?.length ||
              rule.ports.some(
                (rp) => (rp.protocol ?? 'TCP') === 'TCP' && (rp.port === undefined || rp.port === port),
              )) &&
            (!rule.from?.length ||
              rule.from.some(
                (f) =>
                  (f.namespaceSelector
                    ? matches(f.namespaceSelector, { 'kubernetes.io/metadata.name': src.ns })
                    : src.ns === NS) && matches(f.podSelector, src.labels),
              )),
        ),
      );
    }
    const who = (target: string, port: number) =>
      Object.keys(sources)
        .filter((s) => allowed(sources[s]!, target, port))
        .sort();

    it('deny by default: every pod of the namespace is selected by a deny-all ingress policy', () => {
      const deny = policies.find((p) => !p.spec!.ingress?.length && p.spec!.policyTypes!.includes('Ingress'));
      expect(deny?.spec?.podSelector).toEqual({});
      expect(who('kube-state-metrics', 12345)).toEqual(['prometheus']);
    });

    it('PostgreSQL and Redis: only from the API and the GPU workers', () => {
      expect(who('postgres', 5432)).toEqual(['imagepod-api', 'imagepod-gpu-worker']);
      expect(who('redis', 6379)).toEqual(['imagepod-api', 'imagepod-gpu-worker']);
    });

    it('the API from anywhere; Grafana from anywhere; workers from the API (and Prometheus)', () => {
      expect(who('imagepod-api', 8000)).toEqual(Object.keys(sources).sort());
      expect(who('grafana', 3000)).toEqual(Object.keys(sources).sort());
      expect(who('imagepod-gpu-worker', 8081)).toEqual(['imagepod-api', 'prometheus']);
    });

    it('Prometheus scrapes its targets and is queried by Grafana and the panel only', () => {
      for (const [target, port] of [
        ['imagepod-api', 8000],
        ['dcgm-exporter', 9400],
        ['kube-state-metrics', 8080],
        ['imagepod-gpu-worker', 8080],
      ] as const) {
        expect(allowed(sources.prometheus!, target, port), `${target}:${port}`).toBe(true);
      }
      // (and itself: the scrape policy covers every pod but the data stores, its own included)
      expect(who('prometheus', 9090)).toEqual(['grafana', 'panel', 'prometheus']);
    });
  });
});
