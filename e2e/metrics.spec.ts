import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Locator, Page } from '@playwright/test';
import { REPO, createNamespace, expect, kubectl, screenshot, test, uniqueName } from './fixtures';

const metricsStack = (script: string, ...args: string[]) =>
  promisify(execFile)('bash', [path.join(REPO, 'devcluster', script), ...args]);

/**
 * The metrics page against the devcluster's real Prometheus (devcluster/metrics-up.sh), which
 * scrapes kube-state-metrics and the GPU simulator every 5 s.
 */
const curves = (chart: Locator) => chart.locator('path.recharts-line-curve');
const ready = (page: Page, id: string) =>
  expect(page.getByTestId(`panel-${id}`)).toHaveAttribute('data-state', 'ready');

/**
 * The GPU units the devcluster's simulator reports activity for: GPUs (node, index, UUID) with
 * DCGM_FI_DEV_GPU_UTIL (whole, shared — its holders are one line) and MIG instances (GPU_I_ID)
 * with DCGM_FI_PROF_GR_ENGINE_ACTIVE.
 */
async function gpuUnits(): Promise<number> {
  const text = await (await fetch('http://127.0.0.1:32753/metrics/dcgm')).text();
  const key = (l: string) =>
    ['node', 'gpu', 'UUID', 'GPU_I_ID'].map((k) => new RegExp(`[{,]${k}="([^"]*)"`).exec(l)?.[1]).join('/');
  const lines = text.split('\n');
  const whole = lines.filter((l) => l.startsWith('DCGM_FI_DEV_GPU_UTIL{'));
  const mig = lines.filter((l) => l.startsWith('DCGM_FI_PROF_GR_ENGINE_ACTIVE{') && l.includes('GPU_I_ID="'));
  return new Set([...whole, ...mig].map(key)).size;
}

/** The most drawing commands in any curve's `d` of a chart: a line of n points has n-1 after the move. */
async function segments(chart: Locator): Promise<number> {
  const ds = await curves(chart).evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? ''));
  return Math.max(0, ...ds.map((d) => d.match(/[LC]/g)?.length ?? 0));
}

test('Metrics: every data panel draws lines with points; the range picker redraws', async ({ page }) => {
  await page.goto('/metrics');
  await expect(page.getByTestId('nav-metrics')).toHaveAttribute('aria-current', 'page');
  for (const id of [
    'gpu-util',
    'gpu-util-node',
    'gpu-memory',
    'gpu-temperature',
    'gpu-power',
    'gpu-allocation',
    'api-rate',
    'api-errors',
    'api-latency',
    'pod-cpu',
    'pod-memory',
  ]) {
    await ready(page, id);
    const chart = page.getByTestId(`chart-${id}`);
    // Pods of earlier tests' namespaces, deleted since, are hidden by default; the lines are theirs.
    const deleted = page.getByTestId(`panel-${id}-include-deleted`);
    if (await deleted.isVisible()) await deleted.check();
    await expect.poll(() => segments(chart), `${id} draws a line of points`).toBeGreaterThan(2);
  }
  // At least one line per GPU unit in the simulator: 16 whole GPUs on gpu-node-1..3 (8 + 4 + 4), 19
  // whole or shared GPUs on the GPU fixture nodes, and their 27 MIG instances (no GPU_UTIL,
  // activity). A MIG instance or share that an earlier test's pod held within the window keeps its
  // own series for that time, so the chart may draw a few more lines than the simulator has now.
  const units = await gpuUnits();
  const lines = await curves(page.getByTestId('chart-gpu-util')).count();
  expect(lines).toBeGreaterThanOrEqual(units);
  expect(lines).toBeLessThanOrEqual(units + 8);
  await screenshot(page, 'metrics');

  const chart = page.getByTestId('chart-gpu-util-node');
  const before = await curves(chart).first().getAttribute('d');
  const ticks = async () => (await chart.locator('.recharts-cartesian-axis-tick-value').allTextContents()).join(' ');
  const ticks1h = await ticks();
  const answer = page.waitForResponse((r) => r.url().includes('/api/metrics/panels/gpu-util-node?range=15m') && r.ok());
  await page.getByTestId('range-15m').click();
  await answer;
  await expect(page.getByTestId('range-15m')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await curves(chart).first().getAttribute('d')) !== before).toBe(true);
  await expect.poll(ticks).not.toBe(ticks1h);

  // Custom: the last 30 minutes, by typed date-times.
  await page.getByTestId('range-custom').click();
  const custom = page.waitForResponse(
    (r) => /\/api\/metrics\/panels\/gpu-util-node\?start=\d+&end=\d+/.test(r.url()) && r.ok(),
  );
  await page.getByTestId('range-apply').click();
  await custom;
  await ready(page, 'gpu-util-node');
});

test('Metrics: the legend isolates a series on click and hides one on shift-click (Grafana’s way)', async ({
  page,
}) => {
  await page.goto('/metrics');
  await ready(page, 'gpu-util-node');
  const chart = page.getByTestId('chart-gpu-util-node');
  const n = await curves(chart).count();
  expect(n).toBeGreaterThanOrEqual(3);
  const first = page.getByTestId('chart-gpu-util-node-legend-s0');
  const second = page.getByTestId('chart-gpu-util-node-legend-s1');
  await first.click();
  await expect(curves(chart)).toHaveCount(1);
  await expect(first).toHaveAttribute('aria-pressed', 'true');
  await expect(second).toHaveAttribute('aria-pressed', 'false');
  await first.click();
  await expect(curves(chart)).toHaveCount(n);
  await second.click({ modifiers: ['Shift'] });
  await expect(second).toHaveAttribute('aria-pressed', 'false');
  await expect(first).toHaveAttribute('aria-pressed', 'true');
  await expect(curves(chart)).toHaveCount(n - 1);
  await second.click({ modifiers: ['Shift'] });
  await expect(curves(chart)).toHaveCount(n);
});

test('Metrics: value axes tick at round numbers with units; replica axes in whole numbers', async ({ page }) => {
  await page.goto('/metrics');
  await ready(page, 'gpu-util-node');
  const yTicks = (id: string) =>
    page
      .getByTestId(`chart-${id}`)
      .locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value')
      .allTextContents();
  await expect.poll(() => yTicks('gpu-util-node')).not.toEqual([]);
  for (const t of await yTicks('gpu-util-node')) expect(t).toMatch(/^\d+(\.\d+)? %$/);
  await ready(page, 'gpu-allocation');
  const counts = await yTicks('gpu-allocation');
  expect(counts.length).toBeGreaterThan(1);
  for (const t of counts) expect(t).toMatch(/^\d+$/);
  await screenshot(page, 'metrics-round-ticks');
});

test('Node detail: that node’s GPU charts, and a link to the logs of the same window', async ({ page }) => {
  await page.goto('/nodes/gpu-node-1');
  await expect(page.getByTestId('node-gpu-charts')).toBeVisible();
  await ready(page, 'gpu-util');
  await expect(curves(page.getByTestId('chart-gpu-util'))).toHaveCount(8);
  await expect(page.getByTestId('chart-gpu-util')).toContainText('GPU 7');
  const href = await page.getByTestId('panel-gpu-util-logs').getAttribute('href');
  const url = new URL(href!, 'http://x');
  expect(url.pathname).toBe('/logs');
  expect(url.searchParams.get('node')).toBe('gpu-node-1');
  const since = Date.parse(url.searchParams.get('since')!);
  const until = Date.parse(url.searchParams.get('until')!);
  expect(until - since).toBe(3_600_000);
  await ready(page, 'gpu-allocation');
  await screenshot(page, 'node-metrics');
});

test('PromQL box: a query draws; invalid PromQL shows Prometheus’ message', async ({ page }) => {
  await page.goto('/metrics');
  await page.getByTestId('promql-input').fill('sum by (node) (DCGM_FI_DEV_FB_USED)');
  await page.getByTestId('promql-run').click();
  await expect.poll(() => segments(page.getByTestId('chart-promql'))).toBeGreaterThan(2);
  await page.getByTestId('promql').screenshot({ path: 'test-results/promql-underscores.png' });
  await page.getByTestId('promql-input').fill('sum(rate(x[5m]');
  await page.getByTestId('promql-run').click();
  await expect(page.getByTestId('promql').getByTestId('prometheus-error-message')).toContainText('parse error');
});

test('Prometheus stops: each panel says so; the charts come back when it returns', async ({ page }) => {
  await page.goto('/metrics');
  await ready(page, 'gpu-util');
  await page.getByTestId('refresh-interval').selectOption('10000');
  await metricsStack('metrics-down.sh', 'prometheus');
  try {
    for (const id of ['gpu-util', 'api-rate']) {
      await expect(page.getByTestId(`panel-${id}`)).toHaveAttribute('data-state', 'error', { timeout: 20_000 });
      await expect(page.getByTestId(`panel-${id}`).getByTestId('prometheus-error-message')).toContainText(
        'is unreachable',
      );
    }
    await expect(page.getByTestId('metrics-view')).toContainText('Prometheus is not answering');
    await screenshot(page, 'metrics-prometheus-down');
  } finally {
    await metricsStack('metrics-up.sh');
  }
  await expect(page.getByTestId('panel-gpu-util')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(page.getByTestId('panel-api-rate')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
});

test('Idle GPU-hours: a table by workload and by namespace, most waste first, linked to the workload', async ({
  page,
}) => {
  const ns = uniqueName('e2e-idlehours');
  await createNamespace(ns);
  const spec = (resource: string, node: string) => ({
    containers: [
      { name: 'cuda', image: 'nvcr.io/nvidia/cuda:12.4.0-base', resources: { limits: { [resource]: '1' } } },
    ],
    nodeSelector: { 'kubernetes.io/hostname': node },
    tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
  });
  const idle = { 'imagepod.io/sim-util': '2' };
  try {
    await kubectl(
      ['apply', '-f', '-'],
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'List',
        items: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            metadata: { name: 'idle-llm', namespace: ns },
            spec: {
              replicas: 1,
              selector: { matchLabels: { app: 'idle-llm' } },
              template: {
                metadata: { labels: { app: 'idle-llm' }, annotations: idle },
                spec: spec('nvidia.com/gpu', 'gpu-node-1'),
              },
            },
          },
          {
            apiVersion: 'v1',
            kind: 'Pod',
            metadata: { name: 'mig-notebook', namespace: ns, annotations: idle },
            spec: spec('nvidia.com/mig-1g.10gb', 'gpu-mig-mixed'),
          },
        ],
      }),
    );
    await page.goto('/metrics');
    await page.getByTestId('range-15m').click();
    const card = page.getByTestId('idle-hours');
    // Poll the card's own refresh: the pods' first idle samples arrive within a scrape or two.
    await page.getByTestId('refresh-interval').selectOption('10000');
    const row = card.locator(`[data-testid="idle-hours-row"][data-namespace="${ns}"][data-name="idle-llm"]`);
    await expect(row).toBeVisible({ timeout: 60_000 });
    await expect(row.getByTestId('idle-hours-link')).toHaveAttribute('href', `/workloads/deployments/${ns}/idle-llm`);
    await expect(
      card.locator(`[data-testid="idle-hours-row"][data-namespace="${ns}"][data-name="mig-notebook"]`),
    ).toContainText('Pod');
    const idleCells = await card
      .getByTestId('idle-hours-row')
      .evaluateAll((rows) => rows.map((r) => Number(r.children[3]?.textContent)));
    expect(idleCells).toEqual([...idleCells].sort((a, b) => b - a)); // most idle GPU-hours first
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'metrics-idle-hours');

    await card.getByTestId('idle-hours-namespace').click();
    const nsRow = card.locator(`[data-testid="idle-hours-row"][data-namespace="${ns}"]`);
    await expect(nsRow.getByTestId('idle-hours-link')).toHaveAttribute('href', `/pods?namespace=${ns}`);
    await card.getByTestId('idle-hours-workload').click();
    await row.getByTestId('idle-hours-link').click();
    await expect(page).toHaveURL(new RegExp(`/workloads/deployments/${ns}/idle-llm$`));
  } finally {
    await kubectl(['delete', 'namespace', ns, '--wait=false']);
  }
});
