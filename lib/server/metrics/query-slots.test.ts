import { describe, expect, it } from 'vitest';
import { HttpError } from '../errors/http-error';
import { QuerySlots, type SlotLimits } from './query-slots';

const limits: SlotLimits = { perSession: 2, global: 3, queuePerSession: 2, queueGlobal: 3, waitMs: 200 };
const never = new AbortController().signal;
const status = (p: Promise<unknown>) =>
  p.then(
    () => 200,
    (e: HttpError) => e.status,
  );

describe('QuerySlots', () => {
  it('runs perSession per session, queues a bounded number, refuses the rest with 429', async () => {
    const slots = new QuerySlots(() => limits);
    const a1 = await slots.acquire('a', never);
    await slots.acquire('a', never);
    const waiting = [slots.acquire('a', never), slots.acquire('a', never)];
    waiting[1]!.catch(() => {}); // it times out after the test
    expect(await status(slots.acquire('a', never))).toBe(429);
    expect(slots.stats()).toEqual({ running: 2, waiting: 2, sessions: 1 });
    // Another session is not held up by a's queue.
    const b1 = await slots.acquire('b', never);
    expect(slots.stats().running).toBe(3);
    a1();
    a1(); // a second release is a no-op
    await waiting[0];
    expect(slots.stats()).toEqual({ running: 3, waiting: 1, sessions: 2 });
    b1();
    // b's slot freed, but a is at its share: the waiter stays until one of a's ends.
    expect(slots.stats()).toEqual({ running: 2, waiting: 1, sessions: 1 });
  });

  it('a freed slot goes to the first waiter whose session is under its share', async () => {
    const slots = new QuerySlots(() => ({ ...limits, global: 2 }));
    const a1 = await slots.acquire('a', never);
    const a2 = await slots.acquire('a', never);
    const a3 = slots.acquire('a', never);
    const b1 = slots.acquire('b', never);
    a1();
    const first = await Promise.race([a3.then(() => 'a'), b1.then(() => 'b')]);
    expect(first).toBe('a'); // FIFO: a3 asked first and a is under its share again
    a2();
    await b1;
  });

  it('a waiter gives up after waitMs (429) or when its client goes (499), and leaves no trace', async () => {
    const slots = new QuerySlots(() => ({ ...limits, global: 1 }));
    const held = await slots.acquire('a', never);
    expect(await status(slots.acquire('b', never))).toBe(429);
    const ac = new AbortController();
    const gone = slots.acquire('c', ac.signal);
    ac.abort();
    expect(await status(gone)).toBe(499);
    held();
    expect(slots.stats()).toEqual({ running: 0, waiting: 0, sessions: 0 });
  });

  it('the global queue is bounded too', async () => {
    const slots = new QuerySlots(() => ({ ...limits, global: 1, queueGlobal: 1 }));
    await slots.acquire('a', never);
    void slots.acquire('b', never).catch(() => {});
    expect(await status(slots.acquire('c', never))).toBe(429);
  });
});
