import { expect, it } from 'vitest';
import { logsLink } from './logs-link';
import { PANELS, panelById } from './panels';

it('every panel has a unique id and PromQL for both the cluster and one node', () => {
  expect(new Set(PANELS.map((p) => p.id)).size).toBe(PANELS.length);
  for (const p of PANELS) {
    expect(p.queries({ step: 15 }).length).toBeGreaterThan(0);
    for (const q of p.queries({ step: 15, node: 'gpu-node-1' }))
      if (p.gpu) expect(q.expr).toContain('node="gpu-node-1"');
  }
});

it('GPU panels per node show GPUs, and rate windows follow the step', () => {
  expect(panelById('gpu-temperature')!.queries({ step: 5, node: 'n' })[0]).toEqual({
    expr: 'max by (node, gpu, UUID) (DCGM_FI_DEV_GPU_TEMP{node="n"})',
    legend: 'GPU {{gpu}}',
  });
  expect(panelById('gpu-temperature')!.queries({ step: 5 })[0]!.expr).toBe('max by (node) (DCGM_FI_DEV_GPU_TEMP)');
  expect(panelById('api-rate')!.queries({ step: 300 })[0]!.expr).toContain('[600s]');
});

it('logsLink carries the window and the filters given', () => {
  expect(logsLink(Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 1, 1), { node: 'gpu-node-1', pod: undefined })).toBe(
    '/logs?since=2026-01-01T00%3A00%3A00.000Z&until=2026-01-01T01%3A00%3A00.000Z&node=gpu-node-1',
  );
});

it('GPU panels know MIG instances and shared GPUs: instances drawn on their own, shares folded per GPU', () => {
  const util = panelById('gpu-util')!.queries({ step: 15, node: 'gpu-mig-mixed' });
  expect(util.map((q) => q.legend)).toEqual(['GPU {{gpu}}', 'GPU {{gpu}} MIG {{GPU_I_PROFILE}} #{{GPU_I_ID}}']);
  expect(util[1]!.expr).toContain('DCGM_FI_PROF_GR_ENGINE_ACTIVE{GPU_I_ID!="",node="gpu-mig-mixed"}');
  expect(panelById('gpu-power')!.queries({ step: 15 })[0]!.expr).toBe(
    'sum by (node) (round(10 * (max by (node, gpu, UUID) (DCGM_FI_DEV_POWER_USAGE{})))) / 10',
  );
  expect(panelById('gpu-allocation')!.queries({ step: 15 })[0]!.expr).toContain('nvidia_com_mig_.+');
});
