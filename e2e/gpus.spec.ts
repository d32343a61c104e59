import type { Page } from '@playwright/test';
import { createNamespace, expect, kubectl, markNoReload, screenshot, test, uniqueName } from './fixtures';

/**
 * The GPU page against the devcluster's GPU fixture nodes (devcluster/fixtures/README.md): the
 * map draws each way GPUs are exposed, pods created with kubectl appear as holders without a
 * reload, a DRA claim leads from the pod to its device, and "Where can this run?" answers.
 */
const TOLERATE = [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }];

function pod(name: string, ns: string, opts: { resources?: Record<string, string>; template?: string }) {
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns, labels: { e2e: 'yes' } },
    spec: {
      tolerations: TOLERATE,
      ...(opts.template ? { resourceClaims: [{ name: 'gpu', resourceClaimTemplateName: opts.template }] } : {}),
      containers: [
        {
          name: 'cuda',
          image: 'nvcr.io/nvidia/cuda:12.4.0-base',
          resources: {
            ...(opts.resources ? { limits: opts.resources } : {}),
            ...(opts.template ? { claims: [{ name: 'gpu' }] } : {}),
          },
        },
      ],
    },
  });
}

/** A ResourceClaimTemplate asking for `count` devices of NVIDIA's DRA class `gpu.nvidia.com`. */
function claimTemplate(ns: string, name: string, count: number) {
  return JSON.stringify({
    apiVersion: 'resource.k8s.io/v1',
    kind: 'ResourceClaimTemplate',
    metadata: { name, namespace: ns },
    spec: { spec: { devices: { requests: [{ name: 'gpu', exactly: { deviceClassName: 'gpu.nvidia.com', count } }] } } },
  });
}

const row = (page: Page, node: string) => page.getByTestId(`gpu-row-${node}`);
const cell = (page: Page, node: string, gpu: string) => page.getByTestId(`gpu-cell-${node}-${gpu}`);

test('GPU page: MIG GPUs split into slices, time-sliced GPUs as shares, DRA devices exact', async ({ page }) => {
  await page.goto('/gpus');
  await expect(page.getByTestId('nav-gpus')).toHaveAttribute('aria-current', 'page');
  await expect(row(page, 'gpu-mig-mixed')).toBeVisible();
  // MIG mixed: one GPU of 7 × 1g.10gb, one of 3g + 2g + 1g, six whole; drawn from counts (the
  // device plugin does not say which GPU index is split, so the order is the model's).
  const migMixed = row(page, 'gpu-mig-mixed');
  await expect(migMixed.locator('[data-layout="whole"]')).toHaveCount(6);
  await expect(migMixed.locator('[data-layout="mig"]')).toHaveCount(2);
  // The slices are packed onto the split GPUs to draw them (the plugin gives only counts).
  const slices = await migMixed.locator('[data-layout="mig"] [data-kind="mig"]').allTextContents();
  expect(slices.map((t) => t.replace(/\..*/, '')).sort()).toEqual([
    '1g',
    '1g',
    '1g',
    '1g',
    '1g',
    '1g',
    '1g',
    '1g',
    '2g',
    '3g',
  ]);
  await expect(migMixed.locator('[data-exact="false"]')).toHaveCount(8);
  // Single strategy: 14 slices are 2 physical A100s of 7 slices each.
  await expect(row(page, 'gpu-mig-single').locator('[data-layout="mig"]')).toHaveCount(2);
  // Time-slicing, replicas 4: 4 T4s of 4 shares; renamed shared L4s; MPS A10Gs.
  await expect(row(page, 'gpu-timeslice').locator('[data-layout="shared"]')).toHaveCount(4);
  await expect(cell(page, 'gpu-timeslice', 'gpu-0').locator('[data-kind="share"]')).toHaveCount(4);
  await expect(row(page, 'gpu-shared').locator('[data-layout="shared"]')).toHaveCount(2);
  await expect(row(page, 'gpu-mps').locator('[data-layout="shared"]')).toHaveCount(2);
  // DRA: devices from the ResourceSlices, exact; gpu-dra-2's GPU 1 is split into its MIG devices.
  await expect(row(page, 'gpu-dra-1').locator('[data-exact="true"]')).toHaveCount(4);
  await expect(row(page, 'gpu-dra-2').locator('[data-exact="true"]')).toHaveCount(2);
  await expect(row(page, 'gpu-dra-2').locator('[data-layout="mig"]')).toHaveCount(1);
  await expect(page.getByTestId('gpu-legend')).toContainText('Layout drawn from counts');
  await expect(page.getByTestId('gpu-inventory-models')).toContainText('NVIDIA-H100-80GB-HBM3');
  await expect(page.getByTestId('gpu-inventory-profiles')).toContainText('1g.10gb');
  await screenshot(page, 'gpus');

  // Filters: a label selector keeps only the MIG-mixed node; the URL keeps it over a reload.
  await page.getByTestId('gpu-filter-selector').fill('nvidia.com/mig.strategy=mixed');
  await expect(page.getByTestId('gpu-map')).toHaveAttribute('data-rows', '1');
  await page.getByTestId('gpu-filter-selector').fill('nvidia.com/mig.strategy in (');
  await expect(page.getByTestId('gpu-filter-selector-error')).toBeVisible();
  await expect(page.getByTestId('gpu-map')).toHaveAttribute('data-rows', '0');
  await page.getByTestId('gpu-filter-selector').fill('nvidia.com/mig.strategy=mixed');
  await page.getByTestId('gpu-filter-state').selectOption('unavailable');
  await expect(page).toHaveURL(/selector=nvidia.com%2Fmig.strategy%3Dmixed/);
  await page.reload();
  await expect(page.getByTestId('gpu-filter-selector')).toHaveValue('nvidia.com/mig.strategy=mixed');
  await expect(page.getByTestId('gpu-filter-state')).toHaveValue('unavailable');
  await expect(page.getByTestId('gpu-map')).toHaveAttribute('data-rows', '1');
});

test('GPU map: a pod that takes a MIG slice shows up as its holder without a reload', async ({ page }) => {
  const ns = uniqueName('e2e-gpus');
  await createNamespace(ns);
  try {
    await page.goto('/gpus?selector=kubernetes.io%2Fhostname%3Dgpu-mig-mixed');
    await expect(cell(page, 'gpu-mig-mixed', 'gpu-1')).toBeVisible();
    const stillSamePage = await markNoReload(page);
    const name = uniqueName('mig');
    await kubectl(['apply', '-f', '-'], pod(name, ns, { resources: { 'nvidia.com/mig-3g.40gb': '1' } }));
    const held = page.locator(`[data-testid="gpu-segment"][data-holders*="${ns}/${name}"]`);
    await expect(held).toHaveCount(1);
    await expect(held).toHaveAttribute('data-kind', 'mig');
    await expect(held).toContainText('3g.40gb');
    await held.click();
    await expect(page.getByTestId('gpu-selection')).toContainText('gpu-mig-mixed');
    await expect(page.getByTestId('gpu-holder-pod')).toHaveText(`${ns}/${name}`);
    await screenshot(page, 'gpus-mig-holder');
    await stillSamePage();
    await kubectl(['delete', 'pod', '-n', ns, name, '--grace-period=0', '--force']);
    await expect(held).toHaveCount(0);
  } finally {
    await kubectl(['delete', 'namespace', ns, '--wait=false']);
  }
});

test('GPU map: a DRA claim followed from the pod to the device the scheduler allocated', async ({ page }) => {
  const ns = uniqueName('e2e-dra');
  await createNamespace(ns);
  try {
    await kubectl(['apply', '-f', '-'], claimTemplate(ns, 'one-gpu', 1));
    const name = uniqueName('dra');
    await kubectl(['apply', '-f', '-'], pod(name, ns, { template: 'one-gpu' }));
    await page.goto('/gpus');
    const held = page.locator(`[data-testid="gpu-segment"][data-holders*="${ns}/${name}"]`);
    await expect(held).toHaveCount(1);
    // The device kubectl says the claim got is the GPU the map draws the pod on.
    const claims = JSON.parse(await kubectl(['get', 'resourceclaims.v1.resource.k8s.io', '-n', ns, '-o', 'json'])) as {
      items: {
        metadata: { name: string };
        status?: { allocation?: { devices: { results: { pool: string; device: string; driver: string }[] } } };
      }[];
    };
    const claim = claims.items[0]!;
    const result = claim.status!.allocation!.devices.results[0]!;
    await expect(
      cell(page, result.pool, `${result.driver}/${result.pool}/${result.device}`).locator(
        `[data-holders*="${ns}/${name}"]`,
      ),
    ).toHaveCount(1);
    await held.click();
    await expect(page.getByTestId('gpu-holder-claim')).toHaveText(`claim ${ns}/${claim.metadata.name}`);
    await expect(page.getByTestId('gpu-selection')).toContainText('DRA device');
    await screenshot(page, 'gpus-dra-claim');
    await page.getByTestId('gpu-holder-pod').click();
    await expect(page).toHaveURL(new RegExp(`/pods/${ns}/${name}$`));
    await expect(page.getByTestId('pod-detail')).toBeVisible();
  } finally {
    await kubectl(['delete', 'namespace', ns, '--wait=false']);
  }
});

test("GPU page: a claim nothing can satisfy is listed as pending, with the scheduler's reason", async ({ page }) => {
  const ns = uniqueName('e2e-claims');
  await createNamespace(ns);
  try {
    await kubectl(['apply', '-f', '-'], claimTemplate(ns, 'too-many', 16));
    const name = uniqueName('waits');
    await kubectl(['apply', '-f', '-'], pod(name, ns, { template: 'too-many' }));
    await page.goto('/gpus');
    const rowOf = page.getByTestId('gpu-claim-row').filter({ hasText: `${ns}/` });
    await expect(rowOf).toHaveCount(1);
    await expect(rowOf).toHaveAttribute('data-state', 'pending');
    await expect(rowOf).toContainText(name);
    await expect(rowOf).toContainText('cannot allocate all claims');
    await screenshot(page, 'gpus-claims-pending');
    await kubectl(['delete', 'pod', '-n', ns, name, '--grace-period=0', '--force']);
    await expect(rowOf).toHaveCount(0);
  } finally {
    await kubectl(['delete', 'namespace', ns, '--wait=false']);
  }
});

test('Where can this run? validates as typed, answers per node, and survives a reload', async ({ page }) => {
  await page.goto('/gpus');
  await page.getByTestId('where-start').click();
  await page.getByTestId('where-kind').selectOption('mig');
  await page.getByTestId('where-profile').fill('1g');
  await expect(page.getByTestId('where-error-profile')).toContainText('MIG profile');
  await page.getByTestId('where-profile').fill('1g.10gb');
  await page.getByTestId('where-count').fill('0');
  await expect(page.getByTestId('where-error-count')).toBeVisible();
  await page.getByTestId('where-count').fill('1');
  // Without tolerating the fixtures' taint nothing fits: each node says why.
  await expect(page.getByTestId('where-answer')).toHaveAttribute('data-fits', '');
  await expect(page.getByTestId('where-not-gpu-mig-mixed')).toHaveAttribute('data-reasons', 'taint');
  await expect(page.getByTestId('where-not-gpu-node-1')).toHaveAttribute('data-reasons', 'no-units');
  await page.getByTestId('where-tolerations').fill('nvidia.com/gpu=present:NoSchedule');
  await expect(page.getByTestId('where-fits-gpu-mig-mixed')).toBeVisible();
  await expect(page.getByTestId('where-fits-gpu-dra-2')).toBeVisible();
  await screenshot(page, 'gpus-where');
  await page.reload();
  await expect(page.getByTestId('where-profile')).toHaveValue('1g.10gb');
  await expect(page.getByTestId('where-fits-gpu-mig-mixed')).toBeVisible();
  // A DeviceClass request lands on the DRA nodes only.
  await page.getByTestId('where-kind').selectOption('devices');
  await expect(page.getByTestId('where-error-deviceClass')).toBeVisible();
  await page.getByTestId('where-deviceClass').selectOption('gpu.nvidia.com');
  await expect(page.getByTestId('where-answer')).toHaveAttribute('data-fits', /gpu-dra-1/);
  await expect(page.getByTestId('where-not-gpu-mig-mixed')).toHaveAttribute('data-reasons', 'no-units');
});
