import { z } from 'zod';
import { tokenExpiry } from '@/lib/auth/jwt';
import { safeNext } from '@/lib/auth/sign-in-url';
import { recordAudit } from '@/lib/server/audit/record';
import { tokenKubeConfig, whoAmI } from '@/lib/server/auth/identity';
import { CLEAR_FLOW_COOKIE, FLOW_COOKIE, finishSignIn } from '@/lib/server/auth/oidc';
import { isSecureRequest, newSession, setSessionCookie } from '@/lib/server/auth/session';
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

const toLogin = (message: string) => `/login?error=${encodeURIComponent(message.slice(0, 300))}`;

/** Single sign-on, step 2: the issuer sends the browser back with a code; the session begins. */
export const GET = publicRoute({ query }, async ({ req, query: q, signal }) => {
  const headers = new Headers();
  if (q.error) return continueTo(toLogin(`The sign-in was not completed: ${q.error_description ?? q.error}`), headers);
  try {
    const { idToken, next } = await finishSignIn(new URL(req.url), req.cookies.get(FLOW_COOKIE)?.value);
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
    await recordAudit({
      action: 'login-failed',
      user: 'unknown',
      target: null,
      result: 'failure',
      message: `single sign-on: ${e.message}`,
    });
    return continueTo(toLogin(e.message), headers);
  }
});
