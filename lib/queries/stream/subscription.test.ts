import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Subscription, type SubState } from './subscription';

type Call = { url: string; method: string; body: Record<string, unknown> | null };
let calls: Call[] = [];
let answers: { status: number; body: unknown }[] = [];

beforeEach(() => {
  calls = [];
  answers = [];
  vi.useFakeTimers();
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    calls.push({
      url,
      method: init.method ?? 'GET',
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : null,
    });
    const a = answers.shift() ?? { status: 200, body: { subscribed: 'x' } };
    return new Response(JSON.stringify(a.body), { status: a.status, headers: { 'content-type': 'application/json' } });
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function sub() {
  const states: SubState[] = [];
  const events: string[] = [];
  let n = 0;
  const s = new Subscription('s1', {
    request: () => ({ topic: 'logs', query: { namespace: 'ns', pod: 'p', since: `resume-${n++}` } }),
    event: (e) => events.push(e),
    state: (st) => states.push(st),
  });
  return { s, states, events };
}
const flush = () => vi.advanceTimersByTimeAsync(0);
const notFound = (field?: string) => ({ status: 404, body: { error: { code: 'NOT_FOUND', message: 'gone', field } } });

describe('Subscription', () => {
  it('subscribes on the channel with a fresh request each time, and re-subscribes on a new channel', async () => {
    const { s, states } = sub();
    s.channel('c1');
    await flush();
    expect(calls[0]).toMatchObject({
      url: '/api/stream/subscriptions',
      method: 'POST',
      body: { channel: 'c1', id: 's1', topic: 'logs', query: { since: 'resume-0' } },
    });
    expect(states.at(-1)).toEqual({ status: 'open' });
    s.channel('c1');
    expect(calls).toHaveLength(1);
    s.channel('c2');
    await flush();
    expect(calls[1]!.body).toMatchObject({ channel: 'c2', query: { since: 'resume-1' } });
  });

  it("waits for the next channel when its channel is gone, but a pod's 404 is final", async () => {
    const { s, states } = sub();
    answers.push(notFound('channel'));
    s.channel('c1');
    await flush();
    expect(states.at(-1)).toMatchObject({ status: 'reconnecting' });
    s.channel('c2');
    await flush();
    expect(states.at(-1)).toEqual({ status: 'open' });

    const other = sub();
    answers.push(notFound());
    other.s.channel('c3');
    await flush();
    expect(other.states.at(-1)).toMatchObject({ status: 'error', httpStatus: 404, message: 'gone' });
    other.s.channel('c4');
    await flush();
    expect(calls.filter((c) => c.body?.channel === 'c4')).toHaveLength(0);
  });

  it('retries a transient failure on the same channel with the backoff', async () => {
    const { s, states } = sub();
    answers.push({ status: 503, body: { error: { code: 'UNAVAILABLE', message: 'later' } } });
    s.channel('c1');
    await flush();
    expect(states.at(-1)).toEqual({ status: 'reconnecting', attempts: 1 });
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    expect(states.at(-1)).toEqual({ status: 'open' });
  });

  it('ends on the end event; a close sends the DELETE', async () => {
    const { s, states, events } = sub();
    s.channel('c1');
    await flush();
    s.deliver('lines', {});
    s.deliver('end', {});
    s.deliver('lines', {});
    expect(events).toEqual(['lines', 'end']);
    expect(states.at(-1)).toEqual({ status: 'ended' });
    const live = sub();
    live.s.channel('c9');
    await flush();
    live.s.close();
    await flush();
    expect(calls.at(-1)).toMatchObject({ method: 'DELETE', url: '/api/stream/subscriptions?channel=c9&id=s1' });
  });
});
