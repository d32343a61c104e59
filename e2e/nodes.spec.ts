import {
  createNamespace,
  expect,
  gpuPod,
  kubectl,
  markNoReload,
  numberOf,
  screenshot,
  test,
  uniqueName,
} from './fixtures';

test('Nodes: a GPU pod created with kubectl moves requested and free without a reload', async ({ page }) => {
  const ns = uniqueName('e2e-nodes');
  await createNamespace(ns);
  try {
    await page.goto('/nodes');
    await expect(page.getByTestId('node-row-gpu-node-3')).toBeVisible();
    await expect(page.getByTestId('cache-state')).toContainText(/synced|live/i);
    const requested = await numberOf(page, 'gpu-requested-gpu-node-3');
    const free = await numberOf(page, 'gpu-free-gpu-node-3');
    expect(await numberOf(page, 'gpu-allocatable-gpu-node-3')).toBe(4);
    const stillSamePage = await markNoReload(page);

    const name = uniqueName('train');
    await kubectl(['apply', '-f', '-'], gpuPod(name, ns, 2, 'gpu-node-3'));
    await expect(page.getByTestId('gpu-requested-gpu-node-3')).toHaveText(String(requested + 2));
    await expect(page.getByTestId('gpu-free-gpu-node-3')).toHaveText(String(free - 2));
    await screenshot(page, 'nodes');

    await kubectl(['delete', 'pod', '-n', ns, name, '--grace-period=0', '--force']);
    await expect(page.getByTestId('gpu-requested-gpu-node-3')).toHaveText(String(requested));
    await expect(page.getByTestId('gpu-free-gpu-node-3')).toHaveText(String(free));
    await stillSamePage();
  } finally {
    await kubectl(['delete', 'namespace', ns, '--wait=false']);
  }
});

test('Node detail: labels, conditions, and the pods on the node with their GPUs', async ({ page }) => {
  const ns = uniqueName('e2e-detail');
  await createNamespace(ns);
  try {
    const name = uniqueName('infer');
    await kubectl(['apply', '-f', '-'], gpuPod(name, ns, 1, 'gpu-node-2'));
    await page.goto('/nodes');
    await page.getByTestId('node-link-gpu-node-2').click();
    await expect(page).toHaveURL(/\/nodes\/gpu-node-2$/);
    await expect(page.getByTestId('node-detail')).toContainText('accelerator');
    await expect(page.getByTestId('node-detail')).toContainText('nvidia-tesla-gpu');
    await expect(page.getByTestId('node-condition-Ready')).toBeVisible();
    await expect(page.getByTestId(`node-pod-${ns}-${name}`)).toBeVisible();
    await expect(page.getByTestId(`node-pod-gpu-${ns}-${name}`)).toHaveText('1');
    await screenshot(page, 'node-detail');
  } finally {
    await kubectl(['delete', 'namespace', ns, '--wait=false']);
  }
});
