/**
 * "Allocated but idle": GPU units held by pods whose activity has stayed under a threshold. Pure:
 * works on the range result of `unitActivity('pod!=""')` (lib/metrics/gpu-series.ts); tested with
 * hand-made series. A unit is a whole GPU, a MIG instance (its own candidate, with its profile), or
 * a shared GPU: its holders' series (label `vgpu`) fold into one physical GPU, idle only when every
 * holder's series is, and every holder is listed.
 */
import type { PromSeries } from './shape';

/** What kind of unit was found idle. */
export type IdleUnitKind = 'gpu' | 'mig' | 'shared';

/** A pod holding (part of) an idle unit. */
export interface IdleHolder {
  namespace: string;
  pod: string;
  container: string;
  /** The share (replica) it holds, on a shared GPU. */
  vgpu?: string;
}

export interface IdleGpu {
  kind: IdleUnitKind;
  node: string;
  gpu: string;
  uuid: string;
  model: string;
  /** MIG instance id (`GPU_I_ID`) and profile (`GPU_I_PROFILE`), for a MIG instance. */
  instance?: string;
  profile?: string;
  /** The first holder (as before shared GPUs were folded); `holders` has them all. */
  namespace: string;
  pod: string;
  container: string;
  holders: IdleHolder[];
  /** Start of the trailing run of samples under the threshold (ISO). */
  idleSince: string;
  /** How long it has been under the threshold, in seconds (at least up to its last sample). */
  idleSeconds: number;
  /** The highest activity seen during that run (%). */
  maxUtil: number;
}

export interface IdleOptions {
  /** Activity (%) under which a unit counts as idle. */
  threshold: number;
  /** Flag only units idle at least this long (seconds). */
  minSeconds: number;
  /** End of the window (unix seconds) and how stale a last sample may be (the pod is gone). */
  end: number;
  staleSeconds: number;
}

const kindOf = (m: Record<string, string>): IdleUnitKind =>
  m.GPU_I_ID ? 'mig' : m.vgpu !== undefined ? 'shared' : 'gpu';
/**
 * Which series measure one unit held by one pod: a whole GPU or MIG instance per holder (one that
 * changed hands has a series per pod), a shared GPU with all its holders.
 */
const unitKey = (m: Record<string, string>) =>
  [
    m.node ?? m.Hostname ?? '',
    m.UUID || m.gpu || '',
    m.GPU_I_ID ?? '',
    m.vgpu !== undefined ? '' : `${m.namespace ?? ''}/${m.pod}`,
  ].join('\u0000');
const collator = new Intl.Collator('en', { numeric: true });

/** The unit's activity per timestamp: the busiest holder's value (shares of one GPU repeat the device). */
function merged(group: PromSeries[]): [number, number][] {
  const at = new Map<number, number>();
  for (const s of group) for (const [t, v] of s.values) at.set(t, Math.max(at.get(t) ?? -Infinity, Number(v)));
  return [...at].sort((a, b) => a[0] - b[0]);
}

/** The idle units, longest idle first. A unit with any sample at or over the threshold recently is busy. */
export function findIdleGpus(series: PromSeries[], o: IdleOptions): IdleGpu[] {
  const groups = new Map<string, PromSeries[]>();
  for (const s of series) {
    const last = s.values.at(-1);
    if (!s.metric.pod || !last || last[0] < o.end - o.staleSeconds) continue;
    const k = unitKey(s.metric);
    groups.set(k, [...(groups.get(k) ?? []), s]);
  }
  const out: IdleGpu[] = [];
  for (const group of groups.values()) {
    const values = merged(group);
    let i = values.length;
    let max = 0;
    while (i > 0 && values[i - 1]![1] < o.threshold) max = Math.max(max, values[--i]![1]);
    if (i === values.length) continue;
    const since = values[i]![0];
    const idleSeconds = values.at(-1)![0] - since;
    if (idleSeconds < o.minSeconds) continue;
    const holders = group
      .map(({ metric: h }) => ({
        namespace: h.namespace ?? '',
        pod: h.pod!,
        container: h.container ?? '',
        ...(h.vgpu !== undefined ? { vgpu: h.vgpu } : {}),
      }))
      .sort(
        (a, b) =>
          collator.compare(a.vgpu ?? '', b.vgpu ?? '') ||
          collator.compare(`${a.namespace}/${a.pod}`, `${b.namespace}/${b.pod}`),
      );
    const m = group[0]!.metric;
    out.push({
      kind: kindOf(m),
      node: m.node ?? m.Hostname ?? '',
      gpu: m.gpu ?? '',
      uuid: m.UUID ?? '',
      model: m.modelName ?? '',
      ...(m.GPU_I_ID ? { instance: m.GPU_I_ID, profile: m.GPU_I_PROFILE ?? '' } : {}),
      namespace: holders[0]!.namespace,
      pod: holders[0]!.pod,
      container: holders[0]!.container,
      holders,
      idleSince: new Date(since * 1000).toISOString(),
      idleSeconds,
      maxUtil: Math.round(max * 100) / 100,
    });
  }
  return out.sort(
    (a, b) =>
      b.idleSeconds - a.idleSeconds ||
      a.node.localeCompare(b.node) ||
      collator.compare(a.gpu, b.gpu) ||
      collator.compare(a.instance ?? '', b.instance ?? ''),
  );
}
