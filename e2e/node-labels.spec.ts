import { gpuWorkerDaemonSet } from '../test/builders/manifests';
import { createNamespace, expect, kubectl, screenshot, test, uniqueName } from './fixtures';

const NODE = 'gpu-node-3'; // the fixture GPU node without the accelerator label

const gpuWorker = (ns: string) => JSON.stringify(gpuWorkerDaemonSet(ns));

test('Label nodes: live validation, system-label warning, GPU preset, preview, apply; the GPU worker arrives and leaves', async ({
  page,
}) => {
  const ns = uniqueName('e2e-labels');
  const original = (await kubectl(['get', 'node', NODE, '-o', 'jsonpath={.metadata.labels.accelerator}'])).trim();
  await createNamespace(ns);
  try {
    await kubectl(['label', 'node', NODE, 'accelerator-']);
    await kubectl(['apply', '-f', '-'], gpuWorker(ns));
    await page.goto('/nodes');
    await page.getByTestId('nodes-label-link').click();
    await page.getByTestId(`label-pick-${NODE}`).check();

    await page.getByTestId('label-key-0').fill('a/b/c');
    await expect(page.getByTestId('label-errors-0')).toContainText("more than one '/'");
    await expect(page.getByTestId('label-preview-button')).toBeDisabled();
    await page.getByTestId('label-key-0').fill('kubernetes.io/hostname');
    await page.getByTestId('label-value-0').fill('x');
    await expect(page.getByTestId('label-warning-0')).toContainText('set by the kubelet');
    await expect(page.getByTestId('label-preview-button')).toBeDisabled();
    await page.getByTestId('label-ack-system').check();
    await expect(page.getByTestId('label-preview-button')).toBeEnabled();
    await screenshot(page, 'node-labels-validation');

    await page.getByTestId('label-key-0').fill('');
    await page.getByTestId('label-value-0').fill('');
    await page.getByTestId('label-preset-gpu').click();
    await expect(page.getByTestId('label-key-0')).toHaveValue('accelerator');
    await expect(page.getByTestId('label-value-0')).toHaveValue('nvidia-tesla-gpu');
    await page.getByTestId('label-preview-button').click();
    await expect(page.getByTestId(`preview-placement-start-${ns}-gpu-worker`)).toContainText('starts a pod here');
    await screenshot(page, 'node-labels-preview');
    await page.getByTestId('label-apply').click();
    // Starting a pod asks nothing; the toast links to the node.
    await expect(page.getByTestId('label-applied')).toBeVisible();
    const added = page.getByTestId('toast-success').filter({ hasText: `Labels of node ${NODE} changed` });
    await expect(added).toBeVisible();
    await expect(added.getByTestId('toast-link')).toHaveAttribute('href', `/nodes/${NODE}`);
    await expect(page.getByTestId(`label-node-gpu-label-${NODE}`)).toHaveText('nvidia-tesla-gpu');
    await expect(page.getByTestId(`daemon-pod-${ns}-gpu-worker-${NODE}`)).toContainText('Running');
    await screenshot(page, 'node-labels-applied');

    await page.getByTestId('label-remove-0').check();
    await page.getByTestId('label-preview-button').click();
    await expect(page.getByTestId(`preview-placement-stop-${ns}-gpu-worker`)).toContainText('stops its pod here');
    // Stopping the GPU worker is confirmed first, naming it; Cancel changes nothing.
    await page.getByTestId('label-apply').click();
    const stop = page.getByTestId('label-stop-confirm');
    await expect(stop).toContainText('Stop 1 DaemonSet pod?');
    await expect(stop.getByTestId('label-stop-confirm-body')).toContainText(`${ns}/gpu-worker on ${NODE}`);
    await screenshot(page, 'node-labels-stop-confirm');
    await stop.getByTestId('label-stop-confirm-cancel').click();
    await expect(stop).toBeHidden();
    expect((await kubectl(['get', 'node', NODE, '-o', 'jsonpath={.metadata.labels.accelerator}'])).trim()).toBe(
      'nvidia-tesla-gpu',
    );
    await page.getByTestId('label-apply').click();
    await stop.getByTestId('label-stop-confirm-confirm').click();
    await expect(page.getByTestId('label-applied')).toBeVisible();
    await expect(page.getByTestId(`daemon-pod-${ns}-gpu-worker-${NODE}`)).toHaveCount(0);
    await expect(page.getByTestId(`label-node-gpu-label-${NODE}`)).toHaveText('—');
  } finally {
    await kubectl(['label', 'node', NODE, original ? `accelerator=${original}` : 'accelerator-', '--overwrite']).catch(
      () => undefined,
    );
    await kubectl(['delete', 'namespace', ns, '--wait=false']);
  }
});

test('a DaemonSet page explains that its size follows node labels and links to the form', async ({ page }) => {
  const ns = uniqueName('e2e-labels-ds');
  await createNamespace(ns);
  try {
    await kubectl(['apply', '-f', '-'], gpuWorker(ns));
    await page.goto(`/workloads/daemonsets/${ns}/gpu-worker`);
    await expect(page.getByTestId('daemonset-size-hint')).toContainText('accelerator=nvidia-tesla-gpu');
    await page.getByTestId('daemonset-size-hint').getByRole('link', { name: 'label nodes' }).click();
    await expect(page.getByTestId('labels-view')).toBeVisible();
  } finally {
    await kubectl(['delete', 'namespace', ns, '--wait=false']);
  }
});

test('Label nodes: the picker counts physical GPUs of MIG-split and DRA nodes; "Select GPU nodes" takes them', async ({
  page,
}) => {
  await page.goto('/nodes/labels');
  const gpus = (node: string) => page.getByTestId(`label-node-${node}`).locator('td').nth(3);
  await expect(gpus('gpu-mig-mixed')).toHaveText('8');
  await expect(gpus('gpu-dra-1')).toHaveText('4');
  await expect(gpus('cpu-node-1')).toHaveText('—');
  await page.getByTestId('label-select-gpu').click();
  await expect(page.getByTestId('label-pick-gpu-mig-mixed')).toBeChecked();
  await expect(page.getByTestId('label-pick-gpu-dra-1')).toBeChecked();
  await expect(page.getByTestId('label-pick-cpu-node-1')).not.toBeChecked();
});

test('Label nodes: a node changed after the preview is refused with a toast in plain words; Preview again then applies', async ({
  page,
}) => {
  const node = 'cpu-node-1';
  const key = `e2e.imagepod.io/${uniqueName('l')}`;
  try {
    await page.goto('/nodes/labels');
    await page.getByTestId(`label-pick-${node}`).check();
    await page.getByTestId('label-key-0').fill(key);
    await page.getByTestId('label-value-0').fill('one');
    await page.getByTestId('label-preview-button').click();
    await expect(page.getByTestId(`preview-node-${node}`)).toContainText(`+ ${key}=one`);
    // Someone else labels the node between the preview and the apply.
    await kubectl(['label', 'node', node, `${key}=other`]);
    await page.getByTestId('label-apply').click();
    const failed = page.getByTestId('toast-error').filter({ hasText: `Could not change labels on node ${node}` });
    await expect(failed).toBeVisible();
    await expect(failed.getByTestId('toast-description')).not.toContainText('{');
    await screenshot(page, 'node-labels-conflict-toast');
    expect(
      (await kubectl(['get', 'node', node, '-o', `jsonpath={.metadata.labels}`])).includes(`"${key}":"other"`),
    ).toBe(true);
    await page.getByTestId('label-apply-error').getByRole('button', { name: 'Preview again' }).click();
    await expect(page.getByTestId(`preview-node-${node}`)).toContainText(`${key}: other → one`);
    await page.getByTestId('label-apply').click();
    await expect(page.getByTestId('toast-success').filter({ hasText: `Labels of node ${node} changed` })).toBeVisible();
    expect((await kubectl(['get', 'node', node, '-o', `jsonpath={.metadata.labels}`])).includes(`"${key}":"one"`)).toBe(
      true,
    );
  } finally {
    await kubectl(['label', 'node', node, `${key}-`]).catch(() => undefined);
  }
});
