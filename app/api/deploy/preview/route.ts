import { z } from 'zod';
import { planStages } from '@/lib/deploy/plan';
import { deploySettingsSchema } from '@/lib/deploy/settings';
import { applySettings } from '@/lib/deploy/transform';
import type { DeployPreview, ObjectPreview } from '@/lib/deploy/preview-types';
import { getLive, previewObject } from '@/lib/server/deploy/apply';
import { loadBundle } from '@/lib/server/deploy/bundle';
import { assertChangeable } from '@/lib/server/deploy/immutable';
import { STACK_NAMESPACE, settingsConfigMap } from '@/lib/server/deploy/settings-store';
import { route } from '@/lib/server/http/route';
import { mapLimit } from '@/lib/server/map-limit';

export const dynamic = 'force-dynamic';

const body = z.strictObject({
  settings: deploySettingsSchema,
  takeOwnership: z.array(z.string().max(300)).max(100).default([]),
});

/**
 * What a deploy with these settings would do, object by object, from the API server's own
 * server-side dry runs made with the user's credentials: create / change (with a YAML diff) /
 * unchanged / drift / conflict (with the other manager) / error. Changes nothing.
 */
export const POST = route({ body }, async (ctx) => {
  const kc = ctx.kube();
  await assertChangeable(kc, ctx.body.settings, ctx.signal);
  const stages = planStages([settingsConfigMap(ctx.body.settings), ...applySettings(loadBundle(), ctx.body.settings)]);
  const nsMissing = !(await getLive(kc, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: STACK_NAMESPACE } }, ctx.signal));
  const take = new Set(ctx.body.takeOwnership);
  const all = stages.flatMap((s) => s.objects);
  const previews = await mapLimit(all, 8, (o) =>
    previewObject(kc, o, take.has(`${o.kind}/${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`), nsMissing && o.metadata.namespace === STACK_NAMESPACE, ctx.signal));
  const byKey = new Map<unknown, ObjectPreview>(all.map((o, i) => [o, previews[i]!]));
  const preview: DeployPreview = {
    namespaceExists: !nsMissing,
    stages: stages.map((s) => ({ id: s.id, title: s.title, objects: s.objects.map((o) => byKey.get(o)!) })),
  };
  return preview;
});
