import { z } from 'zod';
import { safeNext } from '@/lib/auth/sign-in-url';
import { startSignIn } from '@/lib/server/auth/oidc';
import { publicRoute } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/**
 * Single sign-on, step 1: to the issuer's login page (404 when no issuer is configured). A GET any
 * page can make a browser send, so it spends no sign-in budget and writes nothing.
 */
export const GET = publicRoute(
  { query: z.strictObject({ next: z.string().max(2048).optional() }) },
  async ({ req, query }) => {
    const { location, cookie } = await startSignIn(req, safeNext(query.next));
    return new Response(null, {
      status: 303,
      headers: { Location: location, 'Set-Cookie': cookie, 'Cache-Control': 'no-store' },
    });
  },
);
