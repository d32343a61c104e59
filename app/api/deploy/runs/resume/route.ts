import { NextResponse } from 'next/server';
import { z } from 'zod';
import { DEFAULT_SETTINGS } from '@/lib/deploy/settings';
import { applySettings } from '@/lib/deploy/transform';
import { loadBundle } from '@/lib/server/deploy/bundle';
import { assertMayWrite } from '@/lib/server/deploy/deploy-rights';
import { readRunRecord, hasRun } from '@/lib/server/deploy/run-record';
import { getDeployRunner } from '@/lib/server/deploy/runner';
import { settingsConfigMap } from '@/lib/server/deploy/settings-store';
import { keepReason } from '@/lib/server/deploy/undeploy';
import { HttpError } from '@/lib/server/errors/http-error';
import { route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

const body = z.strictObject({ id: z.uuid() });

/**
 * Resumes an interrupted deploy or undeploy (its replica died) on this replica, with the user's
 * credentials, from the first stage not done. 403 naming the missing rights before anything runs;
 * 404 when there is no run; 409 when that run is not interrupted (still running, finished, or
 * replaced); 202 with the run.
 */
export const POST = route({ body }, async (ctx) => {
  const rec = await readRunRecord(ctx.kube(), ctx.signal);
  // The rights are asked before "no such run", so a user without them learns nothing more.
  const request = hasRun(rec)
    ? rec.request
    : { kind: 'deploy' as const, settings: DEFAULT_SETTINGS, takeOwnership: [], keepLiveReplicas: [] };
  if (request.kind === 'deploy') {
    await assertMayWrite(
      ctx,
      [settingsConfigMap(request.settings), ...applySettings(loadBundle(), request.settings)],
      'deploy',
      ctx.signal,
    );
  } else {
    const removed = applySettings(loadBundle(), request.settings).filter((o) => keepReason(o, request) === null);
    await assertMayWrite(ctx, removed, 'undeploy', ctx.signal);
  }
  if (!hasRun(rec)) throw new HttpError(404, 'NOT_FOUND', 'There is no deploy run to resume');
  const run = await getDeployRunner().resume({ user: ctx.user, session: ctx.session, kube: ctx.kube() }, ctx.body.id);
  return NextResponse.json({ run }, { status: 202, headers: { 'Cache-Control': 'no-store' } });
});
