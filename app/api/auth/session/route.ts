import { z } from 'zod';
import { route } from '@/lib/server/http/route';
import { authSettings } from '@/lib/server/auth/settings';

export const dynamic = 'force-dynamic';

/** Who is signed in, how, and until when (never the token). */
export const GET = route({ query: z.strictObject({}) }, async ({ session }) => ({
  user: session.user,
  mode: session.mode,
  signedInAt: new Date(session.iat).toISOString(),
  expiresAt: new Date(session.exp).toISOString(),
  idleMinutes: authSettings().idleMs / 60_000,
}));
