import { describe, expect, it } from 'vitest';
import { sortedYaml } from '../yaml-text';
import { HIDDEN_LAST_APPLIED, LAST_APPLIED, forDisplay, hiddenValue } from './redact';

const PASSWORD = 'hunter2-very-secret';
const B64 = Buffer.from(PASSWORD).toString('base64');

function secret() {
  const manifest = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { password: B64 } };
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'Opaque',
    metadata: {
      name: 's',
      namespace: 'ns',
      annotations: { [LAST_APPLIED]: JSON.stringify(manifest), team: 'a' },
      managedFields: [{ manager: 'kubectl', operation: 'Update', fieldsV1: { 'f:data': { 'f:password': {} } } }],
    },
    data: { password: B64, empty: '' },
    stringData: { token: PASSWORD },
  };
}

describe('forDisplay', () => {
  it('hides every value of a Secret, keeping its keys and sizes, and the last-applied annotation', () => {
    const { object, managedFields, redacted } = forDisplay(secret());
    expect(redacted).toBe(true);
    expect(object.data).toEqual({ password: hiddenValue(PASSWORD.length), empty: hiddenValue(0) });
    expect(object.stringData).toEqual({ token: hiddenValue(PASSWORD.length) });
    expect(object.metadata?.annotations).toEqual({ [LAST_APPLIED]: HIDDEN_LAST_APPLIED, team: 'a' });
    expect(managedFields).toHaveLength(1);
    const text = sortedYaml(object) + JSON.stringify(object);
    expect(text).not.toContain(B64);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain('managedFields');
    expect(text).toContain('password');
  });

  it('hides a Secret value that is not a string map too', () => {
    const s = { ...secret(), data: 'weird' as unknown as Record<string, string> };
    expect(forDisplay(s).object.data).toBe('(hidden)');
  });

  it('folds managedFields of any object and leaves the rest, last-applied included, untouched', () => {
    const cm = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', annotations: { [LAST_APPLIED]: '{"data":{"k":"v"}}' }, managedFields: [{ manager: 'm' }] },
      data: { k: 'v' },
    };
    const { object, managedFields, redacted } = forDisplay(cm);
    expect(redacted).toBe(false);
    expect(managedFields).toEqual([{ manager: 'm' }]);
    expect(object).toEqual({ ...cm, metadata: { name: 'c', annotations: cm.metadata.annotations } });
    // The input is not changed.
    expect(cm.metadata.managedFields).toHaveLength(1);
  });
});

describe('sortedYaml (the diffs’ writer) on a displayed object', () => {
  it('sorts keys at every level, does not fold long lines, and is the same for the same object', () => {
    const a = { spec: { replicas: 1, selector: { b: 1, a: 2 } }, kind: 'Deployment', apiVersion: 'apps/v1' };
    const b = { apiVersion: 'apps/v1', kind: 'Deployment', spec: { selector: { a: 2, b: 1 }, replicas: 1 } };
    const text = sortedYaml(forDisplay(a).object);
    expect(text).toBe(sortedYaml(forDisplay(b).object));
    expect(text).toBe('apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 1\n  selector:\n    a: 2\n    b: 1\n');
    expect(sortedYaml({ x: 'y '.repeat(100) }).split('\n')).toHaveLength(2);
  });
});
