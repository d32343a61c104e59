/**
 * The cluster's list of signed-out sessions (lib/server/auth/revocations.ts) on the real API
 * server, in a namespace of its own: created at the first sign-out when the kubeconfig may (local
 * mode), concurrent sign-outs on several replicas all kept (409 → read again, merge), hand-edited
 * garbage ignored and pruned, and a missing namespace a clear failure that still signs out here.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REVOCATIONS_NAME, RevocationSync, configMapStore } from '@/lib/server/auth/revocations';
import { createNamespace, devKubeConfig, kubectl, uniqueName } from './helpers';

const ns = uniqueName('it-revocations');
const kc = devKubeConfig();
const quiet = { warn: () => {}, error: () => {} };
const newSid = () => randomBytes(12).toString('base64url');

async function stored(): Promise<Record<string, string>> {
  const cm = JSON.parse(await kubectl(['get', 'configmap', REVOCATIONS_NAME, '-n', ns, '-o', 'json'])) as {
    data?: Record<string, string>;
  };
  return cm.data ?? {};
}

describe('the list of signed-out sessions in a ConfigMap', () => {
  beforeAll(async () => {
    await createNamespace(ns);
  });
  afterAll(async () => {
    await kubectl(['delete', 'namespace', ns, '--wait=false']);
  });

  it('is created at the first sign-out when it does not exist yet', async () => {
    const sync = new RevocationSync(
      configMapStore(() => kc, ns),
      { log: quiet },
    );
    const sid = newSid();
    const exp = Date.now() + 3_600_000;
    expect(await sync.revokeEverywhere(sid, exp)).toEqual({ written: true });
    expect(await stored()).toEqual({ [sid]: new Date(exp).toISOString() });
  });

  it('keeps every one of many concurrent sign-outs on three replicas', async () => {
    const replicas = [0, 1, 2].map(
      () =>
        new RevocationSync(
          configMapStore(() => kc, ns),
          { log: quiet },
        ),
    );
    const sids = Array.from({ length: 30 }, newSid);
    const results = await Promise.all(
      sids.map((sid, i) => replicas[i % 3]!.revokeEverywhere(sid, Date.now() + 3_600_000, 20_000)),
    );
    expect(results.filter((r) => !r.written)).toEqual([]);
    const data = await stored();
    for (const sid of sids) expect(data[sid], sid).toBeDefined();
    // A fourth replica that reads it refuses them all.
    const reader = new RevocationSync(
      configMapStore(() => kc, ns),
      { log: quiet },
    );
    reader.start();
    await reader.ready();
    expect(sids.filter((sid) => !reader.isRevoked(sid))).toEqual([]);
    reader.stop();
  });

  it('ignores hand-edited garbage and prunes it, with the expired entries, on the next write', async () => {
    const expired = newSid();
    await kubectl([
      'patch',
      'configmap',
      REVOCATIONS_NAME,
      '-n',
      ns,
      '--type=merge',
      '-p',
      JSON.stringify({
        data: {
          [expired]: new Date(Date.now() - 1000).toISOString(),
          'not-a-session': 'yes',
          AAAAAAAAAAAAAAAAAAAAAA: 'tomorrow',
        },
      }),
    ]);
    const reader = new RevocationSync(
      configMapStore(() => kc, ns),
      { log: quiet },
    );
    reader.start();
    await reader.ready();
    expect(reader.isRevoked('AAAAAAAAAAAAAAAAAAAAAA')).toBe(false);
    expect(reader.isRevoked(expired)).toBe(false);
    const sid = newSid();
    expect(await reader.revokeEverywhere(sid, Date.now() + 3_600_000)).toEqual({ written: true });
    const data = await stored();
    expect(data[sid]).toBeDefined();
    for (const gone of [expired, 'not-a-session', 'AAAAAAAAAAAAAAAAAAAAAA']) expect(data[gone], gone).toBeUndefined();
    reader.stop();
  });

  it('without its namespace: the write fails with the reason, the sign-out holds on this replica', async () => {
    const sync = new RevocationSync(
      configMapStore(() => kc, uniqueName('it-no-such-ns')),
      { log: quiet },
    );
    const sid = newSid();
    const out = await sync.revokeEverywhere(sid, Date.now() + 3_600_000);
    expect(out.written).toBe(false);
    expect(out.error).toMatch(/not found/i);
    expect(sync.isRevoked(sid)).toBe(true);
    sync.stop();
  });
});
