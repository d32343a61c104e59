import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import {
  createNamespace,
  expect,
  gpuPod,
  kubectl,
  markNoReload,
  screenshot,
  signIn,
  test,
  uniqueName,
  usernameOf,
} from './fixtures';

/** The page's query as a plain object, to compare with what a test set. */
const query = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);

/**
 * Counts the requests a page makes that a navigation or a new stream would: RSC fetches of the
 * page, page loads and event streams (the stream lives in the shared worker, never the page).
 */
function watchNavigations(page: Page): () => string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    // Links prefetch other pages (`/nodes/gpu-node-1?_rsc=`); only this page's own fetches count.
    const own = url.pathname === new URL(page.url()).pathname;
    if (
      r.resourceType() === 'eventsource' ||
      (own && (r.resourceType() === 'document' || url.searchParams.has('_rsc')))
    )
      seen.push(r.url());
  });
  return () => seen;
}

test('Pods: namespace, selector, search and sort are in the URL; reload keeps them, Back undoes one step', async ({
  page,
}) => {
  const ns = uniqueName('e2e-url');
  await createNamespace(ns);
  try {
    // Pending on a node that does not exist: no drain elsewhere in the cluster can evict them.
    const nowhere = 'e2e-url-no-such-node';
    await kubectl(['apply', '-f', '-'], gpuPod('api-1', ns, 0, nowhere, { app: 'imagepod-api' }));
    await kubectl(['apply', '-f', '-'], gpuPod('api-2', ns, 0, nowhere, { app: 'imagepod-api' }));
    await kubectl(['apply', '-f', '-'], gpuPod('worker-1', ns, 0, nowhere, { app: 'imagepod-gpu-worker' }));
    await page.goto('/pods');
    // (Not the row: among many pods the virtualised table may not draw it.)
    await expect(page.getByTestId('pods-namespace-filter').locator(`option[value="${ns}"]`)).toHaveCount(1);
    const stillSamePage = await markNoReload(page);
    const navigations = watchNavigations(page);

    // Chrome's Back skips entries pushed without a user's gesture in between (its guard against
    // history spam); a person clicks, so the test does too before each step.
    await page.getByRole('heading', { name: 'Pods' }).click();
    await page.getByTestId('pods-namespace-filter').selectOption(ns);
    await expect(page.getByTestId('pods-count')).toHaveAttribute('data-shown', '3');
    await page.getByTestId('pods-selector-filter').click();
    await page.getByTestId('pods-selector-filter').fill('app=imagepod-api');
    const nameHeader = page.getByRole('columnheader', { name: 'Name', exact: true });
    await nameHeader.getByRole('button').click();
    await nameHeader.getByRole('button').click();
    await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
    expect(query(page)).toEqual({ namespace: ns, selector: 'app=imagepod-api', sort: 'name:desc' });
    await expect(page.getByTestId('pods-count')).toHaveAttribute('data-shown', '2');
    // api-2 before api-1: name, descending.
    await expect(page.locator('[data-testid^="pod-row-"]').first()).toHaveAttribute(
      'data-testid',
      `pod-row-${ns}-api-2`,
    );
    await stillSamePage();
    expect(navigations(), 'a filter change fetched the page or opened a stream').toEqual([]);

    await page.reload();
    await expect(page.getByTestId('pods-namespace-filter')).toHaveValue(ns);
    await expect(page.getByTestId('pods-selector-filter')).toHaveValue('app=imagepod-api');
    await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(page.getByTestId('pods-count')).toHaveAttribute('data-shown', '2');
    await expect(page.locator('[data-testid^="pod-row-"]').first()).toHaveAttribute(
      'data-testid',
      `pod-row-${ns}-api-2`,
    );
    await screenshot(page, 'url-state-pods');

    // Back: the sort's previous step (ascending), then the selector typed (one step), then the namespace.
    await page.goBack();
    await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
    expect(query(page)).toEqual({ namespace: ns, selector: 'app=imagepod-api', sort: 'name:asc' });
    await page.goBack();
    await expect(nameHeader).toHaveAttribute('aria-sort', 'none');
    await page.goBack();
    await expect(page.getByTestId('pods-selector-filter')).toHaveValue('');
    await expect(page.getByTestId('pods-namespace-filter')).toHaveValue(ns);
    await expect(page.getByTestId('pods-count')).toHaveAttribute('data-shown', '3');
    await page.goForward();
    await expect(page.getByTestId('pods-selector-filter')).toHaveValue('app=imagepod-api');
    await expect(page.getByTestId('pods-count')).toHaveAttribute('data-shown', '2');

    // A hostile URL falls back to the defaults, field by field.
    await page.goto(`/pods?namespace=${ns}&sort=__proto__:asc&q=${'x'.repeat(5000)}`);
    await expect(page.getByTestId('pods-namespace-filter')).toHaveValue(ns);
    await expect(page.getByTestId('pods-search')).toHaveValue('');
    await expect(page.getByRole('columnheader', { name: 'Namespace', exact: true })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
  } finally {
    await kubectl(['delete', 'namespace', ns, '--wait=false']);
  }
});

test('Nodes: search, label selector and sort, in the URL', async ({ page }) => {
  await page.goto('/nodes');
  await expect(page.getByTestId('node-row-gpu-node-1')).toBeVisible();
  const navigations = watchNavigations(page);
  await page.getByTestId('nodes-search').fill('gpu-node');
  await expect(page.locator('[data-testid^="node-row-"]')).toHaveCount(3);
  await expect(page.getByTestId('node-row-cpu-node-1')).toHaveCount(0);
  await page.getByTestId('nodes-sort-name').getByRole('button').click();
  await expect(page.getByTestId('nodes-sort-name')).toHaveAttribute('aria-sort', 'descending');
  await expect(page.locator('[data-testid^="node-row-"]').first()).toHaveAttribute(
    'data-testid',
    'node-row-gpu-node-3',
  );
  expect(query(page)).toEqual({ q: 'gpu-node', sort: 'name:desc' });
  expect(navigations(), 'a filter change fetched the page or opened a stream').toEqual([]);

  await page.reload();
  await expect(page.getByTestId('nodes-search')).toHaveValue('gpu-node');
  await expect(page.locator('[data-testid^="node-row-"]').first()).toHaveAttribute(
    'data-testid',
    'node-row-gpu-node-3',
  );
  await expect(page.locator('[data-testid^="node-row-"]')).toHaveCount(3);
  await screenshot(page, 'url-state-nodes');

  await page.goBack();
  await expect(page.getByTestId('nodes-sort-name')).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.locator('[data-testid^="node-row-"]').first()).toHaveAttribute(
    'data-testid',
    'node-row-gpu-node-1',
  );

  // The selector: the pods page's grammar, its error shown and not applied.
  await page.getByTestId('nodes-search').fill('');
  await page.getByTestId('nodes-selector-filter').fill('kubernetes.io/hostname in (cpu-node-1, gpu-mps)');
  await expect(page.locator('[data-testid^="node-row-"]')).toHaveCount(2);
  await page.getByTestId('nodes-selector-filter').fill('kubernetes.io/hostname in (');
  await expect(page.getByTestId('nodes-selector-error')).toBeVisible();
  await expect(page.locator('[data-testid^="node-row-"]').first()).toBeVisible();
});

test('Workloads, Metrics, Logs and GPUs: their filters round-trip through the URL', async ({ page }) => {
  await page.goto('/workloads');
  await expect(page.getByTestId('workloads-count')).toBeVisible();
  await page.getByTestId('workloads-kind-filter').selectOption('DaemonSet');
  await page.getByTestId('workloads-search').fill('zzz-none');
  expect(query(page)).toEqual({ kind: 'DaemonSet', q: 'zzz-none' });
  await page.reload();
  await expect(page.getByTestId('workloads-kind-filter')).toHaveValue('DaemonSet');
  await expect(page.getByTestId('workloads-search')).toHaveValue('zzz-none');
  await expect(page.getByTestId('workloads-count')).toHaveAttribute('data-shown', '0');
  await page.goBack();
  await expect(page.getByTestId('workloads-search')).toHaveValue('');
  await expect(page.getByTestId('workloads-kind-filter')).toHaveValue('DaemonSet');

  await page.goto('/metrics');
  await page.getByTestId('range-6h').click();
  await page.getByTestId('refresh-interval').selectOption('10000');
  expect(query(page)).toEqual({ range: '6h', refresh: '10000' });
  await page.reload();
  await expect(page.getByTestId('range-6h')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('refresh-interval')).toHaveValue('10000');
  // The server's HTML already shows the state; Back before hydration would reach no listener.
  await expect(page.getByTestId('cache-state')).toHaveAttribute('data-state', 'synced');
  await page.goBack();
  await expect(page.getByTestId('refresh-interval')).toHaveValue('30000');
  await expect(page.getByTestId('range-6h')).toHaveAttribute('aria-pressed', 'true');
  await page.goBack();
  await expect(page.getByTestId('range-1h')).toHaveAttribute('aria-pressed', 'true');

  await page.goto('/logs?namespace=imagepod&preset=api');
  await page.getByTestId('logs-search').fill('GET');
  await page.getByTestId('logs-filter').fill('^\\{');
  await expect.poll(() => query(page)).toMatchObject({ find: 'GET', grep: '^\\{' });
  await page.reload();
  await expect(page.getByTestId('logs-search')).toHaveValue('GET');
  await expect(page.getByTestId('logs-filter')).toHaveValue('^\\{');

  await page.goto('/gpus');
  await page.getByTestId('gpu-filter-state').selectOption({ index: 1 });
  const state = await page.getByTestId('gpu-filter-state').inputValue();
  expect(query(page)).toEqual({ state });
  await page.goBack();
  await expect(page.getByTestId('gpu-filter-state')).toHaveValue('');
  await page.goForward();
  await expect(page.getByTestId('gpu-filter-state')).toHaveValue(state);
});

test('Audit: filters in the URL, repeats folded, the client address shown, CSV and JSON export', async ({
  page,
  context,
  baseURL,
}) => {
  // Two more identical sign-ins, one after the other: one row with a count.
  await signIn(context, 'admin', baseURL!);
  await signIn(context, 'admin', baseURL!);
  await page.goto('/audit');
  await expect(page.getByTestId('audit-count')).toBeVisible();
  // Records live one hour here (the API server's default --event-ttl): no longer filter is offered.
  const ranges = await page.getByTestId('audit-range-filter').locator('option').allTextContents();
  expect(ranges).toEqual(['Any time', 'Last 15 minutes', 'Last hour']);

  await page.getByTestId('audit-action-filter').selectOption('login');
  await page.getByTestId('audit-result-filter').selectOption('success');
  await page.getByTestId('audit-range-filter').selectOption('15m');
  await page.getByTestId('audit-user-filter').fill('imagepod-e2e:admin');
  expect(query(page)).toEqual({ action: 'login', result: 'success', range: '15m', user: 'imagepod-e2e:admin' });
  const first = page.getByTestId('audit-row').first();
  await expect(first).toHaveAttribute('data-user', usernameOf('admin'));
  expect(Number(await first.getAttribute('data-count'))).toBeGreaterThanOrEqual(2);
  await expect(first.getByTestId('audit-fold-count')).toBeVisible();
  await expect(first.getByTestId('audit-client')).toHaveText(/^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/);

  await page.reload();
  await expect(page.getByTestId('audit-action-filter')).toHaveValue('login');
  await expect(page.getByTestId('audit-result-filter')).toHaveValue('success');
  await expect(page.getByTestId('audit-range-filter')).toHaveValue('15m');
  await expect(page.getByTestId('audit-user-filter')).toHaveValue('imagepod-e2e:admin');
  await screenshot(page, 'url-state-audit');
  await page.goBack();
  await expect(page.getByTestId('audit-user-filter')).toHaveValue('');
  await expect(page.getByTestId('audit-range-filter')).toHaveValue('15m');
  await page.goForward();
  await expect(page.getByTestId('audit-user-filter')).toHaveValue('imagepod-e2e:admin');

  // A link with a filter longer than the records live reads as "Any time".
  await page.goto('/audit?range=7d');
  await expect(page.getByTestId('audit-range-filter')).toHaveValue('');

  // The exports: the filtered records, unfolded, each as a file.
  await page.goto('/audit?action=login&user=imagepod-e2e:admin');
  const shown = page.getByTestId('audit-row').first();
  await expect(shown).toBeVisible();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export-csv').click()]);
  expect(csv.suggestedFilename()).toMatch(/^imagepod-audit-.*\.csv$/);
  const lines = readFileSync((await csv.path())!, 'utf8')
    .trimEnd()
    .split('\r\n');
  expect(lines[0]).toBe('time,user,action,target,result,client,verified,message,details');
  expect(lines.length).toBeGreaterThan(2);
  for (const l of lines.slice(1)) expect(l).toContain(`,${usernameOf('admin')},login,`);
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export-json').click()]);
  const records = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { action: string; client: string }[];
  expect(records.length).toBe(lines.length - 1);
  expect(records.every((r) => r.action === 'login')).toBe(true);
  // Times as the page shows them: UTC by default, the viewer's zone once "local" is chosen.
  expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC,/);
  await page
    .context()
    .addCookies([{ name: 'imagepod-tz', value: 'local:Asia/Kolkata', url: new URL(page.url()).origin }]);
  const [local] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export-csv').click()]);
  const localLines = readFileSync((await local.path())!, 'utf8')
    .trimEnd()
    .split('\r\n');
  expect(localLines[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+05:30,/);
});

test('Audit export: a record written to run as a spreadsheet formula is defused', async ({ page }) => {
  const name = uniqueName('imagepod-audit-formula');
  const forger = '=HYPERLINK("http://attacker.invalid","x")';
  await kubectl(
    ['create', '-f', '-'],
    JSON.stringify({
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: {
        name,
        namespace: 'imagepod',
        labels: { 'imagepod.io/audit': 'true', 'imagepod.io/audit-action': 'undo' },
        annotations: {
          'audit.imagepod.io/user': forger,
          'audit.imagepod.io/action': 'undo',
          'audit.imagepod.io/result': 'success',
        },
      },
      eventTime: new Date().toISOString().replace('Z', '000Z'),
      reportingController: 'imagepod.io/dashboard',
      reportingInstance: 'forged',
      action: 'Undo',
      reason: 'Undo',
      type: 'Normal',
      regarding: { apiVersion: 'v1', kind: 'Namespace', name: 'imagepod', namespace: 'imagepod' },
      note: `${forger}: +1 @me -rf`,
    }),
  );
  try {
    await page.goto('/audit?action=undo&user=HYPERLINK');
    await expect(page.getByTestId('audit-row')).toHaveCount(1);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export-csv').click()]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://attacker.invalid"",""x"")"`);
    expect(text).toContain(`,'+1 @me -rf,`);
  } finally {
    await kubectl(['delete', 'events.events.k8s.io', name, '-n', 'imagepod', '--ignore-not-found']);
  }
});
