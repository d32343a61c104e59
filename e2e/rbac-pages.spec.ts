/**
 * The RBAC matrix in the browser: a user bound to `view` in one EMPTY namespace, and a user with
 * no rights, open every page. Each page shows its data (possibly empty) or a clear "No access"
 * message — never an error boundary, a script error, or another error code.
 */
import type { Page } from '@playwright/test';
import { createNamespace, expect, kubectl, screenshot, test, uniqueName } from './fixtures';
import { USERS_NS } from './global-setup';

const TEAM_NS = uniqueName('e2e-team-a');
const TEAM_SA = 'team-viewer';
let teamToken = '';
let node = '';
let apiServer = '';

test.beforeAll(async () => {
  await createNamespace(TEAM_NS);
  await kubectl(['create', 'serviceaccount', TEAM_SA, '-n', USERS_NS]).catch((e: Error) => {
    if (!/already exists/.test(e.message)) throw e;
  });
  await kubectl([
    'create',
    'rolebinding',
    TEAM_SA,
    '--clusterrole=view',
    `--serviceaccount=${USERS_NS}:${TEAM_SA}`,
    '-n',
    TEAM_NS,
  ]);
  teamToken = (await kubectl(['create', 'token', TEAM_SA, '-n', USERS_NS, '--duration=1h'])).trim();
  node = (await kubectl(['get', 'nodes', '-o', 'name'])).trim().split('\n')[0]!.replace('node/', '');
  apiServer = (await kubectl(['config', 'view', '--minify', '-o', 'jsonpath={.clusters[0].cluster.server}'])).trim();
});

test.afterAll(async () => {
  await kubectl(['delete', 'namespace', TEAM_NS, '--wait=false']);
});

const PAGES = (): [string, string][] => [
  ['overview', '/'],
  ['pods', '/pods'],
  ['pods-in-team', `/pods?namespace=${TEAM_NS}`],
  ['workloads', '/workloads'],
  ['workloads-in-team', `/workloads?namespace=${TEAM_NS}`],
  ['nodes', '/nodes'],
  ['node', `/nodes/${node}`],
  ['node-labels', '/nodes/labels'],
  ['gpus', '/gpus'],
  ['logs', `/logs?namespace=${TEAM_NS}`],
  ['metrics', '/metrics'],
  ['deploy', '/deploy'],
  ['audit', '/audit'],
];

/**
 * Opens a page and checks it settled into data or a clear refusal; returns the refusals shown.
 * Neither test user may list nodes, so neither may be shown the API server's address.
 */
async function visit(page: Page, who: string, name: string, url: string): Promise<string[]> {
  const scriptErrors: string[] = [];
  page.on('pageerror', (e) => scriptErrors.push(e.message));
  await page.goto(url);
  await page.waitForLoadState('load');
  // Let the page's queries answer (they are retried on failure, so a refusal takes a moment).
  await page.waitForTimeout(2500);
  await screenshot(page, `rbac-${who}-${name}`);
  const body = (await page.locator('body').innerText()).slice(0, 4000);
  expect.soft(scriptErrors, `${who} ${url}: script errors`).toEqual([]);
  expect.soft(body, `${who} ${url}: an error boundary`).not.toMatch(/page failed|Application error|Internal error/i);
  expect.soft(body.includes(apiServer), `${who} ${url}: shows the API server ${apiServer}`).toBe(false);
  const codes = await page
    .getByTestId('view-error-message')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-code') ?? ''));
  // The only error a page may show a user is "Kubernetes does not allow you".
  expect
    .soft(
      codes.filter((c) => c !== 'FORBIDDEN'),
      `${who} ${url}: errors other than a refusal`,
    )
    .toEqual([]);
  return codes;
}

test.describe('pages as a user who may view one empty namespace', () => {
  test.use({ signInAs: null });

  test('every page loads: its data (the empty namespace is an empty list) or a clear "not allowed"', async ({
    page,
    baseURL,
  }) => {
    // Every page, each watched for 2.5 s: more than the default minute on a loaded machine.
    test.setTimeout(150_000);
    const res = await page.request.post(`${baseURL}/api/auth/login`, {
      data: { token: teamToken },
      headers: { origin: baseURL! },
    });
    expect(res.status()).toBe(200);
    const refused: string[] = [];
    for (const [name, url] of PAGES()) if ((await visit(page, 'team-viewer', name, url)).length) refused.push(name);
    // The pages of the namespace the user may read show it, empty, rather than a refusal.
    expect.soft(refused, 'team pages refused').not.toContain('pods-in-team');
    expect.soft(refused, 'team pages refused').not.toContain('workloads-in-team');
    // The log page of the user's own (empty) namespace: no pods to follow, not a refusal.
    await page.goto(`/logs?namespace=${TEAM_NS}`);
    await page.waitForTimeout(2500);
    expect
      .soft(await page.locator('body').innerText(), 'logs of the readable namespace')
      .not.toContain('does not allow');
  });
});

test.describe('pages as a user with no rights', () => {
  test.use({ signInAs: 'nobody' });

  test('every page loads and says what is not allowed, never crashes', async ({ page }) => {
    test.setTimeout(150_000);
    const refused: string[] = [];
    for (const [name, url] of PAGES()) if ((await visit(page, 'nobody', name, url)).length) refused.push(name);
    expect(refused).toContain('pods');
    expect(refused).toContain('nodes');
    // Metrics follow RBAC too: a user who may read no namespace is told so, not shown every series.
    await page.goto('/metrics');
    await page.waitForTimeout(2500);
    expect.soft(await page.locator('body').innerText(), 'metrics for nobody').toMatch(/not allow|No access/);
  });
});
