import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, deploySettingsSchema, splitLabel, type DeploySettings } from './settings';

const IMAGE_MSG = 'not a valid image reference (e.g. imagepod/api:0.1.0)';
const WORKER_MSG = 'not a valid image reference (e.g. imagepod/gpu-worker:0.1.0)';
const REGISTRY_MSG = 'not a registry host (e.g. registry.example.com:5000/mirror)';
const SIZE_MSG = 'a size such as 10Gi';
const RANGE_MSG = 'between 1Gi and 64Ti';
const HOST_MSG = 'a DNS name such as imagepod.example.com (lower case)';
const LABEL_MSG = 'key=value, e.g. accelerator=nvidia-tesla-gpu';
const NAME_RULE =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', 'my.name' or '123-abc')";
const VALUE_RULE =
  "must be empty or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', 'my_value' or '12345')";

const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;

/** The issues of the settings with one field replaced, as [path, message] pairs. */
function issuesWith(field: keyof DeploySettings | string, value: unknown): [string, string][] {
  const r = deploySettingsSchema.safeParse({ ...DEFAULT_SETTINGS, [field]: value });
  return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
}

describe('DEFAULT_SETTINGS', () => {
  it("are valid and are the seed's values", () => {
    expect(deploySettingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toEqual({
      registry: '',
      apiImage: 'imagepod/api:0.1.0',
      workerImage: 'imagepod/gpu-worker:0.1.0',
      apiReplicas: 2,
      postgresStorage: '10Gi',
      ingressHost: 'imagepod.local',
      gpuNodeLabel: 'accelerator=nvidia-tesla-gpu',
    });
  });

  it('refuses unknown and missing fields', () => {
    const extra = deploySettingsSchema.safeParse({ ...DEFAULT_SETTINGS, force: true });
    expect(extra.error?.issues.map((i) => i.code)).toEqual(['unrecognized_keys']);
    const missing: Partial<DeploySettings> = { ...DEFAULT_SETTINGS };
    delete missing.apiReplicas;
    expect(deploySettingsSchema.safeParse(missing).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['apiReplicas', 'a whole number from 1 to 50'],
    ]);
  });
});

describe('image references (apiImage, workerImage)', () => {
  it.each([
    'imagepod/api:0.1.0',
    'imagepod/api',
    'api',
    'postgres:15.13-bookworm',
    'registry.example.com/team/api:1.2.3',
    'registry.example.com:5000/team/api:1.2.3',
    'localhost:5000/api:dev',
    '10.0.0.5:5000/imagepod/api:0.1.0',
    `imagepod/api@${DIGEST}`,
    `imagepod/api:0.1.0@${DIGEST}`,
    `registry.example.com:5000/a/b/c:v1@${DIGEST}`,
    'nvcr.io/nvidia/k8s/dcgm-exporter:4.2.3-4.1.3-ubuntu22.04',
    'my_org/my__api/with-dash.dot:Tag_1.0-RC',
    'Registry.Example.com/team/api:1', // the host part may be upper case
    'UPPER/case:1', // as distribution reads it: an upper-case first part is a host
    `imagepod/api:${'t'.repeat(128)}`, // longest tag
  ])('accepts %j', (image) => {
    expect(issuesWith('apiImage', image)).toEqual([]);
    expect(issuesWith('workerImage', image)).toEqual([]);
  });

  it.each([
    ['UPPER/Case:1', 'upper-case repository'],
    ['imagepod/API:1', 'upper-case repository'],
    ['imagepod/api:bad tag', 'space in the tag'],
    ['imagepod /api', 'space in the name'],
    [' imagepod/api', 'leading space'],
    ['imagepod/api:0.1.0 ', 'trailing space'],
    [`imagepod/api:${'t'.repeat(129)}`, 'tag of 129 characters'],
    ['imagepod/api:-x', 'tag starting with -'],
    ['imagepod/api:', 'empty tag'],
    ['imagepod/api@sha256:abc', 'short digest'],
    [`imagepod/api@sha256:${'A'.repeat(64)}`, 'upper-case digest'],
    ['https://registry.example.com/api:1', 'URL scheme'],
    ['registry.example.com:port/api', 'non-numeric port'],
    ['-registry.example.com/api', 'host starting with -'],
    ['imagepod//api', 'empty path component'],
    ['imagepod/api/', 'trailing slash'],
    ['imagepod/-api', 'component starting with -'],
    ['imagepod/api_', 'component ending with _'],
    ['imagepod/a___b', 'three underscores'],
  ])('rejects %j (%s) with the field named', (image) => {
    expect(issuesWith('apiImage', image)).toEqual([['apiImage', IMAGE_MSG]]);
    expect(issuesWith('workerImage', image)).toEqual([['workerImage', WORKER_MSG]]);
  });

  it('requires a value, and at most 512 characters', () => {
    expect(issuesWith('apiImage', '')).toEqual([
      ['apiImage', 'required'],
      ['apiImage', IMAGE_MSG],
    ]);
    expect(issuesWith('apiImage', `${'a/'.repeat(256)}b`).map(([p]) => p)).toContain('apiImage');
    expect(issuesWith('apiImage', 1)).toHaveLength(1);
  });
});

describe('registry', () => {
  it.each([
    '',
    'registry.example.com',
    'registry.example.com:5000',
    'registry.example.com/mirror',
    'registry.example.com:5000/mirror/deep',
    'localhost:5000',
    '10.0.0.5:5000',
    'Registry.Example.COM',
  ])('accepts %j', (registry) => {
    expect(issuesWith('registry', registry)).toEqual([]);
  });

  it.each([
    'https://registry.example.com',
    'registry.example.com/',
    '/mirror',
    'registry.example.com/Mirror',
    'registry example.com',
    'registry.example.com:abc',
    'registry.example.com/mirror:tag',
    '-registry.example.com',
    'registry..example.com',
    `${'a'.repeat(256)}`,
  ])('rejects %j', (registry) => {
    expect(issuesWith('registry', registry).map(([p]) => p)).toEqual(['registry']);
    if (registry.length <= 255) expect(issuesWith('registry', registry)).toEqual([['registry', REGISTRY_MSG]]);
  });
});

describe('apiReplicas', () => {
  it.each([1, 2, 50])('accepts %j', (n) => {
    expect(issuesWith('apiReplicas', n)).toEqual([]);
  });

  it.each([
    [0, 'a whole number from 1 to 50'],
    [-1, 'a whole number from 1 to 50'],
    [51, 'a whole number from 1 to 50'],
    [1e9, 'a whole number from 1 to 50'],
    [2.5, 'a whole number from 1 to 50'],
    ['3', 'a whole number from 1 to 50'],
    ['abc', 'a whole number from 1 to 50'],
    [null, 'a whole number from 1 to 50'],
    [Number.NaN, 'a whole number from 1 to 50'],
    [Number.POSITIVE_INFINITY, 'a whole number from 1 to 50'],
  ])('rejects %j: %s', (n, message) => {
    expect(issuesWith('apiReplicas', n)).toEqual([['apiReplicas', message]]);
  });
});

describe('postgresStorage', () => {
  it.each(['1Gi', '10Gi', '1.5Gi', '512Gi', '64Ti', '2T', '1073741824', '1048576Ki', '2G'])('accepts %j', (q) => {
    expect(issuesWith('postgresStorage', q)).toEqual([]);
  });

  it.each([
    ['1Mi', RANGE_MSG],
    ['1023Mi', RANGE_MSG],
    ['1G', RANGE_MSG], // 10^9 bytes is less than 1Gi
    ['65Ti', RANGE_MSG],
    ['1Pi', RANGE_MSG],
    ['0', RANGE_MSG],
    ['lots', SIZE_MSG],
    ['10GB', SIZE_MSG],
    ['10gi', SIZE_MSG],
    ['10 Gi', SIZE_MSG],
    [' 10Gi', SIZE_MSG],
    ['', SIZE_MSG],
    ['-10Gi', SIZE_MSG],
    ['1e10', SIZE_MSG],
    ['.5Ti', SIZE_MSG],
  ])('rejects %j: %s', (q, message) => {
    expect(issuesWith('postgresStorage', q)).toEqual([['postgresStorage', message]]);
  });

  it('rejects more than 32 characters', () => {
    expect(issuesWith('postgresStorage', `${'1'.repeat(31)}Gi`).map(([p]) => p)).toContain('postgresStorage');
  });
});

describe('ingressHost', () => {
  it.each(['imagepod.local', 'imagepod.example.com', 'a', 'panel-1.lab.example.com', 'x'.repeat(245)])(
    'accepts %j',
    (h) => {
      expect(issuesWith('ingressHost', h)).toEqual([]);
    },
  );

  it.each([
    ['Not A Host', [HOST_MSG]],
    ['Imagepod.local', [HOST_MSG]],
    ['imagepod.local.', [HOST_MSG]],
    ['-imagepod.local', [HOST_MSG]],
    ['imagepod..local', [HOST_MSG]],
    ['imagepod_local', [HOST_MSG]],
    ['*.imagepod.local', [HOST_MSG]],
    ['http://imagepod.local', [HOST_MSG]],
    ['imagepod.local:8080', [HOST_MSG]],
    ['', ['required', HOST_MSG]],
  ])('rejects %j', (h, messages) => {
    expect(issuesWith('ingressHost', h)).toEqual(messages.map((m) => ['ingressHost', m]));
  });

  it('rejects more than 253 characters', () => {
    expect(issuesWith('ingressHost', 'x'.repeat(254)).map(([p]) => p)).toEqual(['ingressHost']);
  });
});

describe('gpuNodeLabel', () => {
  it.each([
    'accelerator=nvidia-tesla-gpu',
    'nvidia.com/gpu.present=true',
    'node-role.kubernetes.io/gpu=',
    'accelerator=', // an empty value is a valid label value (nodeSelector matches it)
    'Accelerator=NVIDIA_A100',
    `${'k'.repeat(63)}=${'v'.repeat(63)}`,
  ])('accepts %j', (label) => {
    expect(issuesWith('gpuNodeLabel', label)).toEqual([]);
  });

  it.each([
    ['a b=c', [NAME_RULE]],
    ['no-equals-sign', [LABEL_MSG]],
    ['', [LABEL_MSG]],
    ['=value', ['must not be empty']],
    ['a=b=c', [VALUE_RULE]], // the first '=' splits: the value "b=c" is invalid
    ['a=b c', [VALUE_RULE]],
    ['a=-b', [VALUE_RULE]],
    ['Example.com/gpu=1', [expect.stringMatching(/^prefix part must be a lowercase DNS subdomain/)]],
    ['a/b/c=1', [expect.stringMatching(/more than one '\/'/)]],
    ['example.com/=1', [expect.stringMatching(/^name part must not be empty/)]],
    [`${'k'.repeat(64)}=v`, ['name part must be no more than 63 characters (it has 64)']],
    [`k=${'v'.repeat(64)}`, ['must be no more than 63 characters (it has 64)']],
  ])('rejects %j', (label, messages) => {
    expect(issuesWith('gpuNodeLabel', label)).toEqual(messages.map((m) => ['gpuNodeLabel', m]));
  });

  it('reports key and value problems together', () => {
    expect(issuesWith('gpuNodeLabel', 'a b=c d')).toEqual([
      ['gpuNodeLabel', NAME_RULE],
      ['gpuNodeLabel', VALUE_RULE],
    ]);
  });
});

/** Values the cluster would refuse half-way through a deploy (stage 6, or at image pull): a 400 first. */
describe('refused here, not half-way through a deploy by the cluster', () => {
  it('ingressHost: an IP address (the API server: "must be a DNS name, not an IP address")', () => {
    expect(issuesWith('ingressHost', '10.0.0.1').map(([p]) => p)).toEqual(['ingressHost']);
  });

  it("ingressHost: 246–253 characters, so that Grafana's `grafana.<host>` exceeds 253 (the API server refuses that Ingress)", () => {
    expect(
      issuesWith('ingressHost', `${'x'.repeat(63)}.${'x'.repeat(63)}.${'x'.repeat(63)}.${'x'.repeat(56)}`).map(
        ([p]) => p,
      ),
    ).toEqual(['ingressHost']);
  });

  it('registry: a single name without a dot, a port or "localhost" is no host (`mirror/imagepod/api` is pulled from Docker Hub)', () => {
    expect(issuesWith('registry', 'mirror').map(([p]) => p)).toEqual(['registry']);
  });
});

describe('every invalid field is named, all at once', () => {
  it('reports each bad field by its own path', () => {
    const r = deploySettingsSchema.safeParse({
      registry: 'https://x',
      apiImage: 'A/B',
      workerImage: '',
      apiReplicas: -1,
      postgresStorage: 'lots',
      ingressHost: 'Not A Host',
      gpuNodeLabel: 'a b=c',
    });
    expect([...new Set(r.error?.issues.map((i) => i.path.join('.')))].sort()).toEqual([
      'apiImage',
      'apiReplicas',
      'gpuNodeLabel',
      'ingressHost',
      'postgresStorage',
      'registry',
      'workerImage',
    ]);
  });
});

describe('splitLabel', () => {
  it.each([
    ['accelerator=nvidia-tesla-gpu', ['accelerator', 'nvidia-tesla-gpu']],
    ['nvidia.com/gpu.present=true', ['nvidia.com/gpu.present', 'true']],
    ['a=', ['a', '']],
    ['a=b=c', ['a', 'b=c']],
  ])('%j → %j', (s, parts) => {
    expect(splitLabel(s)).toEqual(parts);
  });

  it('round-trips every valid label', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9]([a-z0-9.-]{0,20}[a-z0-9])?$/),
        fc.stringMatching(/^([A-Za-z0-9]([A-Za-z0-9_.-]{0,20}[A-Za-z0-9])?)?$/),
        (k, v) => {
          const label = `${k}=${v}`;
          expect(splitLabel(label)).toEqual([k, v]);
          expect(deploySettingsSchema.safeParse({ ...DEFAULT_SETTINGS, gpuNodeLabel: label }).success).toBe(true);
        },
      ),
    );
  });
});
