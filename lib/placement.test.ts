import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Node, PodSpec, Taint, Toleration, Workload } from './kube-types';
import {
  daemonPodPlacement,
  daemonSetAutoTolerations,
  placementPreview,
  podPlacement,
  toleratesTaint,
  type NodeSelectorTerm,
  type PlacementNode,
} from './placement';
import { addTaint, formatTaint, stampTimeAdded, removeTaint, sameTaints, taintPatch } from './taints';

const node = (
  name: string,
  labels: Record<string, string> = {},
  taints: Taint[] = [],
  unschedulable = false,
): Node => ({
  metadata: { name, uid: name, labels },
  spec: { taints, ...(unschedulable ? { unschedulable } : {}) },
});
const spec = (s: Partial<PodSpec> = {}): PodSpec => ({ containers: [{ name: 'c' }], ...s });
const affinity = (...nodeSelectorTerms: NodeSelectorTerm[]) => ({
  nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms } },
});
const gpuTaint: Taint = { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' };
/** The GPU worker of the seed: selects accelerator=nvidia-tesla-gpu and tolerates the GPU taint. */
const gpuWorker = spec({
  nodeSelector: { accelerator: 'nvidia-tesla-gpu' },
  tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
});

describe('daemonPodPlacement: nodeSelector and nodeName', () => {
  it('places on a matching node and explains a mismatch', () => {
    expect(daemonPodPlacement(node('g', { accelerator: 'nvidia-tesla-gpu' }), gpuWorker)).toEqual({
      shouldRun: true,
      shouldContinueRunning: true,
      reasons: [],
      notes: [],
    });
    expect(daemonPodPlacement(node('c'), gpuWorker).reasons).toEqual([
      'nodeSelector accelerator=nvidia-tesla-gpu does not match: the node has no accelerator label',
    ]);
    expect(daemonPodPlacement(node('c', { accelerator: 'amd' }), gpuWorker).reasons).toEqual([
      'nodeSelector accelerator=nvidia-tesla-gpu does not match: the node has accelerator=amd',
    ]);
  });

  it('lists every obstacle, not only the first', () => {
    const p = daemonPodPlacement(
      node('c', {}, [{ key: 'dedicated', value: 'db', effect: 'NoExecute' }]),
      spec({ nodeName: 'other', nodeSelector: { a: '1', b: '2' } }),
    );
    expect(p.reasons).toEqual([
      'the pod template sets nodeName other',
      'nodeSelector a=1 does not match: the node has no a label',
      'nodeSelector b=2 does not match: the node has no b label',
      'taint dedicated=db:NoExecute not tolerated',
    ]);
    expect(p).toMatchObject({ shouldRun: false, shouldContinueRunning: false });
  });

  it('does not read inherited properties as labels', () => {
    expect(daemonPodPlacement(node('n'), spec({ nodeSelector: { constructor: '' } })).shouldRun).toBe(false);
    expect(
      daemonPodPlacement(
        node('n'),
        spec({ affinity: affinity({ matchExpressions: [{ key: 'toString', operator: 'Exists' }] }) }),
      ).shouldRun,
    ).toBe(false);
  });
});

describe('daemonPodPlacement: required node affinity', () => {
  const labels = { accelerator: 'nvidia-tesla-gpu', 'nvidia.com/gpu.count': '8', zone: 'a', text: 'abc' };
  const run = (...terms: NodeSelectorTerm[]) =>
    daemonPodPlacement(node('gpu-1', labels), spec({ affinity: affinity(...terms) }));

  it.each<[NodeSelectorTerm['matchExpressions'], boolean]>([
    [[{ key: 'accelerator', operator: 'In', values: ['x', 'nvidia-tesla-gpu'] }], true],
    [[{ key: 'accelerator', operator: 'In', values: ['x'] }], false],
    [[{ key: 'missing', operator: 'In', values: ['x'] }], false],
    [[{ key: 'accelerator', operator: 'NotIn', values: ['x'] }], true],
    [[{ key: 'accelerator', operator: 'NotIn', values: ['nvidia-tesla-gpu'] }], false],
    [[{ key: 'missing', operator: 'NotIn', values: ['x'] }], true],
    [[{ key: 'zone', operator: 'Exists' }], true],
    [[{ key: 'missing', operator: 'Exists' }], false],
    [[{ key: 'missing', operator: 'DoesNotExist' }], true],
    [[{ key: 'zone', operator: 'DoesNotExist' }], false],
    [[{ key: 'nvidia.com/gpu.count', operator: 'Gt', values: ['4'] }], true],
    [[{ key: 'nvidia.com/gpu.count', operator: 'Gt', values: ['8'] }], false],
    [[{ key: 'nvidia.com/gpu.count', operator: 'Lt', values: ['9'] }], true],
    [[{ key: 'nvidia.com/gpu.count', operator: 'Lt', values: ['08'] }], false],
    [[{ key: 'text', operator: 'Gt', values: ['0'] }], false],
    [[{ key: 'text', operator: 'Lt', values: ['0'] }], false],
    [[{ key: 'missing', operator: 'Lt', values: ['100'] }], false],
    [
      [
        { key: 'zone', operator: 'Exists' },
        { key: 'accelerator', operator: 'In', values: ['nvidia-tesla-gpu'] },
      ],
      true,
    ],
    [
      [
        { key: 'zone', operator: 'Exists' },
        { key: 'accelerator', operator: 'In', values: ['x'] },
      ],
      false,
    ],
  ])('%j → %s', (matchExpressions, want) => expect(run({ matchExpressions }).shouldRun).toBe(want));

  it('ORs the terms and explains each one that fails', () => {
    expect(
      run(
        { matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] },
        { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] },
      ).shouldRun,
    ).toBe(true);
    expect(
      run(
        { matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] },
        {
          matchExpressions: [
            { key: 'gpu', operator: 'Exists' },
            { key: 'text', operator: 'Gt', values: ['1'] },
          ],
        },
      ).reasons,
    ).toEqual([
      'required node affinity matches none of its 2 nodeSelectorTerms: term 1: zone In (b) (node has zone=a); term 2: gpu Exists (node has no gpu label), text Gt 1 (node has text=abc, not an integer)',
    ]);
    expect(run({ matchExpressions: [{ key: 'nvidia.com/gpu.count', operator: 'Gt', values: ['8'] }] }).reasons).toEqual(
      ['required node affinity does not match: nvidia.com/gpu.count Gt 8 (node has nvidia.com/gpu.count=8)'],
    );
  });

  it('matches fields on metadata.name only, and a term ANDs labels and fields', () => {
    expect(run({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['gpu-1'] }] }).shouldRun).toBe(true);
    expect(run({ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['gpu-1'] }] }).reasons).toEqual([
      'required node affinity does not match: metadata.name NotIn (gpu-1) (node is gpu-1)',
    ]);
    expect(run({ matchFields: [{ key: 'metadata.uid', operator: 'In', values: ['gpu-1'] }] }).shouldRun).toBe(false);
    expect(
      run({
        matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }],
        matchFields: [{ key: 'metadata.name', operator: 'In', values: ['gpu-1'] }],
      }).shouldRun,
    ).toBe(false);
  });

  it('empty terms select nothing; an invalid term matches nothing but others still can', () => {
    expect(run().reasons).toEqual(['required node affinity has no non-empty nodeSelectorTerms, so it matches no node']);
    expect(run({}, { matchExpressions: [] }).shouldRun).toBe(false);
    expect(run({}, { matchExpressions: [{ key: 'zone', operator: 'Exists' }] }).shouldRun).toBe(true);
    const invalid: NodeSelectorTerm[] = [
      { matchExpressions: [{ key: 'zone', operator: 'In', values: [] }] },
      { matchExpressions: [{ key: 'zone', operator: 'Exists', values: ['a'] }] },
      { matchExpressions: [{ key: 'nvidia.com/gpu.count', operator: 'Gt', values: ['1', '2'] }] },
      { matchExpressions: [{ key: 'nvidia.com/gpu.count', operator: 'Gt', values: ['x'] }] },
      { matchExpressions: [{ key: 'nvidia.com/gpu.count', operator: 'Gt', values: ['-1'] }] }, // an integer, but not a label value
      { matchExpressions: [{ key: 'bad key', operator: 'Exists' }] },
      { matchFields: [{ key: 'metadata.name', operator: 'Exists' }] },
      { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['gpu-1', 'gpu-2'] }] },
    ];
    for (const t of invalid)
      expect(run(t).reasons[0]).toMatch(
        /^required node affinity does not match: term 1 is invalid and matches nothing: /,
      );
    expect(run(invalid[0]!, { matchExpressions: [{ key: 'zone', operator: 'Exists' }] }).shouldRun).toBe(true);
    const unknownOp = daemonPodPlacement(
      node('n', labels),
      spec({ affinity: affinity({ matchExpressions: [{ key: 'zone', operator: 'Like' as 'In', values: ['a'] }] }) }),
    );
    expect(unknownOp.reasons[0]).toMatch(/operator "Like" is not supported/);
  });

  it('compares Gt and Lt as 64-bit integers, beyond double precision', () => {
    const big = node('n', { n: '9007199254740993' });
    const gt = (v: string) =>
      daemonPodPlacement(
        big,
        spec({ affinity: affinity({ matchExpressions: [{ key: 'n', operator: 'Gt', values: [v] }] }) }),
      ).shouldRun;
    expect(gt('9007199254740992')).toBe(true);
    expect(gt('9007199254740993')).toBe(false);
    expect(gt('9223372036854775808')).toBe(false); // out of int64: invalid requirement
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }), fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }), (a, b) => {
        const p = (op: 'Gt' | 'Lt') =>
          daemonPodPlacement(
            node('n', { n: String(a) }),
            spec({ affinity: affinity({ matchExpressions: [{ key: 'n', operator: op, values: [String(b)] }] }) }),
          ).shouldRun;
        expect(p('Gt')).toBe(a > b);
        expect(p('Lt')).toBe(a < b);
      }),
    );
  });

  it('needs both the nodeSelector and the affinity', () => {
    const s = spec({
      nodeSelector: { zone: 'a' },
      affinity: affinity({ matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] }),
    });
    expect(daemonPodPlacement(node('n', { zone: 'a' }), s).reasons).toHaveLength(1);
    expect(daemonPodPlacement(node('n', { zone: 'a' }), spec({ affinity: { podAntiAffinity: {} } })).shouldRun).toBe(
      true,
    );
    expect(daemonPodPlacement(node('n'), spec({ affinity: { nodeAffinity: 'nonsense' } })).reasons[0]).toMatch(
      /^spec.affinity could not be read/,
    );
  });
});

describe('daemonPodPlacement: taints and tolerations', () => {
  const gpuNode = node('g', { accelerator: 'nvidia-tesla-gpu' }, [gpuTaint]);

  it('blocks on NoSchedule and NoExecute, not on PreferNoSchedule', () => {
    expect(daemonPodPlacement(gpuNode, spec()).reasons).toEqual([
      'taint nvidia.com/gpu=present:NoSchedule not tolerated',
    ]);
    expect(daemonPodPlacement(gpuNode, gpuWorker).shouldRun).toBe(true);
    const soft = daemonPodPlacement(node('n', {}, [{ key: 'k', effect: 'PreferNoSchedule' }]), spec());
    expect(soft).toMatchObject({
      shouldRun: true,
      notes: ['taint k:PreferNoSchedule is not tolerated, but PreferNoSchedule does not block'],
    });
  });

  it('keeps a running pod on NoSchedule, evicts it on NoExecute', () => {
    expect(daemonPodPlacement(gpuNode, spec())).toMatchObject({ shouldRun: false, shouldContinueRunning: true });
    expect(daemonPodPlacement(node('n', {}, [{ key: 'k', effect: 'NoExecute' }]), spec())).toMatchObject({
      shouldRun: false,
      shouldContinueRunning: false,
    });
    expect(
      daemonPodPlacement(
        node('n', {}, [{ key: 'k', effect: 'NoExecute' }]),
        spec({ tolerations: [{ key: 'k', operator: 'Exists', tolerationSeconds: 30 }] }),
      ),
    ).toMatchObject({
      shouldRun: true,
      notes: ['taint k:NoExecute is tolerated for 30s only, then the pod is evicted'],
    });
  });

  it('adds the DaemonSet tolerations and ignores a cordon', () => {
    const condition = (k: string, effect: Taint['effect']): Taint => ({ key: `node.kubernetes.io/${k}`, effect });
    const sick = node(
      'n',
      {},
      [
        condition('not-ready', 'NoExecute'),
        condition('unreachable', 'NoExecute'),
        condition('disk-pressure', 'NoSchedule'),
        condition('memory-pressure', 'NoSchedule'),
        condition('pid-pressure', 'NoSchedule'),
        condition('unschedulable', 'NoSchedule'),
      ],
      true,
    );
    const p = daemonPodPlacement(sick, spec());
    expect(p.shouldRun).toBe(true);
    expect(p.notes).toContain(
      'taint node.kubernetes.io/unschedulable:NoSchedule is tolerated automatically by DaemonSet pods',
    );
    expect(p.notes).toContain('the node is cordoned (unschedulable), which DaemonSet pods ignore');
    const noNetwork = node('n', {}, [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }]);
    expect(daemonPodPlacement(noNetwork, spec()).shouldRun).toBe(false);
    expect(daemonPodPlacement(noNetwork, spec({ hostNetwork: true })).shouldRun).toBe(true);
    expect(
      daemonPodPlacement(node('n', {}, [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }]), spec())
        .shouldRun,
    ).toBe(false);
  });

  it.each<[Toleration, Taint, boolean]>([
    [{ operator: 'Exists' }, gpuTaint, true],
    [{ key: '', operator: 'Exists', effect: '' }, { key: 'x', effect: 'NoExecute' }, true],
    [{ key: 'nvidia.com/gpu', operator: 'Exists' }, gpuTaint, true],
    [{ key: 'nvidia.com/gpu', operator: 'Equal', value: 'present' }, gpuTaint, true],
    [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }, gpuTaint, true],
    [{ key: 'nvidia.com/gpu', operator: 'Equal', value: 'absent' }, gpuTaint, false],
    [{ key: 'nvidia.com/gpu', operator: 'Equal' }, gpuTaint, false],
    [{ key: 'k', operator: 'Equal' }, { key: 'k', effect: 'NoSchedule' }, true],
    [{ key: 'k', operator: 'Equal', value: '' }, { key: 'k', value: '', effect: 'NoSchedule' }, true],
    [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoExecute' }, gpuTaint, false],
    [{ key: 'other', operator: 'Exists' }, gpuTaint, false],
    [{ key: 'nvidia.com/gpu', operator: 'Gt' as 'Exists', value: '1' }, gpuTaint, false],
  ])('toleration %j on %j → %s', (t, taint, want) => expect(toleratesTaint(t, taint)).toBe(want));

  it('lists the automatic tolerations as the controller adds them', () => {
    expect(daemonSetAutoTolerations({}).map((t) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/not-ready:NoExecute',
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule',
      'node.kubernetes.io/pid-pressure:NoSchedule',
      'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
    expect(daemonSetAutoTolerations({ hostNetwork: true })).toHaveLength(7);
  });
});

describe('daemonPodPlacement properties', () => {
  const keyArb = fc.constantFrom(
    'a',
    'b',
    'nvidia.com/gpu',
    'node.kubernetes.io/unschedulable',
    'node.kubernetes.io/network-unavailable',
  );
  const effectArb = fc.constantFrom('NoSchedule' as const, 'PreferNoSchedule' as const, 'NoExecute' as const);
  const taintArb: fc.Arbitrary<Taint> = fc.record({
    key: keyArb,
    value: fc.constantFrom('', 'x', 'y'),
    effect: effectArb,
  });
  const tolArb: fc.Arbitrary<Toleration> = fc.record(
    {
      key: fc.constantFrom('', 'a', 'b', 'nvidia.com/gpu'),
      operator: fc.constantFrom('Exists' as const, 'Equal' as const),
      value: fc.constantFrom('', 'x', 'y'),
      effect: fc.constantFrom('' as const, 'NoSchedule' as const, 'PreferNoSchedule' as const, 'NoExecute' as const),
    },
    { requiredKeys: ['operator'] },
  );
  const labelsArb = fc.dictionary(
    fc.constantFrom('a', 'b', 'zone', 'accelerator'),
    fc.constantFrom('', '1', 'x', 'nvidia-tesla-gpu'),
  );
  const specArb = fc
    .record({
      nodeSelector: fc.dictionary(
        fc.constantFrom('a', 'zone', 'accelerator'),
        fc.constantFrom('1', 'nvidia-tesla-gpu'),
      ),
      tolerations: fc.array(tolArb, { maxLength: 3 }),
      hostNetwork: fc.boolean(),
    })
    .map((s) => spec(s));
  const nodeArb = fc
    .tuple(labelsArb, fc.array(taintArb, { maxLength: 4 }), fc.boolean())
    .map(([l, t, u]) => node('n', l, t, u));

  it('an empty nodeSelector and no affinity place on any node without taints', () => {
    fc.assert(
      fc.property(labelsArb, fc.boolean(), fc.array(tolArb), (labels, cordoned, tolerations) => {
        expect(daemonPodPlacement(node('n', labels, [], cordoned), spec({ tolerations })).shouldRun).toBe(true);
      }),
    );
  });

  it('adding a toleration never turns placed into not placed', () => {
    fc.assert(
      fc.property(nodeArb, specArb, tolArb, (n, s, extra) => {
        const before = daemonPodPlacement(n, s);
        const after = daemonPodPlacement(n, { ...s, tolerations: [...(s.tolerations ?? []), extra] });
        if (before.shouldRun) expect(after.shouldRun).toBe(true);
        if (before.shouldContinueRunning) expect(after.shouldContinueRunning).toBe(true);
      }),
    );
  });

  it('removing a taint never turns placed into not placed; labels only matter through the selector', () => {
    fc.assert(
      fc.property(nodeArb, specArb, fc.nat(), (n, s, i) => {
        const taints = n.spec?.taints ?? [];
        fc.pre(taints.length > 0);
        const fewer = { ...n, spec: { ...n.spec, taints: taints.filter((_, j) => j !== i % taints.length) } };
        if (daemonPodPlacement(n, s).shouldRun) expect(daemonPodPlacement(fewer, s).shouldRun).toBe(true);
      }),
    );
    fc.assert(
      fc.property(nodeArb, specArb, (n, s) => {
        const labels = n.metadata.labels ?? {};
        const selected = Object.entries(s.nodeSelector ?? {}).every(([k, v]) => labels[k] === v);
        const untainted = daemonPodPlacement({ ...n, spec: {} }, s).shouldRun;
        expect(untainted).toBe(selected);
      }),
    );
  });

  it('shouldRun implies shouldContinueRunning, and a reason is given whenever it is false', () => {
    fc.assert(
      fc.property(nodeArb, specArb, (n, s) => {
        const p = daemonPodPlacement(n, s);
        if (p.shouldRun) expect(p.shouldContinueRunning).toBe(true);
        expect(p.reasons.length === 0).toBe(p.shouldRun);
      }),
    );
  });
});

describe('placementPreview', () => {
  const ds = (name: string, s: PodSpec): Workload => ({
    metadata: { name, namespace: 'imagepod', uid: name },
    spec: { template: { spec: s } },
  });
  const daemonSets = [ds('gpu-worker', gpuWorker), ds('node-exporter', spec()), ds('no-template', spec())];
  daemonSets[2]!.spec = {};

  it('shows which worker pods land and leave when labels change', () => {
    const before = [
      node('gpu-1'),
      node('gpu-2', { accelerator: 'nvidia-tesla-gpu' }, [gpuTaint]),
      node('cpu-1', { zone: 'a' }),
    ];
    const after = [
      node('gpu-1', { accelerator: 'nvidia-tesla-gpu' }),
      node('gpu-2', {}, [gpuTaint]),
      node('cpu-1', { zone: 'a' }),
      node('new-node', { accelerator: 'nvidia-tesla-gpu' }),
    ];
    expect(placementPreview(before, after, daemonSets)).toEqual([
      {
        node: 'gpu-1',
        changes: [
          {
            daemonSet: { namespace: 'imagepod', name: 'gpu-worker' },
            change: 'start',
            reasons: ['nodeSelector accelerator=nvidia-tesla-gpu does not match: the node has no accelerator label'],
          },
        ],
      },
      {
        node: 'gpu-2',
        changes: [
          {
            daemonSet: { namespace: 'imagepod', name: 'gpu-worker' },
            change: 'stop',
            reasons: ['nodeSelector accelerator=nvidia-tesla-gpu does not match: the node has no accelerator label'],
          },
        ],
      },
    ]);
  });

  it('follows taint edits too: NoSchedule keeps a running pod, NoExecute evicts it', () => {
    const before = [node('a'), node('b'), node('c', {}, [{ key: 'maintenance', effect: 'NoExecute' }])];
    const after = [
      node('a', {}, [{ key: 'maintenance', effect: 'NoSchedule' }]),
      node('b', {}, [{ key: 'maintenance', effect: 'NoExecute' }]),
      node('c'),
    ];
    const ref = { namespace: 'imagepod', name: 'node-exporter' };
    expect(placementPreview(before, after, daemonSets.slice(1))).toEqual([
      {
        node: 'a',
        changes: [{ daemonSet: ref, change: 'kept', reasons: ['taint maintenance:NoSchedule not tolerated'] }],
      },
      {
        node: 'b',
        changes: [{ daemonSet: ref, change: 'stop', reasons: ['taint maintenance:NoExecute not tolerated'] }],
      },
      {
        node: 'c',
        changes: [{ daemonSet: ref, change: 'start', reasons: ['taint maintenance:NoExecute not tolerated'] }],
      },
    ]);
  });

  it('reports a changed node with no DaemonSet affected, and skips unchanged ones', () => {
    expect(
      placementPreview([node('n', { a: '1' }, [gpuTaint])], [node('n', { a: '2' }, [{ ...gpuTaint }])], daemonSets),
    ).toEqual([{ node: 'n', changes: [] }]);
    expect(
      placementPreview(
        [node('n', { a: '1' }, [gpuTaint], false)],
        [node('n', { a: '1' }, [{ ...gpuTaint }], true)],
        daemonSets,
      ),
    ).toEqual([]);
  });
});

describe('taint helpers', () => {
  const t = (key: string, effect: Taint['effect'], value?: string, timeAdded?: string): Taint => ({
    key,
    effect,
    ...(value ? { value } : {}),
    ...(timeAdded ? { timeAdded } : {}),
  });

  it('formats like kubectl', () => {
    expect(formatTaint(gpuTaint)).toBe('nvidia.com/gpu=present:NoSchedule');
    expect(formatTaint(t('k', 'NoExecute'))).toBe('k:NoExecute');
  });

  it('adds into the key+effect slot, replacing another value and dropping duplicates', () => {
    const list = [t('a', 'NoSchedule', '1', 'then'), t('b', 'NoExecute'), t('a', 'NoExecute')];
    expect(addTaint(list, { key: 'a', value: '1', effect: 'NoSchedule' })).toEqual(list);
    expect(addTaint(list, { key: 'a', value: '2', effect: 'NoSchedule' })).toEqual([
      t('a', 'NoSchedule', '2'),
      list[1],
      list[2],
    ]);
    expect(addTaint(list, { key: 'c', value: '', effect: 'PreferNoSchedule' })).toEqual([
      ...list,
      t('c', 'PreferNoSchedule'),
    ]);
    expect(
      addTaint([t('a', 'NoSchedule', '1'), t('a', 'NoSchedule', '2')], { key: 'a', value: '2', effect: 'NoSchedule' }),
    ).toEqual([t('a', 'NoSchedule', '2')]);
    expect(addTaint(undefined, gpuTaint)).toEqual([gpuTaint]);
  });

  it('removes one effect or every effect of a key', () => {
    const list = [t('a', 'NoSchedule'), t('a', 'NoExecute'), t('b', 'NoSchedule')];
    expect(removeTaint(list, 'a', 'NoExecute')).toEqual([list[0], list[2]]);
    expect(removeTaint(list, 'a')).toEqual([list[2]]);
    expect(removeTaint(undefined, 'a')).toEqual([]);
  });

  it('adding then removing is idempotent and keeps slots unique', () => {
    const slot = fc.record({
      key: fc.constantFrom('a', 'b'),
      value: fc.constantFrom('', 'x'),
      effect: fc.constantFrom('NoSchedule' as const, 'NoExecute' as const),
    });
    fc.assert(
      fc.property(fc.array(slot, { maxLength: 5 }), slot, (list, x) => {
        const added = addTaint(list, x);
        expect(addTaint(added, x)).toEqual(added);
        expect(new Set(added.filter((y) => y.key === x.key && y.effect === x.effect))).toHaveProperty('size', 1);
        expect(removeTaint(added, x.key, x.effect).some((y) => y.key === x.key && y.effect === x.effect)).toBe(false);
      }),
    );
  });

  it('compares lists regardless of order and builds a guarded merge patch', () => {
    expect(
      sameTaints([t('a', 'NoSchedule'), t('b', 'NoExecute', '')], [t('b', 'NoExecute'), t('a', 'NoSchedule')]),
    ).toBe(true);
    expect(sameTaints([t('a', 'NoSchedule', '1')], [t('a', 'NoSchedule', '2')])).toBe(false);
    expect(taintPatch([gpuTaint], '42')).toEqual({ metadata: { resourceVersion: '42' }, spec: { taints: [gpuTaint] } });
    expect(taintPatch([])).toEqual({ spec: { taints: [] } });
  });

  it('stampTimeAdded keeps the timeAdded of taints that stay and stamps new NoExecute taints, as kubectl taint does', () => {
    const now = new Date('2026-02-03T04:05:06.789Z');
    const old: Taint = { key: 'k', value: 'v', effect: 'NoExecute', timeAdded: '2026-01-01T00:00:00Z' };
    expect(stampTimeAdded([{ key: 'k', value: 'v', effect: 'NoExecute' }], [old], now)).toEqual([old]);
    expect(stampTimeAdded([{ key: 'k', value: 'w', effect: 'NoExecute' }], [old], now)).toEqual([
      { key: 'k', value: 'w', effect: 'NoExecute', timeAdded: '2026-02-03T04:05:06Z' },
    ]);
    expect(stampTimeAdded([gpuTaint], undefined, now)).toEqual([gpuTaint]);
  });
});

describe('podPlacement (where the scheduler could put an ordinary pod)', () => {
  const spec = { containers: [{ name: 'c' }] };
  const at = (s: Partial<NonNullable<PlacementNode['spec']>>): PlacementNode => ({
    metadata: { name: 'n', labels: {} },
    spec: s,
  });
  it('a cordoned node takes only a pod tolerating node.kubernetes.io/unschedulable', () => {
    expect(podPlacement(at({ unschedulable: true }), spec).reasons).toEqual([
      'taint node.kubernetes.io/unschedulable:NoSchedule not tolerated',
    ]);
    const tolerant = {
      ...spec,
      tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists' as const }],
    };
    expect(podPlacement(at({ unschedulable: true }), tolerant).shouldRun).toBe(true);
  });
  it('gets none of the tolerations the DaemonSet controller adds', () => {
    const notReady = at({ taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }] });
    expect(podPlacement(notReady, spec).shouldRun).toBe(false);
    expect(podPlacement(notReady, spec).notes).toEqual([]);
    expect(daemonPodPlacement(notReady, spec).shouldRun).toBe(true);
  });
  it('ignores the old nodeName (the replacement is scheduled afresh) and PreferNoSchedule', () => {
    const n = at({ taints: [{ key: 'x', effect: 'PreferNoSchedule' }] });
    expect(podPlacement(n, { ...spec, nodeName: 'elsewhere' }).shouldRun).toBe(true);
  });
});
