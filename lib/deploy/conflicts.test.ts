import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyConflicts, isDriftManager, parseConflicts, type FieldConflict } from './conflicts';

/**
 * 409 answers of a server-side apply, as the devcluster's kube-apiserver (v1.34) wrote them: a
 * dry-run apply under another manager of imagepod-api's replicas and image, and of its scale
 * subresource; plus the cause of a field last written by `kubectl scale` (through the scale
 * subresource, hence the "with subresource" and "using" parts).
 */
const STATUS_TWO_FIELDS = {
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  reason: 'Conflict',
  code: 409,
  message:
    'Apply failed with 2 conflicts: conflicts with "imagepod-dashboard":\n- .spec.replicas\n- .spec.template.spec.containers[name="api"].image',
  details: {
    causes: [
      { reason: 'FieldManagerConflict', message: 'conflict with "imagepod-dashboard"', field: '.spec.replicas' },
      {
        reason: 'FieldManagerConflict',
        message: 'conflict with "imagepod-dashboard"',
        field: '.spec.template.spec.containers[name="api"].image',
      },
    ],
  },
};
const STATUS_KUBECTL_SCALE = {
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  reason: 'Conflict',
  code: 409,
  message:
    'Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps/v1: .spec.replicas',
  details: {
    causes: [
      {
        reason: 'FieldManagerConflict',
        message: 'conflict with "kubectl" with subresource "scale" using apps/v1',
        field: '.spec.replicas',
      },
    ],
  },
};

describe('parseConflicts', () => {
  it('reads field and manager from each cause of a real 409', () => {
    expect(parseConflicts(STATUS_TWO_FIELDS.details.causes)).toEqual([
      { field: '.spec.replicas', manager: 'imagepod-dashboard' },
      { field: '.spec.template.spec.containers[name="api"].image', manager: 'imagepod-dashboard' },
    ]);
  });

  it('reads the manager of a change made through a subresource', () => {
    expect(parseConflicts(STATUS_KUBECTL_SCALE.details.causes)).toEqual([
      { field: '.spec.replicas', manager: 'kubectl' },
    ]);
  });

  it.each([
    ['conflict with "kubectl-client-side-apply" using apps/v1', 'kubectl-client-side-apply'],
    ['conflict with "kubectl-set" using apps/v1', 'kubectl-set'],
    ['conflict with "kube-controller-manager" with subresource "status"', 'kube-controller-manager'],
    ['conflict with "helm"', 'helm'],
    ['conflict with "Mozilla/5.0 (X11; Linux x86_64)" using v1', 'Mozilla/5.0 (X11; Linux x86_64)'],
  ])('%j → manager %j', (message, manager) => {
    expect(parseConflicts([{ reason: 'FieldManagerConflict', message, field: '.data.x' }])).toEqual([
      { field: '.data.x', manager },
    ]);
  });

  it('skips causes that are not field-manager conflicts, and copes with missing parts', () => {
    expect(parseConflicts([])).toEqual([]);
    expect(
      parseConflicts([
        { reason: 'FieldValueInvalid', message: 'Invalid value: -1', field: 'spec.replicas' },
        {},
        { message: 'conflict with "argocd-controller"' },
      ]),
    ).toEqual([{ field: '', manager: 'argocd-controller' }]);
  });
});

describe('isDriftManager', () => {
  it.each([
    'kubectl',
    'kubectl-edit',
    'kubectl-patch',
    'kubectl-set',
    'kubectl-scale',
    'kubectl-label',
    'kubectl-client-side-apply',
    'kubectl-rollout',
    'imagepod-dashboard/scale',
    'imagepod-dashboard/restart',
    'imagepod-dashboard/undo',
  ])('%j: a hand-made change, restored by a deploy', (m) => {
    expect(isDriftManager(m)).toBe(true);
  });

  it.each([
    'imagepod-dashboard',
    'imagepod-dashboard-secrets',
    'imagepod-dashboard/secrets',
    'imagepod-dashboard/runner',
    'imagepod-dashboard/nonsense',
    'undici',
    'helm',
    'argocd-controller',
    'kube-controller-manager',
    'flux',
    'kubectl_edit',
    'Kubectl',
    'kubectl-',
    'kubectl-Edit',
    'kubectl-edit2',
    'xkubectl',
    'kubectl edit',
    'before-first-apply',
    '',
  ])('%j: another owner, a conflict', (m) => {
    expect(isDriftManager(m)).toBe(false);
  });
});

describe('classifyConflicts', () => {
  const c = (manager: string, field = '.spec.replicas'): FieldConflict => ({ manager, field });

  it.each<[FieldConflict[], 'none' | 'drift' | 'conflict']>([
    [[], 'none'],
    [[c('kubectl')], 'drift'],
    [[c('kubectl'), c('kubectl-set', '.spec.template.spec.containers[name="api"].env')], 'drift'],
    [[c('imagepod-dashboard/scale')], 'drift'],
    [[c('helm')], 'conflict'],
    [[c('kubectl'), c('helm', '.spec.template')], 'conflict'],
  ])('%j → %s', (conflicts, expected) => {
    expect(classifyConflicts(conflicts)).toBe(expected);
  });

  it('classifies the real 409s', () => {
    expect(classifyConflicts(parseConflicts(STATUS_KUBECTL_SCALE.details.causes))).toBe('drift');
    expect(classifyConflicts(parseConflicts(STATUS_TWO_FIELDS.details.causes))).toBe('conflict');
  });

  it('is drift exactly when every manager is a drift manager (property)', () => {
    const manager = fc.constantFrom(
      'kubectl',
      'kubectl-edit',
      'imagepod-dashboard/scale',
      'helm',
      'kube-controller-manager',
      'flux',
    );
    fc.assert(
      fc.property(fc.array(manager, { maxLength: 6 }), (ms) => {
        const cls = classifyConflicts(ms.map((m) => c(m)));
        expect(cls).toBe(ms.length === 0 ? 'none' : ms.every(isDriftManager) ? 'drift' : 'conflict');
      }),
    );
  });
});
