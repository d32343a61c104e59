import { mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { SharedWorkerStreams, metricValue } from './cdp-streams';
import { createNamespace, expect, gpuPod, kubectl, screenshot, signIn, test, uniqueName } from './fixtures';

// The browser's DevTools endpoint, beside Playwright's own pipe, to see the SharedWorker's requests.
const DEBUG_PORT = 9300 + Math.floor(Math.random() * 600);
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      `--remote-debugging-port=${DEBUG_PORT}`,
    ],
  },
});

const cri = (text: string) => `${new Date().toISOString()} stdout F ${text}\n`;

/** A pod whose `kubectl logs` follows `file` (a kwok Logs object), on gpu-node-1. */
async function logPod(ns: string, name: string, file: string): Promise<void> {
  await kubectl(
    ['apply', '-f', '-'],
    JSON.stringify({
      apiVersion: 'kwok.x-k8s.io/v1alpha1',
      kind: 'Logs',
      metadata: { name, namespace: ns },
      spec: { logs: [{ containers: ['app'], logsFile: file, previousLogsFile: file, follow: true }] },
    }),
  );
  await kubectl(
    ['apply', '-f', '-'],
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: ns },
      spec: { containers: [{ name: 'app', image: 'imagepod/api:1' }] },
    }),
  );
}

async function metrics(page: Page): Promise<string> {
  const res = await page.request.get('/api/metrics');
  expect(res.status()).toBe(200);
  return res.text();
}

test('Twenty tabs of one browser share one connection; closing the first keeps the others live; another user shares nothing', async ({
  context,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const ns = uniqueName('e2e-tabs');
  const dir = mkdtempSync(path.join(tmpdir(), 'e2e-tabs-'));
  const streams = new SharedWorkerStreams();
  await streams.connect(DEBUG_PORT);
  const pageStreams: string[] = [];
  context.on('request', (r) => {
    if (r.resourceType() === 'eventsource') pageStreams.push(r.url());
  });
  await createNamespace(ns);
  try {
    const logs = ['log-1', 'log-2', 'log-3'];
    for (const name of logs) {
      writeFileSync(path.join(dir, `${name}.log`), cri(`${name} first line`));
      await logPod(ns, name, path.join(dir, `${name}.log`));
    }
    await kubectl(['wait', '--for=condition=Ready', ...logs.map((l) => `pod/${l}`), '-n', ns, '--timeout=60s']);

    const urls = [
      ...Array.from({ length: 6 }, () => `/pods?namespace=${ns}`),
      ...Array.from({ length: 3 }, () => '/nodes'),
      ...Array.from({ length: 3 }, () => '/nodes/gpu-node-3'),
      ...logs.map((l) => `/logs?namespace=${ns}&pod=${l}`),
      ...Array.from({ length: 3 }, () => '/deploy'),
      '/',
      '/workloads',
    ];
    expect(urls).toHaveLength(20);
    const pages: Page[] = [];
    const t0 = Date.now();
    for (const url of urls) {
      const page = await context.newPage();
      await page.goto(url);
      await expect(page.getByTestId('cache-state')).toHaveAttribute('data-state', 'synced');
      pages.push(page);
    }
    const loadSeconds = (Date.now() - t0) / 1000;
    const byUrl = (prefix: string) => pages.filter((p) => new URL(p.url()).pathname === prefix);
    const logPages = pages.filter((p) => p.url().includes('/logs?'));
    for (const [i, p] of logPages.entries()) {
      await expect(p.getByTestId('logs-state')).toHaveAttribute('data-state', 'live');
      await expect(p.getByTestId('logs-scroll')).toContainText(`${logs[i]} first line`);
    }
    for (const p of byUrl('/deploy')) await expect(p.getByTestId('component-status-api')).toBeVisible();

    // One long-lived connection for all twenty tabs: in the worker, none in the pages.
    expect(pageStreams).toEqual([]);
    expect(streams.workers.size).toBe(1);
    expect(streams.open.size).toBe(1);
    expect(streams.maxOpen).toBeLessThanOrEqual(2);
    let m = await metrics(pages[0]!);
    expect(metricValue(m, 'imagepod_panel_stream_channels')).toBe(1);
    expect(metricValue(m, 'imagepod_panel_sse_clients')).toBe(1);
    expect(metricValue(m, 'imagepod_panel_stream_subscriptions', 'topic="logs"')).toBe(3);
    expect(metricValue(m, 'imagepod_panel_stream_subscriptions', 'topic="deploy"')).toBe(3);

    // A pod created with kubectl reaches every tab that shows pods.
    const pod = uniqueName('tabs');
    const t1 = Date.now();
    await kubectl(['apply', '-f', '-'], gpuPod(pod, ns, 1, 'gpu-node-3'));
    await Promise.all([
      ...byUrl('/pods').map((p) => expect(p.getByTestId(`pod-row-${ns}-${pod}`)).toBeVisible()),
      ...byUrl('/nodes/gpu-node-3').map((p) => expect(p.getByTestId(`node-pod-${ns}-${pod}`)).toBeVisible()),
    ]);
    const latency = (Date.now() - t1) / 1000;
    // Every log viewer gets its own lines, live.
    for (const l of logs) appendFileSync(path.join(dir, `${l}.log`), cri(`${l} live line`));
    for (const [i, p] of logPages.entries())
      await expect(p.getByTestId('logs-scroll')).toContainText(`${logs[i]} live line`);
    await screenshot(pages[0]!, 'many-tabs-pods');
    await screenshot(logPages[0]!, 'many-tabs-logs');
    await screenshot(byUrl('/deploy')[0]!, 'many-tabs-deploy');

    // The first tab (which started the worker) closes: the others keep updating within seconds.
    await pages[0]!.close();
    const rest = pages.slice(1);
    const pod2 = uniqueName('after');
    const t2 = Date.now();
    await kubectl(['apply', '-f', '-'], gpuPod(pod2, ns, 0, 'gpu-node-3'));
    await Promise.all([
      ...rest
        .filter((p) => new URL(p.url()).pathname === '/pods')
        .map((p) => expect(p.getByTestId(`pod-row-${ns}-${pod2}`)).toBeVisible({ timeout: 5_000 })),
      ...rest
        .filter((p) => new URL(p.url()).pathname === '/nodes/gpu-node-3')
        .map((p) => expect(p.getByTestId(`node-pod-${ns}-${pod2}`)).toBeVisible({ timeout: 5_000 })),
    ]);
    const afterClose = (Date.now() - t2) / 1000;
    m = await metrics(rest[0]!);
    expect(metricValue(m, 'imagepod_panel_stream_channels')).toBe(1);

    // The tabs that show no pods can still load and navigate: their pods list has the pod too.
    for (const p of [...logPages, ...byUrl('/deploy'), ...byUrl('/')]) {
      await p.getByTestId('nav-pods').click();
      await p.getByTestId('pods-search').fill(pod2);
      await expect(p.getByTestId(`pod-row-${ns}-${pod2}`)).toBeVisible();
    }
    // Leaving the log and deploy pages ended their subscriptions on the server.
    await expect
      .poll(async () => metricValue(await metrics(rest[0]!), 'imagepod_panel_stream_subscriptions', 'topic="logs"'))
      .toBe(0);
    expect(metricValue(await metrics(rest[0]!), 'imagepod_panel_stream_subscriptions', 'topic="deploy"')).toBe(0);

    // Another user in another browser context: its own worker and channel, nothing shared.
    const other = await browser.newContext();
    try {
      await signIn(other, 'viewer', baseURL!);
      const vp = await other.newPage();
      await vp.goto(`/pods?namespace=${ns}`);
      await expect(vp.getByTestId('cache-state')).toHaveAttribute('data-state', 'synced');
      expect(streams.workers.size).toBe(2);
      expect(metricValue(await metrics(vp), 'imagepod_panel_stream_channels')).toBe(2);
      await expect(vp.getByTestId('user-box')).toContainText('viewer');
    } finally {
      await other.close();
    }
    await expect.poll(async () => metricValue(await metrics(rest[0]!), 'imagepod_panel_stream_channels')).toBe(1);
    expect(pageStreams).toEqual([]);
    console.log(
      `[many-tabs] 20 tabs loaded in ${loadSeconds.toFixed(1)} s; worker EventSources ever opened ${streams.all.length}, at most ${streams.maxOpen} at once; ` +
        `pod on screen in every tab ${latency.toFixed(2)} s after kubectl; after closing the first tab ${afterClose.toFixed(2)} s`,
    );
  } finally {
    streams.close();
    rmSync(dir, { recursive: true, force: true });
    await kubectl(['delete', 'namespace', ns, '--wait=false']);
  }
});

test('Without SharedWorker the page runs its own multiplexed stream and says so in the top bar', async ({ page }) => {
  await page.addInitScript(() => {
    Reflect.deleteProperty(window, 'SharedWorker');
  });
  const ns = uniqueName('e2e-noshared');
  await createNamespace(ns);
  try {
    await page.goto(`/pods?namespace=${ns}`);
    await expect(page.getByTestId('stream-mode-note')).toBeVisible();
    await expect(page.getByTestId('cache-state')).toHaveAttribute('data-state', 'synced');
    const pod = uniqueName('solo');
    await kubectl(['apply', '-f', '-'], gpuPod(pod, ns, 0));
    await expect(page.getByTestId(`pod-row-${ns}-${pod}`)).toBeVisible();
    await screenshot(page, 'many-tabs-no-shared-worker');
  } finally {
    await kubectl(['delete', 'namespace', ns, '--wait=false']);
  }
});

test('Closing a log tab ends its log stream on the server; the other tabs stay live', async ({ context }) => {
  test.setTimeout(120_000);
  const ns = uniqueName('e2e-close');
  const dir = mkdtempSync(path.join(tmpdir(), 'e2e-close-'));
  const file = path.join(dir, 'app.log');
  await createNamespace(ns);
  try {
    writeFileSync(file, cri('line 1'));
    await logPod(ns, 'app', file);
    await kubectl(['wait', '--for=condition=Ready', 'pod/app', '-n', ns, '--timeout=60s']);
    const keeper = await context.newPage();
    await keeper.goto(`/pods?namespace=${ns}`);
    const page = await context.newPage();
    await page.goto(`/logs?namespace=${ns}&pod=app`);
    await expect(page.getByTestId('logs-scroll')).toContainText('line 1');
    await expect
      .poll(async () => metricValue(await metrics(keeper), 'imagepod_panel_stream_subscriptions', 'topic="logs"'))
      .toBe(1);
    const logStreams = metricValue(await metrics(keeper), 'imagepod_panel_log_streams');

    // The tab's goodbye (pagehide) makes the hub end what it owned.
    await page.close();
    await expect
      .poll(async () => metricValue(await metrics(keeper), 'imagepod_panel_stream_subscriptions', 'topic="logs"'), {
        timeout: 10_000,
      })
      .toBe(0);
    expect(metricValue(await metrics(keeper), 'imagepod_panel_log_streams')).toBe(logStreams - 1);
    expect(metricValue(await metrics(keeper), 'imagepod_panel_stream_channels')).toBe(1);
    const pod = uniqueName('after-close');
    await kubectl(['apply', '-f', '-'], gpuPod(pod, ns, 0));
    await expect(keeper.getByTestId(`pod-row-${ns}-${pod}`)).toBeVisible();
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await kubectl(['delete', 'namespace', ns, '--wait=false']);
  }
});

test('Signing out and in as someone else in the same browser: no tab keeps the old session, the stream is the new one', async ({
  context,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const a = await context.newPage();
  await a.goto('/pods');
  const b = await context.newPage();
  await b.goto('/nodes');
  await expect(b.getByTestId('cache-state')).toHaveAttribute('data-state', 'synced');
  await a.getByTestId('sign-out').click();
  await expect(a).toHaveURL(/\/login/);
  // The server closed the session's channel; the other tab finds its session gone too.
  await expect(b).toHaveURL(/\/login/);
  await signIn(context, 'viewer', baseURL!);
  await a.goto('/pods');
  await expect(a.getByTestId('user-box')).toContainText('viewer');
  await expect(a.getByTestId('cache-state')).toHaveAttribute('data-state', 'synced');
  await b.goto('/workloads');
  await expect(b.getByTestId('user-box')).toContainText('viewer');
  await expect(b.getByTestId('cache-state')).toHaveAttribute('data-state', 'synced');
  await expect.poll(async () => metricValue(await metrics(a), 'imagepod_panel_stream_channels')).toBe(1);
});
