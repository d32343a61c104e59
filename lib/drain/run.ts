/**
 * The browser's drain loop: sends the pods to evict one per request, the first alone (it cordons
 * the node, so the cordon is one request and one audit record) and then a few at a time, so the
 * node page shows each pod's progress as its answer comes. Stops sending when `signal` aborts
 * (the operator pressed Stop or left the page): nothing else runs anywhere, on the server or here.
 * A failed request (403, the panel unreachable) ends the loop with the error; the pods not sent
 * stay `waiting`. Pure apart from `send`.
 */
import type { EvictionResult } from './outcome';

/** A pod of the run, by the uid the preview showed. */
export interface RunPod {
  namespace: string;
  name: string;
  uid: string;
}

/** How many requests are out at once after the first. */
export const RUN_PARALLEL = 3;

/** Runs the drain; `onStep` hears `evicting` when a pod's request goes out, then its result. */
export async function runDrain(
  pods: readonly RunPod[],
  send: (pod: RunPod, signal: AbortSignal) => Promise<EvictionResult>,
  onStep: (uid: string, step: 'evicting' | EvictionResult) => void,
  signal: AbortSignal,
  parallel = RUN_PARALLEL,
): Promise<{ error: unknown } | null> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const one = async (): Promise<boolean> => {
    if (signal.aborted || failure || next >= pods.length) return false;
    const pod = pods[next++]!;
    onStep(pod.uid, 'evicting');
    try {
      onStep(pod.uid, await send(pod, signal));
    } catch (error) {
      if (!signal.aborted) failure ??= { error };
      onStep(pod.uid, { ...pod, state: 'failed', message: signal.aborted ? 'stopped' : messageOf(error) });
      return false;
    }
    return true;
  };
  if (await one())
    await Promise.all(
      Array.from({ length: Math.min(parallel, pods.length - 1) }, async () => {
        while (await one());
      }),
    );
  return failure;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
