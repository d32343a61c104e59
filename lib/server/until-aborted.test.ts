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

  it('stops listening once settled (no listener left on a long-lived signal)', async () => {
    const ctrl = new AbortController();
    let added = 0;
    let removed = 0;
    const signal = ctrl.signal;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = (...args: Parameters<typeof add>) => {
      added++;
      add(...args);
    };
    signal.removeEventListener = (...args: Parameters<typeof remove>) => {
      removed++;
      remove(...args);
    };
    for (let i = 0; i < 5; i++) await untilAborted(Promise.resolve(i), signal);
    expect([added, removed]).toEqual([5, 5]);
  });
});
