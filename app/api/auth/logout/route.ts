import { NextResponse } from 'next/server';
import { z } from 'zod';
import { recordAudit } from '@/lib/server/audit/record';
import { forgetAccess } from '@/lib/server/auth/access-review';
import { clearSessionCookie, revokeSession } from '@/lib/server/auth/session';
import { publicRoute } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** Sign out: the cookie is cleared and the session refused by this server from now on. */
export const POST = publicRoute({ body: z.strictObject({}) }, async ({ session }) => {
  const res = NextResponse.json({ signedOut: true }, { headers: { 'Cache-Control': 'no-store' } });
  clearSessionCookie(res.headers);
  if (session) {
    revokeSession(session);
    forgetAccess(session);
    await recordAudit({ action: 'logout', user: session.user.username, groups: session.user.groups, target: null, result: 'success', message: 'signed out', sessionId: session.sid });
  }
  return res;
});
