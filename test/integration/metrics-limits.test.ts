import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestUsers, callRoute, signIn } from './helpers';

/**
 * Prometheus' memory in the panel is bounded, against the devcluster's real Prometheus: a session
 * floods the panel with heavy queries and gets 429s while another session is still answered, and
 * an answer over the byte cap is cut off with a clear message.
 */
const PROM = (process.env.IMAGEPOD_PROMETHEUS_URL ??= 'http://127.0.0.1:32750');

const { GET: queryRoute } = await import('@/app/api/metrics/query/route');
const { promSlots } = await import('@/lib/server/metrics/prometheus');

const users = new TestUsers();
let flooder = '';
let other = '';
/** Every series of the devcluster: heavy for Prometheus (~0.8 s over 15 min alone), ~3.5 MiB per copy over 1 h at 4 s. */
const EVERYTHING = '{__name__=~".+"}';
const query = (cookie: string, q: string, extra: Record<string, string> = { range: '15m' }) =>
  callRoute(queryRoute, `/api/metrics/query?${new URLSearchParams({ query: q, ...extra })}`, { cookie });

describe('Prometheus limits', () => {
  beforeAll(async () => {
    await users.create();
    flooder = await signIn(await users.token('admin'));
    other = await signIn(await users.token('admin'));
  });
  afterAll(() => users.remove());

  it('80 parallel heavy queries from one session: some 429 at once, a second session is still answered', async () => {
    const heavy = `count by (job) (${EVERYTHING})`;
    const started = Date.now();
    const flood = Array.from({ length: 80 }, () => query(flooder, heavy));
    // The flood holds its 3 slots and its queue; the other session's query runs beside it.
    const t0 = Date.now();
    const second = await query(other, 'count(up)');
    const secondMs = Date.now() - t0;
    const statuses = (await Promise.all(flood)).map((r) => r.status);
    const floodMs = Date.now() - started;
    const count = (s: number) => statuses.filter((x) => x === s).length;
    console.log(
      `[metrics-limits] flood: ${count(200)} × 200, ${count(429)} × 429 in ${floodMs} ms; second session ${second.status} in ${secondMs} ms`,
    );
    expect(second.status).toBe(200);
    expect(count(429)).toBeGreaterThanOrEqual(80 - 3 - 48);
    expect(count(200) + count(429)).toBe(80);
    const refused = (
      await Promise.all([query(flooder, heavy), ...Array.from({ length: 60 }, () => query(flooder, 'up'))])
    )
      .filter((r) => r.status === 429)
      .map((r) => r.body.error?.message);
    expect(refused[0]).toMatch(/Too many metric queries at once from this session/);
    expect(promSlots().stats()).toEqual({ running: 0, waiting: 0, sessions: 0 });
  }, 120_000);

  it('an answer over the 4 MiB cap → 422 saying so; the same query over a shorter window is answered', async () => {
    const now = Math.floor(Date.now() / 1000);
    // GPUs and nodes (the simulator's and kube-state-metrics', steady), twice: ~8 MiB over 1 h at 4 s.
    const gpusAndNodes = '{__name__=~"DCGM_.+|kube_node_.+"}';
    const big = `${gpusAndNodes} or label_replace(${gpusAndNodes}, "copy", "1", "", "")`;
    const params = new URLSearchParams({ query: big, start: String(now - 3600), end: String(now), step: '4' });
    const size = (await (await fetch(`${PROM}/api/v1/query_range`, { method: 'POST', body: params })).text()).length;
    // Over the new cap, under today's 16 MiB one (which let it through).
    expect(size).toBeGreaterThan(4 * 1024 * 1024);
    expect(size).toBeLessThan(16 * 1024 * 1024);
    const res = await query(flooder, big, { start: String(now - 3600), end: String(now), step: '4' });
    expect(res.status).toBe(422);
    expect(res.body.error?.message).toMatch(/larger than 4 MiB: narrow the query or the time range/);
    const small = await query(flooder, 'count(up)', { start: String(now - 300), end: String(now) });
    expect(small.status).toBe(200);
  }, 60_000);

  it('a subquery of a huge range at a tiny step → 400 before Prometheus is asked', async () => {
    const r = await query(flooder, 'max_over_time(up[31d:1s])');
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'BAD_REQUEST', field: 'query' });
    expect(r.body.error?.message).toMatch(/evaluations over this window \(at most 11,000\): use a step of at least/);
  });
});
