import { nightlyCronJob, webDeployment } from '../builders/manifests';
/**
 * The adversarial suite, part one: every route file under app/api (found on disk, so a new route
 * joins by itself and fails until it has an input model) gets hostile query strings, path segments
 * and bodies, as the cluster admin and, for a fifth of the requests, as a user with no rights.
 * Every answer must be a clear 4xx (JSON with a known error code) or a correct 2xx — never a 5xx,
 * never later than the deadline — and the cluster must be as it was (adversarial-models.ts says
 * why no generated request can make a valid change outside the scratch namespace).
 * ADVERSARIAL_RUNS (default 60) scales the requests per route; ADVERSARIAL_SEED replays a run.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KUBECONFIG, TestUsers, apply, createNamespace, eventually, kubectl, signIn, uniqueName } from './helpers';
import {
  answerProblem,
  clusterDigest,
  digestDiff,
  eventCount,
  fillPattern,
  hostileCall,
  loadRoutes,
  type Method,
  type RouteEntry,
} from './adversarial-helpers';
import { hostileBody, hostileQuery } from './adversarial-inputs';
import { routeModels, type ModelContext, type RouteModel } from './adversarial-models';

// The route handlers use the process-wide cache; point it at the devcluster before first use.
process.env.KUBECONFIG = KUBECONFIG;
delete process.env.KUBERNETES_SERVICE_HOST;

/** Requests per route and method (a model may ask for more or fewer); ADVERSARIAL_RUNS scales it. */
const RUNS = Number(process.env.ADVERSARIAL_RUNS ?? 60);
const SEED = Number(process.env.ADVERSARIAL_SEED ?? Date.now() % 2 ** 31);
const AUDIT_NS = process.env.IMAGEPOD_AUDIT_NAMESPACE ?? 'imagepod';

interface Sample {
  query: string;
  params: Record<string, string>;
  body: { text: string; type: string } | undefined;
  asNobody: boolean;
}

function sampleArb(model: RouteModel, method: Method): fc.Arbitrary<Sample> {
  const params = fc.record(model.params ?? {});
  const query =
    model.query === undefined
      ? fc.constant('')
      : model.query instanceof fc.Arbitrary
        ? model.query
        : hostileQuery(model.query);
  const body = method === 'GET' || !model.body ? fc.constant(undefined) : hostileBody(model.body);
  // A fifth of the requests come from a user with no rights at all.
  const asNobody = fc.nat({ max: 4 }).map((n) => n === 0);
  return fc.record({ query, params, body, asNobody });
}

const users = new TestUsers();
const SCRATCH = uniqueName('adv-scratch');
let routes: RouteEntry[] = [];
let ctx: ModelContext;
let cookies: { admin: string; nobody: string };
let before: Map<string, string>;
let eventsBefore = 0;
const tally = { tried: 0, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, hang: 0, slowestMs: 0, slowest: '' };
const problems: string[] = [];
/** Statuses per route and method (printed with ADVERSARIAL_VERBOSE=1, to see what the generators reach). */
const perRoute = new Map<string, Record<number, number>>();
const messages = new Map<string, number>();

describe('every route, hostile input', () => {
  beforeAll(async () => {
    await users.create();
    await createNamespace(SCRATCH);
    await apply(webDeployment(SCRATCH));
    await apply(nightlyCronJob(SCRATCH));
    const pod = await eventually(
      async () => (await kubectl(['get', 'pods', '-n', SCRATCH, '-o', 'name'])).trim().replace('pod/', ''),
      30_000,
      'scratch pod',
    );
    const nodes = (await kubectl(['get', 'nodes', '-o', 'name']))
      .trim()
      .split('\n')
      .map((s) => s.replace('node/', ''));
    const namespaces = (await kubectl(['get', 'namespaces', '-o', 'name']))
      .trim()
      .split('\n')
      .map((s) => s.replace('namespace/', ''));
    ctx = { scratch: SCRATCH, scratchPod: pod, nodes: new Set(nodes), namespaces: new Set(namespaces) };
    cookies = { admin: await signIn(await users.token('admin')), nobody: await signIn(await users.token('nobody')) };
    routes = await loadRoutes();
    // A 503 while the process-wide cache first loads is right, but not what this suite is about.
    const health = routes.find((r) => r.pattern === '/api/health')!.handlers.GET!;
    await eventually(
      async () =>
        (
          (await hostileCall(health, { method: 'GET', url: '/api/health', params: {}, cookie: cookies.admin }))
            .json as {
            state?: string;
          }
        )?.state === 'synced',
      60_000,
      'the cache synced',
    );
    // The test's own namespaces are fixtures: the scratch one takes the valid writes.
    before = await clusterDigest(new Set([SCRATCH, users.ns, users.teamA, users.teamB]));
    eventsBefore = await eventCount(AUDIT_NS).catch(() => 0);
  });

  afterAll(async () => {
    console.log(
      `adversarial summary (seed ${SEED}): ${tally.tried} requests tried; 2xx ${tally['2xx']}, 3xx ${tally['3xx']}, ` +
        `4xx ${tally['4xx']}, 5xx ${tally['5xx']}, no answer ${tally.hang}; slowest ${tally.slowestMs} ms (${tally.slowest})`,
    );
    if (process.env.ADVERSARIAL_VERBOSE)
      for (const [k, v] of perRoute) console.log(`${k.padEnd(60)} ${JSON.stringify(v)}`);
    if (process.env.ADVERSARIAL_VERBOSE) for (const [k, v] of [...messages].sort()) console.log(`MSG ${v} ${k}`);
    await kubectl(['delete', 'namespace', SCRATCH, '--wait=false']);
    await users.remove();
  });

  it('has an input model for every route and method, and none for a route that is gone', () => {
    const models = routeModels(ctx);
    const wanted = routes.flatMap((r) => Object.keys(r.handlers).map((m) => `${m} ${r.pattern}`));
    expect(routes.length).toBeGreaterThan(40);
    expect(
      wanted.filter((k) => !models[k]),
      'routes without an input model',
    ).toEqual([]);
    expect(
      Object.keys(models).filter((k) => !wanted.includes(k)),
      'models of no route',
    ).toEqual([]);
    for (const r of routes)
      for (const m of Object.keys(r.handlers))
        expect(Object.keys(models[`${m} ${r.pattern}`]?.params ?? {}).sort(), `${m} ${r.pattern} params`).toEqual(
          [...r.params].sort(),
        );
  });

  it('answers every request with a clear 4xx or a correct 2xx, in time', { timeout: 900_000 }, async () => {
    const models = routeModels(ctx);
    const throwaway = await signIn(await users.token('admin'));
    let seedOffset = 0;
    for (const r of routes) {
      for (const [method, handler] of Object.entries(r.handlers) as [
        Method,
        NonNullable<RouteEntry['handlers'][Method]>,
      ][]) {
        const key = `${method} ${r.pattern}`;
        const model = models[key]!;
        const samples = fc.sample(sampleArb(model, method), {
          numRuns: Math.max(1, Math.round(((model.runs ?? 30) * RUNS) / 30)),
          seed: SEED + seedOffset++,
        });
        for (const s of samples) {
          const url = `${fillPattern(r.pattern, s.params)}${s.query ? `?${s.query}` : ''}`;
          const cookie = model.throwawaySession ? throwaway : s.asNobody ? cookies.nobody : cookies.admin;
          const a = await hostileCall(handler, {
            method,
            url,
            params: s.params,
            cookie,
            rawBody: s.body?.text,
            contentType: s.body?.type,
          });
          tally.tried++;
          const seen = perRoute.get(key) ?? {};
          seen[a.status] = (seen[a.status] ?? 0) + 1;
          perRoute.set(key, seen);
          const msg = (a.json as { error?: { message?: string } } | undefined)?.error?.message;
          if (msg)
            messages.set(
              `${key} ${a.status} ${msg.slice(0, 50)}`,
              (messages.get(`${key} ${a.status} ${msg.slice(0, 50)}`) ?? 0) + 1,
            );
          if (a.failure) tally.hang++;
          else tally[`${Math.floor(a.status / 100)}xx` as '2xx' | '3xx' | '4xx' | '5xx']++;
          if (a.ms > tally.slowestMs) Object.assign(tally, { slowestMs: a.ms, slowest: `${key} ${url.slice(0, 120)}` });
          const problem = answerProblem(a, { redirects: model.redirects });
          if (problem)
            problems.push(
              `${key} as ${s.asNobody ? 'nobody' : 'admin'}: ${problem} — ${JSON.stringify({ url, params: s.params, body: s.body?.text.slice(0, 300), type: s.body?.type, answer: a.json })}`.slice(
                0,
                1200,
              ),
            );
        }
      }
    }
    expect(problems.slice(0, 40), `${problems.length} bad answers`).toEqual([]);
  });

  it('left the cluster as it was (every kind the panel can write)', async () => {
    const after = await clusterDigest(new Set([SCRATCH, users.ns, users.teamA, users.teamB]));
    const events = (await eventCount(AUDIT_NS).catch(() => 0)) - eventsBefore;
    console.log(`adversarial: ${before.size} objects compared; ${events} audit Events written in ${AUDIT_NS}`);
    expect(digestDiff(before, after)).toEqual([]);
  });

  it('would have noticed a change (the digest is not blind)', async () => {
    const a = await clusterDigest(new Set());
    await kubectl(['label', 'deployment', 'web', '-n', SCRATCH, 'adversarial=seen']);
    expect(digestDiff(a, await clusterDigest(new Set()))).toEqual([`changed Deployment/${SCRATCH}/web`]);
  });
});
