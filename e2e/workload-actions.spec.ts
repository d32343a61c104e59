import { createNamespace, expect, kubectl, screenshot, test, uniqueName } from './fixtures';

test('Workload page: restart, pause and resume, history, and undo after a diff confirmation', async ({ page }) => {
  const ns = uniqueName('e2e-rollout');
  await createNamespace(ns);
  try {
    await kubectl(['create', 'deployment', 'api', '-n', ns, '--image=registry.example/api:1', '--replicas=2']);
    await page.goto(`/workloads?namespace=${ns}`);
    await page.getByTestId(`workload-link-deployment-${ns}-api`).click();
    await expect(page.getByTestId('workload-detail')).toBeVisible();
    await expect(page.getByTestId('workload-ready')).toHaveText('2');
    await expect(page.getByTestId('history-row-1')).toHaveAttribute('data-current', 'true');

    await page.getByTestId('rollout-restart').click();
    await expect(page.getByTestId('rollout-action-done')).toHaveText('Restart requested');
    await expect(page.getByTestId('history-row-2')).toHaveAttribute('data-current', 'true');
    await expect(page.getByTestId('workload-rollout')).toHaveAttribute('data-state', 'complete');

    await page.getByTestId('rollout-pause').click();
    await expect(page.getByTestId('workload-paused')).toBeVisible();
    await expect(page.getByTestId('rollout-restart')).toBeDisabled();
    await expect(page.getByTestId('workload-rollout')).toHaveAttribute('data-state', 'paused');
    await page.getByTestId('rollout-resume').click();
    await expect(page.getByTestId('rollout-pause')).toBeVisible();

    await kubectl(['set', 'image', 'deployment/api', 'api=registry.example/api:2', '-n', ns]);
    await expect(page.getByTestId('history-row-3')).toHaveAttribute('data-current', 'true');
    await expect(page.getByTestId('workload-images')).toHaveText('registry.example/api:2');
    await expect(page.getByTestId('workload-rollout')).toHaveAttribute('data-state', 'complete');

    await page.getByTestId('history-undo-1').click();
    const dialog = page.getByTestId('undo-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.locator('[data-kind="del"]').filter({ hasText: 'image: registry.example/api:2' })).toHaveCount(
      1,
    );
    await expect(dialog.locator('[data-kind="add"]').filter({ hasText: 'image: registry.example/api:1' })).toHaveCount(
      1,
    );
    await expect(
      dialog.locator('[data-kind="del"]').filter({ hasText: 'kubectl.kubernetes.io/restartedAt' }),
    ).toHaveCount(1);
    await screenshot(page, 'workload-undo-diff');
    await dialog.getByTestId('undo-confirm').click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('workload-images')).toHaveText('registry.example/api:1');
    await expect(page.getByTestId('history-row-4')).toHaveAttribute('data-current', 'true');
    await expect(page.getByTestId('workload-rollout')).toHaveAttribute('data-state', 'complete');
    await expect(page.getByTestId('workload-ready')).toHaveText('2');
    await screenshot(page, 'workload-detail');
  } finally {
    await kubectl(['delete', 'namespace', ns, '--wait=false']);
  }
});

test.describe('as a viewer', () => {
  test.use({ signInAs: 'viewer' });

  test('the workload page shows status and history, and says why there are no actions', async ({ page }) => {
    const ns = uniqueName('e2e-rollout-view');
    await createNamespace(ns);
    try {
      await kubectl(['create', 'deployment', 'api', '-n', ns, '--image=registry.example/api:1']);
      await kubectl(['set', 'image', 'deployment/api', 'api=registry.example/api:2', '-n', ns]);
      await page.goto(`/workloads/deployments/${ns}/api`);
      await expect(page.getByTestId('history-row-2')).toHaveAttribute('data-current', 'true');
      await expect(page.getByTestId('rollout-actions-denied')).toContainText('Kubernetes does not allow you');
      await expect(page.getByTestId('rollout-restart')).toHaveCount(0);
      await expect(page.getByTestId('history-undo-1')).toBeDisabled();
      await screenshot(page, 'workload-detail-viewer');
    } finally {
      await kubectl(['delete', 'namespace', ns, '--wait=false']);
    }
  });
});
