import { describe, expect, it } from 'vitest';
import { podGpuCell } from './pod-units';

describe('podGpuCell', () => {
  it('counts every unit kind and names claims with their devices', () => {
    expect(
      podGpuCell({ gpuUnits: { 'nvidia.com/gpu': 1 }, resourceClaims: [], resourceClaimStatuses: [] }),
    ).toMatchObject({ text: '1', units: 1, claims: 0 });
    expect(
      podGpuCell({ gpuUnits: { 'nvidia.com/mig-1g.10gb': 2 }, resourceClaims: [], resourceClaimStatuses: [] }).title,
    ).toBe('nvidia.com/mig-1g.10gb: 2');
    const claimed = {
      gpuUnits: {},
      resourceClaims: [{ name: 'gpu', resourceClaimTemplateName: 't' }],
      resourceClaimStatuses: [{ name: 'gpu', resourceClaimName: 'p-gpu-x' }],
    };
    const holding = {
      pod: { namespace: 'ns', name: 'p' },
      node: 'n',
      requests: {},
      claims: [
        {
          claim: { namespace: 'ns', name: 'p-gpu-x' },
          devices: [{ driver: 'gpu.nvidia.com', pool: 'n', device: 'gpu-1' }],
        },
      ],
    };
    expect(podGpuCell(claimed, holding)).toEqual({
      units: 0,
      claims: 1,
      text: '1 claim',
      title: 'claim p-gpu-x → n/gpu-1',
    });
    expect(podGpuCell({ ...claimed, resourceClaimStatuses: [] }).title).toBe('claim gpu (claim not created yet)');
    expect(podGpuCell({ gpuUnits: {}, resourceClaims: [], resourceClaimStatuses: [] })).toMatchObject({
      text: '',
      title: 'No GPU request',
    });
  });
});
