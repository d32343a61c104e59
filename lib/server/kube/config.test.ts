import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveKubeConfigSource } from './config';

describe('resolveKubeConfigSource', () => {
  it('prefers in-cluster, then $KUBECONFIG, then ~/.kube/config, then the devcluster', () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'home-'));
    expect(resolveKubeConfigSource({ KUBERNETES_SERVICE_HOST: '10.0.0.1', KUBECONFIG: '/x' }, '/repo', home).kind).toBe(
      'in-cluster',
    );
    expect(resolveKubeConfigSource({ KUBECONFIG: '/x' }, '/repo', home)).toEqual({ kind: 'KUBECONFIG', path: '/x' });
    expect(resolveKubeConfigSource({}, '/repo', home)).toEqual({
      kind: 'devcluster',
      path: '/repo/.devcluster/kubeconfig',
    });
    mkdirSync(path.join(home, '.kube'));
    writeFileSync(path.join(home, '.kube', 'config'), 'apiVersion: v1\n');
    expect(resolveKubeConfigSource({}, '/repo', home)).toEqual({
      kind: 'home',
      path: path.join(home, '.kube', 'config'),
    });
  });
});
