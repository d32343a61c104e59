import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyLabelEdits,
  labelEditsSchema,
  labelKeyErrors,
  labelKeySchema,
  labelValueErrors,
  labelValueSchema,
  planLabelEdits,
  systemLabelWarning,
  taintErrors,
  taintListErrors,
  taintListSchema,
  taintSchema,
  type LabelEdit,
} from './label-validation';
import { parseSelector } from './label-selector';

const r = (c: string, n: number) => c.repeat(n);

// Cases from apimachinery's own tests (content/kube_test.go, util/validation tests) and the issue.
describe('labelKeyErrors (as IsQualifiedName)', () => {
  it.each([
    'simple',
    'now-with-dashes',
    '1-starts-with-num',
    '1234',
    'simple/simple',
    'now-with-dashes/simple',
    'now-with-dashes/now-with-dashes',
    'now.with.dots/simple',
    'now-with.dashes-and.dots/simple',
    '1-num.2-num/3-num',
    '1234/5678',
    '1.2.3.4/5678',
    'Uppercase_Is_OK_123',
    'example.com/Uppercase_Is_OK_123',
    'requests.storage-foo',
    r('a', 63),
    `${r('a', 253)}/${r('b', 63)}`,
    'example.com/My_Name-1.2',
    'accelerator',
    'nvidia.com/gpu.product',
    'node-role.kubernetes.io/gpu',
    'a',
    'x.y_z',
    'a/b',
  ])('accepts %j', (k) => {
    expect(labelKeyErrors(k)).toEqual([]);
    expect(labelKeySchema.safeParse(k).success).toBe(true);
  });

  it.each([
    ['', /must not be empty/],
    ['nospecialchars%^=@', /name part must consist of alphanumeric/],
    ['cantendwithadash-', /name part must/],
    ['-cantstartwithadash-', /name part must/],
    ['-a', /name part must/],
    ['a-', /name part must/],
    ['_a', /name part must/],
    ['a.', /name part must/],
    ['only/one/slash', /single '\/'/],
    ['a/b/c', /more than one '\/'/],
    ['Example.com/abc', /prefix part must be a lowercase DNS subdomain/],
    ['example_com/abc', /prefix part must be a lowercase DNS subdomain/],
    ['../x', /prefix part must be a lowercase DNS subdomain/],
    ['example.com/', /name part must not be empty/],
    ['/simple', /prefix part must not be empty/],
    [r('a', 64), /name part must be no more than 63 characters \(it has 64\)/],
    [`${r('a', 254)}/abc`, /prefix part must be no more than 253 characters \(it has 254\)/],
    ['a b', /name part must/],
    ['example.com/a b', /name part must/],
    ['exa mple.com/ab', /prefix part/],
    ['-example.com/ab', /prefix part/],
    ['example..com/ab', /prefix part/],
    ['example.com./ab', /prefix part/],
    ['ā', /name part must/],
  ])('rejects %j', (k, message) => {
    const errors = labelKeyErrors(k);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(message);
    const parsed = labelKeySchema.safeParse(k);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toEqual(errors);
  });

  it('reports every problem at once, as the API server does', () => {
    expect(labelKeyErrors(`Bad_Prefix/${r('x', 64)}-`)).toHaveLength(3);
  });

  it('counts bytes like Go: 32 two-byte characters are too long', () => {
    expect(labelKeyErrors(r('é', 32)).join()).toMatch(/it has 64 bytes/);
  });

  it('agrees with the selector parser on every key made of key characters', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[-a-zA-Z0-9./_]{0,80}$/), (k) => {
        fc.pre(k !== '');
        expect(parseSelector(k).ok).toBe(labelKeyErrors(k).length === 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts every name the documented pattern generates', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^([a-z0-9]([-a-z0-9]{0,10}[a-z0-9])?\.){0,3}[a-z0-9]{1,10}$/),
        fc.stringMatching(/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/),
        (prefix, name) => {
          expect(labelKeyErrors(name)).toEqual([]);
          expect(labelKeyErrors(`${prefix}/${name}`)).toEqual([]);
        },
      ),
    );
  });
});

describe('labelValueErrors (as IsValidLabelValue)', () => {
  it.each([
    'simple',
    'now-with-dashes',
    '1-starts-with-num',
    'end-with-num-1',
    '1234',
    r('a', 63),
    '',
    'nvidia-tesla-gpu',
    'My_Value.2',
  ])('accepts %j', (v) => {
    expect(labelValueErrors(v)).toEqual([]);
    expect(labelValueSchema.safeParse(v).success).toBe(true);
  });

  it.each([
    ['nospecialchars%^=@', /must be empty or consist of alphanumeric/],
    ['Tama-nui-te-rā.is.Māori.sun', /alphanumeric/],
    ['\\backslashes\\are\\bad', /alphanumeric/],
    ['-starts-with-dash', /start and end/],
    ['ends-with-dash-', /start and end/],
    ['.starts.with.dot', /start and end/],
    ['ends.with.dot.', /start and end/],
    [r('a', 64), /no more than 63 characters \(it has 64\)/],
    [r('v', 300), /it has 300/],
    ['a b', /alphanumeric/],
    ['a/b', /alphanumeric/],
    ['a=b', /alphanumeric/],
  ])('rejects %j', (v, message) => {
    expect(labelValueErrors(v).join('\n')).toMatch(message);
    expect(labelValueSchema.safeParse(v).success).toBe(false);
  });

  it('a 300-character value with a bad character gets both errors', () => {
    expect(labelValueErrors(`${r('v', 299)}-`)).toHaveLength(2);
  });
});

describe('taints', () => {
  it('accepts what the API server accepts', () => {
    for (const t of [
      { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' },
      { key: 'dedicated', effect: 'NoExecute' },
      { key: 'a', value: '', effect: 'PreferNoSchedule' },
    ]) {
      expect(taintErrors(t)).toEqual([]);
      expect(taintSchema.safeParse(t).success).toBe(true);
    }
  });

  it('names the field at fault', () => {
    expect(taintErrors({ key: 'a/b/c', value: 'x y', effect: 'Sometimes' })).toEqual([
      expect.stringMatching(/^key: must be a name with an optional DNS subdomain prefix/),
      expect.stringMatching(/^value: must be empty or consist/),
      'effect: "Sometimes" is not supported: must be NoSchedule, PreferNoSchedule or NoExecute',
    ]);
    expect(taintErrors({ key: 'k', effect: '' })).toEqual([
      'effect: is required: NoSchedule, PreferNoSchedule or NoExecute',
    ]);
  });

  it('the schema reports the same problems with their paths', () => {
    const bad = taintSchema.safeParse({ key: '', value: '-x', effect: 'Never' });
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['key', 'must not be empty'],
      ['value', expect.stringMatching(/start and end with an alphanumeric/)],
      ['effect', '"Never" is not supported: must be NoSchedule, PreferNoSchedule or NoExecute'],
    ]);
    expect(taintSchema.safeParse({ key: 'k' }).error?.issues[0]?.message).toBe(
      'is required: NoSchedule, PreferNoSchedule or NoExecute',
    );
    expect(taintSchema.safeParse({ key: 'k', effect: 'NoSchedule', timeAdded: 'x' }).success).toBe(false);
  });

  it('a taint list is unique by key and effect', () => {
    const list = [
      { key: 'a', value: '1', effect: 'NoSchedule' },
      { key: 'a', value: '2', effect: 'NoExecute' },
      { key: 'a', value: '3', effect: 'NoSchedule' },
    ];
    expect(taintListErrors(list)).toEqual([
      'taints[2]: taints must be unique by key and effect; a:NoSchedule appears twice',
    ]);
    expect(taintListSchema.safeParse(list).error?.issues[0]?.path).toEqual([2]);
    expect(taintListErrors([{ key: 'x/', effect: 'NoSchedule' }])).toEqual([
      "taints[0].key: name part must not be empty: add a name after the '/'",
    ]);
  });
});

describe('systemLabelWarning', () => {
  it.each([
    ['kubernetes.io/hostname', /set by the kubelet/],
    ['node.kubernetes.io/instance-type', /set by the kubelet/],
    ['node-role.kubernetes.io/gpu', /reserved for Kubernetes \(node-role\.kubernetes\.io\)/],
    ['kubernetes.io/custom', /reserved for Kubernetes/],
    ['topology.kubernetes.io/zone', /kubelet/],
    ['k8s.io/x', /reserved/],
    ['something.k8s.io/x', /reserved/],
    ['feature.node.kubernetes.io/pci-10de.present', /Node Feature Discovery/],
    ['feature.node.kubernetes.io/cpu-model.vendor_id', /Node Feature Discovery/],
    ['nvidia.com/gpu.product', /GPU Feature Discovery/],
    ['nvidia.com/gpu.count', /GPU Feature Discovery/],
    ['nvidia.com/gpu.deploy.driver', /GPU Operator/],
    ['nvidia.com/gpu.workload.config', /GPU Operator/],
  ])('warns about %j', (k, message) => expect(systemLabelWarning(k)).toMatch(message));

  it.each([
    'accelerator',
    'example.com/gpu',
    'notkubernetes.io/x',
    'kubernetes.io.evil.com/x',
    'nvidia.com/gpu',
    'nvidia.com/mig.config',
    'imagepod.io/role',
    'a/b/c',
  ])('stays quiet for %j', (k) => expect(systemLabelWarning(k)).toBeNull());
});

describe('planLabelEdits', () => {
  const node = (name: string, labels?: Record<string, string>) => ({ metadata: { name, labels } });
  const nodes = [
    node('gpu-1', { accelerator: 'nvidia-tesla-gpu', zone: 'a' }),
    node('gpu-2', { accelerator: 'other', old: 'x' }),
    node('cpu-1'),
  ];
  const edits: LabelEdit[] = [
    { op: 'set', key: 'accelerator', value: 'nvidia-tesla-gpu' },
    { op: 'remove', key: 'old' },
  ];

  it('patches only what changes, skips nodes where nothing does', () => {
    expect(planLabelEdits(nodes, edits)).toEqual([
      {
        node: 'gpu-2',
        patch: { metadata: { labels: { accelerator: 'nvidia-tesla-gpu', old: null } } },
        changes: [
          { key: 'accelerator', kind: 'changed', before: 'other', after: 'nvidia-tesla-gpu' },
          { key: 'old', kind: 'removed', before: 'x' },
        ],
      },
      {
        node: 'cpu-1',
        patch: { metadata: { labels: { accelerator: 'nvidia-tesla-gpu' } } },
        changes: [
          { key: 'accelerator', kind: 'added', after: 'nvidia-tesla-gpu' },
          { key: 'old', kind: 'unchanged' },
        ],
      },
    ]);
  });

  it('lists unchanged keys beside changed ones, and an empty value is a value', () => {
    const [plan] = planLabelEdits(
      [node('n', { a: '1' })],
      [
        { op: 'set', key: 'a', value: '1' },
        { op: 'set', key: 'b', value: '' },
      ],
    );
    expect(plan?.changes).toEqual([
      { key: 'a', kind: 'unchanged', value: '1' },
      { key: 'b', kind: 'added', after: '' },
    ]);
    expect(plan?.patch).toEqual({ metadata: { labels: { b: '' } } });
  });

  it('does not read inherited properties as labels', () => {
    expect(planLabelEdits([node('n', {})], [{ op: 'remove', key: 'toString' }])).toEqual([]);
    expect(planLabelEdits([node('n', {})], [{ op: 'set', key: 'constructor', value: 'x' }])[0]?.changes[0]?.kind).toBe(
      'added',
    );
  });

  const labelsArb = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.constantFrom('', '1', '2'));
  const editArb: fc.Arbitrary<LabelEdit> = fc.oneof(
    fc.record({
      op: fc.constant('set' as const),
      key: fc.constantFrom('a', 'b', 'c', 'e'),
      value: fc.constantFrom('', '1', '3'),
    }),
    fc.record({ op: fc.constant('remove' as const), key: fc.constantFrom('a', 'b', 'c', 'e') }),
  );
  const uniqueEdits = fc.uniqueArray(editArb, { selector: (e) => e.key, maxLength: 4 });

  it('the merge patch turns the labels into the edited labels, and a second plan is empty', () => {
    fc.assert(
      fc.property(fc.array(labelsArb, { maxLength: 4 }), uniqueEdits, (labelSets, es) => {
        const ns = labelSets.map((labels, i) => node(`n${i}`, labels));
        const plans = planLabelEdits(ns, es);
        const after = ns.map((n) => {
          const plan = plans.find((p) => p.node === n.metadata.name);
          const merged: Record<string, string> = { ...n.metadata.labels };
          for (const [k, v] of Object.entries(plan?.patch.metadata.labels ?? {})) {
            if (v === null) delete merged[k];
            else merged[k] = v;
          }
          expect(merged).toEqual(applyLabelEdits(n.metadata.labels, es));
          expect(plan === undefined).toBe(isDeepStrictEqual(merged, { ...n.metadata.labels }));
          return node(n.metadata.name, merged);
        });
        expect(planLabelEdits(after, es)).toEqual([]);
      }),
    );
  });

  it('the edits schema refuses a key edited twice, and bad keys or values', () => {
    expect(
      labelEditsSchema.safeParse([
        { op: 'set', key: 'a', value: '1' },
        { op: 'remove', key: 'a' },
      ]).error?.issues[0],
    ).toMatchObject({ path: [1, 'key'], message: 'label a is edited more than once' });
    expect(labelEditsSchema.safeParse([{ op: 'set', key: 'a b', value: '1' }]).error?.issues[0]?.path).toEqual([
      0,
      'key',
    ]);
    expect(labelEditsSchema.safeParse([{ op: 'set', key: 'a', value: r('v', 300) }]).error?.issues[0]?.path).toEqual([
      0,
      'value',
    ]);
    expect(labelEditsSchema.safeParse([{ op: 'remove', key: 'a', value: '1' }]).success).toBe(false);
    expect(
      labelEditsSchema.safeParse([
        { op: 'set', key: 'accelerator', value: 'nvidia-tesla-gpu' },
        { op: 'remove', key: 'old' },
      ]).data,
    ).toHaveLength(2);
  });
});
