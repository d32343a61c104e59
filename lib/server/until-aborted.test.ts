import { describe, expect, it } from 'vitest';
import { untilAborted } from './until-aborted';

function deferred<T>() {
  let resolve!: (v: T) => void;
  const p = new Promise<T>((r) => (resolve = r));
  return { p, resolve };
}

describe('untilAborted', () => {
  it("one caller's abort rejects that caller only; the others get the shared answer", async () => {
    const shared = deferred<string>();
    const a = new AbortController();
    const b = new AbortController();
    const first = untilAborted(shared.p, a.signal);
    const second = untilAborted(shared.p, b.signal);
    const third = untilAborted(shared.p);
    a.abort();
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    shared.resolve('yes');
    await expect(second).resolves.toBe('yes');
    await expect(third).resolves.toBe('yes');
  });

  it('rejects at once for a signal already aborted, and passes the shared failure through', async () => {
    const gone = AbortSignal.abort();
    await expect(untilAborted(new Promise(() => undefined), gone)).rejects.toMatchObject({ name: 'AbortError' });
    const failed = Promise.reject(new Error('no'));
    await expect(untilAborted(failed, new AbortController().signal)).rejects.toThrow('no');
  });

  it('a failing promise handed in with a signal already aborted is not left unhandled', async () => {
    // Vitest fails the run on an unhandled rejection: before, `p` was dropped without a handler.
    await expect(untilAborted(Promise.reject(new Error('late')), AbortSignal.abort())).rejects.toMatchObject({
      name: 'AbortError',
    });
    await new Promise((r) => setTimeout(r, 10));
  });

  it('adds one listener per signal however many callers wait on it (no MaxListeners warning)', async () => {
    const ctrl = new AbortController();
    let added = 0;
    const signal = ctrl.signal;
    const add = signal.addEventListener.bind(signal);
    signal.addEventListener = (...args: Parameters<typeof add>) => {
      added++;
      add(...args);
    };
    const never = new Promise<number>(() => undefined);
    const waits = Array.from({ length: 50 }, () => untilAborted(never, signal));
    for (let i = 0; i < 5; i++) await untilAborted(Promise.resolve(i), signal);
    expect(added).toBe(1);
    ctrl.abort();
    const settled = await Promise.allSettled(waits);
    expect(settled.every((r) => r.status === 'rejected')).toBe(true);
  });
});
