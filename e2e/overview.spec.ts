import { createNamespace, expect, gpuPod, kubectl, screenshot, test, uniqueName } from './fixtures';

test('Overview: GPU totals agree with the nodes, a Pending GPU pod shows the scheduler reason', async ({ page }) => {
  const ns = uniqueName('e2e-overview');
  await createNamespace(ns);
  try {
    const nodes = JSON.parse(await kubectl(['get', 'nodes', '-o', 'json'])) as {
      items: { status: { capacity?: Record<string, string> } }[];
    };
    const capacity = nodes.items.reduce((s, n) => s + Number(n.status.capacity?.['nvidia.com/gpu'] ?? 0), 0);
    await page.goto('/');
    await expect(page.getByTestId('gpu-total-capacity-nvidia.com/gpu')).toHaveText(String(capacity));
    await expect(page.getByTestId('nodes-summary')).toBeVisible();
    await expect(page.getByTestId('components-health')).toBeVisible();

    const name = uniqueName('too-big');
    await kubectl(['apply', '-f', '-'], gpuPod(name, ns, 64));
    await expect(page.getByTestId(`pending-gpu-pod-${ns}-${name}`)).toBeVisible();
    await expect(page.getByTestId(`pending-gpu-pod-message-${ns}-${name}`)).toContainText(
      /Insufficient nvidia\.com\/gpu/,
    );
    await expect(page.getByTestId('warning-events')).toContainText('FailedScheduling');
    await screenshot(page, 'overview');
  } finally {
    await kubectl(['delete', 'namespace', ns, '--wait=false']);
  }
});
