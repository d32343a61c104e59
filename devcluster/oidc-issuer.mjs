#!/usr/bin/env node
/**
 * The devcluster's test OpenID Connect issuer (the maintained `oidc-provider` library), on
 * https://127.0.0.1:<port> with the certificate and signing key devcluster/oidc.sh generated.
 * One public client, `imagepod-panel`, authorization code + PKCE only. Its development login form
 * accepts any e-mail address as the user; every user is in the group `imagepod-operators`.
 * The kube-apiserver trusts its ID tokens (see oidc.sh): users become `oidc:<email>`.
 *
 *   node devcluster/oidc-issuer.mjs [state dir]    (default .devcluster/oidc)
 * Env: IMAGEPOD_OIDC_REDIRECTS — extra allowed redirect URIs, comma-separated.
 */
import { createHash, createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import Provider from 'oidc-provider';

const dir = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..', '.devcluster', 'oidc'));
const env = Object.fromEntries(
  readFileSync(path.join(dir, 'issuer.env'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(/=(.*)/s).slice(0, 2)),
);
const signing = createPrivateKey(readFileSync(path.join(dir, 'signing.key')));
const jwk = { ...signing.export({ format: 'jwk' }), use: 'sig', alg: 'RS256' };
jwk.kid = createHash('sha256').update(jwk.n).digest('base64url').slice(0, 16); // stable across restarts

const redirects = [
  'http://127.0.0.1:3000/api/auth/oidc/callback',
  'http://localhost:3000/api/auth/oidc/callback',
  'http://127.0.0.1:3123/api/auth/oidc/callback',
  ...(process.env.IMAGEPOD_OIDC_REDIRECTS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
];

const provider = new Provider(env.ISSUER, {
  clients: [
    {
      client_id: env.CLIENT_ID,
      token_endpoint_auth_method: 'none',
      redirect_uris: redirects,
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  jwks: { keys: [jwk] },
  pkce: { required: () => true },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], groups: ['groups'] },
  scopes: ['openid', 'email', 'profile', 'groups'],
  // ID tokens carry the claims the API server maps (it never calls userinfo).
  conformIdTokenClaims: false,
  findAccount: async (_ctx, id) => ({
    accountId: id,
    claims: async () => ({ sub: id, email: id, email_verified: true, groups: ['imagepod-operators'] }),
  }),
  features: { devInteractions: { enabled: true } },
  ttl: { IdToken: 3600, AccessToken: 3600, AuthorizationCode: 120, Session: 3600, Interaction: 600, Grant: 3600 },
  loadExistingGrant: async (ctx) => {
    // Consent is implied for the one client: grant what it asked for.
    const grant = new provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile groups');
    await grant.save();
    return grant;
  },
});
provider.proxy = false;

const server = https.createServer(
  { key: readFileSync(path.join(dir, 'server.key')), cert: readFileSync(path.join(dir, 'server.crt')) },
  provider.callback(),
);
server.listen(Number(env.ISSUER_PORT), '127.0.0.1', () =>
  console.log(`[oidc-issuer] ${env.ISSUER} (client ${env.CLIENT_ID})`),
);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
