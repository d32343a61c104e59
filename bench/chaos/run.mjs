#!/usr/bin/env node
/**
 * Chaos for deploys across replicas (issue 13): two panel servers (the standalone build) against
 * the devcluster, one session secret, a short deploy lease. BENCH_CHAOS_RUNS deploys/redeploys
 * (alternating settings), each started on a random replica; some replicas are killed (SIGKILL) at
 * a random moment of the run, and a few times the kube-apiserver itself is restarted. A run left
 * interrupted is resumed from the surviving replica; a killed replica is started again.
 * At the end, checked and printed:
 *   - the stack equals the bundle: the panel's own dry run of the last settings changes nothing;
 *   - no secret rotated (byte-identical to after the first deploy), no PVC lost (same UIDs);
 *   - every run accounted for in the audit trail: each run id has a started row and an end or an
 *     interrupted row, and no run has two ends.
 * Bounded: fixed counts and BENCH_TIMEOUT_S (1500) for the whole run; it stops what it started and
 * removes the stack it deployed. Exit 1 on any violation.
 *
 *   node bench/chaos/run.mjs        (needs the devcluster up and `next build` output)
 * Env: BENCH_CHAOS_RUNS (20), BENCH_KILL_P (0.5), BENCH_API_RESTARTS (3), BENCH_LEASE_S (5),
 *      BENCH_PORTS (3131,3132), BENCH_SEED (random), BENCH_TIMEOUT_S (1500).
 */
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes, createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RUNS = Number(process.env.BENCH_CHAOS_RUNS ?? 20);
const KILL_P = Number(process.env.BENCH_KILL_P ?? 0.5);
const API_RESTARTS = Number(process.env.BENCH_API_RESTARTS ?? 3);
const LEASE_S = Number(process.env.BENCH_LEASE_S ?? 5);
const PORTS = (process.env.BENCH_PORTS ?? '3131,3132').split(',').map(Number);
const TIMEOUT_S = Number(process.env.BENCH_TIMEOUT_S ?? 1500);
let seed = Number(process.env.BENCH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const SEED = seed;
const KUBECONFIG = process.env.KUBECONFIG ?? path.join(REPO, '.devcluster', 'kubeconfig');
const NS = 'imagepod';
const USERS_NS = 'imagepod-bench-chaos';
const SECRET = randomBytes(32).toString('hex');
const RESULTS = path.join(REPO, 'bench', 'results');

const log = (...a) => console.error(`[chaos ${new Date().toISOString().slice(11, 19)}]`, ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** A small seeded generator, so a failing run can be repeated with BENCH_SEED. */
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const K = (args, input) =>
  execFileSync('bash', [path.join(REPO, 'devcluster', 'kubectl.sh'), ...args], {
    env: { ...process.env, KUBECONFIG },
    input,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });

const servers = PORTS.map((port, i) => ({ name: 'AB'[i] ?? `R${i}`, port, proc: null }));
const base = (s) => `http://127.0.0.1:${s.port}`;

function start(s) {
  s.proc = spawn('node', [path.join(REPO, '.next', 'standalone', 'server.js')], {
    env: {
      ...process.env,
      KUBECONFIG,
      PORT: String(s.port),
      HOSTNAME: '127.0.0.1',
      POD_NAME: `chaos-${s.name}`,
      IMAGEPOD_SESSION_SECRET: SECRET,
      IMAGEPOD_DEPLOY_LEASE_S: String(LEASE_S),
      IMAGEPOD_DEPLOY_STAGE_TIMEOUT_S: '150',
      IMAGEPOD_AUDIT_STDOUT: '0',
      IMAGEPOD_LOGIN_ATTEMPTS_PER_MINUTE: '1000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
function kill9(s) {
  s.proc?.kill('SIGKILL');
  s.proc = null;
}
async function ready(s, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${base(s)}/api/readyz`)).status === 200) return;
    } catch {
      /* not listening yet */
    }
    await sleep(300);
  }
  throw new Error(`replica ${s.name} not ready after ${timeoutMs / 1000} s`);
}

let cookie = '';
async function call(s, method, url, body) {
  const res = await fetch(`${base(s)}${url}`, {
    method,
    headers: {
      cookie,
      ...(body ? { 'content-type': 'application/json', origin: base(s) } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, json, text };
}

function clearStack() {
  const built = K(['kustomize', `${REPO}/manifests/imagepod`]);
  const docs = built.split(/^---$/m).filter((d) => d.trim() && !/^kind: Namespace$/m.test(d));
  K(['delete', '--ignore-not-found', '--wait=true', '--timeout=120s', '-f', '-'], docs.join('\n---\n'));
  K(['delete', 'pvc,configmap', '--all', '-n', NS, '--ignore-not-found', '--wait=true', '--timeout=60s']);
  execFileSync('bash', [path.join(REPO, 'devcluster', 'recycle-volumes.sh')], {
    env: { ...process.env, KUBECONFIG },
    stdio: 'ignore',
  });
}
const secretsDigest = () => {
  const s = JSON.parse(K(['get', 'secret', 'imagepod-secrets', '-n', NS, '-o', 'json']));
  return createHash('sha256').update(JSON.stringify(s.data)).digest('hex');
};
const pvcUids = () =>
  JSON.parse(K(['get', 'pvc', '-n', NS, '-o', 'json']))
    .items.map((p) => `${p.metadata.name}=${p.metadata.uid}`)
    .sort();

function cleanup() {
  for (const s of servers) kill9(s);
  try {
    clearStack();
    K(['delete', 'namespace', USERS_NS, '--wait=false', '--ignore-not-found']);
    K(['delete', 'clusterrolebinding', `${USERS_NS}-admin`, '--ignore-not-found']);
  } catch {
    /* the cluster may be gone */
  }
}
const deadline = setTimeout(() => {
  log(`gave up after ${TIMEOUT_S} s`);
  cleanup();
  process.exit(2);
}, TIMEOUT_S * 1000);
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

const settingsFor = (i) => ({ apiReplicas: 2 + (i % 2) });

/** The run as a replica shows it (any replica that answers). */
async function seen() {
  for (const s of servers.filter((x) => x.proc)) {
    try {
      const r = await call(s, 'GET', '/api/deploy/runs');
      if (r.status === 200) return { run: r.json.run, via: s };
    } catch {
      /* this one is down or restarting */
    }
  }
  return { run: null, via: null };
}

async function main() {
  if (!existsSync(path.join(REPO, '.next', 'standalone', 'server.js'))) throw new Error('run `npx next build` first');
  const staticDir = path.join(REPO, '.next', 'standalone', '.next', 'static');
  if (!existsSync(staticDir)) cpSync(path.join(REPO, '.next', 'static'), staticDir, { recursive: true });
  log(`seed ${SEED}; ${RUNS} runs, kill p=${KILL_P}, ${API_RESTARTS} API restarts, lease ${LEASE_S} s`);
  clearStack();
  K(['create', 'namespace', USERS_NS]);
  K(['create', 'serviceaccount', 'admin', '-n', USERS_NS]);
  K([
    'create',
    'clusterrolebinding',
    `${USERS_NS}-admin`,
    '--clusterrole=cluster-admin',
    `--serviceaccount=${USERS_NS}:admin`,
  ]);
  const token = K(['create', 'token', 'admin', '-n', USERS_NS, '--duration=2h']).trim();
  for (const s of servers) start(s);
  for (const s of servers) await ready(s);
  const login = await fetch(`${base(servers[0])}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base(servers[0]) },
    body: JSON.stringify({ token }),
  });
  if (login.status !== 200) throw new Error(`login ${login.status}`);
  cookie = login.headers.getSetCookie()[0].split(';')[0];

  const counts = {
    runs: 0,
    succeeded: 0,
    failed: 0,
    interrupted: 0,
    resumed: 0,
    kills: 0,
    apiRestarts: 0,
    refused409: 0,
  };
  const ids = new Set();
  let baseline = null;
  let apiLeft = API_RESTARTS;
  for (let i = 0; i < RUNS; i++) {
    const s = servers[Math.floor(rand() * servers.length)];
    if (!s.proc) {
      start(s);
      await ready(s);
    }
    const settings = { ...(await call(s, 'GET', '/api/deploy/settings')).json.settings, ...settingsFor(i) };
    let res = await call(s, 'POST', '/api/deploy/runs', { settings, takeOwnership: [] });
    while (res.status === 409) {
      counts.refused409++;
      await sleep(1000);
      res = await call(s, 'POST', '/api/deploy/runs', { settings, takeOwnership: [] });
    }
    if (res.status !== 202) throw new Error(`run ${i}: deploy answered ${res.status} ${res.text.slice(0, 300)}`);
    const id = res.json.run.id;
    ids.add(id);
    counts.runs++;
    const kill = i > 0 && rand() < KILL_P;
    const restartApi = i > 0 && apiLeft > 0 && rand() < API_RESTARTS / RUNS;
    if (kill) {
      await sleep(50 + rand() * 1000);
      log(`run ${i}: kill -9 replica ${s.name}`);
      kill9(s);
      counts.kills++;
    }
    if (restartApi) {
      apiLeft--;
      await sleep(rand() * 3000);
      log(`run ${i}: restarting the kube-apiserver`);
      execFileSync('bash', [path.join(REPO, 'devcluster', 'apiserver.sh'), 'stop'], { stdio: 'ignore' });
      await sleep(2000 + rand() * 4000);
      execFileSync('bash', [path.join(REPO, 'devcluster', 'apiserver.sh'), 'start'], { stdio: 'ignore' });
      counts.apiRestarts++;
    }
    // Until the run ends; an interrupted one is resumed from a replica that is up.
    for (;;) {
      const { run, via } = await seen();
      if (run && run.id === id && run.state === 'interrupted') {
        counts.interrupted++;
        const r = await call(via, 'POST', '/api/deploy/runs/resume', { id });
        log(
          `run ${i}: interrupted at ${run.stages.find((x) => x.state !== 'done')?.title ?? '?'}; resume on ${via.name}: ${r.status}`,
        );
        if (r.status === 202) counts.resumed++;
      } else if (run && run.id === id && run.state !== 'running') {
        counts[run.state === 'succeeded' ? 'succeeded' : 'failed']++;
        if (run.state !== 'succeeded') log(`run ${i}: ${run.state}: ${run.error}`);
        break;
      } else if (run && run.id !== id) {
        throw new Error(`run ${i}: another run ${run.id} replaced ${id}`);
      }
      await sleep(500);
    }
    for (const x of servers) if (!x.proc) start(x);
    for (const x of servers) await ready(x);
    if (i === 0) baseline = { secrets: secretsDigest(), pvcs: pvcUids() };
  }

  // The end state: the last settings' dry run changes nothing; secrets and claims as after run 0.
  const last = (await call(servers[0], 'GET', '/api/deploy/settings')).json.settings;
  const preview = await call(servers[0], 'POST', '/api/deploy/preview', { settings: last, takeOwnership: [] });
  const changes = (preview.json?.objects ?? [])
    .filter((o) => o.action !== 'unchanged')
    .map((o) => `${o.key}: ${o.action}`);
  const secretsSame = secretsDigest() === baseline.secrets;
  const pvcsNow = pvcUids();
  const pvcsSame = JSON.stringify(pvcsNow) === JSON.stringify(baseline.pvcs);

  // The trail: every run started, and ended or interrupted, once.
  const events = JSON.parse(
    K(['get', 'events.events.k8s.io', '-n', NS, '-l', 'imagepod.io/audit=true', '-o', 'json']),
  ).items;
  const rowsOf = (id) =>
    events
      .filter(
        (e) =>
          (e.note ?? '').includes(id) || (e.metadata.annotations?.['audit.imagepod.io/details'] ?? '').includes(id),
      )
      .map((e) => e.metadata.labels['imagepod.io/audit-action']);
  const unaccounted = [];
  for (const id of ids) {
    const rows = rowsOf(id);
    const ends = rows.filter((a) => a === 'deploy').length;
    if (!rows.includes('deploy-started') || ends !== 1) unaccounted.push(`${id}: ${rows.join(',') || 'no rows'}`);
  }
  const figures = {
    seed: SEED,
    ...counts,
    changesLeft: changes.length,
    secretsByteIdentical: secretsSame,
    pvcsKept: pvcsSame,
    pvcs: pvcsNow.length,
    runsInAudit: ids.size - unaccounted.length,
    unaccounted: unaccounted.length,
  };
  console.log(JSON.stringify(figures, null, 2));
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(path.join(RESULTS, 'chaos.json'), JSON.stringify(figures, null, 2));
  const bad = [
    ...changes.map((c) => `not as the bundle: ${c}`),
    ...(secretsSame ? [] : ['a secret was rotated']),
    ...(pvcsSame ? [] : [`claims changed: ${baseline.pvcs.join(' ')} -> ${pvcsNow.join(' ')}`]),
    ...unaccounted.map((u) => `not accounted for in the audit trail: ${u}`),
    ...(counts.failed ? [`${counts.failed} runs failed`] : []),
  ];
  for (const b of bad) log(`VIOLATION ${b}`);
  return bad.length ? 1 : 0;
}

main()
  .then((code) => {
    clearTimeout(deadline);
    cleanup();
    process.exit(code);
  })
  .catch((e) => {
    log(e.stack ?? String(e));
    clearTimeout(deadline);
    cleanup();
    process.exit(1);
  });
