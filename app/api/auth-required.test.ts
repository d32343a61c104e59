import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';

/**
 * Every /api route needs a session — found from the filesystem, so a route added tomorrow is
 * covered without touching this test. The only exceptions are listed here, on purpose.
 */
const PUBLIC = new Set([
  'GET /api/healthz', // liveness probe: says "ok", nothing about the cluster
  'GET /api/readyz', // readiness probe: says "ready" or not
  'POST /api/auth/login', // sign in with a token
  'POST /api/auth/logout', // clears the cookie; harmless without a session
  'GET /api/auth/local', // local mode's one-time link (404 in a cluster)
  'GET /api/auth/oidc/start', // OIDC redirect to the issuer
  'GET /api/auth/oidc/callback', // OIDC code exchange
]);
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? routeFiles(p) : d.name === 'route.ts' ? [p] : [];
  });
}

const apiDir = path.resolve(__dirname);
const routes = routeFiles(apiDir).map((file) => {
  const rel = path.relative(path.dirname(apiDir), path.dirname(file)).split(path.sep).join('/');
  const params: Record<string, string> = {};
  const urlPath = `/${rel}`.replace(/\[([^\]]+)\]/g, (_, name: string) => {
    params[name] = name === 'kind' ? 'deployments' : 'x';
    return params[name]!;
  });
  return { file, pattern: `/${rel}`, urlPath, params };
});

describe('every /api route without a session', () => {
  it('finds the routes', () => {
    expect(routes.length).toBeGreaterThanOrEqual(10);
  });

  for (const r of routes) {
    it(`${r.pattern} answers 401 (or is a listed public route)`, async () => {
      const mod = (await import(r.file)) as Partial<
        Record<(typeof METHODS)[number], (req: NextRequest, seg: { params: Promise<unknown> }) => Promise<Response>>
      >;
      const methods = METHODS.filter((m) => typeof mod[m] === 'function');
      expect(methods.length, `${r.pattern} exports no handler`).toBeGreaterThan(0);
      for (const m of methods) {
        if (PUBLIC.has(`${m} ${r.pattern}`)) continue;
        const write = m !== 'GET';
        const req = new NextRequest(new URL(`http://127.0.0.1${r.urlPath}`), {
          method: m,
          headers: {
            host: '127.0.0.1',
            ...(write ? { origin: 'http://127.0.0.1', 'content-type': 'application/json' } : {}),
          },
          body: write ? '{}' : undefined,
        });
        const res = await mod[m]!(req, { params: Promise.resolve(r.params) });
        expect(res.status, `${m} ${r.pattern}`).toBe(401);
        const body = (await res.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe('UNAUTHENTICATED');
      }
    });
  }
});
