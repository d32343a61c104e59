import { createNamespace, expect, gpuPod, kubectl, screenshot, test, uniqueName } from './fixtures';
import { USERS_NS } from './global-setup';

/**
 * A user bound to `view` in one namespace only — empty at first — is let into the Pods and
 * Workloads pages, and their namespace pickers offer exactly the namespaces Kubernetes lets them
 * read (a namespace bound later included), never the rest of the cluster.
 */
test.use({ signInAs: null });

test('Namespace picker: a team-scoped user is offered only their namespaces, empty ones included', async ({
  page,
  context,
  baseURL,
}) => {
  const team = uniqueName('e2e-team');
  const later = uniqueName('e2e-team-later');
  const sa = uniqueName('team-viewer');
  await createNamespace(team);
  try {
    await kubectl(['create', 'serviceaccount', sa, '-n', USERS_NS]);
    await kubectl([
      'create',
      'rolebinding',
      sa,
      '--clusterrole=view',
      `--serviceaccount=${USERS_NS}:${sa}`,
      '-n',
      team,
    ]);
    const token = (await kubectl(['create', 'token', sa, '-n', USERS_NS, '--duration=1h'])).trim();
    const login = await context.request.post('/api/auth/login', { data: { token }, headers: { Origin: baseURL! } });
    expect(login.status(), await login.text()).toBe(200);

    // The namespace is empty: the page answers with an empty list, not "No access".
    await page.goto('/workloads');
    await expect(page.getByTestId('workloads-count')).toHaveText('0 of 0 workloads');
    const workloadsPicker = page.getByTestId('workloads-namespace-filter');
    await expect(workloadsPicker).toHaveAttribute('data-loaded', 'yes');
    await expect(workloadsPicker.locator('option')).toHaveText(['All namespaces', team]);

    await page.goto('/pods');
    await expect(page.getByTestId('pods-count')).toHaveAttribute('data-total', '0');
    const podsPicker = page.getByTestId('pods-namespace-filter');
    await expect(podsPicker).toHaveAttribute('data-loaded', 'yes');
    await expect(podsPicker.locator('option')).toHaveText(['All namespaces', team]);

    // A pod in the namespace arrives over the live stream, though the namespace was empty when it opened.
    await kubectl(['apply', '-f', '-'], gpuPod('web-1', team, 0));
    await expect(page.getByTestId(`pod-row-${team}-web-1`)).toBeVisible();
    await podsPicker.selectOption(team);
    await expect(page.getByTestId('pods-count')).toHaveAttribute('data-shown', '1');

    // A namespace bound to the user later is offered on the next visit.
    await createNamespace(later);
    await kubectl([
      'create',
      'rolebinding',
      sa,
      '--clusterrole=view',
      `--serviceaccount=${USERS_NS}:${sa}`,
      '-n',
      later,
    ]);
    await page.goto('/workloads');
    const mine = [team, later].sort((a, b) => a.localeCompare(b));
    await expect(workloadsPicker.locator('option')).toHaveText(['All namespaces', ...mine]);
    await workloadsPicker.selectOption(later);
    await expect(page.getByTestId('workloads-count')).toHaveText('0 of 0 workloads');
    await expect(
      page.getByText('no Deployments, StatefulSets or DaemonSets in the namespaces you may read'),
    ).toBeVisible();
    await screenshot(page, 'namespace-picker-team-workloads');
    await page.goto('/pods');
    await expect(podsPicker.locator('option')).toHaveCount(3);
    await podsPicker.focus();
    await screenshot(page, 'namespace-picker-team-user');
  } finally {
    await kubectl(['delete', 'namespace', team, later, '--wait=false', '--ignore-not-found']);
    await kubectl(['delete', 'serviceaccount', sa, '-n', USERS_NS, '--ignore-not-found']);
  }
});
