/**
 * E2E helpers: the cluster is changed with the devcluster's real kubectl, as a person would,
 * and pages are expected to catch up on their own. Names are unique per test.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { promisify } from 'node:util';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { parse as parseYaml } from 'yaml';

const run = promisify(execFile);
export const REPO = path.resolve(__dirname, '..');
const KUBECONFIG = process.env.KUBECONFIG ?? path.join(REPO, '.devcluster', 'kubeconfig');

export async function kubectl(args: string[], stdin?: string): Promise<string> {
  const p = run(path.join(REPO, 'devcluster', 'kubectl.sh'), args, {
    env: { ...process.env, KUBECONFIG },
    maxBuffer: 64 << 20,
  });
  if (stdin !== undefined) p.child.stdin?.end(stdin);
  return (await p).stdout;
}

export async function apiserver(verb: 'stop' | 'start'): Promise<void> {
  await run(path.join(REPO, 'devcluster', 'apiserver.sh'), [verb]);
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(3).toString('hex')}`;
}

/** A namespace with its default ServiceAccount, created here if the controller has not yet. */
export async function createNamespace(ns: string): Promise<void> {
  await kubectl(['create', 'namespace', ns]);
  await kubectl(['create', 'serviceaccount', 'default', '-n', ns]).catch((e: Error) => {
    if (!/already exists/i.test(e.message)) throw e;
  });
}

export function gpuPod(name: string, ns: string, gpus: number, node?: string, labels: Record<string, string> = {}) {
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns, labels: { e2e: 'yes', ...labels } },
    spec: {
      containers: [
        {
          name: 'cuda',
          image: 'nvcr.io/nvidia/cuda:12.4.0-base',
          resources: gpus ? { limits: { 'nvidia.com/gpu': String(gpus) } } : {},
        },
      ],
      ...(node ? { nodeSelector: { 'kubernetes.io/hostname': node } } : {}),
    },
  });
}

/**
 * The devcluster's API server as the admin, for bulk work kubectl does one request at a time:
 * `request(method, path, body)` answers the status code (a kept-alive pool of `parallel` sockets).
 */
function adminApi(parallel: number) {
  const cfg = parseYaml(readFileSync(KUBECONFIG, 'utf8')) as {
    clusters: { cluster: { server: string; 'certificate-authority': string } }[];
    users: { user: { 'client-certificate': string; 'client-key': string } }[];
  };
  const server = new URL(cfg.clusters[0]!.cluster.server);
  const user = cfg.users[0]!.user;
  const agent = new https.Agent({
    keepAlive: true,
    maxSockets: parallel,
    ca: readFileSync(cfg.clusters[0]!.cluster['certificate-authority']),
    cert: readFileSync(user['client-certificate']),
    key: readFileSync(user['client-key']),
  });
  const request = (method: string, urlPath: string, body?: unknown) =>
    new Promise<number>((resolve, reject) => {
      const req = https.request(
        {
          host: server.hostname,
          port: server.port,
          method,
          path: urlPath,
          agent,
          headers: { 'content-type': 'application/json' },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body === undefined ? undefined : JSON.stringify(body));
    });
  return { request, close: () => agent.destroy() };
}

/**
 * Sends `count` requests to the API server as the admin, `parallel` at a time (`send(request, i)`
 * makes the i-th); fails on the first status not in `ok`.
 */
async function bulk(
  count: number,
  parallel: number,
  send: (request: ReturnType<typeof adminApi>['request'], i: number) => Promise<number>,
  ok: number[],
): Promise<void> {
  const api = adminApi(parallel);
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        while (next < count) {
          const i = next++;
          const status = await send(api.request, i);
          if (!ok.includes(status)) throw new Error(`bulk request ${i} answered ${status}`);
        }
      }),
    );
  } finally {
    api.close();
  }
}

const idleName = (prefix: string, i: number, count: number) =>
  `${prefix}-${String(i).padStart(String(count - 1).length, '0')}`;

/**
 * Creates `count` bare pods `<prefix>-00000…` in `ns`, `parallel` requests at a time. They name a
 * scheduler that does not exist, so they stay Pending and untouched: nothing in the cluster works
 * on them until {@link deleteIdlePods}.
 */
export async function createIdlePods(ns: string, prefix: string, count: number, parallel = 32): Promise<void> {
  await bulk(
    count,
    parallel,
    (request, i) =>
      request('POST', `/api/v1/namespaces/${ns}/pods`, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: idleName(prefix, i, count), labels: { e2e: 'yes', app: prefix } },
        spec: {
          schedulerName: 'imagepod-e2e-nobody',
          containers: [{ name: 'main', image: 'imagepod/gpu-worker:1' }],
        },
      }),
    [201],
  );
}

/**
 * Deletes what {@link createIdlePods} made, `parallel` at a time (a namespace deletion would take
 * them one by one: the API server's DeleteCollection has a single worker).
 */
export async function deleteIdlePods(ns: string, prefix: string, count: number, parallel = 32): Promise<void> {
  await bulk(
    count,
    parallel,
    (request, i) =>
      request('DELETE', `/api/v1/namespaces/${ns}/pods/${idleName(prefix, i, count)}?gracePeriodSeconds=0`),
    [200, 404],
  );
}

/** Deletes a namespace and waits (up to `timeoutS`) until it is gone, so the next test starts on a quiet cluster. */
export async function deleteNamespaceAndWait(ns: string, timeoutS = 120): Promise<void> {
  await kubectl(['delete', 'namespace', ns, '--wait=false']);
  await kubectl(['wait', '--for=delete', `namespace/${ns}`, `--timeout=${timeoutS}s`]);
}

/** Marks the page so a test can prove later that it was never reloaded. */
export async function markNoReload(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(() => {
    (window as unknown as { __noReload: boolean }).__noReload = true;
  });
  return async () => {
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  };
}

/**
 * A full-page screenshot, to look at after every run: into .test-reports/screenshots, or into
 * $SCREENSHOTS_DIR (`SCREENSHOTS_DIR=docs/screenshots` refreshes the README's pictures).
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.SCREENSHOTS_DIR
    ? path.resolve(REPO, process.env.SCREENSHOTS_DIR)
    : path.join(REPO, '.test-reports', 'screenshots');
  // A full-page capture of a scrolled page draws the sticky sidebar and top bar where the scroll
  // left them, in the middle of the picture: capture from the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

export async function numberOf(page: Page, testId: string): Promise<number> {
  return Number((await page.getByTestId(testId).innerText()).trim());
}

export type E2EUser = 'admin' | 'viewer' | 'nobody';

/** A token for one of the test identities (written by global-setup.ts). */
export function tokenFor(who: E2EUser): string {
  const tokens = JSON.parse(readFileSync(path.join(REPO, '.test-reports', 'e2e-tokens.json'), 'utf8')) as Record<
    E2EUser,
    string
  >;
  return tokens[who];
}

export function usernameOf(who: E2EUser): string {
  return `system:serviceaccount:imagepod-e2e:${who}`;
}

/** Signs a browser context in through the real login route (the cookie lands in the context). */
export async function signIn(context: BrowserContext, who: E2EUser, baseURL: string): Promise<void> {
  const res = await context.request.post('/api/auth/login', {
    data: { token: tokenFor(who) },
    headers: { Origin: baseURL },
  });
  expect(res.status(), await res.text()).toBe(200);
}

/**
 * The e2e `test`: every page starts signed in as `signInAs` (the cluster admin unless a spec says
 * `test.use({ signInAs: 'viewer' })`, or null for no session).
 */
export const test = base.extend<{ signInAs: E2EUser | null }>({
  signInAs: ['admin', { option: true }],
  context: async ({ context, signInAs, baseURL }, provide) => {
    if (signInAs) await signIn(context, signInAs, baseURL!);
    await provide(context);
  },
});
export { expect };

/** Hands the devcluster's Released pool volumes back (see devcluster/recycle-volumes.sh). */
export async function recycleVolumes(): Promise<void> {
  await run(path.join(REPO, 'devcluster', 'recycle-volumes.sh'), []);
}
