import { expect, it } from 'vitest';
import { GPU_RESOURCE_RE, matchers, migActivity, perUnit, unitActivity, wholeGpuUtil } from './gpu-series';

it('unit activity: whole GPUs and shares by GPU_UTIL minus MIG GPUs, MIG instances by GR_ENGINE_ACTIVE in %', () => {
  expect(unitActivity('pod!=""')).toBe(
    '(DCGM_FI_DEV_GPU_UTIL{GPU_I_ID="",pod!=""} unless on (node, UUID) DCGM_FI_PROF_GR_ENGINE_ACTIVE{GPU_I_ID!=""})' +
      ' or 100 * DCGM_FI_PROF_GR_ENGINE_ACTIVE{GPU_I_ID!="",pod!=""}',
  );
});

it('per-unit fields leave out a MIG parent whose instances report them, and fold shares', () => {
  expect(perUnit('DCGM_FI_DEV_FB_USED', 'n')).toBe(
    '(max by (node, gpu, UUID) (DCGM_FI_DEV_FB_USED{GPU_I_ID="",node="n"}) unless on (node, UUID) DCGM_FI_DEV_FB_USED{GPU_I_ID!="",node="n"})' +
      ' or max by (node, gpu, UUID, GPU_I_ID, GPU_I_PROFILE) (DCGM_FI_DEV_FB_USED{GPU_I_ID!="",node="n"})',
  );
  expect(wholeGpuUtil()).toContain('unless on (node, UUID) DCGM_FI_PROF_GR_ENGINE_ACTIVE{GPU_I_ID!=""}');
  expect(migActivity('n')).toBe(
    '100 * max by (node, gpu, UUID, GPU_I_ID, GPU_I_PROFILE) (DCGM_FI_PROF_GR_ENGINE_ACTIVE{GPU_I_ID!="",node="n"})',
  );
  expect(matchers(undefined, false, 'a="b"')).toBe('{a="b"}');
});

it('GPU resources as kube-state-metrics names them: whole, shared, MIG, other vendors; not CPU', () => {
  const re = new RegExp(`^(?:${GPU_RESOURCE_RE})$`);
  for (const r of [
    'nvidia_com_gpu',
    'nvidia_com_gpu_shared',
    'nvidia_com_mig_1g_10gb',
    'amd_com_gpu',
    'gpu_intel_com_i915',
  ])
    expect(re.test(r), r).toBe(true);
  for (const r of ['cpu', 'memory', 'nvidia_com_gpux', 'ephemeral_storage']) expect(re.test(r), r).toBe(false);
});
