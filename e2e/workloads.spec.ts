import { createNamespace, expect, kubectl, screenshot, test, uniqueName } from './fixtures';

test('Workloads: a Deployment created and scaled with kubectl shows ready/desired live', async ({ page }) => {
  const ns = uniqueName('e2e-wl');
  await createNamespace(ns);
  try {
    await page.goto('/workloads');
    await expect(page.getByTestId('workloads-table')).toBeVisible();
    await kubectl(['create', 'deployment', 'imagepod-api', '-n', ns, '--image=imagepod/api:1.0', '--replicas=2']);
    const ready = page.getByTestId(`workload-ready-deployment-${ns}-imagepod-api`);
    await expect(ready).toContainText('2/2');
    await expect(page.getByTestId(`workload-rollout-deployment-${ns}-imagepod-api`)).toHaveAttribute(
      'data-state',
      'complete',
    );
    await kubectl(['scale', 'deployment', 'imagepod-api', '-n', ns, '--replicas=3']);
    await expect(ready).toContainText('3/3');
    await screenshot(page, 'workloads');
  } finally {
    await kubectl(['delete', 'namespace', ns, '--wait=false']);
  }
});
