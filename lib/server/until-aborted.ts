/**
 * `p`, or a rejection as soon as `signal` aborts, whichever comes first. For a promise shared by
 * several callers: each caller races its own signal, so one caller going away fails only itself
 * and the shared work carries on for the others. The rejection is the signal's reason (an
 * AbortError unless the caller gave another).
 */
export function untilAborted<T>(p: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
