import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { objectPath } from '../kube/transport';
import { loadBundle } from './bundle';

describe('the bundle against the resource table', () => {
  it('knows every kind of the bundle, by its apiVersion', () => {
    const bundle = loadBundle(path.join(__dirname, '../../../manifests/imagepod'));
    for (const o of bundle) expect(() => objectPath(o), `${o.apiVersion} ${o.kind}`).not.toThrow();
    expect(
      objectPath({ apiVersion: 'events.k8s.io/v1', kind: 'Event', metadata: { name: 'e', namespace: 'ns' } }),
    ).toBe('/apis/events.k8s.io/v1/namespaces/ns/events/e');
    expect(() => objectPath({ apiVersion: 'v1', kind: 'Widget', metadata: { name: 'w' } })).toThrow(
      /does not know kind Widget/,
    );
  });
});
