import { describe, expect, it } from 'vitest';
import { PANEL_ACTIONS, isOperateManager, panelActionOf, panelFieldManager } from './field-manager';

describe('panel field managers', () => {
  it('names the panel and the action', () => {
    expect(panelFieldManager('scale')).toBe('imagepod-dashboard/scale');
    expect(panelFieldManager('taints')).toBe('imagepod-dashboard/taints');
  });

  it('reads the action back, and nothing from managers that are not the panel’s', () => {
    for (const a of PANEL_ACTIONS) expect(panelActionOf(panelFieldManager(a))).toBe(a);
    expect(panelActionOf('imagepod-dashboard')).toBeNull();
    expect(panelActionOf('imagepod-dashboard/format-disk')).toBeNull();
    expect(panelActionOf('undici')).toBeNull();
    expect(panelActionOf('kubectl-scale')).toBeNull();
    expect(panelActionOf('xxx-imagepod-dashboard/scale')).toBeNull();
  });

  it('every manager fits the 128 characters the API server allows', () => {
    for (const a of PANEL_ACTIONS) expect(panelFieldManager(a).length).toBeLessThanOrEqual(128);
  });

  it('knows the operate buttons from the panel’s bookkeeping', () => {
    for (const a of ['scale', 'restart', 'undo', 'labels', 'taints', 'cordon'] as const)
      expect(isOperateManager(panelFieldManager(a))).toBe(true);
    for (const a of ['secrets', 'runner', 'audit', 'revocations'] as const)
      expect(isOperateManager(panelFieldManager(a))).toBe(false);
    expect(isOperateManager('imagepod-dashboard')).toBe(false);
    expect(isOperateManager('kubectl-scale')).toBe(false);
  });
});
