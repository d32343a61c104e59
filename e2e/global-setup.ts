/**
 * Before the e2e run: the audit trail's namespace, and three test identities as ServiceAccounts
 * in `imagepod-e2e` — `admin` (cluster-admin), `viewer` (the built-in `view` role) and `nobody`
 * (no binding) — with tokens written for the fixtures to sign in with.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO, kubectl } from './fixtures';

export const USERS_NS = 'imagepod-e2e';
export const TOKENS_FILE = path.join(REPO, '.test-reports', 'e2e-tokens.json');

export default async function globalSetup(): Promise<void> {
  const docs: object[] = [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'imagepod' } },
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: USERS_NS } },
  ];
  for (const [sa, role] of [
    ['admin', 'cluster-admin'],
    ['viewer', 'view'],
    ['nobody', null],
  ] as const) {
    docs.push({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: sa, namespace: USERS_NS } });
    if (role) {
      docs.push({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: `${USERS_NS}-${sa}` },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
        subjects: [{ kind: 'ServiceAccount', name: sa, namespace: USERS_NS }],
      });
    }
  }
  // Single sign-on users (devcluster/oidc-issuer.mjs puts everyone in imagepod-operators).
  docs.push({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: `${USERS_NS}-oidc-operators` },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'oidc:imagepod-operators' }],
  });
  await kubectl(['apply', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'List', items: docs }));
  const tokens: Record<string, string> = {};
  for (const sa of ['admin', 'viewer', 'nobody']) {
    tokens[sa] = (await kubectl(['create', 'token', sa, '-n', USERS_NS, '--duration=3h'])).trim();
  }
  mkdirSync(path.dirname(TOKENS_FILE), { recursive: true });
  writeFileSync(TOKENS_FILE, JSON.stringify(tokens), { mode: 0o600 });
}
