import { createNamespace, expect, gpuPod, kubectl, screenshot, test, uniqueName } from './fixtures';

test("Pod page: a Pending GPU pod opened from the Overview shows the scheduler's reason in full; a reload keeps it", async ({
  page,
}) => {
  const ns = uniqueName('e2e-podpage');
  await createNamespace(ns);
  try {
    const name = uniqueName('too-big');
    await kubectl(['apply', '-f', '-'], gpuPod(name, ns, 64));
    await page.goto('/');
    const link = page.getByTestId(`pending-gpu-pod-link-${ns}-${name}`);
    await expect(link).toBeVisible();
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/pods/${ns}/${name}$`));
    const message = page.getByTestId('pod-scheduling-message');
    await expect(message).toContainText('Insufficient nvidia.com/gpu');
    // In full: the same text the API server holds, not a truncated tooltip.
    const full = (
      await kubectl([
        'get',
        'pod',
        name,
        '-n',
        ns,
        '-o',
        'jsonpath={.status.conditions[?(@.type=="PodScheduled")].message}',
      ])
    ).trim();
    expect(full.length).toBeGreaterThan(20);
    await expect(message).toContainText(full);
    await expect(page.getByTestId('breadcrumbs')).toHaveText(new RegExp(`Pods\\s*›\\s*${ns}\\s*›\\s*${name}`));
    await expect(page.getByTestId('pod-detail-phase')).toHaveText('Pending');
    await expect(page.getByTestId('pod-container-cuda')).toContainText('nvidia.com/gpu=64');
    await expect(page.getByTestId('pod-events')).toContainText('FailedScheduling');
    await expect(page.getByTestId('pod-detail-node')).toHaveText(/Not scheduled/);
    await screenshot(page, 'pod-page-pending');

    await page.reload();
    await expect(page.getByTestId('pod-scheduling-message')).toContainText(full);
    await expect(page.getByTestId('pod-condition-PodScheduled')).toContainText('False');

    // The breadcrumb's namespace leads to the pods list of that namespace.
    await page.getByTestId('breadcrumbs').getByRole('link', { name: ns }).click();
    await expect(page).toHaveURL(new RegExp(`/pods\\?namespace=${ns}$`));
    await expect(page.getByTestId(`pod-link-${ns}-${name}`)).toBeVisible();
    await screenshot(page, 'pods-list-pod-link');
    await page.getByTestId(`pod-link-${ns}-${name}`).click();
    await expect(page).toHaveURL(new RegExp(`/pods/${ns}/${name}$`));
    await expect(page.getByTestId('pod-detail')).toBeVisible();

    // Deleted while the page is open: the page says so (live), inside the shell.
    await kubectl(['delete', 'pod', name, '-n', ns, '--grace-period=0', '--force']);
    await expect(page.getByTestId('pod-not-found')).toContainText(`Pod ${ns}/${name} does not exist (any more)`);
  } finally {
    await kubectl(['delete', 'namespace', ns, '--wait=false']);
  }
});

test('Pod page: a running pod shows its node, owners, containers and logs inline', async ({ page }) => {
  const ns = uniqueName('e2e-podpage');
  await createNamespace(ns);
  try {
    await kubectl(
      ['apply', '-f', '-'],
      JSON.stringify({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web', namespace: ns },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: 'web' } },
          template: {
            metadata: { labels: { app: 'web' } },
            spec: {
              containers: [
                {
                  name: 'main',
                  image: 'registry.local/web:1',
                  ports: [{ containerPort: 8080, name: 'http' }],
                  readinessProbe: { httpGet: { path: '/ready', port: 8080 } },
                },
              ],
            },
          },
        },
      }),
    );
    let pod = '';
    await expect
      .poll(async () => (pod = (await kubectl(['get', 'pods', '-n', ns, '-o', 'name'])).trim().replace('pod/', '')), {
        timeout: 30_000,
      })
      .not.toBe('');
    await page.goto(`/pods/${ns}/${pod}`);
    await expect(page.getByTestId('pod-detail-node').getByRole('link')).toBeVisible();
    await expect(page.getByTestId('pod-owner-Deployment')).toHaveAttribute('href', `/workloads/deployments/${ns}/web`);
    await expect(page.getByTestId('pod-container-main')).toContainText('GET http://:8080/ready');
    await expect(page.getByTestId('pod-container-main')).toContainText('http 8080/TCP');
    await expect(page.getByTestId('pod-logs')).toBeVisible();
    await expect(page.getByTestId('pod-events')).toContainText('Scheduled');
    await screenshot(page, 'pod-page-running');
  } finally {
    await kubectl(['delete', 'namespace', ns, '--wait=false']);
  }
});

test('Pod page: a missing pod is the in-app not-found with a way back; so is a name no pod can have', async ({
  page,
}) => {
  await page.goto('/pods/default/e2e-no-such-pod');
  await expect(page.getByTestId('pod-not-found')).toContainText(
    'Pod default/e2e-no-such-pod does not exist (any more)',
  );
  // Inside the panel's shell: the sidebar is there.
  await expect(page.getByRole('navigation').first()).toBeVisible();
  await screenshot(page, 'pod-page-not-found');
  await page.reload();
  await expect(page.getByTestId('pod-not-found')).toBeVisible();
  await page.getByTestId('pod-not-found-back').click();
  await expect(page).toHaveURL(/\/pods$/);

  // (The status is 200: the page's loading boundary has streamed before notFound() is reached.)
  await page.goto('/pods/Not_A_Namespace/x');
  await expect(page.getByTestId('pod-not-found')).toContainText('This pod does not exist');
  await expect(page.getByRole('navigation').first()).toBeVisible();
});

test('Node page: breadcrumbs, its events, and the in-app not-found for a missing node', async ({ page }) => {
  const node = (await kubectl(['get', 'nodes', '-o', 'jsonpath={.items[0].metadata.name}'])).trim();
  await page.goto(`/nodes/${node}`);
  await expect(page.getByTestId('breadcrumbs')).toHaveText(new RegExp(`Nodes\\s*›\\s*${node}`));
  await expect(page.getByTestId('node-events')).toBeVisible();
  await screenshot(page, 'node-page-events');
  await page.goto('/nodes/e2e-no-such-node');
  await expect(page.getByTestId('node-not-found')).toContainText('Node e2e-no-such-node does not exist (any more)');
  await screenshot(page, 'node-page-not-found');
});
