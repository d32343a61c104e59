import { describe, expect, it } from 'vitest';
import { fieldManagers, fieldPaths } from './managed-fields';

const applied = {
  'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} }, 'f:annotations': { 'f:kubernetes.io/change-cause': {} } },
  'f:spec': {
    'f:replicas': {},
    'f:template': {
      'f:spec': {
        'f:containers': {
          'k:{"name":"api"}': {
            '.': {},
            'f:image': {},
            'f:name': {},
            'f:ports': { 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } },
          },
        },
      },
    },
  },
};

describe('fieldPaths', () => {
  it('names leaves as readable paths, list items by their keys', () => {
    expect(fieldPaths(applied)).toEqual([
      'metadata.labels.app',
      'metadata.annotations["kubernetes.io/change-cause"]',
      'spec.replicas',
      'spec.template.spec.containers[name=api].image',
      'spec.template.spec.containers[name=api].name',
      'spec.template.spec.containers[name=api].ports[containerPort=80,protocol=TCP].containerPort',
    ]);
  });

  it('names an owned item with nothing below it, set elements and indexes; an unreadable key verbatim', () => {
    expect(fieldPaths({ 'f:spec': { 'f:ports': { 'k:{"port":80}': { '.': {} } } } })).toEqual(['spec.ports[port=80]']);
    expect(fieldPaths({ 'f:metadata': { 'f:finalizers': { 'v:"kubernetes.io/pvc-protection"': {} } } })).toEqual([
      'metadata.finalizers[=kubernetes.io/pvc-protection]',
    ]);
    expect(fieldPaths({ 'f:args': { 'i:0': {} }, 'k:{broken': {} })).toEqual(['args[0]', '["k:{broken"]']);
  });

  it('reads nothing from what is not a fieldsV1 object', () => {
    expect(fieldPaths(undefined)).toEqual([]);
    expect(fieldPaths('f:spec')).toEqual([]);
    expect(fieldPaths([{ 'f:spec': {} }])).toEqual([]);
  });
});

describe('fieldManagers', () => {
  it('lists every manager newest first, with its subresource and fields', () => {
    const m = fieldManagers([
      {
        manager: 'kubectl-client-side-apply',
        operation: 'Update',
        time: '2026-01-01T00:00:00Z',
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:spec': { 'f:replicas': {} } },
      },
      {
        manager: 'kube-controller-manager',
        operation: 'Update',
        subresource: 'status',
        time: '2026-01-02T00:00:00Z',
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:status': { 'f:replicas': {} } },
      },
      { operation: 'Apply', fieldsType: 'FieldsV2', fieldsV1: { 'f:x': {} } },
    ]);
    expect(m).toEqual([
      {
        manager: 'kube-controller-manager',
        operation: 'Update',
        time: '2026-01-02T00:00:00Z',
        subresource: 'status',
        fields: ['status.replicas'],
      },
      {
        manager: 'kubectl-client-side-apply',
        operation: 'Update',
        time: '2026-01-01T00:00:00Z',
        fields: ['spec.replicas'],
      },
      { manager: '(unnamed)', operation: 'Apply', time: null, fields: [] },
    ]);
    expect(fieldManagers(undefined)).toEqual([]);
  });
});
