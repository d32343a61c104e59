import { NextResponse } from 'next/server';
import { z } from 'zod';
import { tokenExpiry } from '@/lib/auth/jwt';
import { recordAudit } from '@/lib/server/audit/record';
import { recordSignInFailure } from '@/lib/server/audit/sign-in-failures';
import { tokenKubeConfig, whoAmI } from '@/lib/server/auth/identity';
import { beginLoginAttempt } from '@/lib/server/auth/login-limiter';
import { MAX_TOKEN_CHARS, isSecureRequest, newSession, setSessionCookie } from '@/lib/server/auth/session';
import { HttpError } from '@/lib/server/errors/http-error';
import { publicRoute } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

const body = z.strictObject({
  token: z
    .string()
    .trim()
    .min(1, 'Paste a token')
    .max(MAX_TOKEN_CHARS, `A token is at most ${MAX_TOKEN_CHARS} characters`)
    .regex(/^[\x21-\x7e]+$/, 'A token is one line of printable characters'),
});

/**
 * Sign in with a Kubernetes bearer token (a ServiceAccount token from `kubectl create token`, or
 * an OIDC ID token the API server accepts). The API server names the user (SelfSubjectReview with
 * that token); the panel never decides who someone is. Failures are rate-limited per client and
 * audited (a bounded number per minute, the rest counted in a summary); successes are audited.
 */
export const POST = publicRoute({ body, maxBodyBytes: 8 * 1024 }, async ({ req, body: { token }, signal }) => {
  const attempt = await beginLoginAttempt(req.headers);
  let user;
  try {
    user = await whoAmI(tokenKubeConfig(token), signal);
  } catch (e) {
    if (e instanceof HttpError && e.status === 401) {
      await recordSignInFailure(e.message);
      throw new HttpError(401, 'UNAUTHENTICATED', e.message, 'token');
    }
    // Not the client's failure (the API server unreachable, the client gone): no budget spent.
    await attempt.refund();
    throw e;
  } finally {
    attempt.end();
  }
  const expires = tokenExpiry(token);
  if (expires !== null && expires <= Date.now())
    throw new HttpError(401, 'UNAUTHENTICATED', 'This token has expired', 'token');
  // The API server named a user: this attempt does not count against the client's budget.
  await attempt.refund();
  const session = newSession({ mode: 'token', token, user, tokenExpiresAt: expires });
  const res = NextResponse.json(
    { user, expiresAt: new Date(session.exp).toISOString() },
    { headers: { 'Cache-Control': 'no-store' } },
  );
  await setSessionCookie(res.headers, session, isSecureRequest(req));
  await recordAudit({
    action: 'login',
    user: user.username,
    groups: user.groups,
    target: null,
    result: 'success',
    message: 'signed in with a bearer token',
    sessionId: session.sid,
  });
  return res;
});
