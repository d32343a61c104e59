import { z } from 'zod';
import { deploySettingsSchema } from '@/lib/deploy/settings';
import { previewDeploy } from '@/lib/server/deploy/preview';
import { route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

const body = z.strictObject({
  settings: deploySettingsSchema,
  takeOwnership: z.array(z.string().max(300)).max(100).default([]),
  keepLiveReplicas: z.array(z.string().max(300)).max(100).default([]),
});

/** What a deploy with these settings would do, object by object (lib/server/deploy/preview.ts). Changes nothing. */
export const POST = route({ body }, (ctx) => previewDeploy(ctx.kube(), ctx.body.settings, ctx.body, ctx.signal));
