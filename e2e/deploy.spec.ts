import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO, expect, kubectl, recycleVolumes, screenshot, test, tokenFor } from './fixtures';

/** The stack's objects out of the cluster (the namespace, which holds the audit trail, stays). */
async function clearStack(): Promise<void> {
  const built = await kubectl(['kustomize', `${REPO}/manifests/imagepod`]);
  const docs = built.split(/^---$/m).filter((d) => d.trim() && !/^kind: Namespace$/m.test(d));
  await kubectl(['delete', '--ignore-not-found', '--wait=true', '--timeout=120s', '-f', '-'], docs.join('\n---\n'));
  await kubectl([
    'delete',
    'pvc,configmap',
    '--all',
    '-n',
    'imagepod',
    '--ignore-not-found',
    '--wait=true',
    '--timeout=60s',
  ]);
  await recycleVolumes();
}

test.describe.serial('Deploy page', () => {
  test.beforeAll(async () => {
    await clearStack();
  });
  test.afterAll(async () => {
    await clearStack();
  });

  test('on an empty cluster: preview, then deploy and watch every component turn ready', async ({ page }) => {
    test.setTimeout(240_000);
    await page.goto('/deploy');
    await expect(page.getByTestId('component-status-api')).toHaveText('Not deployed');
    await expect(page.getByTestId('setting-apiReplicas')).toHaveValue('2');
    await page.getByTestId('deploy-preview-button').click();
    await expect(page.getByTestId('preview-summary')).toContainText('to create');
    await expect(page.getByTestId('preview-Deployment-imagepod-imagepod-api')).toHaveAttribute('data-action', 'create');
    await screenshot(page, 'deploy-preview-fresh');

    // Deploy asks first, with what the preview found.
    await page.getByTestId('deploy-button').click();
    const confirm = page.getByTestId('deploy-confirm');
    await expect(confirm.getByTestId('deploy-confirm-summary')).toContainText('to create');
    await expect(confirm.getByTestId('deploy-confirm-create')).toContainText('Deployment/imagepod/imagepod-api');
    await screenshot(page, 'deploy-confirm');
    await confirm.getByTestId('deploy-confirm-confirm').click();
    await expect(page.getByTestId('toast-success').filter({ hasText: 'Deploy started' })).toBeVisible();
    await expect(page.getByTestId('deploy-run')).toBeVisible();
    await expect(page.getByTestId('deploy-run')).toHaveAttribute('data-state', 'succeeded', { timeout: 180_000 });
    for (const id of ['1-namespace', '2-data', '3-api', '4-monitoring', '5-gpu', '6-ingress']) {
      await expect(page.getByTestId(`run-stage-${id}`)).toHaveAttribute('data-state', 'done');
    }
    for (const c of ['api', 'postgresql', 'redis', 'gpu-workers', 'prometheus', 'grafana']) {
      await expect(page.getByTestId(`component-status-${c}`)).toHaveText('Ready');
    }
    await screenshot(page, 'deploy-done');
  });

  test('settings are validated as typed; a changed replica count previews as exactly that change with its diff', async ({
    page,
  }) => {
    await page.goto('/deploy');
    const replicas = page.getByTestId('setting-apiReplicas');
    await replicas.fill('abc');
    await expect(page.getByTestId('setting-error-apiReplicas')).toBeVisible();
    await expect(page.getByTestId('deploy-button')).toBeDisabled();
    await page.getByTestId('setting-gpuNodeLabel').fill('a b=c');
    await expect(page.getByTestId('setting-error-gpuNodeLabel')).toBeVisible();
    await page.getByTestId('setting-gpuNodeLabel').fill('accelerator=nvidia-tesla-gpu');
    await replicas.fill('3');
    await expect(page.getByTestId('deploy-button')).toBeEnabled();
    await page.getByTestId('deploy-preview-button').click();
    const api = page.getByTestId('preview-Deployment-imagepod-imagepod-api');
    await expect(api).toHaveAttribute('data-action', 'change');
    // The API Deployment, and the settings ConfigMap that records the new value.
    await expect(page.getByTestId('preview-summary')).toContainText(
      '0 to create · 2 to change · 0 drifted · 0 in conflict',
    );
    await expect(page.getByTestId('preview-ConfigMap-imagepod-imagepod-deploy-settings')).toHaveAttribute(
      'data-action',
      'change',
    );
    await api.getByRole('button', { name: 'Deployment/imagepod/imagepod-api' }).click();
    const diff = page.getByTestId('preview-Deployment-imagepod-imagepod-api-diff');
    await expect(diff).toContainText('-  replicas: 2');
    await expect(diff).toContainText('+  replicas: 3');
    await screenshot(page, 'deploy-preview-change');

    // Deploy with settings not yet previewed: the confirmation previews them first; Cancel changes nothing.
    await replicas.fill('4');
    await page.getByTestId('deploy-button').click();
    const confirm = page.getByTestId('deploy-confirm');
    await expect(confirm.getByTestId('deploy-confirm-change')).toContainText('Deployment/imagepod/imagepod-api');
    await expect(confirm.getByTestId('deploy-confirm-confirm')).toHaveText('Deploy 2 changes');
    await confirm.getByTestId('deploy-confirm-cancel').click();
    await expect(confirm).toBeHidden();
    expect(
      (
        await kubectl(['get', 'deployment', 'imagepod-api', '-n', 'imagepod', '-o', 'jsonpath={.spec.replicas}'])
      ).trim(),
    ).toBe('2');
  });

  test('scaled through the panel, then deployed with "keep live replicas": both numbers shown, the live one stays', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const replicasNow = async () =>
      Number(await kubectl(['get', 'deployment', 'imagepod-api', '-n', 'imagepod', '-o', 'jsonpath={.spec.replicas}']));
    await page.goto('/workloads');
    const w = 'deployment-imagepod-imagepod-api';
    await page.getByTestId(`workload-scale-${w}`).click();
    await page.getByTestId(`workload-scale-input-${w}`).fill('3');
    await page.getByTestId(`workload-scale-apply-${w}`).click();
    await expect(
      page.getByTestId('toast-success').filter({ hasText: 'Deployment imagepod/imagepod-api scaled to 3' }),
    ).toBeVisible();
    await expect.poll(replicasNow).toBe(3);
    const managers = await kubectl([
      'get',
      'deployment',
      'imagepod-api',
      '-n',
      'imagepod',
      '--show-managed-fields',
      '-o',
      'jsonpath={.metadata.managedFields[*].manager}',
    ]);
    expect(managers.split(' ')).toContain('imagepod-dashboard/scale');

    await page.goto('/deploy');
    await page.getByTestId('deploy-preview-button').click();
    const id = 'preview-Deployment-imagepod-imagepod-api';
    const api = page.getByTestId(id);
    await expect(api).toHaveAttribute('data-action', 'drift');
    await expect(page.getByTestId(`${id}-replicas-live`)).toHaveText('3');
    await expect(page.getByTestId(`${id}-replicas-bundle`)).toHaveText('2');
    await expect(page.getByTestId(`${id}-replicas`)).toContainText('imagepod-dashboard/scale');
    await expect(page.getByTestId(`${id}-take`)).toHaveCount(0);
    await page.getByTestId(`${id}-keep-replicas`).check();
    await page.getByTestId('deploy-preview-button').click();
    await expect(api).toHaveAttribute('data-action', 'unchanged');
    await expect(api).toContainText('keeps the live 3 replicas (bundle 2)');
    await screenshot(page, 'deploy-keep-live-replicas');

    await page.getByTestId('deploy-button').click();
    await expect(page.getByTestId('deploy-confirm-summary')).toContainText('0 to change');
    await page.getByTestId('deploy-confirm-confirm').click();
    await expect(page.getByTestId('deploy-run')).toHaveAttribute('data-state', 'succeeded', { timeout: 150_000 });
    await expect(page.getByTestId('run-object-Deployment-imagepod-imagepod-api')).toContainText(
      'kept the live 3 replicas (bundle 2)',
    );
    expect(await replicasNow()).toBe(3);
  });

  test('undeploy behind a typed confirmation keeps the data', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto('/deploy');
    await expect(page.getByTestId('undeploy')).toBeDisabled();
    await page.getByTestId('undeploy-confirm').fill('imagepod');
    await page.getByTestId('undeploy').click();
    await expect(page.getByTestId('toast-success').filter({ hasText: 'Undeploy started' })).toBeVisible();
    await expect(page.getByTestId('deploy-run')).toHaveAttribute('data-kind', 'undeploy');
    await expect(page.getByTestId('deploy-run')).toHaveAttribute('data-state', 'succeeded', { timeout: 150_000 });
    await expect(page.getByTestId('component-status-api')).toHaveText('Not deployed');
    await expect(page.getByTestId('run-object-Secret-imagepod-imagepod-secrets')).toHaveAttribute('data-state', 'kept');
    await screenshot(page, 'deploy-undeployed');
    expect((await kubectl(['get', 'secret', 'imagepod-secrets', '-n', 'imagepod', '-o', 'name'])).trim()).toBe(
      'secret/imagepod-secrets',
    );
  });

  test('a deploy whose replica died shows as interrupted, where it stopped; Resume completes it', async ({ page }) => {
    test.setTimeout(240_000);
    // Another "replica": a panel process that starts a deploy (lease 4 s) and is killed in stage 2.
    const child = spawn(
      path.join(REPO, 'node_modules', '.bin', 'vite-node'),
      ['-c', 'vitest.config.ts', 'test/integration/deploy-child.ts'],
      {
        cwd: REPO,
        env: { ...process.env, DEPLOY_TOKEN: tokenFor('admin'), IMAGEPOD_DEPLOY_LEASE_S: '4' },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    await expect.poll(() => /stage 2-data/.test(out), { timeout: 120_000 }).toBe(true);
    child.kill('SIGKILL');
    await page.goto('/deploy');
    await expect(page.getByTestId('deploy-run')).toHaveAttribute('data-state', 'interrupted', { timeout: 20_000 });
    await expect(page.getByTestId('run-interrupted')).toContainText('stopped renewing its lease');
    await expect(page.getByTestId('run-interrupted')).toContainText('stage');
    await screenshot(page, 'deploy-interrupted');
    await page.getByTestId('run-resume').click();
    await expect(page.getByTestId('toast-success').filter({ hasText: 'Run resumed' })).toBeVisible();
    await expect(page.getByTestId('deploy-run')).toHaveAttribute('data-state', 'succeeded', { timeout: 180_000 });
    await expect(page.getByTestId('run-resumed')).toContainText('Resumed by');
    await screenshot(page, 'deploy-resumed');
  });
});

test.describe('Deploy page as a viewer', () => {
  test.use({ signInAs: 'viewer' });

  test('the Deploy button is disabled with the reason', async ({ page }) => {
    await page.goto('/deploy');
    await expect(page.getByTestId('deploy-denied')).toContainText(
      'You may view but not deploy: your rights lack `patch deployments` in `imagepod`',
    );
    await expect(page.getByTestId('deploy-button')).toBeDisabled();
  });
});
