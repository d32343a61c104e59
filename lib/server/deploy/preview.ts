import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import { objectKey, planStages } from '../../deploy/plan';
import type { DeployChoices, DeployPreview, ObjectPreview } from '../../deploy/preview-types';
import type { DeploySettings } from '../../deploy/settings';
import { applySettings } from '../../deploy/transform';
import { mapLimit } from '../map-limit';
import { getLive, previewObject } from './apply';
import { loadBundle } from './bundle';
import { assertChangeable } from './immutable';
import { STACK_NAMESPACE, settingsConfigMap } from './settings-store';

/**
 * What a deploy with these settings would do, object by object, from the API server's own
 * server-side dry runs made with the given (the user's) credentials: create / change (with a YAML
 * diff) / unchanged / drift / conflict (with the other manager) / error. Changes nothing.
 * `choices.takeOwnership` holds `Kind/namespace/name` keys whose conflicts the deploy would
 * overwrite; `choices.keepLiveReplicas` those whose live replicas it would keep.
 */
export async function previewDeploy(
  kc: KubeConfig,
  settings: DeploySettings,
  choices: DeployChoices,
  signal: AbortSignal,
): Promise<DeployPreview> {
  await assertChangeable(kc, settings, signal);
  const stages = planStages([settingsConfigMap(settings), ...applySettings(loadBundle(), settings)]);
  const nsMissing = !(await getLive(
    kc,
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: STACK_NAMESPACE } },
    signal,
  ));
  const take = new Set(choices.takeOwnership);
  const keep = new Set(choices.keepLiveReplicas);
  const all = stages.flatMap((s) => s.objects);
  const previews = await mapLimit(all, 8, (o) =>
    previewObject(
      kc,
      o,
      { takeOwnership: take.has(objectKey(o)), keepLiveReplicas: keep.has(objectKey(o)) },
      nsMissing && o.metadata.namespace === STACK_NAMESPACE,
      signal,
    ),
  );
  const byKey = new Map<unknown, ObjectPreview>(all.map((o, i) => [o, previews[i]!]));
  return {
    namespaceExists: !nsMissing,
    stages: stages.map((s) => ({ id: s.id, title: s.title, objects: s.objects.map((o) => byKey.get(o)!) })),
  };
}
