import { randomBytes } from 'node:crypto';
import { expect, kubectl, screenshot, test } from './fixtures';

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
    expect(await kubectl(['get', 'node', NODE, '-o', 'jsonpath={.spec.taints}'])).toContain(key);
    await screenshot(page, 'node-taints');
    await page.getByTestId(`node-taint-remove-${key}-PreferNoSchedule`).click();
    await expect(chip).toHaveCount(0);
    expect(await kubectl(['get', 'node', NODE, '-o', 'jsonpath={.spec.taints}'])).not.toContain(key);
  } finally {
    await kubectl(['uncordon', NODE]).catch(() => undefined);
    await kubectl(['taint', 'node', NODE, `${key}-`]).catch(() => undefined);
  }
});
