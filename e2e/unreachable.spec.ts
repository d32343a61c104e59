import {
  apiserver,
  createNamespace,
  expect,
  gpuPod,
  kubectl,
  markNoReload,
  screenshot,
  test,
  uniqueName,
} from './fixtures';

test('API server down: the page says so and keeps the last known state, then catches up without a reload', async ({
  page,
}) => {
  test.setTimeout(240_000); // apiserver start waits for the control plane to act again
  const ns = uniqueName('e2e-down');
  await createNamespace(ns);
  try {
    await page.goto('/pods');
    await expect(page.getByTestId('cache-state')).toContainText(/synced|live/i);
    const stillSamePage = await markNoReload(page);
    await apiserver('stop');
    await expect(page.getByTestId('stale-banner')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('cache-state')).toContainText(/reconnecting/i);
    await expect(page.getByTestId('pods-table')).toBeVisible(); // last known state kept
    await screenshot(page, 'reconnecting');

    await apiserver('start');
    const name = uniqueName('after');
    await kubectl(['apply', '-f', '-'], gpuPod(name, ns, 0));
    await expect(page.getByTestId('stale-banner')).toHaveCount(0, { timeout: 60_000 });
    await expect(page.getByTestId(`pod-row-${ns}-${name}`)).toBeVisible({ timeout: 30_000 });
    await stillSamePage();
  } finally {
    await apiserver('start');
    await kubectl(['delete', 'namespace', ns, '--wait=false']);
  }
});
