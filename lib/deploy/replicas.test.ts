import { describe, expect, it } from 'vitest';
import { replicaDrift, withLiveReplicas } from './replicas';
import type { KubeObj } from './transform';

const deployment = (replicas: number | undefined, managedFields?: unknown[]): KubeObj => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'api', namespace: 'imagepod', ...(managedFields ? { managedFields } : {}) },
  spec: { ...(replicas === undefined ? {} : { replicas }), template: { spec: { containers: [{ name: 'api' }] } } },
});
const owns = (manager: string, subresource?: string) => ({
  manager,
  operation: manager === 'imagepod-dashboard' ? 'Apply' : 'Update',
  ...(subresource ? { subresource } : {}),
  fieldsType: 'FieldsV1',
  fieldsV1: { 'f:spec': { 'f:replicas': {} } },
});
const ownsImage = {
  manager: 'imagepod-dashboard',
  operation: 'Apply',
  fieldsType: 'FieldsV1',
  fieldsV1: { 'f:spec': { 'f:template': { 'f:spec': { 'f:containers': {} } } } },
};

describe('replicaDrift', () => {
  it('names live, bundle and the managers of the live number (the panel’s scale through /scale)', () => {
    const live = deployment(3, [ownsImage, owns('imagepod-dashboard/scale', 'scale')]);
    expect(replicaDrift(deployment(2), live)).toEqual({
      live: 3,
      bundle: 2,
      managers: ['imagepod-dashboard/scale'],
    });
  });

  it('is null when the numbers agree, nothing is live, or the kind does not scale', () => {
    expect(replicaDrift(deployment(2), deployment(2, [owns('imagepod-dashboard/scale')]))).toBeNull();
    expect(replicaDrift(deployment(2), null)).toBeNull();
    expect(replicaDrift(deployment(undefined), deployment(3))).toBeNull();
    const ds = (r: number): KubeObj => ({ ...deployment(r), kind: 'DaemonSet' });
    expect(replicaDrift(ds(2), ds(3))).toBeNull();
  });

  it('reads a StatefulSet scaled to 0 as drift (0 is a number, not "unset")', () => {
    const sts = (r: number, mf?: unknown[]): KubeObj => ({ ...deployment(r, mf), kind: 'StatefulSet' });
    expect(replicaDrift(sts(1), sts(0, [owns('kubectl-scale', 'scale')]))).toEqual({
      live: 0,
      bundle: 1,
      managers: ['kubectl-scale'],
    });
  });
});

describe('withLiveReplicas', () => {
  it('puts the live number in the bundle object, and changes nothing else', () => {
    const bundle = deployment(2);
    const kept = withLiveReplicas(bundle, deployment(3, [owns('imagepod-dashboard/scale', 'scale')]));
    expect(kept.spec).toEqual({ ...(bundle.spec as object), replicas: 3 });
    expect(kept.metadata).toBe(bundle.metadata);
    expect((bundle.spec as { replicas: number }).replicas).toBe(2);
  });

  it('leaves the bundle object as it is without drift', () => {
    const bundle = deployment(2);
    expect(withLiveReplicas(bundle, deployment(2))).toBe(bundle);
    expect(withLiveReplicas(bundle, null)).toBe(bundle);
  });
});
