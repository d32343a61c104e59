import { NextResponse } from 'next/server';
import { z } from 'zod';
import { applySettings } from '@/lib/deploy/transform';
import { loadBundle } from '@/lib/server/deploy/bundle';
import { assertMayWrite } from '@/lib/server/deploy/deploy-rights';
import { getDeployRunner } from '@/lib/server/deploy/runner';
import { keepReason } from '@/lib/server/deploy/undeploy';
import { readSettings, STACK_NAMESPACE } from '@/lib/server/deploy/settings-store';
import { route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

const body = z.strictObject({
  confirm: z.literal(STACK_NAMESPACE, `type "${STACK_NAMESPACE}" to confirm`),
  removeVolumes: z.boolean().default(false),
  removeSecrets: z.boolean().default(false),
});

/**
 * Removes the stack in reverse stage order with the user's credentials. The namespace, the
 * settings, and — unless explicitly ticked — the Secrets and PersistentVolumeClaims are kept.
 * 403 naming the missing rights, before anything starts, when Kubernetes would refuse a delete.
 */
export const POST = route({ body }, async (ctx) => {
  const { settings } = await readSettings(ctx.kube(), ctx.signal);
  const opts = { settings, removeVolumes: ctx.body.removeVolumes, removeSecrets: ctx.body.removeSecrets };
  const removed = applySettings(loadBundle(), settings).filter((o) => keepReason(o, opts) === null);
  await assertMayWrite(ctx, removed, 'undeploy', ctx.signal);
  const run = await getDeployRunner().undeploy({ user: ctx.user, session: ctx.session, kube: ctx.kube() }, opts);
  return NextResponse.json({ run }, { status: 202, headers: { 'Cache-Control': 'no-store' } });
});
