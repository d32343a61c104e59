import { z } from 'zod';
import { recordAudit } from '@/lib/server/audit/record';
import { recordSignInFailure } from '@/lib/server/audit/sign-in-failures';
import { loginErrorUrl } from '@/lib/auth/login-errors';
import { whoAmI } from '@/lib/server/auth/identity';
import { announceLocalLogin, consumeLocalLoginCode } from '@/lib/server/auth/local-login';
import { isSecureRequest, newSession, setSessionCookie } from '@/lib/server/auth/session';
import { authSettings } from '@/lib/server/auth/settings';
import { HttpError } from '@/lib/server/errors/http-error';
import { publicRoute } from '@/lib/server/http/route';
import { getKubeConfig } from '@/lib/server/kube/config';

export const dynamic = 'force-dynamic';

/**
 * Local mode's one-time sign-in link (printed by the server at start): the session acts with the
 * kubeconfig's identity, which the API server names. Refused in a cluster and after one use. A GET
 * (a person clicks it), so it spends no sign-in budget: a 256-bit one-time code cannot be guessed,
 * and the failures' audit writes are bounded.
 */
export const GET = publicRoute(
  { query: z.strictObject({ code: z.string().max(128) }) },
  async ({ req, query: { code }, signal }) => {
    if (!authSettings().localMode)
      throw new HttpError(404, 'NOT_FOUND', 'Local sign-in is not available on this server');
    if (!consumeLocalLoginCode(code)) {
      await recordSignInFailure('used an invalid or already used local sign-in link');
      // A person clicked this link: answer with the sign-in page and the reason, not JSON.
      return new Response(null, {
        status: 303,
        headers: { Location: loginErrorUrl('link-invalid'), 'Cache-Control': 'no-store' },
      });
    }
    const user = await whoAmI(getKubeConfig(), signal);
    const session = newSession({ mode: 'local', user });
    // A relative Location: right behind any proxy, whatever Host the server saw.
    const res = new Response(null, { status: 303, headers: { Location: '/', 'Cache-Control': 'no-store' } });
    await setSessionCookie(res.headers, session, isSecureRequest(req));
    await recordAudit({
      action: 'login',
      user: user.username,
      groups: user.groups,
      target: null,
      result: 'success',
      message: 'signed in with the local sign-in link (kubeconfig identity)',
      sessionId: session.sid,
    });
    announceLocalLogin();
    return res;
  },
);
