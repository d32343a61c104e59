/**
 * "Allocated but idle": GPUs held by a pod whose utilisation has stayed under a threshold. Pure:
 * works on the `DCGM_FI_DEV_GPU_UTIL{pod!=""}` range result; tested with hand-made series.
 */
import type { PromSeries } from './shape';

export interface IdleGpu {
  node: string;
  gpu: string;
  uuid: string;
  model: string;
  namespace: string;
  pod: string;
  container: string;
  /** Start of the trailing run of samples under the threshold (ISO). */
  idleSince: string;
  /** How long it has been under the threshold, in seconds (at least up to its last sample). */
  idleSeconds: number;
  /** The highest utilisation seen during that run (%). */
  maxUtil: number;
}

export interface IdleOptions {
  /** Utilisation (%) under which a GPU counts as idle. */
  threshold: number;
  /** Flag only GPUs idle at least this long (seconds). */
  minSeconds: number;
  /** End of the window (unix seconds) and how stale a last sample may be (the pod is gone). */
  end: number;
  staleSeconds: number;
}

/** The idle GPUs, longest idle first. A GPU with any sample at or over the threshold recently is busy. */
export function findIdleGpus(series: PromSeries[], o: IdleOptions): IdleGpu[] {
  const out: IdleGpu[] = [];
  for (const s of series) {
    const m = s.metric;
    const last = s.values.at(-1);
    if (!m.pod || !last || last[0] < o.end - o.staleSeconds) continue;
    let i = s.values.length;
    let max = 0;
    while (i > 0) {
      const v = Number(s.values[i - 1]![1]);
      if (!(v < o.threshold)) break;
      max = Math.max(max, v);
      i--;
    }
    if (i === s.values.length) continue;
    const since = s.values[i]![0];
    const idleSeconds = last[0] - since;
    if (idleSeconds < o.minSeconds) continue;
    out.push({
      node: m.node ?? m.Hostname ?? '', gpu: m.gpu ?? '', uuid: m.UUID ?? '', model: m.modelName ?? '',
      namespace: m.namespace ?? '', pod: m.pod, container: m.container ?? '',
      idleSince: new Date(since * 1000).toISOString(), idleSeconds, maxUtil: max,
    });
  }
  return out.sort((a, b) => b.idleSeconds - a.idleSeconds || a.node.localeCompare(b.node) || Number(a.gpu) - Number(b.gpu));
}
