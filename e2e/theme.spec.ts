import type { Page } from '@playwright/test';
import path from 'node:path';
import { REPO, createNamespace, expect, kubectl, screenshot, test, uniqueName } from './fixtures';

const SHOTS = path.join(REPO, '.test-reports', 'screenshots');

/** Whether <html> is dark, and whether it already was when the HTML had been parsed (before React ran). */
async function darkness(page: Page) {
  return page.evaluate(() => ({
    now: document.documentElement.classList.contains('dark'),
    atParse: (window as unknown as { __darkAtParse?: boolean }).__darkAtParse,
    background: getComputedStyle(document.body).backgroundColor,
  }));
}

/** Records the theme at DOMContentLoaded (before hydration) and every hydration error on the console. */
async function watchBoot(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /hydrat|#418|#425|did not match/i.test(m.text())) errors.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      (window as unknown as { __darkAtParse: boolean }).__darkAtParse =
        document.documentElement.classList.contains('dark');
    });
  });
  return errors;
}

test.describe('system prefers dark', () => {
  test.use({ colorScheme: 'dark' });

  test('Theme: follows prefers-color-scheme, from the first paint, without a hydration mismatch', async ({ page }) => {
    const errors = await watchBoot(page);
    await page.goto('/nodes');
    await expect(page.getByRole('heading', { name: 'Nodes' })).toBeVisible();
    expect(await darkness(page)).toMatchObject({ now: true, atParse: true });
    await expect(page.getByTestId('theme-system')).toHaveAttribute('aria-pressed', 'true');
    // The page's background is the dark one, not white.
    expect((await darkness(page)).background).not.toMatch(/rgb\(25[0-5], 25[0-5], 25[0-5]\)/);
    // Light, chosen over the system's dark, holds over a reload.
    await page.getByTestId('theme-light').click();
    expect((await darkness(page)).now).toBe(false);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Nodes' })).toBeVisible();
    expect(await darkness(page)).toMatchObject({ now: false, atParse: false });
    await expect(page.getByTestId('theme-light')).toHaveAttribute('aria-pressed', 'true');
    await page.getByTestId('theme-system').click();
    expect((await darkness(page)).now).toBe(true);
    expect(errors).toEqual([]);
  });
});

test.describe('system prefers light', () => {
  test.use({ colorScheme: 'light' });

  test('Theme: dark chosen in the toggle is remembered over a reload', async ({ page }) => {
    const errors = await watchBoot(page);
    await page.goto('/');
    expect(await darkness(page)).toMatchObject({ now: false, atParse: false });
    await page.getByTestId('theme-dark').click();
    await expect(page.getByTestId('theme-dark')).toHaveAttribute('aria-pressed', 'true');
    expect((await darkness(page)).now).toBe(true);
    await page.reload();
    expect(await darkness(page)).toMatchObject({ now: true, atParse: true });
    await expect(page.getByTestId('theme-dark')).toHaveAttribute('aria-pressed', 'true');
    // Another page, same choice.
    await page.getByTestId('nav-pods').click();
    await expect(page).toHaveURL(/\/pods$/);
    expect((await darkness(page)).now).toBe(true);
    expect(errors).toEqual([]);
  });
});

test.describe('dark screenshots', () => {
  test.use({ colorScheme: 'dark' });

  test('Theme: every page in dark (screenshots to look at)', async ({ page }) => {
    test.setTimeout(180_000);
    const ns = uniqueName('e2e-dark');
    await createNamespace(ns);
    try {
      await kubectl(['create', 'deployment', 'web', '-n', ns, '--image=imagepod/api:1', '--replicas=2']);
      await kubectl(['rollout', 'status', 'deployment/web', '-n', ns, '--timeout=60s']);
      // A second revision, so the workload page has a history diff to show.
      await kubectl(['set', 'image', 'deployment/web', '-n', ns, 'api=imagepod/api:2']);
      await kubectl(['rollout', 'status', 'deployment/web', '-n', ns, '--timeout=60s']);
      const pod = (await kubectl(['get', 'pods', '-n', ns, '-o', 'jsonpath={.items[0].metadata.name}'])).trim();
      const node = (await kubectl(['get', 'nodes', '-o', 'jsonpath={.items[0].metadata.name}'])).trim();
      const pages: [string, string, string][] = [
        ['overview', '/', 'Overview'],
        ['gpus', '/gpus', 'GPUs'],
        ['nodes', '/nodes', 'Nodes'],
        ['node', `/nodes/${node}`, node],
        ['pods', '/pods', 'Pods'],
        ['pod', `/pods/${ns}/${pod}`, pod],
        ['workloads', '/workloads', 'Workloads'],
        ['workload', `/workloads/deployments/${ns}/web`, `Deployment ${ns}/web`],
        ['deploy', '/deploy', 'Deploy'],
        ['logs', `/logs?namespace=${ns}&pod=${pod}`, 'Logs'],
        ['metrics', '/metrics', 'Metrics'],
        ['audit', '/audit', 'Audit'],
      ];
      for (const [name, url, heading] of pages) {
        await page.goto(url);
        await expect(page.getByRole('heading', { level: 1, name: heading }).first()).toBeVisible();
        // Skeletons gone: the page has its data.
        await expect(page.locator('main .animate-pulse')).toHaveCount(0, { timeout: 30_000 });
        expect((await darkness(page)).now, name).toBe(true);
        await screenshot(page, `dark-${name}`);
      }
      // The diffs: a rollback's preview, and a deploy preview.
      await page.goto(`/workloads/deployments/${ns}/web`);
      await page.getByTestId('history-undo-1').click();
      await expect(page.getByTestId('undo-diff')).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/dark-undo-diff.png` });
      await page.keyboard.press('Escape');
      await page.goto('/deploy');
      await page.getByRole('button', { name: 'Preview', exact: true }).click();
      await expect(page.getByTestId('deploy-preview')).toBeVisible({ timeout: 30_000 });
      await screenshot(page, 'dark-deploy-preview');
      await page.keyboard.press('Control+k');
      await page.keyboard.type('web');
      await expect(page.getByRole('option').first()).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/dark-palette.png` });
    } finally {
      await kubectl(['delete', 'namespace', ns, '--wait=false']);
    }
  });
});

test.describe('signed out, system prefers dark', () => {
  test.use({ colorScheme: 'dark', signInAs: null });

  test('Theme: the sign-in page is dark too, and fits 800 px in both themes', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('button', { name: /sign in/i }).first()).toBeVisible();
    expect((await darkness(page)).now).toBe(true);
    await screenshot(page, 'dark-login');
    await page.setViewportSize({ width: 800, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, 'width-800-dark-login');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.reload();
    await expect(page.getByRole('button', { name: /sign in/i }).first()).toBeVisible();
    expect((await darkness(page)).now).toBe(false);
    await screenshot(page, 'width-800-login');
  });
});
