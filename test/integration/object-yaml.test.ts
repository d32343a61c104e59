/**
 * GET /api/objects/yaml on the devcluster: read with the user's own credentials (Kubernetes'
 * 403 and 404 pass through), a Secret's values never in the answer, managedFields folded away
 * and named as field managers, hostile queries refused.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObjectYaml } from '@/lib/object-yaml/types';
import { webDeployment } from '../builders/manifests';
import { KUBECONFIG, TestUsers, apply, callRoute, createNamespace, kubectl, signIn, uniqueName } from './helpers';

process.env.KUBECONFIG = KUBECONFIG;
delete process.env.KUBERNETES_SERVICE_HOST;

const { GET } = await import('@/app/api/objects/yaml/route');

const users = new TestUsers();
const NS = uniqueName('it-yaml');
const VALUE = `s3cret-${randomBytes(8).toString('hex')}`;
const STRING_VALUE = `plain-${randomBytes(8).toString('hex')}`;
const B64 = Buffer.from(VALUE).toString('base64');
const cookies = { admin: '', viewer: '' };

const read = (cookie: string, query: string) => callRoute<ObjectYaml>(GET, `/api/objects/yaml?${query}`, { cookie });

beforeAll(async () => {
  await users.create();
  await createNamespace(NS);
  // kubectl apply (client side): the last-applied annotation holds the whole Secret, values included.
  await apply({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'creds', namespace: NS },
    data: { password: B64 },
    stringData: { token: STRING_VALUE },
  });
  await apply(webDeployment(NS));
  cookies.admin = await signIn(await users.token('admin'));
  cookies.viewer = await signIn(await users.token('viewer'));
});

afterAll(async () => {
  await kubectl(['delete', 'namespace', NS, '--wait=false']);
  await users.remove();
});

describe('object YAML on the devcluster', () => {
  it('a Secret read as admin shows its keys, never a value (base64 or decoded), last-applied included', async () => {
    const a = await read(cookies.admin, `kind=Secret&namespace=${NS}&name=creds`);
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    expect(a.body.redacted).toBe(true);
    expect(a.body.yaml).toContain(
      `data:\n  password: (hidden, ${VALUE.length} bytes)\n  token: (hidden, ${STRING_VALUE.length} bytes)\n`,
    );
    expect(a.body.yaml).toContain('kubectl.kubernetes.io/last-applied-configuration: (hidden,');
    const whole = JSON.stringify(a.body);
    const b64String = Buffer.from(STRING_VALUE).toString('base64');
    for (const secret of [VALUE, B64, STRING_VALUE, b64String]) expect(whole).not.toContain(secret);
    // The secret really holds them: the test would see them if the panel leaked.
    const raw = await kubectl(['get', 'secret', 'creds', '-n', NS, '-o', 'json']);
    expect(raw).toContain(B64);
    expect(raw).toContain(b64String);
  });

  it('a viewer (cluster view: no secrets) gets 403 for a Secret, 200 for the Deployment', async () => {
    const s = await read(cookies.viewer, `kind=Secret&namespace=${NS}&name=creds`);
    expect(s.status).toBe(403);
    expect(s.body.error?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(s.body)).not.toContain(B64);
    const d = await read(cookies.viewer, `kind=Deployment&namespace=${NS}&name=web`);
    expect(d.status).toBe(200);
  });

  it('a Deployment’s YAML has no managedFields; its managers name kubectl-client-side-apply with readable paths', async () => {
    const a = await read(cookies.admin, `kind=Deployment&namespace=${NS}&name=web`);
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    expect(a.body).toMatchObject({ kind: 'Deployment', apiVersion: 'apps/v1', namespace: NS, name: 'web' });
    expect(a.body.yaml).not.toContain('managedFields');
    expect(a.body.yaml).toMatch(/^apiVersion: apps\/v1\nkind: Deployment\nmetadata:\n/);
    const kubectlApply = a.body.managers.find((m) => m.manager === 'kubectl-client-side-apply');
    expect(kubectlApply, JSON.stringify(a.body.managers)).toBeDefined();
    expect(kubectlApply!.fields).toContain('spec.replicas');
    expect(kubectlApply!.fields).toContain('spec.template.spec.containers[name=main].image');
    // Read twice, the same object gives the same text (sorted keys, stable).
    const again = await read(cookies.admin, `kind=Deployment&namespace=${NS}&name=web`);
    if (again.body.resourceVersion === a.body.resourceVersion) expect(again.body.yaml).toBe(a.body.yaml);
  });

  it('a Node (cluster-scoped) reads without a namespace', async () => {
    const node = (await kubectl(['get', 'nodes', '-o', 'name'])).trim().split('\n')[0]!.replace('node/', '');
    const a = await read(cookies.admin, `kind=Node&name=${node}`);
    // The built-in view role does not cover nodes: Kubernetes says so, the panel passes it on.
    expect((await read(cookies.viewer, `kind=Node&name=${node}`)).status).toBe(403);
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    expect(a.body.namespace).toBeNull();
    expect(a.body.yaml).toContain(`name: ${node}`);
    expect(a.body.managers.length).toBeGreaterThan(0);
  });

  it('a missing object is a 404; the signed-out a 401', async () => {
    const a = await read(cookies.admin, `kind=Deployment&namespace=${NS}&name=nope`);
    expect(a.status).toBe(404);
    expect(a.body.error?.code).toBe('NOT_FOUND');
    expect((await read(cookies.admin, `kind=Secret&namespace=${NS}-none&name=creds`)).status).toBe(404);
    expect((await read('', `kind=Secret&namespace=${NS}&name=creds`)).status).toBe(401);
  });

  it('an object whose YAML passes 1 MiB is a clear 413', async () => {
    // 300 000 control characters: 300 kB stored, each written as a 4-character escape in YAML.
    const big = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'big', namespace: NS },
      data: { x: '\u0001'.repeat(300_000) },
    };
    await kubectl(['create', '-f', '-'], JSON.stringify(big));
    const a = await read(cookies.admin, `kind=ConfigMap&namespace=${NS}&name=big`);
    expect(a.status).toBe(413);
    expect(a.body.error?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(a.body.error?.message).toMatch(/KiB as YAML, more than the panel shows \(1024 KiB\)/);
  });

  it('hostile or incomplete queries are a 400 before anything is read', async () => {
    for (const q of [
      `kind=ClusterRole&name=admin`,
      `kind=secret&namespace=${NS}&name=creds`,
      `kind=Secret&name=creds`,
      `kind=Node&namespace=${NS}&name=x`,
      `kind=Secret&namespace=${NS}&name=../../secrets`,
      `kind=Secret&namespace=${encodeURIComponent('a/b')}&name=creds`,
      `kind=Secret&namespace=${NS}&name=${'a'.repeat(254)}`,
      `kind=Secret&namespace=${NS}&name=creds&name=x`,
      `kind=Secret&namespace=${NS}&name=creds&extra=1`,
      `namespace=${NS}&name=creds`,
    ]) {
      const a = await read(cookies.admin, q);
      expect(a.status, q).toBe(400);
      expect(a.body.error?.code, q).toBe('BAD_REQUEST');
      expect(JSON.stringify(a.body), q).not.toContain(B64);
    }
  });
});
