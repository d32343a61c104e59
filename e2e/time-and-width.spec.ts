import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createNamespace, expect, kubectl, REPO, screenshot, test, uniqueName } from './fixtures';

// A browser zone with a half-hour offset, so "local" can never pass for UTC by accident.
test.use({ timezoneId: 'Asia/Kolkata' });

const WORKLOAD = 'imagepod-inference-worker-long-name';

/** `2026-12-01T18:24:45Z` as the panel must write it in UTC and at +05:30 (computed independently). */
function expected(iso: string): { utc: string; kolkata: string } {
  const ms = Date.parse(iso);
  const text = (t: number) => new Date(t).toISOString().slice(0, 19).replace('T', ' ');
  return { utc: `${text(ms)} UTC`, kolkata: `${text(ms + 330 * 60_000)} +05:30` };
}

/** A namespace with a 2-replica Deployment with long names, labels and a long image, whose pods log. */
async function withWorkload(fn: (ns: string, pods: { name: string; created: string }[]) => Promise<void>) {
  const ns = uniqueName('e2e-tw');
  const dir = mkdtempSync(path.join(tmpdir(), 'e2e-tw-'));
  const file = path.join(dir, 'worker.log');
  writeFileSync(file, `${new Date().toISOString()} stdout F level=info msg="serving" port=8080\n`);
  await createNamespace(ns);
  try {
    await kubectl(
      ['apply', '-f', '-'],
      JSON.stringify({
        apiVersion: 'kwok.x-k8s.io/v1alpha1',
        kind: 'ClusterLogs',
        metadata: { name: ns },
        spec: { selector: { matchNamespaces: [ns] }, logs: [{ containers: ['worker'], logsFile: file, follow: true }] },
      }),
    );
    await kubectl(
      ['apply', '-f', '-'],
      JSON.stringify({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: WORKLOAD, namespace: ns, labels: { 'app.kubernetes.io/component': 'inference-server' } },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: WORKLOAD } },
          template: {
            metadata: { labels: { app: WORKLOAD, 'app.kubernetes.io/component': 'inference-server' } },
            spec: {
              containers: [
                {
                  name: 'worker',
                  image: 'registry.example.com/imagepod/inference-worker-with-a-long-name:2026.12.01-cuda12.4',
                },
              ],
            },
          },
        },
      }),
    );
    await kubectl(['rollout', 'status', `deployment/${WORKLOAD}`, '-n', ns, '--timeout=60s']);
    const list = JSON.parse(await kubectl(['get', 'pods', '-n', ns, '-o', 'json'])) as {
      items: { metadata: { name: string; creationTimestamp: string } }[];
    };
    await fn(
      ns,
      list.items.map((p) => ({ name: p.metadata.name, created: p.metadata.creationTimestamp })),
    );
  } finally {
    await kubectl(['delete', 'namespace', ns, '--wait=false']);
    await kubectl(['delete', 'clusterlogs', ns, '--ignore-not-found']);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Errors React reports while hydrating (a mismatch between the server's and the browser's text). */
function hydrationErrors(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /hydrat|#418|#425/i.test(m.text())) seen.push(m.text());
  });
  page.on('pageerror', (e) => {
    if (/hydrat|#418|#425/i.test(e.message)) seen.push(e.message);
  });
  return seen;
}

test('One time format: UTC or local, the same on every page, remembered across a reload', async ({ page }) => {
  await withWorkload(async (ns, pods) => {
    const pod = pods[0]!;
    const want = expected(pod.created);
    const errors = hydrationErrors(page);

    await page.goto(`/pods?namespace=${ns}`);
    await expect(page.getByTestId('time-zone-toggle')).toHaveAttribute('data-zone', 'utc');
    const listAge = page.getByTestId(`pod-age-${ns}-${pod.name}`).locator('time');
    await expect(listAge).toHaveAttribute('title', want.utc);

    await page.getByTestId('time-zone-local').click();
    await expect(page.getByTestId('time-zone-toggle')).toHaveAttribute('data-zone', 'local');
    await expect(listAge).toHaveAttribute('title', want.kolkata);

    // Another page writes the same instant the same way.
    await page.goto(`/pods/${ns}/${pod.name}`);
    await expect(page.getByTestId('pod-detail').locator('time').first()).toHaveAttribute('title', want.kolkata);

    // The setting survives a reload, and the server's HTML agrees with the browser's.
    await page.reload();
    await expect(page.getByTestId('time-zone-toggle')).toHaveAttribute('data-zone', 'local');
    await expect(page.getByTestId('pod-detail').locator('time').first()).toHaveAttribute('title', want.kolkata);

    // Log timestamps follow it too: the same zone, named on hover.
    await page.goto(`/logs?namespace=${ns}&selector=app%3D${WORKLOAD}`);
    await page.getByTestId('logs-timestamps').check();
    const ts = page.getByTestId('log-ts').first();
    await expect(ts).toHaveAttribute('title', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} \+05:30$/);
    // The pod column cuts the middle of a long name, never the suffix that tells replicas apart.
    const shown = await page.getByTestId('log-pod').allInnerTexts();
    expect(shown.length).toBeGreaterThan(0);
    for (const text of shown) {
      expect(pods.some((p) => text.endsWith(p.name.slice(-5)) && text.includes('…'))).toBe(true);
    }

    // The audit table writes its times visibly, at +05:30; the Metrics custom range reads its
    // date-time inputs in the same zone and says so.
    await page.goto('/audit');
    await expect(page.getByTestId('audit-row').first().locator('time').first()).toHaveText(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+05:30$/,
    );
    await page.screenshot({ path: path.join(REPO, '.test-reports', 'screenshots', 'time-local-audit.png') });
    await page.goto('/metrics');
    await page.getByTestId('range-custom').click();
    await expect(page.getByTestId('range-zone')).toHaveText('+05:30');
    const from = await page.getByTestId('range-from').inputValue();
    // The last hour's start, as a Kolkata wall-clock time (to the minute).
    expect(Math.abs(Date.parse(`${from}:00+05:30`) - (Date.now() - 3_600_000))).toBeLessThan(120_000);

    await page.goto(`/logs?namespace=${ns}&selector=app%3D${WORKLOAD}`);
    await page.getByTestId('logs-timestamps').check();
    await page.getByTestId('time-zone-utc').click();
    await expect(ts).toHaveAttribute('title', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} UTC$/);
    await page.reload();
    await expect(page.getByTestId('time-zone-toggle')).toHaveAttribute('data-zone', 'utc');
    expect(errors).toEqual([]);
  });
});

test('800 px: every page fits, the sidebar is icons, tables scroll on their own; in light and dark', async ({
  page,
}) => {
  // Fifteen pages at two widths in two themes.
  test.setTimeout(480_000);
  await withWorkload(async (ns, pods) => {
    const pod = pods[0]!.name;
    // A CronJob and a Job it started, for their pages.
    await kubectl(['create', 'cronjob', 'nightly', '-n', ns, '--image=imagepod/gpu-worker:1', '--schedule=0 3 * * *']);
    await kubectl(['create', 'job', 'nightly-by-hand', '-n', ns, '--from=cronjob/nightly']);
    const pages: [string, string][] = [
      ['overview', '/'],
      ['gpus', '/gpus'],
      ['nodes', '/nodes'],
      ['node', '/nodes/gpu-dra-1'],
      ['labels', '/nodes/labels?node=gpu-node-1'],
      ['pods', `/pods?namespace=${ns}`],
      ['pod', `/pods/${ns}/${pod}`],
      ['workloads', `/workloads?namespace=${ns}`],
      ['workload', `/workloads/deployments/${ns}/${WORKLOAD}`],
      ['cronjob', `/workloads/cronjobs/${ns}/nightly`],
      ['job', `/workloads/jobs/${ns}/nightly-by-hand`],
      ['deploy', '/deploy'],
      ['logs', `/logs?namespace=${ns}&selector=app%3D${WORKLOAD}`],
      ['metrics', '/metrics'],
      ['audit', '/audit'],
    ];
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const width of [800, 1440]) {
        await page.setViewportSize({ width, height: 900 });
        for (const [name, url] of pages) {
          const what = `${name} at ${width} px in ${scheme}`;
          await page.goto(url);
          // Something of the page's own (not just the shell) has rendered.
          await expect(page.locator('main h1').first()).toBeVisible();
          await expect(page.locator('main [data-testid]').first()).toBeVisible();
          // Skeletons gone: the widths measured are the loaded page's.
          await expect(page.locator('main .animate-pulse')).toHaveCount(0, { timeout: 20_000 });
          expect(
            await page.evaluate(() => document.documentElement.classList.contains('dark')),
            `${what}: the theme follows the system`,
          ).toBe(scheme === 'dark');
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `${what} overflows the page by ${overflow} px`).toBeLessThanOrEqual(0);
          // One time format: no raw ISO timestamp (`2026-12-03T03:00:00Z`) anywhere on the page.
          expect(await page.locator('main').innerText(), `${what}: a raw ISO time`).not.toMatch(
            /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/,
          );
          const rail = await page.getByTestId('sidebar').boundingBox();
          const label = await page.getByTestId('nav-label').first().boundingBox();
          if (width === 800) {
            expect(rail!.width, `${what}: the sidebar is a rail of icons`).toBeLessThanOrEqual(64);
            expect(label!.width, `${what}: nav labels are for screen readers only`).toBeLessThanOrEqual(1);
          } else {
            expect(label!.width, `${what}: nav labels are shown`).toBeGreaterThan(20);
          }
          await screenshot(page, `width-${width}-${scheme === 'dark' ? 'dark-' : ''}${name}`);
        }
      }
    }
  });
});
