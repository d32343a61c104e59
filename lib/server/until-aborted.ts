/**
 * Callers waiting on each signal. One listener per signal, however many callers: a request's
 * signal is handed to dozens of concurrent access reviews, and a listener each would pass
 * Node's limit of 10 per EventTarget (a MaxListenersExceededWarning per request).
 */
const waiting = new WeakMap<AbortSignal, Set<() => void>>();

function onAbort(signal: AbortSignal, fn: () => void): () => void {
  let set = waiting.get(signal);
  if (!set) {
    const callers = new Set<() => void>();
    set = callers;
    waiting.set(signal, callers);
    signal.addEventListener(
      'abort',
      () => {
        for (const f of callers) f();
        callers.clear();
      },
      { once: true },
    );
  }
  set.add(fn);
  return () => set.delete(fn);
}

/**
 * `p`, or a rejection as soon as `signal` aborts, whichever comes first. For a promise shared by
 * several callers: each caller races its own signal, so one caller going away fails only itself
 * and the shared work carries on for the others. The rejection is the signal's reason (an
 * AbortError unless the caller gave another).
 */
export function untilAborted<T>(p: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) {
    // This caller stops waiting; `p` is left to its other callers, and its failure is not this one's.
    p.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const stop = onAbort(signal, () => reject(signal.reason));
    p.then(
      (v) => {
        stop();
        resolve(v);
      },
      (e: unknown) => {
        stop();
        reject(e);
      },
    );
  });
}
