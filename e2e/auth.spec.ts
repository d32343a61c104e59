import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO, createNamespace, expect, kubectl, screenshot, test, tokenFor, uniqueName, usernameOf } from './fixtures';

test.describe('without a session', () => {
  test.use({ signInAs: null });

  test('every page sends you to sign in; a bad token is refused with the reason; a good one brings you back', async ({
    page,
  }) => {
    const res = await page.goto('/pods?namespace=kube-system');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/pods?namespace=kube-system');
    // The page's own security headers.
    const headers = res!.headers();
    expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('same-origin');
    await expect(page.getByTestId('local-mode-hint')).toBeVisible();
    await screenshot(page, 'login');

    await page.getByTestId('token-input').fill('not-a-real-token');
    await page.getByTestId('sign-in').click();
    await expect(page.getByTestId('login-error')).toContainText('did not accept this token');
    await expect(page.getByTestId('token-input')).toHaveValue('');
    await screenshot(page, 'login-error');

    await page.getByTestId('token-input').fill(tokenFor('admin'));
    await page.getByTestId('sign-in').click();
    await expect(page).toHaveURL(/\/pods\?namespace=kube-system$/);
    await expect(page.getByTestId('user-name')).toHaveText(usernameOf('admin'));
    // The token is in no cookie the page's JavaScript can read.
    expect(await page.evaluate(() => document.cookie)).toBe('');
  });

  test('local mode: the printed one-time link signs in as the kubeconfig identity, once', async ({ page }) => {
    const link = readFileSync(path.join(REPO, '.test-reports', 'login-link'), 'utf8').trim();
    await page.goto(link);
    await expect(page.getByTestId('user-name')).toHaveText('kwok-admin');
    await expect(page.getByTestId('user-box')).toContainText('via local kubeconfig');
    // Leave the panel first: its live stream, refused once the cookie is gone, would send the tab
    // to /login by itself and abort the navigation below.
    await page.goto('about:blank');
    await page.context().clearCookies();
    await page.goto(link);
    expect(new URL(page.url()).pathname).toBe('/login');
    await expect(page.getByTestId('login-error')).toContainText('already used');
  });
});

test.describe('as the cluster admin', () => {
  test('scale from the Workloads page, see it on the Audit page with your name, sign out', async ({ page }) => {
    const ns = uniqueName('e2e-auth');
    await createNamespace(ns);
    try {
      await kubectl(['create', 'deployment', 'imagepod-api', '-n', ns, '--image=imagepod/api:1.0', '--replicas=2']);
      await page.goto(`/workloads?namespace=${ns}`);
      const id = `deployment-${ns}-imagepod-api`;
      await expect(page.getByTestId(`workload-ready-${id}`)).toContainText('2/2');
      await page.getByTestId(`workload-scale-${id}`).click();
      await page.getByRole('button', { name: 'One more' }).click();
      await page.getByRole('button', { name: 'One more' }).click();
      await expect(page.getByTestId(`workload-scale-input-${id}`)).toHaveValue('4');
      await screenshot(page, 'workloads-scale');
      await page.getByTestId(`workload-scale-apply-${id}`).click();
      await expect(page.getByTestId(`workload-ready-${id}`)).toContainText('4/4');
      expect(
        JSON.parse(await kubectl(['get', 'deployment', 'imagepod-api', '-n', ns, '-o', 'json'])).spec.replicas,
      ).toBe(4);

      // Bad input in the form never reaches the server.
      await page.getByTestId(`workload-scale-${id}`).click();
      await page.getByTestId(`workload-scale-input-${id}`).fill('3abc');
      await expect(page.getByTestId(`workload-scale-error-${id}`)).toContainText('whole number');
      await expect(page.getByTestId(`workload-scale-apply-${id}`)).toBeDisabled();

      await page.getByTestId('nav-audit').click();
      const row = page
        .locator(`[data-testid="audit-row"][data-action="scale"][data-user="${usernameOf('admin')}"]`)
        .filter({ hasText: `Deployment/${ns}/imagepod-api` });
      await expect(row).toBeVisible();
      await expect(row).toContainText('scale from 2 to 4 replicas');
      await page.getByTestId('audit-action-filter').selectOption('login');
      await expect(page.locator('[data-testid="audit-row"][data-action="scale"]')).toHaveCount(0);
      await expect(page.locator('[data-testid="audit-row"][data-action="login"]').first()).toBeVisible();
      await page.getByTestId('audit-action-filter').selectOption('');
      await page.getByTestId('audit-user-filter').fill('imagepod-e2e:admin');
      await expect(row).toBeVisible();
      await screenshot(page, 'audit');

      await page.getByTestId('sign-out').click();
      await expect(page).toHaveURL(/\/login/);
      await page.goto('/workloads');
      expect(new URL(page.url()).pathname).toBe('/login');
    } finally {
      await kubectl(['delete', 'namespace', ns, '--wait=false']);
    }
  });
});

test.describe('the audit trail', () => {
  test("marks an Event forged with kubectl as unverified, the panel's own rows as verified", async ({ page }) => {
    const name = uniqueName('imagepod-audit-forged');
    const forger = 'system:serviceaccount:ops:mallory';
    await kubectl(
      ['create', '-f', '-'],
      JSON.stringify({
        apiVersion: 'events.k8s.io/v1',
        kind: 'Event',
        metadata: {
          name,
          namespace: 'imagepod',
          labels: { 'imagepod.io/audit': 'true', 'imagepod.io/audit-action': 'undeploy' },
          annotations: {
            'audit.imagepod.io/user': forger,
            'audit.imagepod.io/action': 'undeploy',
            'audit.imagepod.io/result': 'success',
            'audit.imagepod.io/mac': 'A'.repeat(43),
          },
        },
        eventTime: new Date().toISOString().replace('Z', '000Z'),
        reportingController: 'imagepod.io/dashboard',
        reportingInstance: 'forged',
        action: 'Undeploy',
        reason: 'Undeploy',
        type: 'Normal',
        regarding: { apiVersion: 'v1', kind: 'Namespace', name: 'imagepod', namespace: 'imagepod' },
        note: `${forger}: undeployed: 0 deleted, 0 kept`,
      }),
    );
    try {
      await page.goto('/audit');
      const forged = page.locator(`[data-testid="audit-row"][data-user="${forger}"]`);
      await expect(forged).toHaveAttribute('data-verified', 'false');
      await expect(forged.getByTestId('audit-unverified')).toBeVisible();
      // The fixture's own sign-in, written by this panel.
      const own = page.locator(`[data-testid="audit-row"][data-action="login"][data-user="${usernameOf('admin')}"]`);
      await expect(own.first()).toHaveAttribute('data-verified', 'true');
      await expect(own.first().getByTestId('audit-unverified')).toHaveCount(0);
      await page.getByTestId('audit-user-filter').fill('ops:mallory');
      await expect(page.getByTestId('audit-row')).toHaveCount(1);
      await screenshot(page, 'audit-unverified');
    } finally {
      await kubectl(['delete', 'events.events.k8s.io', name, '-n', 'imagepod', '--ignore-not-found']);
    }
  });
});

test.describe('as a viewer', () => {
  test.use({ signInAs: 'viewer' });

  test('sees workloads but no scale button, and is told nodes are not theirs to see', async ({ page }) => {
    const ns = uniqueName('e2e-view');
    await createNamespace(ns);
    try {
      await kubectl(['create', 'deployment', 'imagepod-api', '-n', ns, '--image=imagepod/api:1.0', '--replicas=1']);
      await page.goto(`/workloads?namespace=${ns}`);
      const id = `deployment-${ns}-imagepod-api`;
      await expect(page.getByTestId(`workload-ready-${id}`)).toContainText('1/1');
      await expect(page.getByTestId(`workload-scale-denied-${id}`)).toBeVisible();
      await expect(page.getByTestId(`workload-scale-${id}`)).toHaveCount(0);
      await screenshot(page, 'workloads-viewer');
      await page.goto('/nodes');
      await expect(page.getByTestId('view-error')).toContainText('No access to nodes');
      await expect(page.getByTestId('view-error')).toContainText(usernameOf('viewer'));
    } finally {
      await kubectl(['delete', 'namespace', ns, '--wait=false']);
    }
  });
});

test.describe('as a user with no rights', () => {
  test.use({ signInAs: 'nobody' });

  test('sees nothing of the cluster', async ({ page }) => {
    await page.goto('/pods');
    await expect(page.getByTestId('view-error')).toContainText('No access to pods');
    await screenshot(page, 'pods-no-access');
  });
});

test.describe('single sign-on', () => {
  test.use({ signInAs: null, ignoreHTTPSErrors: true });

  test('signs in through the devcluster OIDC issuer (code + PKCE); the API server names the user', async ({ page }) => {
    await page.goto('/workloads');
    await page.getByTestId('oidc-sign-in').click();
    // The issuer's own (development) login form.
    await page.locator('input[name="login"]').fill('alice@example.com');
    await page.locator('input[name="password"]').fill('any');
    await page.locator('button[type="submit"]').click();
    await expect(page).toHaveURL(/\/workloads$/);
    await expect(page.getByTestId('user-name')).toHaveText('oidc:alice@example.com');
    await expect(page.getByTestId('user-box')).toContainText('via single sign-on');
    await expect(page.getByTestId('workloads-table')).toBeVisible();
    await screenshot(page, 'workloads-oidc');
  });

  test("the sign-in page shows fixed text for known codes only, never a link's or the issuer's words", async ({
    page,
  }) => {
    await page.goto(`/login?error=${encodeURIComponent('Your account is locked. Call +1 555 0100')}`);
    await expect(page.getByTestId('token-input')).toBeVisible();
    await expect(page.getByTestId('login-error')).toHaveCount(0);
    await expect(page.locator('body')).not.toContainText('555 0100');
    // A real flow (its cookie is set by start), cancelled at the issuer with a crafted description.
    await page.goto('/api/auth/oidc/start?next=/workloads');
    await expect(page.locator('input[name="login"]')).toBeVisible();
    await page.goto(
      `/api/auth/oidc/callback?error=access_denied&error_description=${encodeURIComponent('Call +1 555 0100 now')}`,
    );
    await expect(page).toHaveURL(/\/login\?error=sso-denied$/);
    await expect(page.getByTestId('login-error')).toHaveText(
      'The identity provider did not complete the sign-in (cancelled or refused); try again.',
    );
    await expect(page.locator('body')).not.toContainText('555 0100');
    await screenshot(page, 'login-sso-denied');
  });

  test('a forged callback is refused and sends you back to sign in', async ({ page }) => {
    await page.goto('/api/auth/oidc/callback?code=forged&state=forged');
    await expect(page).toHaveURL(/\/login\?error=/);
    await expect(page.getByTestId('login-error')).toContainText('try again');
  });
});
