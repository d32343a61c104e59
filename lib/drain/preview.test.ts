import { describe, expect, it } from 'vitest';
import type { PlacementNode } from '../placement';
import type { DrainPod } from './plan';
import { drainPreview, pdbsCovering, selectorMatches, type DrainPdb } from './preview';

const rs = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid: 'r', controller: true }];
const ds = [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: 'd', controller: true }];
function pod(name: string, labels: Record<string, string>, o: Partial<DrainPod> = {}): DrainPod {
  return {
    metadata: { name, namespace: 'team', uid: `uid-${name}`, labels, ownerReferences: rs },
    spec: { containers: [{ name: 'c' }], nodeName: 'drain-me' },
    status: { phase: 'Running' },
    ...o,
  };
}
const node = (name: string, labels: Record<string, string> = {}, spec: PlacementNode['spec'] = {}): PlacementNode => ({
  metadata: { name, labels },
  spec,
});
const pdb = (name: string, selector: DrainPdb['spec'], allowed: number, namespace = 'team'): DrainPdb => ({
  metadata: { name, namespace },
  spec: selector,
  status: { disruptionsAllowed: allowed, currentHealthy: 2, desiredHealthy: 2 },
});

describe('selectorMatches', () => {
  it('follows metav1.LabelSelector: null selects nothing, empty everything', () => {
    expect(selectorMatches(null, { a: 'b' })).toBe(false);
    expect(selectorMatches({}, { a: 'b' })).toBe(true);
    expect(selectorMatches({ matchLabels: { a: 'b' } }, { a: 'b', c: 'd' })).toBe(true);
    expect(selectorMatches({ matchLabels: { a: 'x' } }, { a: 'b' })).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: 'a', operator: 'In', values: ['b', 'c'] }] }, { a: 'c' })).toBe(
      true,
    );
    expect(selectorMatches({ matchExpressions: [{ key: 'a', operator: 'NotIn', values: ['c'] }] }, { a: 'c' })).toBe(
      false,
    );
    expect(selectorMatches({ matchExpressions: [{ key: 'a', operator: 'DoesNotExist' }] }, {})).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: 'a', operator: 'Exists' }] }, {})).toBe(false);
  });
});

describe('pdbsCovering', () => {
  it('takes budgets of the pod namespace whose selector matches', () => {
    const p = pod('web-a', { app: 'web' });
    const got = pdbsCovering(p, [
      pdb('web', { selector: { matchLabels: { app: 'web' } } }, 0),
      pdb('other-ns', { selector: { matchLabels: { app: 'web' } } }, 1, 'elsewhere'),
      pdb('db', { selector: { matchLabels: { app: 'db' } } }, 1),
    ]);
    expect(got).toEqual([{ name: 'web', disruptionsAllowed: 0, currentHealthy: 2, desiredHealthy: 2 }]);
  });
});

describe('drainPreview', () => {
  const nodes = [
    node('drain-me', { zone: 'a' }, { unschedulable: true }),
    node('gpu-2', { gpu: 'yes' }),
    node('cordoned', { gpu: 'yes' }, { unschedulable: true }),
    node('tainted', { gpu: 'yes' }, { taints: [{ key: 'dedicated', value: 'x', effect: 'NoSchedule' }] }),
    node('cpu-1', {}),
  ];
  it('names where each moved pod could go, the budgets, and leaves DaemonSet pods', () => {
    const pods = [
      pod('web-b', { app: 'web' }, { spec: { containers: [{ name: 'c' }], nodeSelector: { gpu: 'yes' } } }),
      pod(
        'agent-x',
        { app: 'agent' },
        { metadata: { name: 'agent-x', namespace: 'team', uid: 'a', ownerReferences: ds } },
      ),
    ];
    const p = drainPreview(nodes[0]!, pods, nodes, [pdb('web', { selector: { matchLabels: { app: 'web' } } }, 0)]);
    expect(p.unschedulable).toBe(true);
    expect(p.pdbsKnown).toBe(true);
    expect(p.pods.map((x) => x.name)).toEqual(['agent-x', 'web-b']);
    const [agent, web] = p.pods;
    expect(agent!.decision).toEqual({ action: 'skip', reason: 'daemonset' });
    expect(agent!.candidates).toEqual([]);
    expect(web!.decision).toEqual({ action: 'evict' });
    // Not the drained node, not a cordoned one, not an untolerated taint, not a node without the label.
    expect(web!.candidates).toEqual(['gpu-2']);
    expect(web!.candidateCount).toBe(1);
    expect(web!.pdbs.map((b) => b.name)).toEqual(['web']);
    expect(web!.owner).toEqual({ kind: 'ReplicaSet', name: 'web-1' });
  });
  it('says why no node fits, and that budgets are unknown when they could not be listed', () => {
    const p = drainPreview(
      nodes[0]!,
      [
        pod(
          'lonely',
          {},
          {
            spec: {
              containers: [{ name: 'c' }],
              nodeSelector: { zone: 'a' },
              volumes: [{ name: 'tmp', emptyDir: {} }],
            },
          },
        ),
      ],
      nodes,
      null,
    );
    const [lonely] = p.pods;
    expect(p.pdbsKnown).toBe(false);
    expect(lonely!.decision).toEqual({ action: 'consent', reasons: ['local-storage'] });
    expect(lonely!.localStorage).toEqual(['tmp']);
    expect(lonely!.candidateCount).toBe(0);
    expect(lonely!.noFit[0]!.reasons.join(' ')).toMatch(/nodeSelector zone=a/);
  });
  it('a toleration of the taint lets the pod onto the tainted node', () => {
    const spec = {
      containers: [{ name: 'c' }],
      nodeSelector: { gpu: 'yes' },
      tolerations: [{ key: 'dedicated', operator: 'Equal' as const, value: 'x', effect: 'NoSchedule' as const }],
    };
    const p = drainPreview(nodes[0]!, [pod('t', {}, { spec })], nodes, []);
    expect(p.pods[0]!.candidates).toEqual(['gpu-2', 'tainted']);
  });
});
