import { describe, expect, it } from 'vitest';
import { toDeviceClassRow, toResourceClaimRow, toResourceClaimTemplateRow, toResourceSliceRow } from './dra-rows';
import { claim, gpuDevice, node, pod, slice } from './gpu/test-fixtures';
import { toNodeRow, toPodRow } from './views';

describe('DRA projections', () => {
  it('keep what the GPU model reads of a slice', () => {
    const s = slice('n1', [gpuDevice(0)]);
    const row = toResourceSliceRow(s);
    expect(row).toMatchObject({
      key: s.metadata.name,
      driver: 'gpu.nvidia.com',
      nodeName: 'n1',
      allNodes: false,
      pool: { name: 'n1', generation: 1, resourceSliceCount: 1 },
    });
    expect(row.devices).toEqual(s.spec.devices);
  });

  it("keep a claim's requests, allocation, reservations and template origin", () => {
    const c = claim('c1', { namespace: 'team-a', devices: ['gpu-0'], pool: 'n1', reservedFor: ['p1'] });
    c.metadata.annotations = { 'resource.kubernetes.io/pod-claim-name': 'gpu' };
    c.metadata.ownerReferences = [{ apiVersion: 'v1', kind: 'Pod', name: 'p1', uid: 'u', controller: true }];
    expect(toResourceClaimRow(c)).toMatchObject({
      key: 'team-a/c1',
      namespace: 'team-a',
      podClaimName: 'gpu',
      owner: { kind: 'Pod', name: 'p1' },
      deleting: false,
      allocation: { results: [{ request: 'gpu', driver: 'gpu.nvidia.com', pool: 'n1', device: 'gpu-0' }] },
      reservedFor: [{ resource: 'pods', name: 'p1', uid: 'uid-p1' }],
    });
    expect(toResourceClaimRow(claim('pending')).allocation).toBeNull();
  });

  it('read device classes and claim templates', () => {
    const cel = { cel: { expression: "device.driver == 'gpu.nvidia.com'" } };
    expect(
      toDeviceClassRow({ metadata: { name: 'gpu.nvidia.com', uid: 'u' }, spec: { selectors: [cel] } }),
    ).toMatchObject({ key: 'gpu.nvidia.com', selectors: [cel], extendedResourceName: null });
    const requests = [{ name: 'gpu', exactly: { deviceClassName: 'gpu.nvidia.com', count: 2 } }];
    expect(
      toResourceClaimTemplateRow({
        metadata: { name: 't', namespace: 'ns', uid: 'u' },
        spec: { spec: { devices: { requests } } },
      }),
    ).toMatchObject({ key: 'ns/t', namespace: 'ns', requests });
  });
});

describe('GPU fields of node and pod rows', () => {
  it('a node row keeps every GPU unit resource as stated, and nothing else', () => {
    const n = node('n', {
      capacity: {
        cpu: '8',
        'nvidia.com/gpu': '6',
        'nvidia.com/mig-1g.10gb': '7',
        'nvidia.com/gpu.shared': '8',
        'gpu.intel.com/millicores': '1000',
        'example.com/foo': '1',
      },
    });
    const row = toNodeRow(n);
    expect(row.gpuUnitCapacity).toEqual({
      'nvidia.com/gpu': '6',
      'nvidia.com/mig-1g.10gb': '7',
      'nvidia.com/gpu.shared': '8',
    });
    expect(row.gpuCapacity).toEqual({ 'nvidia.com/gpu': 6 });
  });

  it('a pod row has its GPU unit requests and claim references', () => {
    const p = pod('p', {
      node: 'n',
      limits: { 'nvidia.com/mig-1g.10gb': '2', cpu: '1' },
      claims: [{ name: 'gpu', resourceClaimTemplateName: 't' }],
      claimStatuses: [{ name: 'gpu', resourceClaimName: 'p-gpu-abc' }],
    });
    const row = toPodRow(p);
    expect(row.gpuUnits).toEqual({ 'nvidia.com/mig-1g.10gb': 2 });
    expect(row.gpu).toEqual({});
    expect(row.resourceClaims).toEqual([{ name: 'gpu', resourceClaimTemplateName: 't' }]);
    expect(row.resourceClaimStatuses).toEqual([{ name: 'gpu', resourceClaimName: 'p-gpu-abc' }]);
  });
});
