import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getDeployRunner } from '@/lib/server/deploy/runner';
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
 */
export const POST = route({ body }, async (ctx) => {
  const { settings } = await readSettings(ctx.kube(), ctx.signal);
  const run = getDeployRunner().undeploy(
    { user: ctx.user, session: ctx.session, kube: ctx.kube() },
    { settings, removeVolumes: ctx.body.removeVolumes, removeSecrets: ctx.body.removeSecrets },
  );
  return NextResponse.json({ run }, { status: 202, headers: { 'Cache-Control': 'no-store' } });
});
