import { z } from 'zod';
import { route } from '@/lib/server/http/route';
import { readSettings } from '@/lib/server/deploy/settings-store';

export const dynamic = 'force-dynamic';

/** The settings of the last deploy (ConfigMap imagepod-deploy-settings), or the bundle's defaults. */
export const GET = route({ query: z.strictObject({}) }, async (ctx) => readSettings(ctx.kube(), ctx.signal));
