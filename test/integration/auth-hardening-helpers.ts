/**
 * Helpers for the sign-in and audit hardening tests: counting the panel's audit Events with the
 * real kubectl, and running a block with different auth settings (trusted proxy, SSO on, local
 * mode off) in this process.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { kubectl, REPO } from './helpers';
import type { AuthSettings } from '@/lib/server/auth/settings';

/** The audit trail's namespace in the devcluster. */
export const AUDIT_NS = 'imagepod';

interface EventList {
  items: { metadata: { name: string; annotations?: Record<string, string> }; note?: string }[];
}

/** The panel's audit Events in the audit namespace, as `kubectl get` lists them. */
export async function auditEvents(): Promise<EventList['items']> {
  const out = await kubectl([
    'get',
    'events.events.k8s.io',
    '-n',
    AUDIT_NS,
    '-l',
    'imagepod.io/audit=true',
    '-o',
    'json',
  ]);
  return (JSON.parse(out) as EventList).items;
}

/** How many audit Events exist now. */
export async function auditEventCount(): Promise<number> {
  return (await auditEvents()).length;
}

/** Replaces some of this process's auth settings until the returned function is called. */
export async function withAuthSettings(patch: Partial<AuthSettings>): Promise<() => void> {
  const { authSettings } = await import('@/lib/server/auth/settings');
  const g = globalThis as typeof globalThis & { __imagepodAuthSettings?: AuthSettings };
  const saved = authSettings();
  g.__imagepodAuthSettings = { ...saved, ...patch };
  return () => {
    g.__imagepodAuthSettings = saved;
  };
}

/** SSO settings pointing at an issuer that is never contacted by the tests that use them. */
export const FAKE_OIDC: NonNullable<AuthSettings['oidc']> = {
  issuer: 'https://issuer.invalid',
  clientId: 'imagepod',
  scopes: 'openid',
};

/** Every route file under app/api, with its URL pattern. */
export function apiRoutes(): { file: string; pattern: string }[] {
  const dir = path.join(REPO, 'app', 'api');
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(d, e.name);
      return e.isDirectory() ? walk(p) : e.name === 'route.ts' ? [p] : [];
    });
  return walk(dir).map((file) => ({
    file,
    pattern: `/${path.relative(path.join(REPO, 'app'), path.dirname(file)).split(path.sep).join('/')}`,
  }));
}
