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

/**
 * `copies` copies of the nodes' kube-state-metrics series (steady whatever other tests run: the
 * devcluster's nodes are fixed), each with its own label: an answer whose size the test chooses.
 */
const NODE_SERIES = '{__name__=~"kube_node_.+"}';
const nodeCopies = (copies: number) =>
  Array.from({ length: copies }, (_, i) => `label_replace(${NODE_SERIES}, "copy", "${i}", "", "")`).join(' or ');
const HOUR_AT_4S = () => {
  const now = Math.floor(Date.now() / 1000);
  return { start: String(now - 3600), end: String(now), step: '4' };
};
async function directSize(expr: string, w: Record<string, string>): Promise<number> {
  const params = new URLSearchParams({ query: expr, ...w });
  return (await (await fetch(`${PROM}/api/v1/query_range`, { method: 'POST', body: params })).text()).length;
}
/** The number of copies for an answer of about `bytes` over `w`. */
const copiesFor = async (bytes: number, w: Record<string, string>) =>
  Math.max(1, Math.round(bytes / (await directSize(nodeCopies(1), w))));

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
    const w = HOUR_AT_4S();
    const big = nodeCopies(await copiesFor(8 * 1048576, w));
    const size = await directSize(big, w);
    // Over the new cap, under today's 16 MiB one (which let it through).
    expect(size).toBeGreaterThan(4 * 1024 * 1024);
    expect(size).toBeLessThan(16 * 1024 * 1024);
    const res = await query(flooder, big, w);
    expect(res.status).toBe(422);
    expect(res.body.error?.message).toMatch(/larger than 4 MiB: narrow the query or the time range/);
    const end = Math.floor(Date.now() / 1000);
    const small = await query(flooder, nodeCopies(1), { start: String(end - 300), end: String(end), step: '4' });
    expect(small.status).toBe(200);
  }, 60_000);

  it('five sessions × 8 near-cap answers at once: each is answered or told to retry (RSS printed)', async () => {
    const sessions = [
      flooder,
      other,
      ...(await Promise.all([0, 1, 2].map(async () => signIn(await users.token('admin'))))),
    ];
    // ~3 MiB each, under the 4 MiB cap: copies of the node series over the last 15 min (a fresh
    // cluster has only minutes of samples, so the size is reached with copies, not a longer
    // window), rounded down so that no answer passes the cap.
    const now = Math.floor(Date.now() / 1000);
    const window = { start: String(now - 900), end: String(now), step: '4' };
    const perCopy = await directSize(nodeCopies(1), window);
    const nearCap = nodeCopies(Math.max(1, Math.floor((3 * 1048576) / perCopy)));
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const t0 = Date.now();
    const answers = await Promise.all(
      sessions.flatMap((c) => Array.from({ length: 8 }, () => query(c, nearCap, window))),
    );
    clearInterval(sampler);
    const statuses = answers.map((a) => a.status);
    const mib = (n: number) => Math.round(n / 1048576);
    console.log(
      `[metrics-limits] 40 near-cap queries from 5 sessions: ${statuses.filter((s) => s === 200).length} × 200, ` +
        `${statuses.filter((s) => s === 429).length} × 429 in ${Date.now() - t0} ms; RSS ${mib(before)} → peak ${mib(peak)} MiB`,
    );
    expect(
      statuses.filter((s) => s !== 200 && s !== 429),
      JSON.stringify(answers.find((a) => a.status !== 200 && a.status !== 429)?.body),
    ).toEqual([]);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    // A figure, not a bound: this process also holds all 40 parsed answers the test receives.
  }, 120_000);

  it('a subquery of a huge range at a tiny step → 400 before Prometheus is asked', async () => {
    const r = await query(flooder, 'max_over_time(up[31d:1s])');
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'BAD_REQUEST', field: 'query' });
    expect(r.body.error?.message).toMatch(/evaluations over this window \(at most 11,000\): use a step of at least/);
  });
});
