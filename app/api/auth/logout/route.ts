import { NextResponse } from 'next/server';
import { z } from 'zod';
import { recordAudit } from '@/lib/server/audit/record';
import { forgetAccess } from '@/lib/server/auth/access-review';
import { clearSessionCookie, revokeSession } from '@/lib/server/auth/session';
import { publicRoute } from '@/lib/server/http/route';
import { closeSessionChannels } from '@/lib/server/stream/channels';

export const dynamic = 'force-dynamic';

/** Sign out: the cookie is cleared, the session refused by this server from now on and its shared streams closed. */
export const POST = publicRoute({ body: z.strictObject({}) }, async ({ session }) => {
  const res = NextResponse.json({ signedOut: true }, { headers: { 'Cache-Control': 'no-store' } });
  clearSessionCookie(res.headers);
  if (session) {
    revokeSession(session);
    closeSessionChannels(session.sid);
    forgetAccess(session);
    await recordAudit({
      action: 'logout',
      user: session.user.username,
      groups: session.user.groups,
      target: null,
      result: 'success',
      message: 'signed out',
      sessionId: session.sid,
    });
  }
  return res;
});
