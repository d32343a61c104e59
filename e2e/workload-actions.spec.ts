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
    const confirm = page.getByTestId('restart-confirm');
    await expect(confirm.getByTestId('restart-confirm-body')).toContainText('Every pod of api (2) is replaced');
    await screenshot(page, 'workload-restart-confirm');
    await confirm.getByTestId('restart-confirm-confirm').click();
    const toast = page.getByTestId('toast-success').filter({ hasText: `Deployment ${ns}/api is restarting` });
    await expect(toast).toBeVisible();
    await screenshot(page, 'workload-restart-toast');
    await expect(toast.getByTestId('toast-link')).toHaveAttribute('href', `/workloads/deployments/${ns}/api`);
    await expect(page.getByTestId('history-row-2')).toHaveAttribute('data-current', 'true');
    await expect(page.getByTestId('workload-rollout')).toHaveAttribute('data-state', 'complete');

    await page.getByTestId('rollout-pause').click();
    await expect(page.getByTestId('toast-success').filter({ hasText: `Deployment ${ns}/api is paused` })).toBeVisible();
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
    await expect(
      page.getByTestId('toast-success').filter({ hasText: `Deployment ${ns}/api is rolling back to revision 1` }),
    ).toBeVisible();
    await expect(page.getByTestId('workload-images')).toHaveText('registry.example/api:1');
    await expect(page.getByTestId('history-row-4')).toHaveAttribute('data-current', 'true');
    await expect(page.getByTestId('workload-rollout')).toHaveAttribute('data-state', 'complete');
    await expect(page.getByTestId('workload-ready')).toHaveText('2');
    await screenshot(page, 'workload-detail');
  } finally {
    await kubectl(['delete', 'namespace', ns, '--wait=false']);
  }
});

test('Scale to 0 asks first and says what stops; a size out of bounds is said as the range', async ({ page }) => {
  const ns = uniqueName('e2e-scale');
  await createNamespace(ns);
  try {
    await kubectl(['create', 'deployment', 'web', '-n', ns, '--image=registry.example/web:1', '--replicas=2']);
    await page.goto(`/workloads/deployments/${ns}/web`);
    await expect(page.getByTestId('workload-ready')).toHaveText('2');
    const id = `deployment-${ns}-web`;
    await page.getByTestId(`workload-scale-${id}`).click();
    await page.getByTestId(`workload-scale-input-${id}`).fill('0');
    await page.getByTestId(`workload-scale-apply-${id}`).click();
    const confirm = page.getByTestId('scale-zero-confirm');
    await expect(confirm.getByTestId('scale-zero-confirm-body')).toContainText('All 2 pods of web stop');
    await screenshot(page, 'workload-scale-zero-confirm');
    // Cancel changes nothing.
    await confirm.getByTestId('scale-zero-confirm-cancel').click();
    await expect(confirm).toBeHidden();
    expect((await kubectl(['get', 'deployment', 'web', '-n', ns, '-o', 'jsonpath={.spec.replicas}'])).trim()).toBe('2');

    await page.getByTestId(`workload-scale-apply-${id}`).click();
    await confirm.getByTestId('scale-zero-confirm-confirm').click();
    await expect(
      page.getByTestId('toast-success').filter({ hasText: `Deployment ${ns}/web scaled to 0` }),
    ).toBeVisible();
    await expect(page.getByTestId('workload-desired')).toHaveText('0');

    // A size out of bounds is said as the range, before anything is sent.
    await page.getByTestId(`workload-scale-${id}`).click();
    await page.getByTestId(`workload-scale-input-${id}`).fill('51');
    await expect(page.getByTestId(`workload-scale-error-${id}`)).toHaveText(
      'Replicas: a whole number from 0 to 50; 51 is too many',
    );
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
