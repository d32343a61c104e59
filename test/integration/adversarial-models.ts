/**
 * The input model of every route and method: which query keys, path segments and body fields it
 * takes, each with plausible values (so requests get past the first check) mixed with hostile ones.
 *
 * No generated request can make a valid change outside the scratch namespace, by construction:
 * - node writes (cordon, drain, labels, taints, bulk labels) only name nodes that do not exist;
 * - workload writes (scale, restart, undo, pause, resume; a CronJob's suspend and run now) only
 *   name the scratch namespace (left out of the digest) or namespaces that do not exist;
 * - a deploy's settings always end with an invalid `apiReplicas` (after any duplicate key, so it
 *   wins), and an undeploy's `confirm` is never the stack's namespace;
 * - sign-out is sent with a throwaway session, never the one the suite uses;
 * - sign-in tokens are random strings the API server cannot accept.
 * Everything else reads, or dry-runs (deploy preview), or asks access reviews (not stored).
 */
import fc from 'fast-check';
import { RANGE_PRESET_NAMES } from '@/lib/metrics/time-range';
import { PANEL_IDS } from '@/lib/metrics/panels';
import { DEFAULT_SETTINGS } from '@/lib/deploy/settings';
import { AUDIT_ACTIONS } from '@/lib/audit';
import {
  PROMQL,
  SELECTORS,
  field,
  hostile,
  hostileValue,
  json,
  queryVariants,
  orHostile,
  shapedBody,
  type Fields,
} from './adversarial-inputs';

export interface ModelContext {
  /** A throwaway namespace (not in the digest) holding Deployment `web`, its pod, StatefulSet `db` and CronJob `nightly`. */
  scratch: string;
  scratchPod: string;
  /** Real node names: writes must never name one. */
  nodes: ReadonlySet<string>;
  /** Namespaces that exist: workload writes must never name one but the scratch namespace. */
  namespaces: ReadonlySet<string>;
}

export interface RouteModel {
  /** Query keys with their values, or a whole query string (for keys that exclude each other). */
  query?: Record<string, fc.Arbitrary<string>> | fc.Arbitrary<string>;
  params?: Record<string, fc.Arbitrary<string>>;
  /** The shaped body as JSON text (hostileBody adds broken, huge and mistyped variants). */
  body?: fc.Arbitrary<string>;
  /** The route answers a person's browser with a redirect (sign-in flows). */
  redirects?: boolean;
  /** Sent with a throwaway session (sign-out would end the suite's own). */
  throwawaySession?: boolean;
  /** How many requests (default the suite's numRuns). */
  runs?: number;
}

const bool = orHostile('true', 'false', '1', '0');
const isoTime = orHostile(new Date(Date.now() - 3_600_000).toISOString(), new Date().toISOString());
const now = Math.floor(Date.now() / 1000);
/** A preset range, or start (and end): never both, which is a plain 400. */
const windows: Record<string, fc.Arbitrary<string>>[] = [
  { range: orHostile(...RANGE_PRESET_NAMES) },
  { start: orHostile(String(now - 7200), String(now - 40 * 86_400), '0'), end: orHostile(String(now), '1e12') },
];
const withWindow = (keys: Record<string, fc.Arbitrary<string>>) =>
  queryVariants(...windows.map((w) => ({ ...keys, ...w })), keys);
const labelKey = orHostile('accelerator', 'example.com/team', 'kubernetes.io/hostname', 'a/b/c', '-x');
const labelEdits = json(
  fc.array(
    fc.record(
      { op: orHostile('set', 'remove'), key: labelKey, value: orHostile('nvidia-tesla-gpu', '', 'x'.repeat(64)) },
      { requiredKeys: [] },
    ),
    { maxLength: 120 },
  ),
);
const taints = json(
  fc.array(
    fc.record(
      { key: labelKey, value: orHostile('v', ''), effect: orHostile('NoSchedule', 'NoExecute', 'noschedule') },
      { requiredKeys: [] },
    ),
    { maxLength: 60 },
  ),
);
const rv = field(json(orHostile('1', '999999999', 'abc')));

function settings(poisonReplicas: boolean): fc.Arbitrary<string> {
  const f: Fields = Object.fromEntries(
    Object.entries(DEFAULT_SETTINGS).map(([k, v]) => [k, field(fc.constant(JSON.stringify(v)))]),
  );
  if (!poisonReplicas) return shapedBody(f);
  const rest = { ...f };
  delete rest.apiReplicas;
  // Never valid: not a whole number in 1..50, so the schema refuses the whole body.
  const poison = fc.constantFrom('0', '-1', '51', '1e400', '2.5', '"2"', 'null', '[]', '1e308');
  return shapedBody(rest, { apiReplicas: poison });
}

/** The models, keyed `METHOD /api/pattern`; the suite fails for a route or method without one. */
export function routeModels(c: ModelContext): Record<string, RouteModel> {
  const namespace = orHostile(c.scratch, 'default', 'kube-system', 'imagepod', 'adv-none-x1');
  const missingNode = orHostile('adv-no-such-node', 'no-such-node.example.com', 'kwok-node-999').filter(
    (n) => !c.nodes.has(n),
  );
  const anyNode = orHostile(...c.nodes, 'adv-no-node');
  const writeNs = fc
    .oneof(fc.constant(c.scratch), orHostile('adv-none-x2', 'Not_A_Ns'))
    .filter((n) => n === c.scratch || !c.namespaces.has(n));
  const workload = (kinds: string[]) => ({
    kind: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...kinds) },
      { weight: 1, arbitrary: orHostile('replicasets', 'pods', 'Deployment') },
    ),
    namespace: writeNs,
    name: orHostile('web', 'db', 'nope'),
  });
  const allKinds = ['deployments', 'statefulsets', 'daemonsets'];
  const cronJob = {
    kind: fc.oneof(
      { weight: 6, arbitrary: fc.constant('cronjobs') },
      { weight: 1, arbitrary: orHostile('jobs', 'deployments', 'CronJob') },
    ),
    namespace: writeNs,
    name: orHostile('nightly', 'web', 'nope', 'a.b'),
  };
  const channel = orHostile('a'.repeat(16), 'chan_0123456789abcdef', 'short');
  const logCommon = {
    namespace,
    container: orHostile('main', 'nope'),
    follow: bool,
    tail: orHostile('0', '10', '100'),
    since: orHostile('15m', '1h', new Date(Date.now() - 600_000).toISOString()),
    until: isoTime,
    previous: bool,
  };
  const pod = orHostile(c.scratchPod, 'nope');
  const podLogs = { ...logCommon, pod };
  const selectorLogs = { ...logCommon, selector: orHostile(...SELECTORS, 'app=web'), node: anyNode };
  const logQuery = fc.oneof(fc.record(podLogs, { requiredKeys: [] }), fc.record(selectorLogs, { requiredKeys: [] }));
  const downloadQuery = { namespace, pod, container: logCommon.container, previous: bool, timestamps: bool };
  const empty: RouteModel = { query: {} };
  return {
    'GET /api/audit': {
      query: {
        user: orHostile('admin', 'system:serviceaccount:x:y'),
        action: orHostile(...AUDIT_ACTIONS),
        result: orHostile('success', 'failure', 'denied'),
        since: isoTime,
        until: isoTime,
        limit: orHostile('1', '5000', '5001', '0', '1.5'),
      },
    },
    'GET /api/audit/export': {
      query: {
        format: orHostile('csv', 'json', 'xlsx', 'CSV'),
        user: orHostile('admin', '=cmd|calc'),
        action: orHostile(...AUDIT_ACTIONS),
        result: orHostile('success', 'failure', 'denied'),
        since: isoTime,
        until: isoTime,
      },
    },
    'POST /api/auth/can-i': {
      body: shapedBody({
        checks: json(
          fc.array(
            fc.record(
              {
                verb: orHostile('get', 'list', 'patch', 'delete'),
                group: orHostile('', 'apps', 'rbac.authorization.k8s.io'),
                resource: orHostile('pods', 'nodes', 'secrets'),
                subresource: orHostile('log', 'scale'),
                namespace,
                name: orHostile('web', 'x'),
              },
              { requiredKeys: [] },
            ),
            { maxLength: 60 },
          ),
        ),
      }),
    },
    'GET /api/auth/local': { query: { code: orHostile('x', 'a'.repeat(128), 'a'.repeat(129)) }, redirects: true },
    'POST /api/auth/login': {
      body: shapedBody({
        token: field(json(orHostile('eyJhbGciOiJSUzI1NiJ9.e30.x', 'Bearer x', 'a'.repeat(9000)))),
      }),
      runs: 20,
    },
    'POST /api/auth/logout': { body: shapedBody({}), throwawaySession: true, runs: 15 },
    'GET /api/auth/oidc/callback': {
      query: {
        code: orHostile('x'),
        state: orHostile('x'),
        error: orHostile('access_denied'),
        error_description: orHostile('<b>x</b>'),
      },
      redirects: true,
    },
    'GET /api/auth/oidc/start': { query: { next: orHostile('/', '//evil.example', '/pods', 'javascript:alert(1)') } },
    'GET /api/auth/session': empty,
    'POST /api/deploy/preview': {
      body: shapedBody({
        settings: settings(false),
        takeOwnership: json(fc.array(hostile, { maxLength: 5 })),
        keepLiveReplicas: json(fc.array(hostile, { maxLength: 5 })),
      }),
      runs: 15,
    },
    'GET /api/deploy/runs': empty,
    'POST /api/deploy/runs': {
      body: shapedBody(
        {
          takeOwnership: json(fc.array(hostile, { maxLength: 5 })),
          keepLiveReplicas: json(fc.array(hostile, { maxLength: 5 })),
        },
        { settings: settings(true) },
      ),
    },
    'GET /api/deploy/runs/stream': { ...empty, runs: 10 },
    // Random ids: never the id of a run that could be resumed.
    'POST /api/deploy/runs/resume': {
      body: shapedBody({ id: field(json(orHostile(crypto.randomUUID(), '00000000-0000-0000-0000-000000000000'))) }),
    },
    'GET /api/deploy/settings': empty,
    'POST /api/deploy/undeploy': {
      body: shapedBody({
        confirm: field(json(orHostile('IMAGEPOD', 'imagepod ', 'yes'))).filter((v) => v !== '"imagepod"'),
        removeVolumes: field(json(fc.boolean())),
        removeSecrets: field(json(fc.boolean())),
      }),
    },
    'GET /api/deviceclasses': empty,
    'GET /api/events': { query: { type: orHostile('Normal', 'Warning'), namespace } },
    'POST /api/gpus/where': {
      body: shapedBody({
        ask: field(
          json(
            fc.record(
              {
                kind: orHostile('resource', 'mig', 'shares', 'devices'),
                resource: orHostile('nvidia.com/gpu'),
                profile: orHostile('1g.10gb', '7g.80gb'),
                count: fc.oneof(fc.integer(), fc.constantFrom(1, 1024, 1025, 0.5)),
                deviceClass: fc.record({ name: hostile, driver: hostile }),
              },
              { requiredKeys: [] },
            ),
          ),
        ),
        product: field(json(orHostile('H100', 'a100'))),
        nodeSelector: field(json(fc.dictionary(hostile, hostile, { maxKeys: 5 }))),
        selector: field(json(orHostile(...SELECTORS))),
        affinity: field(json(fc.jsonValue({ maxDepth: 6 }))),
        tolerations: field(json(fc.array(fc.record({ key: hostile, operator: hostile }), { maxLength: 70 }))),
      }),
      runs: 60,
    },
    'GET /api/health': empty,
    'GET /api/healthz': empty,
    'GET /api/logs/download': { query: downloadQuery, runs: 40 },
    'GET /api/logs': { query: queryVariants(podLogs, selectorLogs), runs: 60 },
    'GET /api/metrics/idle-gpus': {
      query: withWindow({
        node: anyNode,
        threshold: orHostile('10', '101', '-1'),
        minSeconds: orHostile('300', '99999999'),
      }),
    },
    'GET /api/metrics/access': empty,
    'GET /api/metrics/idle-hours': { query: withWindow({ threshold: orHostile('10', '1e9') }) },
    'GET /api/metrics/panels/[panel]': {
      params: { panel: orHostile(...PANEL_IDS) },
      query: withWindow({ node: anyNode }),
      runs: 40,
    },
    'GET /api/metrics/query': {
      query: withWindow({ query: orHostile(...PROMQL), step: orHostile('15', '60', '1', '0.001', '-5', '1e9') }),
      runs: 60,
    },
    'GET /api/metrics': empty,
    'POST /api/nodes/[name]/cordon': {
      params: { name: missingNode },
      body: shapedBody({ unschedulable: field(json(fc.boolean())) }),
    },
    // Reads only (the node, its pods, nodes, budgets), with the caller's credentials.
    'GET /api/nodes/[name]/drain': { params: { name: anyNode }, query: {} },
    // Names only missing nodes: the node is read (404) before any cordon or eviction.
    'POST /api/nodes/[name]/drain': {
      params: { name: missingNode },
      body: shapedBody({
        pods: field(
          json(
            fc.array(
              fc.record({
                namespace,
                name: orHostile(c.scratchPod, 'web', 'nope'),
                uid: orHostile('0b6e2c1a-4f1e-4a7e-9c1d-1f2e3d4c5b6a', '../x', ''),
              }),
              { maxLength: 60 },
            ),
          ),
        ),
        evictLocalStorage: field(json(fc.boolean())),
        evictUnmanaged: field(json(fc.boolean())),
      }),
    },
    'PATCH /api/nodes/[name]/labels': {
      params: { name: missingNode },
      body: shapedBody({ edits: field(labelEdits), resourceVersion: rv }),
    },
    'GET /api/nodes/[name]': { params: { name: anyNode }, query: {} },
    'PATCH /api/nodes/[name]/taints': {
      params: { name: missingNode },
      body: shapedBody({ taints: field(taints), resourceVersion: rv }),
    },
    'POST /api/nodes/labels/preview': {
      body: shapedBody({ nodes: field(json(fc.array(anyNode, { maxLength: 110 }))), edits: field(labelEdits) }),
    },
    'POST /api/nodes/labels': {
      body: shapedBody({
        nodes: field(
          json(fc.array(fc.record({ name: missingNode, resourceVersion: orHostile('1') }), { maxLength: 110 })),
        ),
        edits: field(labelEdits),
      }),
    },
    'GET /api/namespaces': empty,
    'GET /api/nodes': empty,
    'GET /api/objects/yaml': {
      query: {
        kind: orHostile('Deployment', 'StatefulSet', 'Pod', 'Node', 'Secret', 'ConfigMap', 'ClusterRole', 'deployment'),
        namespace,
        name: orHostile('web', 'db', c.scratchPod, ...c.nodes, 'nope'),
      },
      runs: 40,
    },
    'GET /api/pods': { query: { namespace, labelSelector: orHostile(...SELECTORS), node: anyNode }, runs: 60 },
    'GET /api/pods/[namespace]/[name]': {
      params: { namespace, name: orHostile('web', 'nope', 'imagepod-api', 'a.b', 'x'.repeat(254)) },
      query: {},
    },
    'GET /api/readyz': empty,
    'GET /api/resourceclaims': empty,
    'GET /api/resourceclaimtemplates': empty,
    'GET /api/resourceslices': empty,
    'GET /api/search': {
      query: {
        q: orHostile(
          'web',
          'kwok-node',
          c.scratchPod,
          `${c.scratch}/web`,
          'imagepod api',
          'x'.repeat(256),
          'x'.repeat(257),
        ),
        limit: orHostile('1', '20', '50', '51', '0', '-1', '2.5', '1e3'),
      },
      runs: 40,
    },
    'GET /api/stream': { query: { channel }, runs: 20 },
    'POST /api/stream/subscriptions': {
      body: shapedBody({
        channel: field(json(channel)),
        id: field(json(orHostile('s1', 'x'.repeat(65)))),
        topic: field(json(orHostile('logs', 'deploy'))),
        query: field(json(logQuery)),
      }),
    },
    'DELETE /api/stream/subscriptions': { query: { channel, id: orHostile('s1') } },
    'GET /api/workloads/[kind]/[namespace]/[name]/history': {
      params: { kind: orHostile(...allKinds), namespace, name: orHostile('web', 'db', 'nope') },
      query: {},
    },
    'POST /api/workloads/[kind]/[namespace]/[name]/pause': { params: workload(['deployments']), body: shapedBody({}) },
    'POST /api/workloads/[kind]/[namespace]/[name]/restart': { params: workload(allKinds), body: shapedBody({}) },
    'POST /api/workloads/[kind]/[namespace]/[name]/resume': { params: workload(['deployments']), body: shapedBody({}) },
    'PATCH /api/workloads/[kind]/[namespace]/[name]/scale': {
      params: workload(['deployments', 'statefulsets']),
      // Valid sizes stay small: a scratch Deployment of 100 simulated pods would load the cluster for nothing.
      body: shapedBody(
        {},
        {
          replicas: fc.oneof(
            json(fc.integer({ min: 0, max: 2 })),
            hostileValue.filter((v) => !(Number.isInteger(Number(v)) && Number(v) > 2 && Number(v) <= 100)),
          ),
        },
      ),
    },
    'POST /api/workloads/[kind]/[namespace]/[name]/undo': {
      params: workload(allKinds),
      body: shapedBody({ toRevision: field(json(fc.integer({ min: 0, max: 3 }))) }),
    },
    'GET /api/workloads': { query: { namespace } },
    'GET /api/jobs': { query: { namespace } },
    'GET /api/cronjobs': { query: { namespace } },
    'POST /api/workloads/[kind]/[namespace]/[name]/suspend': {
      params: cronJob,
      body: shapedBody({ suspend: field(json(fc.boolean())) }),
    },
    // Run now creates a Job in the scratch namespace (its CronJob never fires by itself: suspended).
    'POST /api/workloads/[kind]/[namespace]/[name]/run': { params: cronJob, body: shapedBody({}), runs: 15 },
  };
}
