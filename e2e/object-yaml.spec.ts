import { createNamespace, expect, kubectl, screenshot, test, uniqueName } from './fixtures';

const NODE = 'cpu-node-2';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('Node page: the YAML dialog shows the node sorted, copies it, and names the field managers', async ({ page }) => {
  await page.goto(`/nodes/${NODE}`);
  await page.getByTestId('yaml-open').click();
  const dialog = page.getByTestId('yaml-dialog');
  const text = dialog.getByTestId('yaml-text');
  await expect(text).toContainText('kind: Node');
  await expect(text).toContainText(`name: ${NODE}`);
  await expect(text).not.toContainText('managedFields');
  await screenshot(page, 'object-yaml-node');

  await dialog.getByTestId('yaml-copy').click();
  await expect(dialog.getByTestId('yaml-copy')).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^apiVersion: v1\nkind: Node\nmetadata:\n/);
  expect(copied).toContain(`name: ${NODE}`);
  expect(copied).not.toContain('managedFields');

  await dialog.getByTestId('yaml-managers-toggle').click();
  const managers = dialog.getByTestId('yaml-manager');
  await expect(managers.first()).toBeVisible();
  expect(await managers.count()).toBeGreaterThan(0);
  await expect(dialog.getByTestId('yaml-managers')).toContainText('metadata.labels');
  await screenshot(page, 'object-yaml-node-managers');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).not.toBeVisible();
});

test('Workload page: the YAML of a Deployment, its managers naming kubectl', async ({ page }) => {
  const ns = uniqueName('e2e-yaml');
  await createNamespace(ns);
  try {
    await kubectl(['create', 'deployment', 'api', '-n', ns, '--image=registry.example/api:1']);
    await page.goto(`/workloads/deployments/${ns}/api`);
    await page.getByTestId('yaml-open').click();
    const dialog = page.getByTestId('yaml-dialog');
    await expect(dialog.getByTestId('yaml-text')).toContainText('kind: Deployment');
    await expect(dialog.getByTestId('yaml-text')).toContainText('image: registry.example/api:1');
    await dialog.getByTestId('yaml-managers-toggle').click();
    await expect(dialog.getByTestId('yaml-managers')).toContainText('kubectl-create');
    await expect(dialog.getByTestId('yaml-managers')).toContainText('spec.template.spec.containers[name=api].image');
    await screenshot(page, 'object-yaml-deployment-managers');
  } finally {
    await kubectl(['delete', 'namespace', ns, '--wait=false']);
  }
});

test('Pods list: a row’s yaml opens that pod’s YAML; the pod page has the same button', async ({ page }) => {
  const ns = uniqueName('e2e-yaml');
  await createNamespace(ns);
  try {
    await kubectl(['run', 'solo', '-n', ns, '--image=registry.example/solo:1']);
    await page.goto(`/pods?${new URLSearchParams({ namespace: ns })}`);
    const row = page.getByTestId(`pod-row-${ns}-solo`);
    await row.getByTestId('yaml-open').click();
    const dialog = page.getByTestId('yaml-dialog');
    await expect(dialog.getByTestId('yaml-text')).toContainText('kind: Pod');
    await expect(dialog.getByTestId('yaml-text')).toContainText('image: registry.example/solo:1');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toHaveCount(0);

    await page.goto(`/pods/${ns}/solo`);
    await page.getByTestId('yaml-open').click();
    await expect(page.getByTestId('yaml-dialog').getByTestId('yaml-text')).toContainText(`namespace: ${ns}`);
  } finally {
    await kubectl(['delete', 'namespace', ns, '--wait=false']);
  }
});

test('Workload page: a Deployment over its quota shows its ReplicaSet’s FailedCreate, folded', async ({ page }) => {
  const ns = uniqueName('e2e-events');
  await createNamespace(ns);
  try {
    await kubectl(['create', 'quota', 'two-pods', '-n', ns, '--hard=pods=1']);
    await kubectl(['create', 'deployment', 'web', '-n', ns, '--replicas=3', '--image=registry.example/web:1']);
    await page.goto(`/workloads/deployments/${ns}/web`);
    const events = page.getByTestId('workload-events');
    const failed = events.getByTestId('workload-events-row').filter({ hasText: 'FailedCreate' });
    await expect(failed).toHaveCount(1);
    await expect(failed.getByTestId('workload-events-about')).toContainText(/ReplicaSet web-[a-z0-9]+/);
    await expect(failed).toContainText('exceeded quota');
    await expect(events.getByTestId('workload-events-row').filter({ hasText: 'ScalingReplicaSet' })).toHaveCount(1);
    await screenshot(page, 'workload-events-quota');
  } finally {
    await kubectl(['delete', 'namespace', ns, '--wait=false']);
  }
});
