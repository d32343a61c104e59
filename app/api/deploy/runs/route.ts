import { NextResponse } from 'next/server';
import { z } from 'zod';
import { deploySettingsSchema } from '@/lib/deploy/settings';
import { applySettings } from '@/lib/deploy/transform';
import { loadBundle } from '@/lib/server/deploy/bundle';
import { assertMayWrite } from '@/lib/server/deploy/deploy-rights';
import { assertMaySeeDeploys } from '@/lib/server/deploy/deploy-access';
import { assertChangeable } from '@/lib/server/deploy/immutable';
import { settingsConfigMap } from '@/lib/server/deploy/settings-store';
import { getDeployRunner } from '@/lib/server/deploy/runner';
import { route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

const body = z.strictObject({
  settings: deploySettingsSchema,
  takeOwnership: z.array(z.string().max(300)).max(100).default([]),
  keepLiveReplicas: z.array(z.string().max(300)).max(100).default([]),
});

/**
 * The current (or last) deploy or undeploy, whichever replica runs it (the cluster's record, read
 * with the user's credentials; `interrupted` when its replica died), or null; 403 for users who
 * may not see deploys.
 */
export const GET = route({ query: z.strictObject({}) }, async ({ session, signal, kube }) => {
  await assertMaySeeDeploys(session, signal);
  return { run: await getDeployRunner().seen(kube(), signal) };
});

/**
 * Starts a deploy with the user's credentials; it runs on the server whatever the browser does.
 * 403 naming the missing rights when Kubernetes would refuse one of its writes (nothing starts);
 * 202 with the run; 409 naming the running one when a deploy or undeploy is in progress on any
 * replica (the lock is in the cluster: of two replicas starting at once, one wins).
 */
export const POST = route({ body }, async (ctx) => {
  const { settings } = ctx.body;
  await assertMayWrite(
    ctx,
    [settingsConfigMap(settings), ...applySettings(loadBundle(), settings)],
    'deploy',
    ctx.signal,
  );
  await assertChangeable(ctx.kube(), ctx.body.settings, ctx.signal);
  const run = await getDeployRunner().deploy(
    { user: ctx.user, session: ctx.session, kube: ctx.kube() },
    ctx.body.settings,
    ctx.body,
  );
  return NextResponse.json({ run }, { status: 202, headers: { 'Cache-Control': 'no-store' } });
});
