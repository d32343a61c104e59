import { randomBytes } from 'node:crypto';
import { createNamespace, expect, kubectl, screenshot, test } from './fixtures';

// A shared node: the cordon lasts seconds and the taint is PreferNoSchedule, so other tests' pods still schedule.
const NODE = 'cpu-node-2';

test('Node page: cordon and uncordon; add a taint (validated), then remove it', async ({ page }) => {
  const key = `e2e.imagepod.io/${randomBytes(3).toString('hex')}`;
  try {
    await page.goto(`/nodes/${NODE}`);
    const cordon = page.getByTestId('node-cordon');
    await expect(cordon).toHaveText('Cordon');
    await cordon.click();
    const confirm = page.getByTestId('cordon-confirm');
    await expect(confirm.getByTestId('cordon-confirm-body')).toContainText('cordoning evicts nothing');
    await screenshot(page, 'node-cordon-confirm');
    await confirm.getByTestId('cordon-confirm-confirm').click();
    await expect(page.getByTestId('toast-success').filter({ hasText: `Node ${NODE} is cordoned` })).toBeVisible();
    await expect(page.getByTestId(`node-status-${NODE}`)).toHaveText('Ready,SchedulingDisabled');
    await expect(cordon).toHaveText('Uncordon');
    expect((await kubectl(['get', 'node', NODE, '-o', 'jsonpath={.spec.unschedulable}'])).trim()).toBe('true');
    await screenshot(page, 'node-cordoned');
    // Uncordoning asks nothing.
    await cordon.click();
    await expect(
      page.getByTestId('toast-success').filter({ hasText: `Node ${NODE} takes new pods again` }),
    ).toBeVisible();
    await expect(page.getByTestId(`node-status-${NODE}`)).toHaveText('Ready');
    await expect(cordon).toHaveText('Cordon');

    await page.getByTestId('taint-key').fill('a/b/c');
    await expect(page.getByTestId('taint-errors')).toContainText("more than one '/'");
    await expect(page.getByTestId('taint-add')).toBeDisabled();
    await page.getByTestId('taint-key').fill(key);
    await page.getByTestId('taint-value').fill('gpu');
    await page.getByTestId('taint-effect').selectOption('PreferNoSchedule');
    await page.getByTestId('taint-add').click();
    const chip = page.getByTestId(`node-taint-${key}-PreferNoSchedule`);
    await expect(chip).toContainText(`${key}=gpu:PreferNoSchedule`);
    await expect(page.getByTestId('toast-success').filter({ hasText: `Taints of node ${NODE} saved` })).toBeVisible();
    expect(await kubectl(['get', 'node', NODE, '-o', 'jsonpath={.spec.taints}'])).toContain(key);
    await screenshot(page, 'node-taints');
    await page.getByTestId(`node-taint-remove-${key}-PreferNoSchedule`).click();
    await expect(chip).toHaveCount(0);
    expect(await kubectl(['get', 'node', NODE, '-o', 'jsonpath={.spec.taints}'])).not.toContain(key);

    // NoExecute evicts: it asks first, and Cancel changes nothing.
    await page.getByTestId('taint-key').fill(key);
    await page.getByTestId('taint-effect').selectOption('NoExecute');
    await page.getByTestId('taint-add').click();
    const evict = page.getByTestId('taint-evict-confirm');
    await expect(evict.getByTestId('taint-evict-confirm-body')).toContainText(`evicts every pod on ${NODE}`);
    await evict.getByTestId('taint-evict-confirm-cancel').click();
    await expect(evict).toBeHidden();
    expect(await kubectl(['get', 'node', NODE, '-o', 'jsonpath={.spec.taints}'])).not.toContain(key);
  } finally {
    await kubectl(['uncordon', NODE]).catch(() => undefined);
    await kubectl(['taint', 'node', NODE, `${key}-`]).catch(() => undefined);
  }
});

test('Node page: a NoExecute taint is confirmed with what it evicts, then evicts the pod that does not tolerate it', async ({
  page,
}) => {
  const node = `e2e-taint-${randomBytes(3).toString('hex')}`;
  const ns = `e2e-taint-${randomBytes(3).toString('hex')}`;
  const pod = (name: string, tolerate: boolean) =>
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: ns },
      spec: {
        nodeName: node,
        containers: [{ name: 'main', image: 'imagepod/gpu-worker:1' }],
        tolerations: [
          { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
          ...(tolerate ? [{ key: 'maintenance', operator: 'Exists', effect: 'NoExecute' }] : []),
        ],
      },
    });
  try {
    await kubectl(
      ['apply', '-f', '-'],
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Node',
        metadata: {
          name: node,
          annotations: { 'kwok.x-k8s.io/node': 'fake' },
          labels: { type: 'kwok', 'kubernetes.io/hostname': node },
        },
        status: {
          capacity: { cpu: '4', memory: '8Gi', pods: '110' },
          allocatable: { cpu: '4', memory: '8Gi', pods: '110' },
        },
      }),
    );
    await createNamespace(ns);
    await kubectl(['apply', '-f', '-'], pod('plain', false));
    await kubectl(['apply', '-f', '-'], pod('tolerant', true));
    await page.goto(`/nodes/${node}`);
    await expect(page.getByTestId(`node-pod-${ns}-plain`)).toContainText('Running', { timeout: 30_000 });
    await expect(page.getByTestId(`node-pod-${ns}-tolerant`)).toContainText('Running');

    await page.getByTestId('taint-key').fill('maintenance');
    await page.getByTestId('taint-value').fill('now');
    await page.getByTestId('taint-effect').selectOption('NoExecute');
    await page.getByTestId('taint-add').click();
    const evict = page.getByTestId('taint-evict-confirm');
    await expect(evict).toContainText(`Add NoExecute taint to node ${node}?`);
    await expect(evict.getByTestId('taint-evict-confirm-body')).toContainText(
      'maintenance=now:NoExecute (2 pods run there now)',
    );
    await screenshot(page, 'node-taint-noexecute-confirm');
    await evict.getByTestId('taint-evict-confirm-confirm').click();
    await expect(page.getByTestId('toast-success').filter({ hasText: `Taints of node ${node} saved` })).toBeVisible();
    await expect(page.getByTestId(`node-taint-maintenance-NoExecute`)).toContainText('maintenance=now:NoExecute');
    // Kubernetes' taint manager evicts the pod without the toleration; the other stays.
    await expect(page.getByTestId(`node-pod-${ns}-plain`)).toHaveCount(0, { timeout: 30_000 });
    await expect(page.getByTestId(`node-pod-${ns}-tolerant`)).toContainText('Running');
  } finally {
    await kubectl(['delete', 'namespace', ns, '--wait=false']).catch(() => undefined);
    await kubectl(['delete', 'node', node, '--wait=false']).catch(() => undefined);
  }
});
