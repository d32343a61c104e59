import { expect, test } from '@playwright/test';
import { createNamespace, gpuPod, kubectl, screenshot, uniqueName } from './fixtures';

test('Pods: namespace, label selector and text filters; a bad selector is explained', async ({ page }) => {
  const ns = uniqueName('e2e-pods');
  await createNamespace(ns);
  try {
    await kubectl(['apply', '-f', '-'], gpuPod('api-1', ns, 0, undefined, { app: 'imagepod-api' }));
    await kubectl(['apply', '-f', '-'], gpuPod('worker-1', ns, 1, undefined, { app: 'imagepod-gpu-worker' }));
    await page.goto('/pods');
    await expect(page.getByTestId(`pod-row-${ns}-api-1`)).toBeVisible();
    await expect(page.getByTestId(`pod-status-${ns}-worker-1`)).toHaveText('Running');
    await expect(page.getByTestId(`pod-gpu-${ns}-worker-1`)).toHaveText('1');

    await page.getByTestId('pods-namespace-filter').selectOption(ns);
    await expect(page.getByTestId('pods-count')).toContainText(/^2 of \d+/);
    await page.getByTestId('pods-selector-filter').fill('app=imagepod-gpu-worker');
    await expect(page.getByTestId(`pod-row-${ns}-worker-1`)).toBeVisible();
    await expect(page.getByTestId(`pod-row-${ns}-api-1`)).toHaveCount(0);

    await page.getByTestId('pods-selector-filter').fill('app in (');
    await expect(page.getByTestId('pods-selector-error')).toBeVisible();

    await page.getByTestId('pods-selector-filter').fill('');
    await page.getByTestId('pods-search').fill('api-1');
    await expect(page.getByTestId(`pod-row-${ns}-api-1`)).toBeVisible();
    await expect(page.getByTestId(`pod-row-${ns}-worker-1`)).toHaveCount(0);
    await page.getByTestId('pods-search').fill('');
    await screenshot(page, 'pods');
  } finally {
    await kubectl(['delete', 'namespace', ns, '--wait=false']);
  }
});
