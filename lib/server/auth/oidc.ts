import 'server-only';
import * as client from 'openid-client';
import { sealData, unsealData } from 'iron-session';
import { HttpError } from '../errors/http-error';
import { authSettings } from './settings';

/**
 * Single sign-on with the cluster's OpenID Connect issuer: authorization code flow with PKCE
 * (openid-client), state and nonce checked. The ID token becomes the session's bearer token, so
 * the API server — configured for the same issuer — names the user and RBAC decides. The issuer's
 * TLS is verified with the system CAs plus NODE_EXTRA_CA_CERTS.
 */

export const FLOW_COOKIE = 'imagepod_oidc';
const FLOW_TTL_S = 600;

interface Flow {
  verifier: string;
  state: string;
  nonce: string;
  next: string;
  redirectUri: string;
}

const g = globalThis as typeof globalThis & { __imagepodOidc?: Promise<client.Configuration> };

/** The issuer's configuration, discovered once (a failed discovery is retried next time). */
export function oidcConfiguration(): Promise<client.Configuration> {
  const oidc = authSettings().oidc;
  if (!oidc) throw new HttpError(404, 'NOT_FOUND', 'Single sign-on is not configured on this panel');
  if (!g.__imagepodOidc) {
    g.__imagepodOidc = client
      .discovery(
        new URL(oidc.issuer),
        oidc.clientId,
        oidc.clientSecret ? { client_secret: oidc.clientSecret } : undefined,
        oidc.clientSecret ? undefined : client.None(),
        { timeout: 10 },
      )
      .catch((e: unknown) => {
        // The issuer is down or unreachable: a dependency's failure, not a crash of the panel's.
        throw new HttpError(
          503,
          'UNAVAILABLE',
          `The single sign-on issuer could not be reached: ${e instanceof Error ? e.message : String(e)}`,
        );
      });
    g.__imagepodOidc.catch(() => {
      g.__imagepodOidc = undefined;
    });
  }
  return g.__imagepodOidc;
}

/** The panel's address as the browser sees it: a configured public origin, else the request's. */
export function publicOrigin(req: { headers: Headers; url: string }): string {
  const configured = authSettings().publicOrigins[0];
  if (configured) return configured;
  const url = new URL(req.url);
  const proto = req.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() || url.protocol.replace(':', '');
  const host = req.headers.get('x-forwarded-host')?.split(',')[0]?.trim() || req.headers.get('host') || url.host;
  return `${proto}://${host}`;
}

/** Starts a sign-in: the issuer's authorization URL and the sealed flow cookie to set. */
export async function startSignIn(
  req: { headers: Headers; url: string },
  next: string,
): Promise<{ location: string; cookie: string }> {
  const oidc = authSettings().oidc!;
  const config = await oidcConfiguration();
  const redirectUri = oidc.redirectUri ?? `${publicOrigin(req)}/api/auth/oidc/callback`;
  const flow: Flow = {
    verifier: client.randomPKCECodeVerifier(),
    state: client.randomState(),
    nonce: client.randomNonce(),
    next,
    redirectUri,
  };
  const location = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: oidc.scopes,
    code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: 'S256',
    state: flow.state,
    nonce: flow.nonce,
  });
  const sealed = await sealData(flow, { password: authSettings().sessionSecret, ttl: FLOW_TTL_S });
  // SameSite=Lax: the issuer sends the browser back with a cross-site top-level navigation.
  return {
    location: location.href,
    cookie: `${FLOW_COOKIE}=${sealed}; Path=/api/auth/oidc; Max-Age=${FLOW_TTL_S}; HttpOnly; SameSite=Lax${redirectUri.startsWith('https:') ? '; Secure' : ''}`,
  };
}

export const CLEAR_FLOW_COOKIE = `${FLOW_COOKIE}=; Path=/api/auth/oidc; Max-Age=0; HttpOnly; SameSite=Lax`;

/** Completes a sign-in: checks state, nonce and PKCE, exchanges the code; returns the ID token. */
export async function finishSignIn(
  callbackUrl: URL,
  flowCookie: string | undefined,
): Promise<{ idToken: string; next: string }> {
  if (!flowCookie)
    throw new HttpError(400, 'BAD_REQUEST', 'The sign-in took too long or was started in another browser; try again');
  let flow: Partial<Flow>;
  try {
    flow = await unsealData<Flow>(flowCookie, { password: authSettings().sessionSecret, ttl: FLOW_TTL_S });
  } catch {
    flow = {};
  }
  if (!flow.verifier || !flow.state || !flow.nonce || !flow.redirectUri)
    throw new HttpError(400, 'BAD_REQUEST', 'The sign-in took too long or was tampered with; try again');
  const config = await oidcConfiguration();
  // The URL the issuer redirected to, on the address it was given (not the server's bind address).
  const current = new URL(flow.redirectUri);
  current.search = callbackUrl.search;
  let tokens;
  try {
    tokens = await client.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
  } catch (e) {
    throw new HttpError(401, 'UNAUTHENTICATED', `Single sign-on failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!tokens.id_token) throw new HttpError(401, 'UNAUTHENTICATED', 'The issuer returned no ID token');
  return { idToken: tokens.id_token, next: flow.next ?? '/' };
}
