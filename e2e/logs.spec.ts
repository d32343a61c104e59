import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createNamespace, expect, kubectl, screenshot, test, uniqueName } from './fixtures';

const cri = (text: string, stream = 'stdout') => `${new Date().toISOString()} ${stream} F ${text}\n`;

/** A pod labelled like the bundle's API whose `kubectl logs` reads `file` (a kwok Logs object). */
async function apiPod(ns: string, name: string, file: string): Promise<void> {
  await kubectl(
    ['apply', '-f', '-'],
    JSON.stringify({
      apiVersion: 'kwok.x-k8s.io/v1alpha1',
      kind: 'Logs',
      metadata: { name, namespace: ns },
      spec: { logs: [{ containers: ['api'], logsFile: file, previousLogsFile: file, follow: true }] },
    }),
  );
  await kubectl(
    ['apply', '-f', '-'],
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: ns, labels: { app: 'imagepod-api' } },
      spec: { containers: [{ name: 'api', image: 'imagepod/api:1' }] },
    }),
  );
}

function seed(pod: string): string {
  let out = '';
  for (let i = 0; i < 40; i++) {
    if (i === 7) out += cri(`\x1b[31mERROR\x1b[0m:    ${pod} order-${i} failed: redis connection refused`, 'stderr');
    else if (i === 12) out += cri(`\x1b[33mWARNING\x1b[0m:  ${pod} slow query 1200ms`);
    else out += cri(`\x1b[32mINFO\x1b[0m:     ${pod} "GET /v1/jobs/order-${i} HTTP/1.1" 200 ${i}ms`);
  }
  return out;
}

test('Logs: the API preset streams every API pod live; search, pause, filter and download work', async ({ page }) => {
  test.setTimeout(120_000);
  const ns = uniqueName('e2e-logs');
  const dir = mkdtempSync(path.join(tmpdir(), 'e2e-logs-'));
  const files = { 'api-1': path.join(dir, 'api-1.log'), 'api-2': path.join(dir, 'api-2.log') };
  await createNamespace(ns);
  try {
    for (const [pod, file] of Object.entries(files)) {
      writeFileSync(file, seed(pod));
      await apiPod(ns, pod, file);
    }
    await kubectl(['wait', '--for=condition=Ready', 'pod/api-1', 'pod/api-2', '-n', ns, '--timeout=60s']);

    await page.goto(`/logs?namespace=${ns}&preset=api`);
    await expect(page.getByTestId('nav-logs')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId('logs-state')).toHaveAttribute('data-state', 'live');
    await expect(page.getByTestId('logs-targets')).toContainText('api-1/api', { timeout: 30_000 });
    await expect(page.getByTestId('logs-targets')).toContainText('api-2/api', { timeout: 30_000 });
    await expect(page.getByTestId('logs-count')).toHaveText('80 lines');
    // ANSI codes are colours, not text.
    await expect(page.getByTestId('logs-scroll')).not.toContainText('[32m');

    // A line written now arrives without a reload.
    appendFileSync(files['api-1'], cri('INFO:     api-1 live line just written'));
    await expect(page.getByTestId('logs-scroll')).toContainText('api-1 live line just written');
    await screenshot(page, 'logs-live');

    // Search: highlighted matches, next / previous.
    await page.getByTestId('logs-search').fill('order-1');
    await expect(page.getByTestId('logs-search-count')).toHaveText('0 / 20'); // order-1 and order-10 … 19 but 12, in each pod
    await page.getByTestId('logs-search-next').click();
    await expect(page.getByTestId('logs-search-count')).toHaveText('1 / 20');
    await expect(page.locator('[data-hit]').first()).toBeVisible();
    await page.getByTestId('logs-search-next').click();
    await expect(page.getByTestId('logs-search-count')).toHaveText('2 / 20');
    await page.getByTestId('logs-search-prev').click();
    await expect(page.getByTestId('logs-search-count')).toHaveText('1 / 20');
    await screenshot(page, 'logs-search');
    await page.getByTestId('logs-search').fill('');

    // Pause: new lines are counted, not shown, and all appear on resume.
    await page.getByTestId('logs-pause').click();
    for (let i = 0; i < 5; i++) appendFileSync(files['api-2'], cri(`INFO:     api-2 while paused ${i}`));
    await expect(page.getByTestId('logs-pause')).toHaveText('Resume (5 new)');
    await expect(page.getByTestId('logs-paused')).toContainText('5 new lines waiting');
    await expect(page.getByTestId('logs-scroll')).not.toContainText('while paused');
    await screenshot(page, 'logs-paused');
    await page.getByTestId('logs-pause').click();
    await expect(page.getByTestId('logs-count')).toHaveText('86 lines');
    await expect(page.getByTestId('logs-follow')).toBeChecked();
    await expect(page.getByTestId('logs-scroll')).toContainText('api-2 while paused 4');

    // Filter: a regex; an invalid one is explained.
    await page.getByTestId('logs-filter').fill('ERROR|WARN');
    await expect(page.getByTestId('logs-count')).toHaveText('4 of 86 lines');
    await expect(page.locator('[data-testid="log-line"]')).toHaveCount(4);
    // ERROR / WARN lines are coloured.
    await expect(page.locator('[data-testid="log-line"][data-level="error"]')).toHaveCount(2);
    await expect(page.locator('[data-testid="log-line"][data-level="warn"]')).toHaveCount(2);
    await page.getByTestId('logs-filter').fill('order-(');
    await expect(page.getByTestId('logs-filter-error')).toContainText('Invalid regular expression');
    await page.getByTestId('logs-filter').fill('');

    // Download of a selector view: the lines in the buffer.
    const [selDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('logs-download').click()]);
    const selText = readFileSync(await selDl.path(), 'utf8');
    // (A pod the panel's cache saw a moment late adds a "joined" marker: not a log line.)
    expect(
      selText
        .trim()
        .split('\n')
        .filter((l) => !/ joined$/.test(l)),
    ).toHaveLength(86);

    // One pod (as from the pods page): the download is the container's whole log from the cluster.
    await page.goto('/pods');
    await page.getByTestId(`pod-logs-${ns}-api-1`).click();
    await expect(page).toHaveURL(new RegExp(`/logs\\?namespace=${ns}&pod=api-1`));
    await expect(page.getByTestId('logs-count')).toHaveText('41 lines', { timeout: 30_000 });
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('logs-download').click()]);
    expect(dl.suggestedFilename()).toBe('api-1_api.log');
    expect(readFileSync(await dl.path(), 'utf8')).toBe(await kubectl(['logs', '-n', ns, 'api-1']));
  } finally {
    await kubectl(['delete', 'namespace', ns, '--wait=false']);
    rmSync(dir, { recursive: true, force: true });
  }
});

test("Logs: a workload's page opens the logs of all its pods (kwok ClusterLogs, as devcluster/logs-up.sh sets up)", async ({
  page,
}) => {
  const ns = uniqueName('e2e-wlogs');
  const dir = mkdtempSync(path.join(tmpdir(), 'e2e-wlogs-'));
  const file = path.join(dir, 'worker.log');
  writeFileSync(file, cri('level=info msg="job started" gpu=0') + cri('level=warn msg="GPU temperature high" gpu=1'));
  await createNamespace(ns);
  try {
    await kubectl(
      ['apply', '-f', '-'],
      JSON.stringify({
        apiVersion: 'kwok.x-k8s.io/v1alpha1',
        kind: 'ClusterLogs',
        metadata: { name: ns },
        spec: {
          selector: { matchNamespaces: [ns] },
          logs: [{ containers: ['gpu-worker'], logsFile: file, follow: true }],
        },
      }),
    );
    await kubectl(['create', 'deployment', 'worker', '-n', ns, '--image=imagepod/gpu-worker:1', '--replicas=2']);
    // `kubectl create deployment` names the container after the image: rename it as the bundle does.
    await kubectl([
      'patch',
      'deployment',
      'worker',
      '-n',
      ns,
      '--type=json',
      '-p',
      '[{"op":"replace","path":"/spec/template/spec/containers/0/name","value":"gpu-worker"}]',
    ]);
    await kubectl(['rollout', 'status', 'deployment/worker', '-n', ns, '--timeout=60s']);
    await page.goto(`/workloads/deployments/${ns}/worker`);
    await page.getByTestId('workload-logs').click();
    await expect(page).toHaveURL(/\/logs\?namespace=.*&selector=app%3Dworker/);
    await expect(page.getByTestId('logs-count')).toHaveText('4 lines', { timeout: 30_000 });
    await expect(page.locator('[data-testid="log-line"][data-level="warn"]')).toHaveCount(2);
    appendFileSync(file, cri('level=info msg="job finished" gpu=0'));
    await expect(page.getByTestId('logs-count')).toHaveText('6 lines');
    await page.getByTestId('logs-timestamps').check();
    await expect(page.getByTestId('log-ts').first()).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}/);
    await screenshot(page, 'logs-workload');
    await page.getByTestId('logs-clear').click();
    await expect(page.getByTestId('logs-count')).toHaveText('0 lines');
    appendFileSync(file, cri('level=info msg="after clear"'));
    await expect(page.getByTestId('logs-count')).toHaveText('2 lines');
  } finally {
    await kubectl(['delete', 'clusterlogs', ns, '--ignore-not-found']);
    await kubectl(['delete', 'namespace', ns, '--wait=false']);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Logs: a bad selector and a pod that does not exist are explained', async ({ page }) => {
  await page.goto('/logs?namespace=imagepod&selector=app%20in%20(');
  await expect(page.getByTestId('logs-error')).toContainText('selector:');
  await page.goto('/logs?namespace=imagepod&pod=no-such-pod-e2e');
  await expect(page.getByTestId('logs-error')).toContainText('not found');
  await screenshot(page, 'logs-error');
});
