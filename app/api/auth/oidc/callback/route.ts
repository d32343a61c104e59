import { z } from 'zod';
import { tokenExpiry } from '@/lib/auth/jwt';
import { safeNext } from '@/lib/auth/sign-in-url';
import { loginErrorUrl, type LoginErrorCode } from '@/lib/auth/login-errors';
import { recordAudit } from '@/lib/server/audit/record';
import { recordSignInFailure } from '@/lib/server/audit/sign-in-failures';
import { tokenKubeConfig, whoAmI } from '@/lib/server/auth/identity';
import { CLEAR_FLOW_COOKIE, FLOW_COOKIE, finishSignIn } from '@/lib/server/auth/oidc';
import { isSecureRequest, newSession, setSessionCookie } from '@/lib/server/auth/session';
import { authSettings } from '@/lib/server/auth/settings';
import { HttpError } from '@/lib/server/errors/http-error';
import { publicRoute } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

const query = z
  .object({
    code: z.string().max(4096).optional(),
    state: z.string().max(1024).optional(),
    error: z.string().max(256).optional(),
    error_description: z.string().max(1024).optional(),
  })
  .loose();

/**
 * A page that moves the browser on with a same-origin navigation. A redirect would keep the
 * issuer's cross-site navigation going, and browsers withhold SameSite=Strict cookies from it —
 * the new session would seem missing on arrival.
 */
function continueTo(path: string, headers: Headers): Response {
  const href = path.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  headers.set('Content-Type', 'text/html; charset=utf-8');
  headers.set('Cache-Control', 'no-store');
  headers.append('Set-Cookie', CLEAR_FLOW_COOKIE);
  return new Response(
    `<!doctype html><meta http-equiv="refresh" content="0;url=${href}"><title>Signing in…</title><a href="${href}">Continue</a>`,
    { status: 200, headers },
  );
}

/** What the sign-in page says for a refused sign-in (a fixed text per code, never the issuer's words). */
function codeOf(e: HttpError, issuerDone: boolean): LoginErrorCode {
  if (issuerDone) return 'sso-rejected';
  if (e.status === 404) return 'sso-unavailable';
  return e.status === 400 ? 'sso-expired' : 'sso-failed';
}

/**
 * Single sign-on, step 2: the issuer sends the browser back with a code; the session begins.
 * Only a request carrying the flow cookie this panel sealed at step 1 is an attempt worth a
 * record: without SSO, without the cookie (an `<img>` on any page, a replayed link) the answer is
 * the sign-in page and nothing is written. Failures of real attempts are audited within a bound.
 */
export const GET = publicRoute({ query }, async ({ req, query: q, signal }) => {
  const headers = new Headers();
  if (!authSettings().oidc) return continueTo(loginErrorUrl('sso-unavailable'), headers);
  const flow = req.cookies.get(FLOW_COOKIE)?.value;
  if (!flow) return continueTo(loginErrorUrl('sso-expired'), headers);
  if (q.error) return continueTo(loginErrorUrl(q.error === 'access_denied' ? 'sso-denied' : 'sso-failed'), headers);
  let issuerDone = false;
  try {
    const { idToken, next } = await finishSignIn(new URL(req.url), flow);
    issuerDone = true;
    const user = await whoAmI(tokenKubeConfig(idToken), signal);
    const session = newSession({ mode: 'oidc', token: idToken, user, tokenExpiresAt: tokenExpiry(idToken) });
    await setSessionCookie(headers, session, isSecureRequest(req));
    await recordAudit({
      action: 'login',
      user: user.username,
      groups: user.groups,
      target: null,
      result: 'success',
      message: 'signed in with single sign-on',
      sessionId: session.sid,
    });
    return continueTo(safeNext(next), headers);
  } catch (e) {
    if (!(e instanceof HttpError) || e.status >= 500) throw e;
    // A flow cookie that does not unseal is no attempt of this panel's: nothing to record.
    if (issuerDone || e.status !== 400) await recordSignInFailure(`single sign-on: ${e.message}`);
    return continueTo(loginErrorUrl(codeOf(e, issuerDone)), headers);
  }
});
