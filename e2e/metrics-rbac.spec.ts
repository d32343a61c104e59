import { createNamespace, expect, kubectl, screenshot, test, uniqueName } from './fixtures';

/**
 * The metrics page for a user bound to `view` in one namespace only: the page says what the
 * charts are limited to, the PromQL box answers with that namespace's series alone, and the GPU
 * charts (node-wide data, which needs the right to list nodes) stay empty.
 */
const NS = uniqueName('e2e-metrics-team');
const SA = 'metrics-team-viewer';
let token = '';

test.use({ signInAs: null });

test.beforeAll(async () => {
  await createNamespace(NS);
  await kubectl(['create', 'serviceaccount', SA, '-n', NS]);
  await kubectl(['create', 'rolebinding', SA, '--clusterrole=view', `--serviceaccount=${NS}:${SA}`, '-n', NS]);
  await kubectl(['run', 'team-pod', '-n', NS, '--image=registry.local/sleep:1', '--restart=Never']);
  token = (await kubectl(['create', 'token', SA, '-n', NS, '--duration=1h'])).trim();
});

test.afterAll(async () => {
  await kubectl(['delete', 'namespace', NS, '--wait=false']);
});

test('Metrics for a team viewer: a note names the namespace; PromQL and charts show only its series', async ({
  page,
  context,
  baseURL,
}) => {
  const login = await context.request.post('/api/auth/login', { data: { token }, headers: { Origin: baseURL! } });
  expect(login.status()).toBe(200);
  await page.goto('/metrics');
  const note = page.getByTestId('metrics-scope');
  await expect(note).toContainText(`Limited to what Kubernetes lets you read: series of namespace ${NS}.`);
  await expect(note).toContainText('need the right to list nodes');
  await expect(note).toContainText(`namespace=~"${NS}"`);
  // GPU series are node-wide (or held by other namespaces' pods): nothing here for this user.
  await expect(page.getByTestId('panel-gpu-util')).toHaveAttribute('data-state', 'empty');
  await expect(page.getByTestId('panel-gpu-util')).toContainText('Nothing among the series Kubernetes lets you read.');
  // Once Prometheus has scraped the team's pod, the PromQL box over every pod shows it alone.
  await expect
    .poll(
      async () => {
        const q = new URLSearchParams({ query: 'kube_pod_info', range: '1h' }); // the page's window
        const b = (await (await page.request.get(`/api/metrics/query?${q}`)).json()) as {
          series: { labels: Record<string, string> }[];
        };
        return [...new Set(b.series.map((s) => s.labels.namespace))].join();
      },
      { timeout: 45_000 },
    )
    .toBe(NS);
  const answer = page.waitForResponse((r) => r.url().includes('/api/metrics/query?') && r.status() === 200);
  await page.getByTestId('promql-input').fill('count by (namespace) (kube_pod_info)');
  await page.getByTestId('promql-run').click();
  const body = (await (await answer).json()) as { series: { labels: Record<string, string> }[] };
  expect(body.series.map((s) => s.labels.namespace)).toEqual([NS]);
  await expect(page.getByTestId('chart-promql')).toBeVisible();
  await note.scrollIntoViewIfNeeded();
  await screenshot(page, 'metrics-team-viewer');
  // A query that cannot be limited is refused with a clear message.
  await page.getByTestId('promql-input').fill('info(up)');
  await page.getByTestId('promql-run').click();
  await expect(page.getByTestId('promql').getByTestId('prometheus-error-message')).toContainText(
    'not available to you',
  );
});
