import { createNamespace, expect, kubectl, screenshot, test, uniqueName } from './fixtures';

/** A Job of `completions` pods one after another; kwok completes each (its pod-complete stage). */
function job(ns: string, name: string, completions: number) {
  return JSON.stringify({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: ns },
    spec: {
      completions,
      parallelism: 1,
      suspend: true,
      template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'registry.local/batch:1' }] } },
    },
  });
}

test("Jobs: a Job's completion followed live on its page", async ({ page }) => {
  const ns = uniqueName('e2e-job');
  await createNamespace(ns);
  try {
    // Suspended first, so the page is open before anything runs.
    await kubectl(['apply', '-f', '-'], job(ns, 'train', 3));
    await page.goto(`/workloads/jobs/${ns}/train`);
    await expect(page.getByTestId('job-phase')).toHaveAttribute('data-phase', 'Suspended');
    await expect(page.getByTestId('job-completions')).toHaveText('0/3');
    await kubectl(['patch', 'job', 'train', '-n', ns, '--type=merge', '-p', '{"spec":{"suspend":false}}']);
    await expect(page.getByTestId('job-phase')).toHaveAttribute('data-phase', 'Running');
    await expect(page.getByTestId('job-pods').getByRole('link').first()).toBeVisible();
    await expect(page.getByTestId('job-phase')).toHaveAttribute('data-phase', 'Complete', { timeout: 45_000 });
    await expect(page.getByTestId('job-completions')).toHaveText('3/3');
    await expect(page.getByTestId('job-succeeded')).toHaveText('3');
    await expect(page.getByTestId('job-duration')).not.toHaveText('—');
    await expect(page.getByTestId('job-pods').locator('[data-testid^="job-pod-status-"]')).toHaveText([
      'Completed',
      'Completed',
      'Completed',
    ]);
    // The Job controller's events about it, from the cache.
    await expect(page.getByTestId('job-events')).toContainText('SuccessfulCreate');
    await screenshot(page, 'job-complete');
    // The Workloads page lists it with its completions.
    await page.goto(`/workloads?namespace=${ns}`);
    await expect(page.getByTestId(`job-completions-${ns}-train`)).toHaveText('3/3');
    await expect(page.getByTestId(`job-phase-${ns}-train`)).toHaveAttribute('data-phase', 'Complete');
  } finally {
    await kubectl(['delete', 'namespace', ns, '--wait=false']);
  }
});

test("CronJobs: resume, suspend and run now from the CronJob's page", async ({ page }) => {
  const ns = uniqueName('e2e-cron');
  await createNamespace(ns);
  try {
    await kubectl(
      ['apply', '-f', '-'],
      JSON.stringify({
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: { name: 'nightly', namespace: ns },
        spec: {
          // 1 January only: resumed, it still starts nothing by itself during the test.
          schedule: '0 0 1 1 *',
          suspend: true,
          jobTemplate: {
            spec: {
              template: {
                spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'registry.local/batch:1' }] },
              },
            },
          },
        },
      }),
    );
    await page.goto(`/workloads?namespace=${ns}`);
    await expect(page.getByTestId(`cronjob-state-${ns}-nightly`)).toHaveAttribute('data-suspended', 'true');
    await page.getByTestId(`cronjob-link-${ns}-nightly`).click();
    await expect(page.getByTestId('cronjob-detail')).toBeVisible();
    await expect(page.getByTestId('cronjob-next')).toHaveText('suspended');

    await page.getByTestId('cronjob-resume').click();
    await expect(
      page.getByTestId('toast-success').filter({ hasText: `CronJob ${ns}/nightly runs on its schedule again` }),
    ).toBeVisible();
    await expect(page.getByTestId('cronjob-state')).toHaveAttribute('data-suspended', 'false');
    await expect(page.getByTestId('cronjob-next')).toContainText(/^in \d/);
    expect(await kubectl(['get', 'cronjob', 'nightly', '-n', ns, '-o', 'jsonpath={.spec.suspend}'])).toBe('false');

    await page.getByTestId('cronjob-suspend').click();
    await expect(
      page.getByTestId('toast-success').filter({ hasText: `CronJob ${ns}/nightly is suspended` }),
    ).toBeVisible();
    await expect(page.getByTestId('cronjob-state')).toHaveAttribute('data-suspended', 'true');
    expect(await kubectl(['get', 'cronjob', 'nightly', '-n', ns, '-o', 'jsonpath={.spec.suspend}'])).toBe('true');

    await page.getByTestId('cronjob-run').click();
    // The toast names the Job it started and links to it; the page says it once.
    const done = page
      .getByTestId('toast-success')
      .filter({ hasText: /Job .+\/nightly-manual-\w+ created from CronJob nightly/ });
    await expect(done).toBeVisible();
    const jobName = /nightly-manual-\w+/.exec((await done.textContent())!)![0];
    await expect(done.getByTestId('toast-link')).toHaveAttribute('href', `/workloads/jobs/${ns}/${jobName}`);
    const row = page.getByTestId(`job-row-${ns}-${jobName}`);
    await expect(row).toBeVisible();
    await expect(page.getByTestId(`job-phase-${ns}-${jobName}`)).toHaveAttribute('data-phase', 'Complete', {
      timeout: 30_000,
    });
    const annotation = await kubectl([
      'get',
      'job',
      jobName,
      '-n',
      ns,
      '-o',
      'jsonpath={.metadata.annotations.cronjob\\.kubernetes\\.io/instantiate}',
    ]);
    expect(annotation).toBe('manual');
    await screenshot(page, 'cronjob-run-now');
    await row.getByRole('link', { name: jobName }).click();
    await expect(page.getByTestId('job-cronjob')).toHaveText('CronJob nightly');
    await page.goto(`/workloads?namespace=${ns}`);
    await expect(page.getByTestId(`job-row-${ns}-${jobName}`)).toBeVisible();
    await screenshot(page, 'workloads-batch');
  } finally {
    await kubectl(['delete', 'namespace', ns, '--wait=false']);
  }
});

test.describe('as a viewer', () => {
  test.use({ signInAs: 'viewer' });

  test("CronJobs: a viewer sees the CronJob but its buttons are disabled with Kubernetes' reason", async ({ page }) => {
    const ns = uniqueName('e2e-cron-ro');
    await createNamespace(ns);
    try {
      await kubectl(
        ['apply', '-f', '-'],
        JSON.stringify({
          apiVersion: 'batch/v1',
          kind: 'CronJob',
          metadata: { name: 'nightly', namespace: ns },
          spec: {
            schedule: '*/5 * * * *',
            suspend: true,
            jobTemplate: {
              spec: {
                template: {
                  spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'registry.local/batch:1' }] },
                },
              },
            },
          },
        }),
      );
      await page.goto(`/workloads/cronjobs/${ns}/nightly`);
      await expect(page.getByTestId('cronjob-state')).toHaveAttribute('data-suspended', 'true');
      await expect(page.getByTestId('cronjob-run')).toBeDisabled();
      await expect(page.getByTestId('cronjob-resume')).toBeDisabled();
      const denied = page.getByTestId('cronjob-actions-denied');
      await expect(denied).toContainText(`Kubernetes does not allow you to create Jobs in ${ns}`);
      await expect(denied).toContainText('Kubernetes does not allow you to change CronJob nightly');
      await screenshot(page, 'cronjob-viewer');
      // Resumed with kubectl, the page follows (and the buttons stay disabled).
      await kubectl(['patch', 'cronjob', 'nightly', '-n', ns, '--type=merge', '-p', '{"spec":{"suspend":false}}']);
      await expect(page.getByTestId('cronjob-state')).toHaveAttribute('data-suspended', 'false');
      await expect(page.getByTestId('cronjob-next')).toContainText(/^in \d/);
      await expect(page.getByTestId('cronjob-suspend')).toBeDisabled();
    } finally {
      await kubectl(['delete', 'namespace', ns, '--wait=false']);
    }
  });
});
