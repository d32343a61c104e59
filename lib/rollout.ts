/**
 * Rollout state computed as `kubectl rollout status` does, for Deployments, StatefulSets and
 * DaemonSets. Pure; the operate issue builds its progress view on it.
 */
import type { Workload } from './kube-types';

export interface RolloutState {
  state: 'complete' | 'progressing' | 'paused' | 'failed';
  message: string;
}

export function rolloutState(kind: 'Deployment' | 'StatefulSet' | 'DaemonSet', w: Workload): RolloutState {
  const gen = w.metadata.generation ?? 0;
  const s = w.status ?? {};
  const observed = s.observedGeneration ?? 0;
  if (observed < gen) return { state: 'progressing', message: 'Waiting for the controller to observe the new spec' };

  if (kind === 'Deployment') {
    if (w.spec?.paused) return { state: 'paused', message: 'Rollout is paused' };
    const progressing = s.conditions?.find((c) => c.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') {
      return { state: 'failed', message: `Deployment exceeded its progress deadline` };
    }
    const want = w.spec?.replicas ?? 1;
    const updated = s.updatedReplicas ?? 0;
    const total = s.replicas ?? 0;
    const available = s.availableReplicas ?? 0;
    if (updated < want)
      return { state: 'progressing', message: `${updated} of ${want} new replicas have been updated` };
    if (total > updated)
      return { state: 'progressing', message: `${total - updated} old replicas are pending termination` };
    if (available < updated)
      return { state: 'progressing', message: `${available} of ${updated} updated replicas are available` };
    return { state: 'complete', message: 'Successfully rolled out' };
  }

  if (kind === 'StatefulSet') {
    const strategy = w.spec?.updateStrategy?.type ?? 'RollingUpdate';
    if (strategy !== 'RollingUpdate')
      return { state: 'complete', message: `${strategy} strategy: rollout status is not tracked` };
    const want = w.spec?.replicas ?? 1;
    const ready = s.readyReplicas ?? 0;
    if (ready < want) return { state: 'progressing', message: `${ready} of ${want} pods are ready` };
    const partition = w.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
    if (partition > 0) {
      const updated = s.updatedReplicas ?? 0;
      if (updated < want - partition) {
        return { state: 'progressing', message: `${updated} of ${want - partition} partitioned pods updated` };
      }
      return { state: 'complete', message: `Partitioned roll out complete: ${updated} new pods` };
    }
    if (s.updateRevision !== s.currentRevision) {
      return { state: 'progressing', message: `${s.updatedReplicas ?? 0} of ${want} pods are on the update revision` };
    }
    return { state: 'complete', message: 'Rolling update complete' };
  }

  const strategy = w.spec?.updateStrategy?.type ?? 'RollingUpdate';
  if (strategy !== 'RollingUpdate')
    return { state: 'complete', message: `${strategy} strategy: rollout status is not tracked` };
  const desired = s.desiredNumberScheduled ?? 0;
  const updated = s.updatedNumberScheduled ?? 0;
  const available = s.numberAvailable ?? 0;
  if (updated < desired)
    return { state: 'progressing', message: `${updated} of ${desired} updated pods are scheduled` };
  if (available < desired)
    return { state: 'progressing', message: `${available} of ${desired} updated pods are available` };
  if (desired === 0)
    return { state: 'complete', message: 'No node selected: 0 pods (label GPU nodes to place workers)' };
  return { state: 'complete', message: 'Successfully rolled out' };
}
