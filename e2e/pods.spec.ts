import { createNamespace, expect, gpuPod, kubectl, screenshot, test, uniqueName } from './fixtures';

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
    // An invalid selector shows no list rather than the unfiltered one under the error.
    await expect(page.getByTestId('pods-count')).toContainText(/^0 of \d+/);

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

test('Pods: a thousand pods stay a short DOM list (virtualised) and scroll to the last one', async ({ page }) => {
  test.setTimeout(120_000);
  const ns = uniqueName('e2e-many');
  await createNamespace(ns);
  try {
    await kubectl(['create', 'deployment', 'fleet', '-n', ns, '--image=imagepod/gpu-worker:1', '--replicas=1000']);
    await page.goto(`/pods?namespace=${ns}`);
    await expect(page.getByTestId('pods-count')).toHaveAttribute('data-shown', '1000', { timeout: 90_000 });
    const rendered = await page.locator('[data-testid^="pod-row-"]').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(120);
    const scroller = page.getByTestId('pods-scroll');
    await scroller.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    // Sorted by namespace then name (the page's collation): the last row is the greatest name.
    const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
    const names = (await kubectl(['get', 'pods', '-n', ns, '-o', 'jsonpath={.items[*].metadata.name}']))
      .split(' ')
      .sort(collator.compare);
    await expect(page.getByTestId(`pod-row-${ns}-${names.at(-1)}`)).toBeVisible();
    expect(await page.locator('[data-testid^="pod-row-"]').count()).toBeLessThan(120);
  } finally {
    await kubectl(['delete', 'namespace', ns, '--wait=false']);
  }
});
