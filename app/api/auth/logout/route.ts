import { NextResponse } from 'next/server';
import { z } from 'zod';
import { recordAudit } from '@/lib/server/audit/record';
import { forgetAccess } from '@/lib/server/auth/access-review';
import { clearSessionCookie, revokeEverywhere } from '@/lib/server/auth/session';
import { publicRoute } from '@/lib/server/http/route';
import { closeSessionChannels } from '@/lib/server/stream/channels';

export const dynamic = 'force-dynamic';

/**
 * Sign out: the cookie is cleared, the session refused by this server at once and by every other
 * replica within seconds (the cluster's list of signed-out sessions), its shared streams closed.
 * If the list cannot be written, the sign-out still holds here; the audit record says that the
 * other replicas were not told yet (the write is retried in the background).
 */
export const POST = publicRoute({ body: z.strictObject({}) }, async ({ session }) => {
  const res = NextResponse.json({ signedOut: true }, { headers: { 'Cache-Control': 'no-store' } });
  clearSessionCookie(res.headers);
  if (session) {
    // Refused here from this call on; the cluster's list is written meanwhile.
    const written = revokeEverywhere(session);
    closeSessionChannels(session.sid);
    forgetAccess(session);
    const everywhere = await written;
    if (!everywhere.written)
      console.error(
        `[auth] session ${session.sid} is signed out on this replica only so far: the cluster-wide list could not be written (${everywhere.error ?? 'unknown error'}); retrying in the background`,
      );
    await recordAudit({
      action: 'logout',
      user: session.user.username,
      groups: session.user.groups,
      target: null,
      result: everywhere.written ? 'success' : 'failure',
      message: everywhere.written
        ? 'signed out'
        : `signed out on this replica; the cluster-wide sign-out could not be written yet (${everywhere.error ?? 'unknown error'}), retrying`,
      sessionId: session.sid,
    });
  }
  return res;
});
