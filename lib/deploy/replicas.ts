/**
 * Replica drift: a Deployment or StatefulSet scaled by hand (the panel's scale button, `kubectl
 * scale`) has more or fewer replicas than the bundle says. The deploy either restores the
 * bundle's number (drift, as for any other field) or, when the operator chooses "keep live
 * replicas" — the way Argo CD can ignore replica drift — applies the bundle with the live number
 * in its place. Pure.
 *
 * Why the live number is put in rather than `spec.replicas` left out of the apply: server-side
 * apply removes a field its manager owned and no longer sends. Whenever the deploy's manager still
 * owns `spec.replicas` (alone, or with the scale — a scale to the same number, an earlier deploy
 * that kept the live number), leaving it out drops the field and the API server defaults it to 1:
 * a scale-down nobody asked for. Sending the live number always leaves the field where it is; the
 * deploy's manager shares it with the scale's (equal values do not conflict), and the next scale
 * takes it back.
 */
import { fieldManagers, type ManagedFieldsEntry } from '../object-yaml/managed-fields';
import type { KubeObj } from './transform';

/** The kinds whose replicas an operator scales. */
const SCALABLE = new Set(['Deployment', 'StatefulSet']);

/** Live and bundle replica counts that differ, and who set the live one. */
export interface ReplicaDrift {
  live: number;
  bundle: number;
  /** The managers owning the live `spec.replicas` (e.g. `imagepod-dashboard/scale`). */
  managers: string[];
}

const replicasOf = (o: KubeObj | null | undefined): number | undefined => {
  const r = (o?.spec as { replicas?: unknown } | undefined)?.replicas;
  return typeof r === 'number' ? r : undefined;
};

/** The drift between a bundle object and its live object; null when they agree or the kind does not scale. */
export function replicaDrift(bundle: KubeObj, live: KubeObj | null): ReplicaDrift | null {
  if (!SCALABLE.has(bundle.kind) || !live) return null;
  const b = replicasOf(bundle);
  const l = replicasOf(live);
  if (b === undefined || l === undefined || b === l) return null;
  const entries = (live.metadata as { managedFields?: ManagedFieldsEntry[] }).managedFields;
  const managers = fieldManagers(entries)
    .filter((m) => m.fields.includes('spec.replicas'))
    .map((m) => m.manager);
  return { live: l, bundle: b, managers: [...new Set(managers)] };
}

/** The bundle object with the live object's replicas in place of its own (unchanged when there is no drift). */
export function withLiveReplicas(bundle: KubeObj, live: KubeObj | null): KubeObj {
  const drift = replicaDrift(bundle, live);
  if (!drift) return bundle;
  return { ...bundle, spec: { ...(bundle.spec as object), replicas: drift.live } };
}
