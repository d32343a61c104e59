import 'server-only';
import { randomBytes } from 'node:crypto';
import { sealData, unsealData } from 'iron-session';
import { z } from 'zod';
import { isSid } from '../../auth/revocation-list';
import { HttpError } from '../errors/http-error';
import { revocations } from './revocations';
import { authSettings } from './settings';

/**
 * Sessions live in one sealed cookie (iron-session: AES-256-CBC + HMAC-SHA-256 with the
 * session secret), HttpOnly and SameSite=Strict, Secure behind TLS. The bearer token is inside
 * the seal: it never reaches browser JavaScript and is never logged. The panel keeps no session
 * store, so any replica with the same secret serves any session; what the cluster keeps is the
 * list of signed-out session ids (./revocations.ts), which every replica refuses.
 */

export const COOKIE = 'imagepod_session';
/** Behind TLS the cookie takes the __Host- prefix: Secure, Path=/, no Domain — not settable by a subdomain. */
export const SECURE_COOKIE = `__Host-${COOKIE}`;
/** Browsers drop cookies over 4096 bytes; a sealed session must stay under it. */
const MAX_COOKIE_BYTES = 4000;
/** A session's "last seen" is rewritten at most this often (each rewrite is a Set-Cookie). */
const TOUCH_EVERY_MS = 60_000;

const sessionSchema = z.object({
  v: z.literal(1),
  // The id a sign-out writes to the cluster's list: only ids newSession could have made.
  sid: z.string().refine(isSid),
  mode: z.enum(['token', 'oidc', 'local']),
  token: z.string().optional(),
  user: z.object({ username: z.string(), uid: z.string().optional(), groups: z.array(z.string()) }),
  iat: z.number(),
  seen: z.number(),
  exp: z.number(),
});
export type Session = z.infer<typeof sessionSchema>;
export type SessionUser = Session['user'];

export function newSession(
  input: { mode: Session['mode']; token?: string; user: SessionUser; tokenExpiresAt?: number | null },
  now = Date.now(),
): Session {
  const { maxAgeMs } = authSettings();
  const exp = Math.min(now + maxAgeMs, input.tokenExpiresAt ?? Infinity);
  return {
    v: 1,
    sid: randomBytes(12).toString('base64url'),
    mode: input.mode,
    token: input.token,
    user: input.user,
    iat: now,
    seen: now,
    exp,
  };
}

function ttlSeconds(s: Session, now: number): number {
  return Math.max(1, Math.ceil((s.exp - now) / 1000));
}

export async function sealSession(s: Session, now = Date.now()): Promise<string> {
  return sealData(s, { password: authSettings().sessionSecret, ttl: ttlSeconds(s, now) });
}

/** Why a request has no session (for the 401 message; never more detail than this). */
export type NoSession = 'missing' | 'invalid' | 'expired' | 'idle' | 'revoked';

/** Unseals and checks a cookie value: a tampered, foreign, expired, idle or logged-out seal gives no session. */
export async function openSession(value: string | undefined, now = Date.now()): Promise<Session | NoSession> {
  if (!value) return 'missing';
  if (value.length > MAX_COOKIE_BYTES * 2) return 'invalid';
  let raw: unknown;
  try {
    raw = await unsealData(value, { password: authSettings().sessionSecret, ttl: 31 * 24 * 3600 });
  } catch {
    return 'invalid';
  }
  const parsed = sessionSchema.safeParse(raw);
  if (!parsed.success) return 'invalid';
  const s = parsed.data;
  if (now >= s.exp) return 'expired';
  if (now - s.seen >= authSettings().idleMs) return 'idle';
  const signedOut = revocations();
  // After a restart, the first read of the cluster's list comes before any session is accepted.
  if (signedOut.started) await signedOut.ready();
  if (signedOut.isRevoked(s.sid)) return 'revoked';
  // A local-mode session acts with the panel's own kubeconfig: worthless, and dangerous, anywhere
  // local mode is off (in a cluster that identity is the panel's service account).
  if (s.mode === 'local' && !authSettings().localMode) return 'invalid';
  return s;
}

interface CookieJar {
  get(name: string): { value: string } | undefined;
}

/**
 * The session cookie of a request. Over TLS only the `__Host-` cookie counts: the plain one can be
 * planted by anyone who can answer the browser over plain HTTP or from a sibling domain (cookie
 * tossing), which is what the prefix exists to rule out.
 */
export function sessionCookieValue(cookies: CookieJar, secure: boolean): string | undefined {
  return secure ? cookies.get(SECURE_COOKIE)?.value : (cookies.get(SECURE_COOKIE)?.value ?? cookies.get(COOKIE)?.value);
}

/**
 * Whether the browser reached the panel over TLS (directly or through an Ingress). The forwarded
 * header is taken as it comes: Next's own server also derives the request URL's scheme from it, and
 * a client that claims TLS falsely only gets the stricter treatment (Secure cookies its browser
 * will not keep over plain HTTP, only `__Host-` cookies accepted), never a weaker one.
 */
export function isSecureRequest(req: { headers: Headers; url?: string }): boolean {
  const proto = req.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  if (proto) return proto === 'https';
  return req.url ? new URL(req.url).protocol === 'https:' : false;
}

/** A session that was last seen a while ago, re-dated; null when the cookie need not be rewritten. */
export function touched(s: Session, now = Date.now()): Session | null {
  return now - s.seen >= TOUCH_EVERY_MS ? { ...s, seen: now } : null;
}

function cookieHeader(name: string, value: string, maxAge: number, secure: boolean): string {
  return `${name}=${value}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

/** Appends the Set-Cookie for a session to any response's headers. */
export async function setSessionCookie(headers: Headers, s: Session, secure: boolean, now = Date.now()): Promise<void> {
  const value = await sealSession(s, now);
  if (value.length > MAX_COOKIE_BYTES) {
    throw new HttpError(
      400,
      'BAD_REQUEST',
      `This token is too large to keep in a session cookie (${value.length} bytes sealed, limit ${MAX_COOKIE_BYTES})`,
    );
  }
  headers.append('Set-Cookie', cookieHeader(secure ? SECURE_COOKIE : COOKIE, value, ttlSeconds(s, now), secure));
}

export function clearSessionCookie(headers: Headers): void {
  headers.append('Set-Cookie', cookieHeader(COOKIE, '', 0, false));
  headers.append('Set-Cookie', cookieHeader(SECURE_COOKIE, '', 0, true));
}

/**
 * Ends a session on this replica at once (even if its cookie is replayed, until its own expiry);
 * `revokeEverywhere` also writes it to the cluster's list for the other replicas.
 */
export function revokeSession(s: Session): void {
  revocations().revokeHere(s.sid, s.exp);
}

/**
 * Ends a session on every replica: refused here at once, and written to the cluster's list that
 * every replica reads within seconds. `written: false` (with the reason) when that write failed
 * or is slow; it is retried in the background meanwhile.
 */
export async function revokeEverywhere(s: Session): Promise<{ written: boolean; error?: string }> {
  return revocations().revokeEverywhere(s.sid, s.exp);
}

/** Size check for a token before it is sealed (also bounds the login body). */
export const MAX_TOKEN_CHARS = 2400;
