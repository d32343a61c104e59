/**
 * manifests/dashboard/ on the devcluster: the kustomization is accepted by the API server, the
 * pod meets the `restricted` Pod Security Standard, and the panel's own ServiceAccount is
 * read-only — proven with `kubectl auth can-i --as=<the ServiceAccount>` and with a real token
 * of that account, which feeds the watch cache and is refused every write but its two: audit
 * Events, and the one ConfigMap listing signed-out sessions.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { CACHED_RESOURCES as RESOURCES, ClusterCache } from '@/lib/server/kube/cluster-cache';
import { kubeRequest } from '@/lib/server/kube/transport';
import { REVOCATIONS_NAME, RevocationSync, configMapStore } from '@/lib/server/auth/revocations';
import type { ResourceDef } from '@/lib/server/kube/reflector';
import { REPO, createNamespace, devKubeConfig, eventually, kubectl, uniqueName } from './helpers';

const DIR = path.join(REPO, 'manifests', 'dashboard');
const execFileAsync = promisify(execFile);
/** Where a command lives on this machine's PATH. */
const execFileSyncPath = (cmd: string) =>
  execFileSync('sh', ['-c', `command -v ${cmd}`])
    .toString()
    .trim();
const SA_NS = 'imagepod-system';
const SA_NAME = 'imagepod-dashboard';
const SA = `system:serviceaccount:${SA_NS}:${SA_NAME}`;
/** Where the audit trail's Events go; the ImagePod bundle creates it. */
const AUDIT_NS = 'imagepod';
/** The list of signed-out sessions: the one ConfigMap the account may read and update. */
const REVOCATIONS = `configmaps/${REVOCATIONS_NAME}`;
const READ = ['get', 'list', 'watch'];
/** What the account may do with a cached resource: an optional group (DRA) gets only what the cache does. */
const readsOf = (def: ResourceDef) => (def.optional ? ['list', 'watch'] : READ);

/** kubectl's name for a cached resource: `pods`, `deployments.apps`. */
function kubectlName(def: ResourceDef): string {
  const group = /^\/apis\/([^/]+)\//.exec(def.path)?.[1];
  return group ? `${def.name}.${group}` : def.name;
}

/** The error of a failed kubectl run (promisified execFile): exit code and output. */
type ExecError = Error & { code?: number; stdout?: string; stderr?: string };

/** `kubectl auth can-i`, which exits 1 when the answer is "no". */
async function canI(
  verb: string,
  resource: string,
  where: { ns?: string; subresource?: string } = {},
): Promise<boolean> {
  const args = ['auth', 'can-i', verb, resource, `--as=${SA}`];
  if (where.subresource) args.push(`--subresource=${where.subresource}`);
  args.push(...(where.ns ? ['-n', where.ns] : ['--all-namespaces']));
  let out: string;
  try {
    out = await kubectl(args);
  } catch (e) {
    const err = e as ExecError;
    if (err.code !== 1 || err.stdout === undefined) throw e;
    out = err.stdout;
  }
  const answer = out.trim().split('\n')[0];
  if (answer !== 'yes' && answer !== 'no')
    throw new Error(`kubectl ${args.join(' ')}: unexpected answer ${JSON.stringify(out)}`);
  return answer === 'yes';
}

interface Check {
  verb: string;
  resource: string;
  ns?: string;
  subresource?: string;
}
const label = (c: Check) =>
  `${c.verb} ${c.resource}${c.subresource ? `/${c.subresource}` : ''} ${c.ns ? `-n ${c.ns}` : '(cluster-wide)'}`;

/** Runs every check (4 at a time: 2 cores) and returns each answer by label. */
async function answers(checks: Check[]): Promise<Map<string, boolean>> {
  const out = new Map<string, boolean>();
  const queue = [...checks];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let c = queue.shift(); c; c = queue.shift()) out.set(label(c), await canI(c.verb, c.resource, c));
    }),
  );
  return out;
}

/**
 * `kubectl auth can-i --list` as { resource → verbs } and the set of non-resource rows. The
 * table has four columns (resources, non-resource URLs, resource names, verbs); the
 * non-resource rows have an empty first column.
 */
async function rightsList(
  user: string,
  ns: string,
): Promise<{ resources: Map<string, Set<string>>; nonResource: Set<string> }> {
  const out = await kubectl(['auth', 'can-i', '--list', '--no-headers', `--as=${user}`, '-n', ns]);
  const resources = new Map<string, Set<string>>();
  const nonResource = new Set<string>();
  for (const line of out.split('\n')) {
    if (!line.trim()) continue;
    const m = /^(\S*)\s+\[(.*?)\]\s+\[(.*?)\]\s+\[(.*?)\]\s*$/.exec(line);
    if (!m) throw new Error(`unparsed kubectl auth can-i --list line: ${JSON.stringify(line)}`);
    const [, resource, urls, names, verbs] = m as unknown as [string, string, string, string, string];
    if (!resource) {
      nonResource.add(`${urls} ${verbs}`);
      continue;
    }
    const key = names ? `${resource}[${names}]` : resource;
    const set = resources.get(key) ?? new Set<string>();
    for (const v of verbs.split(' ').filter(Boolean)) set.add(v);
    resources.set(key, set);
  }
  return { resources, nonResource };
}

async function exists(kind: string, name: string): Promise<boolean> {
  return (await kubectl(['get', kind, name, '--ignore-not-found', '-o', 'name'])).trim() !== '';
}

let createdAuditNs = false;
/** The devcluster makes the panel's namespace (devcluster/up.sh); then only the test's objects in it go. */
let createdSaNs = false;
let createdRevocations = false;

type MatchLabels = { matchLabels: Record<string, string> };
/** The parts of deployment.yaml the availability test reads. */
interface PanelDeployment {
  spec: {
    replicas: number;
    strategy: unknown;
    selector: MatchLabels;
    template: {
      metadata: { labels: Record<string, string> };
      spec: {
        affinity: {
          podAntiAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution?: unknown;
            preferredDuringSchedulingIgnoredDuringExecution: {
              weight: number;
              podAffinityTerm: { topologyKey: string; labelSelector: MatchLabels };
            }[];
          };
        };
        topologySpreadConstraints?: { whenUnsatisfiable: string; labelSelector: MatchLabels }[];
      };
    };
  };
}
interface PanelPdb {
  metadata: { name: string; namespace: string };
  spec: { minAvailable?: number; maxUnavailable?: number; selector: MatchLabels };
}

describe('the panel installation (manifests/dashboard) and its read-only identity', () => {
  beforeAll(async () => {
    // A namespace still Terminating from an earlier run refuses new objects: wait it out.
    await eventually(
      async () =>
        (await kubectl(['get', 'namespace', SA_NS, '--ignore-not-found', '-o', 'jsonpath={.status.phase}'])).trim() !==
        'Terminating',
      90_000,
      `${SA_NS} deleted`,
    );
    // rbac.yaml's Role lives in the ImagePod namespace, which the ImagePod bundle creates.
    if (!(await exists('namespace', AUDIT_NS))) {
      try {
        await createNamespace(AUDIT_NS);
        createdAuditNs = true;
      } catch (e) {
        if (!/AlreadyExists/.test((e as ExecError).stderr ?? '')) throw e;
      }
    }
    createdSaNs = !(await exists('namespace', SA_NS));
    createdRevocations =
      createdSaNs ||
      (
        await kubectl(['get', 'configmap', REVOCATIONS_NAME, '-n', SA_NS, '--ignore-not-found', '-o', 'name'])
      ).trim() === '';
    // A server-side dry run of a namespaced object needs its namespace to exist.
    await kubectl(['apply', '-f', path.join(DIR, 'namespace.yaml')]);
  });

  afterAll(async () => {
    await kubectl([
      'delete',
      'clusterrolebinding/imagepod-dashboard',
      'clusterrole/imagepod-dashboard',
      '--ignore-not-found',
    ]);
    if (createdAuditNs) await kubectl(['delete', 'namespace', AUDIT_NS, '--ignore-not-found', '--timeout=90s']);
    else
      await kubectl([
        'delete',
        '-n',
        AUDIT_NS,
        'rolebinding/imagepod-dashboard-audit',
        'role/imagepod-dashboard-audit',
        '--ignore-not-found',
      ]);
    if (createdSaNs) await kubectl(['delete', 'namespace', SA_NS, '--ignore-not-found', '--timeout=90s']);
    else
      await kubectl([
        'delete',
        '-n',
        SA_NS,
        'serviceaccount/imagepod-dashboard',
        'secret/imagepod-dashboard-session',
        'rolebinding/imagepod-dashboard-revocations',
        'role/imagepod-dashboard-revocations',
        ...(createdRevocations ? [`configmap/${REVOCATIONS_NAME}`] : []),
        '--ignore-not-found',
      ]);
  });

  it('passes a server-side dry run of the kustomization and of the optional Ingress, then applies the identity idempotently', async () => {
    const dry = await kubectl(['apply', '--dry-run=server', '-k', DIR]);
    for (const obj of [
      'serviceaccount/imagepod-dashboard',
      'clusterrole.rbac.authorization.k8s.io/imagepod-dashboard',
      'clusterrolebinding.rbac.authorization.k8s.io/imagepod-dashboard',
      'role.rbac.authorization.k8s.io/imagepod-dashboard-audit',
      'rolebinding.rbac.authorization.k8s.io/imagepod-dashboard-audit',
      'role.rbac.authorization.k8s.io/imagepod-dashboard-revocations',
      'rolebinding.rbac.authorization.k8s.io/imagepod-dashboard-revocations',
      `configmap/${REVOCATIONS_NAME}`,
      'service/imagepod-dashboard',
      'deployment.apps/imagepod-dashboard',
      'poddisruptionbudget.policy/imagepod-dashboard',
      'networkpolicy.networking.k8s.io/imagepod-dashboard',
    ]) {
      expect(dry).toContain(obj);
    }
    expect(await kubectl(['apply', '--dry-run=server', '-f', path.join(DIR, 'ingress.yaml')])).toContain(
      'ingress.networking.k8s.io/imagepod-dashboard',
    );
    // `kubectl delete -k manifests/dashboard` must never take the ImagePod stack with it, and the
    // Ingress stays optional (applied on its own, with a host and TLS).
    const built = parseAllDocuments(await kubectl(['kustomize', DIR])).map(
      (d) => d.toJS() as { kind: string; metadata: { name: string } },
    );
    expect(built.filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name)).toEqual([SA_NS]);
    expect(built.map((o) => o.kind)).not.toContain('Ingress');

    const files = ['namespace.yaml', 'serviceaccount.yaml', 'rbac.yaml'].flatMap((f) => ['-f', path.join(DIR, f)]);
    await kubectl(['apply', ...files]);
    const again = (await kubectl(['apply', ...files])).trim().split('\n');
    expect(again.length).toBe(8);
    for (const line of again) expect(line).toMatch(/ unchanged$/);
  });

  it('runs a pod that meets the restricted Pod Security Standard its namespace enforces', async () => {
    const deployment = parse(readFileSync(path.join(DIR, 'deployment.yaml'), 'utf8')) as {
      spec: {
        template: {
          spec: {
            containers: {
              livenessProbe: { httpGet: { path: string } };
              readinessProbe: { httpGet: { path: string } };
              securityContext: Record<string, unknown>;
            }[];
          };
        };
      };
    };
    const podSpec = deployment.spec.template.spec;
    // The probes point at routes that exist.
    for (const probe of [podSpec.containers[0]!.livenessProbe, podSpec.containers[0]!.readinessProbe]) {
      expect(existsSync(path.join(REPO, 'app', probe.httpGet.path, 'route.ts')), probe.httpGet.path).toBe(true);
    }
    const pod = (spec: unknown) =>
      JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: uniqueName('psa'), namespace: SA_NS }, spec });
    // Enforced: the pod template is admitted (dry run: nothing is created)...
    expect(await kubectl(['create', '--dry-run=server', '-f', '-'], pod(podSpec))).toMatch(
      /created \(server dry run\)/,
    );
    // ...and the check has teeth: the same pod as root with privilege escalation is refused.
    const weakened = {
      ...podSpec,
      securityContext: {},
      containers: podSpec.containers.map((c) => ({ ...c, securityContext: { allowPrivilegeEscalation: true } })),
    };
    const refused = await kubectl(['create', '--dry-run=server', '-f', '-'], pod(weakened)).then(
      () => null,
      (e: ExecError) => e.stderr ?? String(e),
    );
    expect(refused).toMatch(/violates PodSecurity "restricted/);
  });

  it('scripts/install-dashboard.sh generates the session Secret once and never changes it', async () => {
    const run = () =>
      execFileAsync('bash', [path.join(REPO, 'scripts', 'install-dashboard.sh')], {
        env: { ...process.env, KUBECTL: path.join(REPO, 'devcluster', 'kubectl.sh'), DRY_RUN: '1' },
      });
    await run();
    const first = JSON.parse(
      await kubectl(['get', 'secret', 'imagepod-dashboard-session', '-n', SA_NS, '-o', 'json']),
    ) as { data: { secret: string }; metadata: { resourceVersion: string } };
    expect(Buffer.from(Buffer.from(first.data.secret, 'base64').toString(), 'base64')).toHaveLength(48);
    await run();
    const second = JSON.parse(
      await kubectl(['get', 'secret', 'imagepod-dashboard-session', '-n', SA_NS, '-o', 'json']),
    ) as typeof first;
    expect(second.data.secret).toBe(first.data.secret);
    expect(second.metadata.resourceVersion).toBe(first.metadata.resourceVersion);
    // The Deployment takes the sealing key from it; the panel's own account cannot read it.
    const deployment = parseAllDocuments(await kubectl(['kustomize', DIR]))
      .map(
        (d) =>
          d.toJS() as {
            kind: string;
            spec?: {
              template: {
                spec: {
                  containers: {
                    env: { name: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
                  }[];
                };
              };
            };
          },
      )
      .find((o) => o.kind === 'Deployment')!;
    expect(
      deployment.spec!.template.spec.containers[0]!.env.find((e) => e.name === 'IMAGEPOD_SESSION_SECRET')?.valueFrom
        ?.secretKeyRef,
    ).toEqual({ name: 'imagepod-dashboard-session', key: 'secret' });
    expect(
      (
        await kubectl(['auth', 'can-i', 'get', 'secret/imagepod-dashboard-session', '-n', SA_NS, `--as=${SA}`]).catch(
          (e: ExecError) => e.stdout ?? '',
        )
      ).trim(),
    ).toBe('no');
  });

  it('scripts/install-dashboard.sh also works with a base64 that has no GNU -w flag (BSD, macOS)', async () => {
    const bin = mkdtempSync(path.join(tmpdir(), 'bsd-base64-'));
    try {
      // Like BSD base64: -w is an unknown option; otherwise the system's base64.
      writeFileSync(
        path.join(bin, 'base64'),
        `#!/bin/sh\nfor a in "$@"; do case "$a" in -w*) echo "base64: illegal option -- w" >&2; exit 64;; esac; done\nexec ${execFileSyncPath('base64')} "$@"\n`,
        { mode: 0o755 },
      );
      await kubectl(['delete', 'secret', 'imagepod-dashboard-session', '-n', SA_NS, '--ignore-not-found']);
      await execFileAsync('bash', [path.join(REPO, 'scripts', 'install-dashboard.sh')], {
        env: {
          ...process.env,
          PATH: `${bin}:${process.env.PATH}`,
          KUBECTL: path.join(REPO, 'devcluster', 'kubectl.sh'),
          DRY_RUN: '1',
        },
      });
      const secret = JSON.parse(
        await kubectl(['get', 'secret', 'imagepod-dashboard-session', '-n', SA_NS, '-o', 'json']),
      ) as { data: { secret: string } };
      const value = Buffer.from(secret.data.secret, 'base64').toString();
      expect(value).toMatch(/^[A-Za-z0-9+/]{64}$/); // one line, no newline
      expect(Buffer.from(value, 'base64')).toHaveLength(48);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });

  it('limits the namespace with a NetworkPolicy: in only to the panel port; out only to DNS, Prometheus, 443/6443', () => {
    const np = parse(readFileSync(path.join(DIR, 'networkpolicy.yaml'), 'utf8')) as {
      metadata: { namespace: string };
      spec: {
        podSelector: { matchLabels: Record<string, string> };
        policyTypes: string[];
        ingress: { from?: unknown; ports: { port: number; protocol: string }[] }[];
        egress: { to: Record<string, unknown>[]; ports: { port: number; protocol: string }[] }[];
      };
    };
    const deployment = parse(readFileSync(path.join(DIR, 'deployment.yaml'), 'utf8')) as {
      spec: {
        template: {
          metadata: { labels: Record<string, string> };
          spec: { containers: { ports: { containerPort: number }[] }[] };
        };
      };
    };
    expect(np.metadata.namespace).toBe(SA_NS);
    expect(np.spec.policyTypes.sort()).toEqual(['Egress', 'Ingress']);
    for (const [k, v] of Object.entries(np.spec.podSelector.matchLabels))
      expect(deployment.spec.template.metadata.labels[k]).toBe(v);
    const panelPort = deployment.spec.template.spec.containers[0]!.ports[0]!.containerPort;
    expect(np.spec.ingress.flatMap((r) => r.ports.map((p) => `${p.protocol}/${p.port}`))).toEqual([`TCP/${panelPort}`]);
    expect(np.spec.egress.flatMap((r) => r.ports.map((p) => `${p.protocol}/${p.port}`)).sort()).toEqual(
      ['TCP/443', 'TCP/53', 'TCP/6443', 'TCP/9090', 'UDP/53'].sort(),
    );
    // Only the API server / issuer rule may leave the cluster, and only on TLS ports.
    const open = np.spec.egress.filter((r) => r.to.some((t) => 'ipBlock' in t));
    expect(open.flatMap((r) => r.ports.map((p) => p.port)).sort()).toEqual([443, 6443]);
    expect(readFileSync(path.join(DIR, 'kustomization.yaml'), 'utf8')).toMatch(/^ {2}- networkpolicy\.yaml$/m);
  });

  it('runs two replicas: rolling update that surges first, preferred anti-affinity per node, a PDB of minAvailable 1 over exactly its pods', async () => {
    // What `kubectl apply -k` installs.
    const built = parseAllDocuments(await kubectl(['kustomize', DIR])).map((d) => d.toJS() as { kind: string });
    const deployment = built.find((o) => o.kind === 'Deployment') as unknown as PanelDeployment;
    const pdb = built.find((o) => o.kind === 'PodDisruptionBudget') as unknown as PanelPdb;
    const labels = deployment.spec.template.metadata.labels;
    const selects = (sel: Record<string, string>) =>
      Object.keys(sel).length > 0 && Object.entries(sel).every(([k, v]) => labels[k] === v);

    expect(deployment.spec.replicas).toBe(2);
    expect(deployment.spec.strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: 1, maxUnavailable: 0 },
    });
    // Preferred, not required: a one-node cluster still runs both replicas (and every rollout).
    const anti = deployment.spec.template.spec.affinity.podAntiAffinity;
    expect(anti.requiredDuringSchedulingIgnoredDuringExecution).toBeUndefined();
    expect(anti.preferredDuringSchedulingIgnoredDuringExecution).toHaveLength(1);
    const term = anti.preferredDuringSchedulingIgnoredDuringExecution[0]!.podAffinityTerm;
    expect(term.topologyKey).toBe('kubernetes.io/hostname');
    expect(selects(term.labelSelector.matchLabels)).toBe(true);
    for (const c of deployment.spec.template.spec.topologySpreadConstraints ?? []) {
      expect(c.whenUnsatisfiable).toBe('ScheduleAnyway');
      expect(selects(c.labelSelector.matchLabels)).toBe(true);
    }

    expect(pdb.metadata).toMatchObject({ name: 'imagepod-dashboard', namespace: SA_NS });
    expect(pdb.spec.minAvailable).toBe(1);
    expect(pdb.spec.maxUnavailable).toBeUndefined();
    expect(pdb.spec.selector.matchLabels).toEqual(deployment.spec.selector.matchLabels);
    expect(selects(pdb.spec.selector.matchLabels)).toBe(true);
    expect(readFileSync(path.join(DIR, 'kustomization.yaml'), 'utf8')).toMatch(/^ {2}- pdb\.yaml$/m);
  });

  it(
    'on the devcluster: both replicas run on different nodes and the PDB counts exactly them, allowing one disruption',
    { timeout: 120_000 },
    async () => {
      await kubectl(['apply', '-k', DIR]);
      const pods = await eventually(
        async () => {
          const list = JSON.parse(
            await kubectl([
              'get',
              'pods',
              '-n',
              SA_NS,
              '-l',
              'app.kubernetes.io/name=imagepod-dashboard',
              '-o',
              'json',
            ]),
          ) as { items: { metadata: { name: string }; spec: { nodeName?: string }; status: { phase?: string } }[] };
          const running = list.items.filter((p) => p.status.phase === 'Running' && p.spec.nodeName);
          return running.length === 2 ? running : null;
        },
        60_000,
        'two panel pods running',
      );
      expect(new Set(pods.map((p) => p.spec.nodeName)).size).toBe(2);
      const status = await eventually(
        async () => {
          const got = JSON.parse(await kubectl(['get', 'pdb', 'imagepod-dashboard', '-n', SA_NS, '-o', 'json'])) as {
            status?: {
              expectedPods?: number;
              currentHealthy?: number;
              desiredHealthy?: number;
              disruptionsAllowed?: number;
            };
          };
          return got.status?.currentHealthy === 2 ? got.status : null;
        },
        60_000,
        'the PDB sees both pods healthy',
      );
      expect(status).toMatchObject({ expectedPods: 2, currentHealthy: 2, desiredHealthy: 1, disruptionsAllowed: 1 });
    },
  );

  it('grants reads of exactly what the watch cache reads, with no wildcard anywhere', () => {
    const docs = parseAllDocuments(readFileSync(path.join(DIR, 'rbac.yaml'), 'utf8')).map(
      (d) => d.toJS() as { kind: string; rules?: { apiGroups: string[]; resources: string[]; verbs: string[] }[] },
    );
    const rules = docs.flatMap((d) => d.rules ?? []);
    expect(JSON.stringify(rules)).not.toContain('*');
    const clusterRole = docs.find((d) => d.kind === 'ClusterRole')!;
    const reads = clusterRole
      .rules!.filter((r) => r.verbs.includes('list'))
      .flatMap((r) => r.resources.flatMap((res) => r.apiGroups.map((g) => (g ? `${res}.${g}` : res))));
    expect(reads.sort()).toEqual(RESOURCES.map(kubectlName).sort());
  });

  it('kubectl auth can-i: yes for the cache reads, creating audit Events and keeping the list of signed-out sessions', async () => {
    const checks: Check[] = [
      ...RESOURCES.flatMap((def) => readsOf(def).map((verb) => ({ verb, resource: kubectlName(def) }))),
      { verb: 'create', resource: 'events', ns: AUDIT_NS },
      { verb: 'create', resource: 'events.events.k8s.io', ns: AUDIT_NS },
      { verb: 'get', resource: REVOCATIONS, ns: SA_NS },
      { verb: 'update', resource: REVOCATIONS, ns: SA_NS },
    ];
    const got = await answers(checks);
    expect([...got].filter(([, yes]) => !yes).map(([l]) => l)).toEqual([]);
  }, 120_000);

  it('kubectl auth can-i: no write on workloads, nodes, secrets; no secret or configmap read; no impersonation, exec or escalation', async () => {
    const writable = [
      'deployments.apps',
      'statefulsets.apps',
      'daemonsets.apps',
      'replicasets.apps',
      'jobs.batch',
      'cronjobs.batch',
      'pods',
      'nodes',
      'secrets',
      'configmaps',
      'services',
      'namespaces',
    ];
    const checks: Check[] = [
      // In the namespace where the account has the most rights, and cluster-wide.
      ...[AUDIT_NS, undefined].flatMap((ns) =>
        writable.flatMap((resource) =>
          ['create', 'update', 'patch', 'delete', 'deletecollection'].map((verb) => ({ verb, resource, ns })),
        ),
      ),
      ...[AUDIT_NS, SA_NS, undefined].flatMap((ns) =>
        ['secrets', 'configmaps'].flatMap((resource) => READ.map((verb) => ({ verb, resource, ns }))),
      ),
      ...['users', 'groups', 'serviceaccounts', 'userextras', 'uids'].map((resource) => ({
        verb: 'impersonate',
        resource,
      })),
      ...['exec', 'attach', 'portforward', 'eviction'].map((subresource) => ({
        verb: 'create',
        resource: 'pods',
        subresource,
        ns: AUDIT_NS,
      })),
      { verb: 'patch', resource: 'nodes', subresource: 'status' },
      { verb: 'create', resource: 'serviceaccounts', subresource: 'token', ns: SA_NS },
      { verb: 'create', resource: 'clusterrolebindings.rbac.authorization.k8s.io' },
      { verb: 'create', resource: 'rolebindings.rbac.authorization.k8s.io', ns: AUDIT_NS },
      { verb: 'escalate', resource: 'clusterroles.rbac.authorization.k8s.io' },
      { verb: 'bind', resource: 'clusterroles.rbac.authorization.k8s.io' },
      // The audit trail: written only in its namespace, never erased.
      { verb: 'delete', resource: 'events', ns: AUDIT_NS },
      { verb: 'update', resource: 'events', ns: AUDIT_NS },
      { verb: 'patch', resource: 'events', ns: AUDIT_NS },
      // Login needs none of the delegated-auth rights: users' own Self* reviews do the work.
      { verb: 'create', resource: 'tokenreviews.authentication.k8s.io' },
      { verb: 'create', resource: 'subjectaccessreviews.authorization.k8s.io' },
      { verb: 'create', resource: 'events', ns: 'default' },
      { verb: 'create', resource: 'events', ns: SA_NS },
      // DRA: list and watch for the cache, nothing else (no get, no write, no status).
      ...RESOURCES.filter((def) => def.optional).flatMap((def) =>
        ['get', 'create', 'update', 'patch', 'delete'].map((verb) => ({ verb, resource: kubectlName(def) })),
      ),
      { verb: 'update', resource: 'resourceclaims.resource.k8s.io', subresource: 'status', ns: AUDIT_NS },
      // The list of signed-out sessions: get and update of that one object in its namespace, no
      // more — not another ConfigMap, no create, patch or delete of it, not the same name in
      // another namespace (and no list or watch of configmaps in its namespace: above).
      ...['get', 'update', 'patch', 'delete'].map((verb) => ({ verb, resource: 'configmaps/other-config', ns: SA_NS })),
      ...['create', 'deletecollection'].map((verb) => ({ verb, resource: 'configmaps', ns: SA_NS })),
      ...['patch', 'delete'].map((verb) => ({ verb, resource: REVOCATIONS, ns: SA_NS })),
      ...['get', 'update'].flatMap((verb) => [
        { verb, resource: REVOCATIONS, ns: AUDIT_NS },
        { verb, resource: REVOCATIONS, ns: 'default' },
        { verb, resource: REVOCATIONS },
      ]),
    ];
    const got = await answers(checks);
    expect(got.size).toBe(checks.length);
    expect([...got].filter(([, yes]) => yes).map(([l]) => l)).toEqual([]);
  }, 120_000);

  it('kubectl auth can-i --list: nothing beyond the intended rules and what every account has', async () => {
    const baselineUser = `system:serviceaccount:${SA_NS}:no-such-account`;
    const grants = (ns: string) =>
      new Map<string, string[]>([
        ...RESOURCES.map(
          (def) =>
            [kubectlName(def), ns === AUDIT_NS && def.name === 'events' ? [...READ, 'create'] : readsOf(def)] as [
              string,
              string[],
            ],
        ),
        ...(ns === AUDIT_NS ? [['events.events.k8s.io', ['create']] as [string, string[]]] : []),
        ...(ns === SA_NS ? [[`configmaps[${REVOCATIONS_NAME}]`, ['get', 'update']] as [string, string[]]] : []),
      ]);
    for (const ns of [AUDIT_NS, SA_NS, 'default']) {
      const [mine, base] = await Promise.all([rightsList(SA, ns), rightsList(baselineUser, ns)]);
      const extra = new Map<string, string[]>();
      for (const [res, verbs] of mine.resources) {
        const left = [...verbs].filter((v) => !base.resources.get(res)?.has(v)).sort();
        if (left.length) extra.set(res, left);
      }
      const want = new Map([...grants(ns)].map(([r, v]) => [r, [...v].sort()]));
      expect(Object.fromEntries(extra), `-n ${ns}`).toEqual(Object.fromEntries(want));
      expect([...mine.nonResource].sort(), `-n ${ns}`).toEqual([...base.nonResource].sort());
    }
  }, 60_000);

  describe('with a real token of the ServiceAccount', () => {
    let kc: KubeConfig;
    let cache: ClusterCache | null = null;

    beforeAll(async () => {
      const token = (await kubectl(['create', 'token', SA_NAME, '-n', SA_NS, '--duration=10m'])).trim();
      const cluster = devKubeConfig().getCurrentCluster()!;
      kc = new KubeConfig();
      kc.loadFromOptions({
        clusters: [
          {
            name: 'devcluster',
            server: cluster.server,
            caData: cluster.caData,
            caFile: cluster.caFile,
            skipTLSVerify: false,
          },
        ],
        users: [{ name: SA_NAME, token }],
        contexts: [{ name: SA_NAME, cluster: 'devcluster', user: SA_NAME }],
        currentContext: SA_NAME,
      });
    });

    afterAll(async () => {
      await cache?.stop();
    });

    it('is authenticated as the panel ServiceAccount', async () => {
      const review = await kubeRequest<{ status: { userInfo: { username: string; groups: string[] } } }>(
        kc,
        '/apis/authentication.k8s.io/v1/selfsubjectreviews',
        {
          method: 'POST',
          fieldManager: null,
          body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
        },
      );
      expect(review.status.userInfo.username).toBe(SA);
    });

    it('feeds the watch cache: every resource listed and watched, state synced', async () => {
      cache = new ClusterCache(kc, 50);
      cache.start();
      await eventually(
        () => cache!.everSynced() && cache!.health().state === 'synced',
        30_000,
        'cache synced with the panel ServiceAccount',
      );
      const health = cache.health();
      expect(Object.keys(health.resources).sort()).toEqual(RESOURCES.map((d) => d.name).sort());
      for (const def of RESOURCES) {
        expect(health.resources[def.name], def.name).toMatchObject({ state: 'synced', lastError: null });
        expect(health.resources[def.name]?.listedAt, def.name).not.toBeNull();
      }
      const nodes = (await kubectl(['get', 'nodes', '-o', 'name']))
        .trim()
        .split('\n')
        .map((n) => n.replace('node/', ''))
        .sort();
      expect(
        cache.views.nodes
          .list()
          .items.map((n) => n.name)
          .sort(),
      ).toEqual(nodes);
      await cache.stop();
      cache = null;
    });

    it('is refused secrets and every write by the API server itself (dry runs: nothing would be created)', async () => {
      const dry = { dryRun: 'All' };
      await expect(kubeRequest(kc, '/api/v1/secrets')).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(kubeRequest(kc, `/api/v1/namespaces/${AUDIT_NS}/configmaps`)).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(
        kubeRequest(kc, `/apis/apps/v1/namespaces/${AUDIT_NS}/deployments`, {
          method: 'POST',
          fieldManager: 'imagepod-dashboard',
          query: dry,
          body: {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            metadata: { name: 'x' },
            spec: {
              selector: { matchLabels: { a: 'b' } },
              template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'x', image: 'x' }] } },
            },
          },
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(
        kubeRequest(kc, '/api/v1/nodes/gpu-node-1', {
          method: 'PATCH',
          fieldManager: 'imagepod-dashboard/labels',
          query: dry,
          contentType: 'application/merge-patch+json',
          body: { metadata: { labels: { accelerator: 'x' } } },
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      // ...while the audit trail's write is allowed.
      const event = await kubeRequest<{ metadata: { namespace: string } }>(
        kc,
        `/api/v1/namespaces/${AUDIT_NS}/events`,
        {
          method: 'POST',
          fieldManager: 'imagepod-dashboard/audit',
          query: dry,
          body: {
            apiVersion: 'v1',
            kind: 'Event',
            metadata: { name: uniqueName('audit') },
            involvedObject: { apiVersion: 'v1', kind: 'Namespace', name: AUDIT_NS, namespace: AUDIT_NS },
            reason: 'Test',
            message: 'dashboard-rbac test',
            type: 'Normal',
          },
        },
      );
      expect(event.metadata.namespace).toBe(AUDIT_NS);
    });

    it('keeps the list of signed-out sessions in its one ConfigMap, and may touch no other', async () => {
      await kubectl(['apply', '-f', path.join(DIR, 'revocations.yaml')]);
      const sid = randomBytes(12).toString('base64url');
      const exp = Date.now() + 600_000;
      const sync = new RevocationSync(configMapStore(() => kc, SA_NS));
      expect(await sync.revokeEverywhere(sid, exp)).toEqual({ written: true });
      const stored = async () =>
        (
          JSON.parse(await kubectl(['get', 'configmap', REVOCATIONS_NAME, '-n', SA_NS, '-o', 'json'])) as {
            data?: Record<string, string>;
          }
        ).data ?? {};
      expect((await stored())[sid]).toBe(new Date(exp).toISOString());
      // Re-applying the manifest (an upgrade, install-dashboard.sh again) keeps the entries.
      await kubectl(['apply', '-f', path.join(DIR, 'revocations.yaml')]);
      expect((await stored())[sid]).toBe(new Date(exp).toISOString());
      // Another ConfigMap is refused to the account: read, create, update; so is listing them.
      const other = configMapStore(() => kc, SA_NS, 'other-config');
      await expect(other.read()).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(other.write(null, {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(kubeRequest(kc, `/api/v1/namespaces/${SA_NS}/configmaps`)).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      // The same name elsewhere, too.
      await expect(configMapStore(() => kc, AUDIT_NS).read()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });
  });
});
