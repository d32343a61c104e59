import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { feedback, silent, toastFor, type Toast } from './mutation-feedback';
import { makeQueryClient } from './query-client';

const scale = feedback<unknown, number>({
  action: (n) => `Scale Deployment team-a/web to ${n}`,
  success: (_d, n) => ({ title: `Deployment team-a/web scaled to ${n}`, href: '/workloads/deployments/team-a/web' }),
  href: () => '/workloads/deployments/team-a/web',
});

describe('toastFor', () => {
  it('says a success with its link', () => {
    expect(toastFor(scale, { ok: true, data: {}, vars: 3 })).toEqual({
      tone: 'success',
      title: 'Deployment team-a/web scaled to 3',
      href: '/workloads/deployments/team-a/web',
    });
  });

  it('says a refusal as the missing right, titled with the action', () => {
    const e = new ApiError(
      403,
      'FORBIDDEN',
      'deployments.apps "web" is forbidden: User "bob" cannot patch resource "deployments/scale" in API group "apps" in the namespace "team-a"',
    );
    expect(toastFor(scale, { ok: false, error: e, vars: 0 })).toEqual({
      tone: 'error',
      title: 'Could not scale Deployment team-a/web to 0',
      description: 'Kubernetes refused: your rights lack `patch deployments/scale` in `team-a`.',
      href: '/workloads/deployments/team-a/web',
    });
  });

  it('says nothing for a silent mutation or one without meta', () => {
    expect(toastFor(silent('a dry run'), { ok: true, data: {}, vars: 1 })).toBeNull();
    expect(toastFor(undefined, { ok: false, error: new Error('x'), vars: 1 })).toBeNull();
  });
});

describe('the QueryClient tells every finished mutation once', () => {
  it('calls notify with the success and the failure of mutations that carry feedback', async () => {
    const seen: Toast[] = [];
    const client = makeQueryClient((t) => seen.push(t));
    const cache = client.getMutationCache();
    await cache.build(client, { mutationFn: async (n: number) => ({ n }), meta: scale }).execute(2);
    await cache
      .build(client, {
        mutationFn: async () => {
          throw new ApiError(503, 'UNAVAILABLE', 'connect ECONNREFUSED 127.0.0.1:6443');
        },
        meta: scale,
      })
      .execute(1)
      .catch(() => undefined);
    await cache.build(client, { mutationFn: async () => 1, meta: silent('shown in place') }).execute(undefined);
    expect(seen.map((t) => [t.tone, t.title])).toEqual([
      ['success', 'Deployment team-a/web scaled to 2'],
      ['error', 'Could not scale Deployment team-a/web to 1'],
    ]);
    expect(seen[1]!.description).toMatch(/cannot be reached/);
  });
});

describe('every mutation says how it reports', () => {
  it('has meta feedback or silent(reason) in each useMutation call of the browser code', async () => {
    const { readFileSync } = await import('node:fs');
    const { execFileSync } = await import('node:child_process');
    const files = execFileSync('git', ['grep', '-l', 'useMutation<', '--', 'lib', 'components', 'app'], {
      encoding: 'utf8',
    })
      .split('\n')
      .filter((f) => f && !f.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const calls = text.split('useMutation<').length - 1;
      const metas = (text.match(/meta: (feedback|silent)\b/g) ?? []).length;
      expect({ file: f, metas }).toEqual({ file: f, metas: calls });
    }
  });
});
