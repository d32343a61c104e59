#!/usr/bin/env node
// Times a full deploy of manifests/imagepod on the devcluster two ways, in the same run, in
// alternating rounds (run by run.sh, which starts the panel's production server; see
// bench/README.md "deploy"):
//   seed   `kubectl apply -f` file by file in the kustomization's order, the Secrets' keys filled
//          with one `kubectl patch` each (as 11-secrets.yaml's header says), then `kubectl wait`
//          for the Deployments (Available) and `kubectl rollout status` for the StatefulSet and
//          the DaemonSets;
//   panel  POST /api/deploy/runs with the default settings, then GET /api/deploy/runs until the
//          run is no longer running (every stage's readiness gate passed);
// plus the panel's redeploy of the unchanged bundle (and, for comparison, the seed's re-apply).
// Before each deploy the stack is cleared: every object of the bundle except the namespace, the
// StatefulSet's claims, the settings ConfigMap; and the panel's cache must have seen it go.
//
// `node measure.mjs --clear-only` only clears the stack (run.sh's teardown).
// Plain Node 20 plus the repository's `yaml` package.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

const env = (k, d) => {
  const v = process.env[k] ?? d;
  if (v === undefined) throw new Error(`missing env ${k}`);
  return v;
};
const REPO = env('REPO_DIR');
const KUBECTL = env('KUBECTL');
const KUBECONFIG = env('KUBECONFIG');
const DEADLINE_MS = Number(env('DEADLINE_MS', String(Date.now() + 10 * 60_000)));
const CLEAR_ONLY = process.argv.includes('--clear-only');
const BUNDLE = path.join(REPO, 'manifests', 'imagepod');
const NS = 'imagepod';
const SETTINGS_CM = 'imagepod-deploy-settings';
const TARGETS = { ratio: 1.0, redeployMs: 2000 };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const T0 = Date.now();
const log = (...a) => console.error(`[deploy-bench +${((Date.now() - T0) / 1000).toFixed(1)}s]`, ...a);
const left = () => DEADLINE_MS - Date.now();
function checkDeadline(what) {
  if (left() <= 0) throw new Error(`deadline reached during ${what}`);
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const secs = (ms) => (ms === null ? '—' : (ms / 1000).toFixed(2));

// ---------------------------------------------------------------- kubectl
/** Runs kubectl (bounded by `timeoutMs` and the deadline); resolves stdout, rejects with stderr. */
function kubectl(args, { stdin, timeoutMs = 180_000, deadline = true } = {}) {
  const bound = Math.max(1_000, Math.min(timeoutMs, deadline ? left() : timeoutMs));
  return new Promise((resolve, reject) => {
    const child = execFile(
      KUBECTL,
      args,
      { env: { ...process.env, KUBECONFIG }, timeout: bound, killSignal: 'SIGKILL', maxBuffer: 64 << 20 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`kubectl ${args.join(' ')}: ${(stderr || err.message).trim().slice(0, 600)}`));
        else resolve(stdout);
      },
    );
    if (stdin !== undefined) child.stdin.end(stdin);
  });
}

// ---------------------------------------------------------------- the bundle
const kustomization = parse(readFileSync(path.join(BUNDLE, 'kustomization.yaml'), 'utf8'));
const FILES = kustomization.resources;
const OBJECTS = FILES.flatMap((f) =>
  parseAllDocuments(readFileSync(path.join(BUNDLE, f), 'utf8'))
    .map((d) => d.toJS())
    .filter(Boolean)
    .map((o) => ({ ...o, file: f })),
);
const ns = (o) => o.metadata.namespace ?? NS;
const DEPLOYMENTS = OBJECTS.filter((o) => o.kind === 'Deployment');
const ROLLOUTS = OBJECTS.filter((o) => o.kind === 'StatefulSet' || o.kind === 'DaemonSet');
const WORKLOADS = [...DEPLOYMENTS, ...ROLLOUTS];
const GENERATED = OBJECTS.filter((o) => o.kind === 'Secret' && o.metadata.annotations?.['imagepod.io/generate']);
/** Claims the StatefulSets' volumeClaimTemplates make: `<template>-<statefulset>-<ordinal>`. */
const CLAIM_PREFIXES = OBJECTS.filter((o) => o.kind === 'StatefulSet').flatMap((o) =>
  (o.spec.volumeClaimTemplates ?? []).map((t) => `${t.metadata.name}-${o.metadata.name}-`),
);
const POD_NAMESPACES = [...new Set(WORKLOADS.map(ns))];
/** The object as in its file (without the bookkeeping `file`). */
const strip = (o) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'file'));

/** Pods of the stack still there (any phase, terminating included). */
async function stackPods() {
  const out = [];
  for (const n of POD_NAMESPACES) {
    const list = JSON.parse(
      await kubectl(['get', 'pods', '-n', n, '-l', 'app.kubernetes.io/part-of=imagepod', '-o', 'json'], {
        deadline: !CLEAR_ONLY,
      }),
    );
    out.push(...list.items.map((p) => `${n}/${p.metadata.name}`));
  }
  return out;
}

/** Workloads of the bundle present in the cluster. */
async function presentWorkloads() {
  const present = [];
  for (const n of POD_NAMESPACES) {
    const names = (
      await kubectl(['get', 'deployments,statefulsets,daemonsets', '-n', n, '-o', 'name'], { deadline: !CLEAR_ONLY })
    )
      .split('\n')
      .filter(Boolean);
    for (const w of WORKLOADS.filter((x) => ns(x) === n))
      if (names.includes(`${w.kind.toLowerCase()}.apps/${w.metadata.name}`))
        present.push(`${w.kind}/${n}/${w.metadata.name}`);
  }
  return present;
}

/** Removes the stack (keeps the namespace and its audit Events) and waits until its pods are gone. */
async function clearStack() {
  const t = Date.now();
  const list = { apiVersion: 'v1', kind: 'List', items: OBJECTS.filter((o) => o.kind !== 'Namespace').map(strip) };
  await kubectl(['delete', '--ignore-not-found', '--wait=true', '--timeout=120s', '-f', '-'], {
    stdin: JSON.stringify(list),
    deadline: !CLEAR_ONLY,
  });
  const pvcs = JSON.parse(await kubectl(['get', 'pvc', '-n', NS, '-o', 'json'], { deadline: !CLEAR_ONLY }))
    .items.map((p) => p.metadata.name)
    .filter((n) => CLAIM_PREFIXES.some((pre) => n.startsWith(pre) && /^\d+$/.test(n.slice(pre.length))));
  if (pvcs.length)
    await kubectl(['delete', 'pvc', '-n', NS, '--ignore-not-found', '--wait=true', '--timeout=120s', ...pvcs], {
      deadline: !CLEAR_ONLY,
    });
  await kubectl(['delete', 'configmap', SETTINGS_CM, '-n', NS, '--ignore-not-found', '--wait=true', '--timeout=60s'], {
    deadline: !CLEAR_ONLY,
  });
  const end = Date.now() + 120_000;
  for (;;) {
    const pods = await stackPods();
    if (!pods.length) break;
    if (Date.now() > end)
      throw new Error(`pods of the stack still there after clearing: ${pods.slice(0, 5).join(', ')}`);
    if (!CLEAR_ONLY) checkDeadline('clearing the stack');
    await sleep(250);
  }
  return Date.now() - t;
}

// ---------------------------------------------------------------- the seed's way
const gen = () => randomBytes(32).toString('base64url'); // 43 characters, as the header's gen()

async function seedDeploy({ fillSecrets = true } = {}) {
  const t0 = Date.now();
  const phases = { applyMs: 0, secretsMs: 0, waitMs: 0 };
  for (const f of FILES) {
    checkDeadline(`seed apply ${f}`);
    const t = Date.now();
    await kubectl(['apply', '-f', path.join(BUNDLE, f)]);
    phases.applyMs += Date.now() - t;
    if (fillSecrets && GENERATED.some((s) => s.file === f)) {
      const ts = Date.now();
      for (const s of GENERATED.filter((x) => x.file === f)) {
        const keys = s.metadata.annotations['imagepod.io/generate']
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean);
        await kubectl([
          '-n',
          ns(s),
          'patch',
          'secret',
          s.metadata.name,
          '--type',
          'merge',
          '-p',
          JSON.stringify({ stringData: Object.fromEntries(keys.map((k) => [k, gen()])) }),
        ]);
      }
      phases.secretsMs += Date.now() - ts;
    }
  }
  const tw = Date.now();
  const timeout = `--timeout=${Math.max(1, Math.floor(left() / 1000) - 5)}s`;
  for (const n of [...new Set(DEPLOYMENTS.map(ns))]) {
    await kubectl([
      'wait',
      '--for=condition=Available',
      '-n',
      n,
      timeout,
      ...DEPLOYMENTS.filter((d) => ns(d) === n).map((d) => `deployment/${d.metadata.name}`),
    ]);
  }
  for (const w of ROLLOUTS)
    await kubectl(['rollout', 'status', '-n', ns(w), timeout, `${w.kind.toLowerCase()}/${w.metadata.name}`]);
  phases.waitMs = Date.now() - tw;
  return { ms: Date.now() - t0, ...phases };
}

// ---------------------------------------------------------------- the panel's way
const PANEL = new URL(env('PANEL_URL', 'http://127.0.0.1:3191'));
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
let cookie = '';

function request(method, pathname, body) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(
      {
        host: PANEL.hostname,
        port: PANEL.port,
        path: pathname,
        method,
        agent,
        headers: {
          cookie,
          accept: 'application/json',
          ...(data ? { 'content-type': 'application/json', 'content-length': data.length, origin: PANEL.origin } : {}),
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json = null;
          try {
            json = JSON.parse(text);
          } catch {
            /* not JSON: keep the text */
          }
          resolve({ status: res.statusCode, json, text, headers: res.headers });
        });
        res.on('error', reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout ${method} ${pathname}`)));
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}

/** Signs in with the panel's local-mode one-time link (the kubeconfig's identity: the devcluster's admin). */
async function signIn() {
  const file = env('LOGIN_LINK_FILE');
  const end = Date.now() + 60_000;
  while (!existsSync(file)) {
    if (Date.now() > end) throw new Error(`no sign-in link in ${file} after 60 s`);
    await sleep(100);
  }
  const link = new URL(readFileSync(file, 'utf8').trim());
  for (;;) {
    try {
      const res = await request('GET', link.pathname + link.search);
      const set = [].concat(res.headers['set-cookie'] ?? []).find((c) => !c.includes('Max-Age=0'));
      if (res.status !== 303 || !set) throw new Error(`sign-in link answered HTTP ${res.status}`);
      cookie = set.split(';')[0];
      return;
    } catch (e) {
      if (Date.now() > end || !/ECONNREFUSED|socket hang up/.test(String(e))) throw e;
      await sleep(200);
    }
  }
}

async function waitSynced() {
  const end = Date.now() + 60_000;
  for (;;) {
    const r = await request('GET', '/api/health');
    if (r.status === 200 && r.json?.state === 'synced') return;
    if (Date.now() > end) throw new Error(`panel cache not synced: HTTP ${r.status} ${r.text.slice(0, 200)}`);
    await sleep(200);
  }
}

/** Waits until the panel's watch cache no longer lists any workload of the bundle. */
async function waitCacheEmpty() {
  const keys = new Set(WORKLOADS.map((w) => `${w.kind}/${ns(w)}/${w.metadata.name}`));
  const end = Date.now() + 60_000;
  for (;;) {
    const r = await request('GET', '/api/workloads');
    if (r.status !== 200) throw new Error(`GET /api/workloads: HTTP ${r.status}`);
    const left = r.json.items.filter((w) => keys.has(`${w.kind}/${w.namespace}/${w.name}`));
    if (!left.length) return;
    if (Date.now() > end) throw new Error(`panel cache still lists ${left.map((w) => w.name).join(', ')}`);
    await sleep(100);
  }
}

async function panelDeploy(settings) {
  const t0 = Date.now();
  const started = await request('POST', '/api/deploy/runs', { settings });
  if (started.status !== 202)
    throw new Error(`POST /api/deploy/runs: HTTP ${started.status} ${started.text.slice(0, 300)}`);
  const id = started.json.run.id;
  let run;
  for (;;) {
    checkDeadline('panel deploy');
    const r = await request('GET', '/api/deploy/runs');
    run = r.json?.run;
    if (run?.id === id && run.state !== 'running') break;
    await sleep(50);
  }
  const ms = Date.now() - t0;
  const objects = run.stages.flatMap((s) => s.objects);
  const count = (c) => objects.filter((o) => o.change === c).length;
  const stages = Object.fromEntries(
    run.stages.map((s) => [
      s.id,
      s.startedAt && s.finishedAt ? Date.parse(s.finishedAt) - Date.parse(s.startedAt) : null,
    ]),
  );
  if (run.state !== 'succeeded') throw new Error(`panel deploy ${run.state}: ${run.error}`);
  return {
    ms,
    created: count('created'),
    changed: count('changed'),
    unchanged: count('unchanged'),
    objects: objects.length,
    stages,
    notUnchanged: objects.filter((o) => o.change !== 'unchanged').map((o) => o.key),
  };
}

// ---------------------------------------------------------------- main
async function main() {
  if (CLEAR_ONLY) {
    log(`clearing the stack (${await clearStack()} ms)`);
    return 0;
  }
  const ROUNDS = Number(env('ROUNDS', '3'));
  const OUT_JSON = env('OUT_JSON');
  const TOUCHED = env('TOUCHED_FILE');
  const IDLE_WAIT_S = Number(env('IDLE_WAIT_S', '120'));

  // Someone else's test may have the stack up: wait for it to go, or leave the cluster alone.
  const idleEnd = Date.now() + IDLE_WAIT_S * 1000;
  for (;;) {
    const present = await presentWorkloads();
    if (!present.length) break;
    if (process.env.BENCH_TAKE_OVER === '1') {
      log(`taking over the present stack (${present.length} workloads), BENCH_TAKE_OVER=1`);
      break;
    }
    if (Date.now() > idleEnd) {
      log(
        `the stack is deployed (${present.join(', ')}) — someone else's test? Not touching it; set BENCH_TAKE_OVER=1 to clear it anyway`,
      );
      return 2;
    }
    log(`the stack is up (${present.length} workloads): waiting up to ${IDLE_WAIT_S} s for it to go`);
    await sleep(5_000);
  }

  await signIn();
  await waitSynced();
  log('panel signed in and synced');
  writeFileSync(TOUCHED, `${new Date().toISOString()}\n`);
  const rounds = [];
  const result = {
    startedAt: new Date(T0).toISOString(),
    rounds,
    load: readFileSync('/proc/loadavg', 'utf8').trim(),
    files: FILES.length,
    objects: OBJECTS.length,
  };
  let settings = null;
  try {
    const c0 = await clearStack();
    await waitCacheEmpty();
    log(`stack cleared (${c0} ms)`);
    const s = await request('GET', '/api/deploy/settings');
    if (s.status !== 200 || s.json.stored !== false)
      throw new Error(
        `expected the bundle's default settings with no stored ConfigMap, got HTTP ${s.status} ${s.text.slice(0, 200)}`,
      );
    settings = s.json.settings; // = DEFAULT_SETTINGS: nothing stored after the clear
    await request('GET', '/api/deploy/runs'); // loads the route module before the first timing
    for (let i = 1; i <= ROUNDS; i++) {
      const order = i % 2 ? ['seed', 'panel'] : ['panel', 'seed'];
      const round = { round: i, order };
      for (const way of order) {
        checkDeadline(`round ${i}`);
        round[`clear-before-${way}-ms`] = await clearStack();
        await waitCacheEmpty();
        if (way === 'seed') {
          round.seed = await seedDeploy();
          log(
            `round ${i} seed: ${secs(round.seed.ms)} s (apply ${secs(round.seed.applyMs)}, secrets ${secs(round.seed.secretsMs)}, wait ${secs(round.seed.waitMs)})`,
          );
          round.seedReapply = await seedDeploy({ fillSecrets: false });
          log(`round ${i} seed re-apply (unchanged): ${secs(round.seedReapply.ms)} s`);
        } else {
          round.panel = await panelDeploy(settings);
          log(
            `round ${i} panel: ${secs(round.panel.ms)} s (${round.panel.created} created; stages ${JSON.stringify(round.panel.stages)})`,
          );
          round.redeploy = await panelDeploy(settings);
          log(
            `round ${i} panel redeploy: ${secs(round.redeploy.ms)} s (${round.redeploy.unchanged}/${round.redeploy.objects} unchanged${round.redeploy.notUnchanged.length ? `; NOT unchanged: ${round.redeploy.notUnchanged.join(', ')}` : ''})`,
          );
        }
      }
      rounds.push(round);
    }
  } finally {
    try {
      log(`clearing the stack (${await clearStack()} ms)`);
      rmSync(TOUCHED, { force: true }); // run.sh's teardown need not clear again
    } catch (e) {
      log(`clearing at the end failed: ${e.message}`);
    }
  }

  const seedMed = median(rounds.map((r) => r.seed.ms));
  const panelMed = median(rounds.map((r) => r.panel.ms));
  const redeployMed = median(rounds.map((r) => r.redeploy.ms));
  const reapplyMed = median(rounds.map((r) => r.seedReapply.ms));
  const ratio = panelMed / seedMed;
  const redeployAllUnchanged = rounds.every((r) => r.redeploy.notUnchanged.length === 0);
  Object.assign(result, {
    settings,
    medians: { seedMs: seedMed, panelMs: panelMed, ratio, redeployMs: redeployMed, seedReapplyMs: reapplyMed },
    redeployAllUnchanged,
    targets: TARGETS,
  });
  writeFileSync(OUT_JSON, `${JSON.stringify(result, null, 2)}\n`);

  const pass = (ok) => (ok ? 'PASS' : 'FAIL');
  const rows = [
    ['figure', 'rounds (s)', 'median (s)', 'target', ''],
    [
      'seed: kubectl apply -f ×' + FILES.length + ' + patch secrets + wait',
      rounds.map((r) => secs(r.seed.ms)).join(' / '),
      secs(seedMed),
      '',
      '',
    ],
    [
      'panel: POST /api/deploy/runs → succeeded',
      rounds.map((r) => secs(r.panel.ms)).join(' / '),
      secs(panelMed),
      '',
      '',
    ],
    ['ratio panel / seed', '', ratio.toFixed(2), `≤ ${TARGETS.ratio}`, pass(ratio <= TARGETS.ratio)],
    [
      'panel redeploy, unchanged bundle',
      rounds.map((r) => secs(r.redeploy.ms)).join(' / '),
      secs(redeployMed),
      `< ${TARGETS.redeployMs / 1000}`,
      pass(redeployMed < TARGETS.redeployMs && redeployAllUnchanged),
    ],
    [
      '(info) seed re-apply of the unchanged files + wait',
      rounds.map((r) => secs(r.seedReapply.ms)).join(' / '),
      secs(reapplyMed),
      '',
      '',
    ],
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  for (const r of rows) console.log(r.map((v, c) => String(v).padEnd(widths[c])).join('  '));
  console.log(`redeploy: every object unchanged in every round: ${redeployAllUnchanged}`);
  console.log(`results: ${OUT_JSON}`);
  return ratio <= TARGETS.ratio && redeployMed < TARGETS.redeployMs && redeployAllUnchanged ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    log(`FAILED: ${e.stack ?? e}`);
    process.exit(2);
  },
);
