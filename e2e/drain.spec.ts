import { randomBytes } from 'node:crypto';
import { drainScene } from '../test/builders/drain-fixture';
import { expect, kubectl, screenshot, test } from './fixtures';

// Nodes of its own: the devcluster's are shared with other tests (test/builders/drain-fixture.ts).
const scene = drainScene(randomBytes(3).toString('hex'));
const ns = scene.namespace;

async function podOn(app: string, node: string): Promise<string> {
  let name = '';
  await expect
    .poll(
      async () => {
        name = (
          await kubectl([
            'get',
            'pods',
            '-n',
            ns,
            '-l',
            `app=${app}`,
            '--field-selector',
            `spec.nodeName=${node}`,
            '-o',
            'jsonpath={.items[0].metadata.name}',
          ])
        ).trim();
        return name;
      },
      { timeout: 60_000 },
    )
    .not.toBe('');
  return name;
}
const pdbField = (field: string) => kubectl(['get', 'pdb', 'web', '-n', ns, '-o', `jsonpath={.status.${field}}`]);

test.beforeAll(async () => {
  await kubectl(['apply', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'List', items: scene.manifests }));
  for (const d of ['web', 'solo', 'scratch'])
    await kubectl(['rollout', 'status', `deployment/${d}`, '-n', ns, '--timeout=90s']);
  await kubectl(['rollout', 'status', 'daemonset/agent', '-n', ns, '--timeout=90s']);
  await expect.poll(() => pdbField('currentHealthy'), { timeout: 30_000 }).toBe('2');
});
test.afterAll(async () => {
  await kubectl(['delete', 'namespace', ns, '--wait=false']).catch(() => undefined);
  await kubectl(['delete', 'node', scene.node, scene.spare, '--ignore-not-found']).catch(() => undefined);
});

test('Drain a node from its page: the preview, a PDB that blocks one eviction, the report and a retry', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const web = await podOn('web', scene.node);
  const solo = await podOn('solo', scene.node);
  const scratch = await podOn('scratch', scene.node);
  const agent = await podOn('agent', scene.node);

  await page.goto(`/nodes/${scene.node}`);
  await expect(page.getByTestId(`node-pod-${ns}-${solo}`)).toBeVisible();
  await page.getByTestId('node-drain').click();
  const dialog = page.getByTestId('drain-dialog');
  const row = (pod: string) => dialog.getByTestId(`drain-preview-${ns}-${pod}`);
  await expect(row(web)).toContainText('evicted');
  await expect(row(web)).toContainText('allows none now (2 healthy, 2 needed): the eviction will be blocked');
  await expect(row(web)).toContainText(scene.spare);
  await expect(row(solo)).toContainText('no node fits');
  await expect(row(agent)).toContainText('DaemonSet pod: left on the node');
  await expect(row(scratch)).toContainText('left unless you agree');
  await expect(row(scratch)).toContainText('emptyDir: cache');
  await expect(page.getByTestId('drain-confirm')).toHaveText('Cordon and evict 2 pods');
  await screenshot(page, 'drain-preview');
  // Nothing happened yet.
  expect((await kubectl(['get', 'node', scene.node, '-o', 'jsonpath={.spec.unschedulable}'])).trim()).toBe('');
  await page.getByTestId('drain-confirm').click();

  const progress = page.getByTestId('drain-progress');
  const state = (pod: string) => progress.getByTestId(`drain-row-${ns}-${pod}`);
  await expect(page.getByTestId(`node-status-${scene.node}`)).toHaveText('Ready,SchedulingDisabled');
  // solo goes: the watch cache sees it deleted and the row follows through the page's stream.
  await expect(state(solo)).toHaveAttribute('data-progress', 'gone', { timeout: 30_000 });
  await expect(state(web)).toHaveAttribute('data-progress', 'blocked');
  await expect(state(web)).toContainText('blocked by PDB web');
  const report = page.getByTestId('drain-blocked-report');
  await expect(report).toContainText('1 pod was not evicted');
  await expect(page.getByTestId(`drain-blocked-${ns}-${web}`)).toContainText('PDB web');
  await expect(page.getByTestId(`drain-blocked-${ns}-${web}`)).toContainText('disruption budget');
  await expect(page.getByTestId('drain-summary')).toHaveText('1 gone · 1 blocked by a budget · 2 left');
  // The one toast of the run, once every request has answered: what a budget blocked, by name.
  await expect(
    page.getByTestId('toast-error').filter({ hasText: `Node ${scene.node} is not fully drained` }),
  ).toContainText('1 pod evicted, 1 blocked by web.');
  await expect(state(agent)).toHaveAttribute('data-progress', 'skipped');
  await expect(state(agent)).toContainText('DaemonSet pod: left on the node');
  await expect(state(scratch)).toContainText('emptyDir');
  await expect(page.getByTestId(`node-pod-${ns}-${solo}`)).toHaveCount(0);
  await expect(page.getByTestId(`node-pod-${ns}-${agent}`)).toBeVisible();
  await expect(page.getByTestId(`node-pod-${ns}-${scratch}`)).toBeVisible();
  await screenshot(page, 'drain-blocked');

  // The budget is relaxed; once the disruption controller says so, the retry lets web go.
  await kubectl(['patch', 'pdb', 'web', '-n', ns, '--type=merge', '-p', '{"spec":{"minAvailable":1}}']);
  await expect.poll(() => pdbField('disruptionsAllowed'), { timeout: 30_000 }).toBe('1');
  await page.getByTestId('drain-retry').click();
  await expect(state(web)).toHaveAttribute('data-progress', 'gone', { timeout: 30_000 });
  await expect(report).toHaveCount(0);
  await expect(page.getByTestId('drain-summary')).toHaveText('2 gone · 2 left');
  await expect(progress).toHaveAttribute('data-running', 'false');
  await screenshot(page, 'drain-done');
});

test.describe('a user who may read nodes but not drain', () => {
  // Its own identity (the shared e2e viewer may not even list nodes): read-only on nodes and pods.
  test.use({ signInAs: null });
  const reader = `drain-reader-${scene.namespace}`;
  test('the Drain button is disabled and says why', async ({ page, context, baseURL }) => {
    try {
      await kubectl(['create', 'serviceaccount', 'reader', '-n', ns]);
      await kubectl(['create', 'clusterrole', reader, '--verb=get,list,watch', '--resource=nodes,pods,namespaces']);
      await kubectl([
        'create',
        'clusterrolebinding',
        reader,
        `--clusterrole=${reader}`,
        `--serviceaccount=${ns}:reader`,
      ]);
      const token = (await kubectl(['create', 'token', 'reader', '-n', ns, '--duration=10m'])).trim();
      const res = await context.request.post('/api/auth/login', { data: { token }, headers: { Origin: baseURL! } });
      expect(res.status(), await res.text()).toBe(200);
      await page.goto(`/nodes/${scene.node}`);
      const button = page.getByTestId('node-drain');
      await expect(button).toBeDisabled();
      await expect(button).toHaveAttribute('title', /does not allow you to cordon this node \(patch nodes\)/);
      await button.hover({ force: true });
      await screenshot(page, 'drain-forbidden');
    } finally {
      await kubectl(['delete', 'clusterrolebinding', reader, '--ignore-not-found']).catch(() => undefined);
      await kubectl(['delete', 'clusterrole', reader, '--ignore-not-found']).catch(() => undefined);
    }
  });
});
