#!/usr/bin/env bash
# Cluster-scale benchmark of the panel's server (see bench/README.md):
#   1. a SEPARATE kwok cluster "bench" (state in .devcluster/bench, workdir from devcluster/lib.sh, apiserver port 32740 and the
#      five ports below it; the devcluster on 32766 is not touched), built from the devcluster's
#      cached binaries, with an audit policy that logs only the panel's own user;
#   2. 1,000 fake CPU/GPU nodes and 10,000 pods (Deployments + plain pods in 20 namespaces),
#      waited for until Running;
#   3. the production server (`next start`, built if .next/BUILD_ID is missing) on 127.0.0.1:3190
#      with a kubeconfig of its own (client certificate CN=imagepod-bench-panel);
#   4. measure.mjs: time to synced, latency, RSS, API-server counters with 1 and 20 SSE clients;
#   5. teardown of the panel and the cluster (trap), whatever happened.
# Prints a table with targets and PASS/FAIL; writes bench/results/cluster-scale-<date>.json.
# Exit code: 0 all targets met, 1 a target missed, other: the benchmark itself failed.
# BENCH_DRA=1 (off by default, so the figures stay comparable): the DRA variant, see gen.mjs
# (a ResourceSlice of 8 GPUs per node, 4,000 ResourceClaims allocated by the scheduler); its
# default BENCH_TIMEOUT_S is 1200, as scheduling pods with claims is slower.
#
# Env: BENCH_TIMEOUT_S (900: bound of everything after the build step), BENCH_KEEP=1 (leave the
# cluster running), BENCH_REBUILD=1 (force `next build`), BENCH_APISERVER_PORT (32740),
# BENCH_PANEL_PORT (3190), BENCH_WINDOW_S (30), BENCH_WINDOW_ROUNDS (2), BENCH_SSE_CLIENTS (20), and the sizes of gen.mjs
# (BENCH_NODES, BENCH_NAMESPACES, BENCH_DEPLOYMENTS_PER_NS, BENCH_REPLICAS, BENCH_PLAIN_PODS_PER_NS).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Binaries, versions, the kwok workdir and kwokctl_config come from the devcluster's lib.sh.
. "$HERE/../../devcluster/lib.sh"
. "$HERE/../lib.sh"
cd "$REPO_DIR"

NAME=bench
PORT="${BENCH_APISERVER_PORT:-32740}"
PANEL_PORT="${BENCH_PANEL_PORT:-3190}"
STATE="$REPO_DIR/.devcluster/bench"                 # git-ignored
# KWOK_WORKDIR comes from lib.sh (outside the clone); kwokctl keeps clusters apart by name.
ADMIN_KCFG="$STATE/kubeconfig"
PANEL_KCFG="$STATE/panel.kubeconfig"
RESULTS="$REPO_DIR/bench/results"                    # git-ignored
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT_JSON="$RESULTS/cluster-scale-$STAMP.json"
export PATH="$K8S_BIN:$KWOK_BIN:$PATH"               # our kubectl before /usr/bin's (see up.sh)
export NEXT_TELEMETRY_DISABLED=1
CLUSTER_DIR="$KWOK_WORKDIR/clusters/$NAME"

blog() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
now_ms() { date +%s%3N; }
secs_since() { awk -v a="$1" -v b="$(now_ms)" 'BEGIN { printf "%.1f", (b - a) / 1000 }'; }

for b in "$K8S_BIN/kube-apiserver" "$K8S_BIN/kubectl" "$ETCD_BIN/etcd" "$KWOK_BIN/kwokctl" "$KWOK_BIN/kwok"; do
  [ -x "$b" ] || { blog "missing $b: run 'npm run devcluster:build' first (cold build: tens of minutes)"; exit 2; }
done
mkdir -p "$RESULTS"

# ---------------------------------------------------------------- teardown (always)
PANEL_PID=""
OWN_CLUSTER=0   # set once the ports were free: a second run must not delete the first one's cluster
delete_cluster() {
  [ -d "$CLUSTER_DIR" ] || return 0
  kwokctl --name "$NAME" delete cluster --kubeconfig "$ADMIN_KCFG" >/dev/null 2>&1 || true
  for f in "$CLUSTER_DIR"/pids/*.pid; do [ -f "$f" ] && kill -9 "$(cat "$f")" 2>/dev/null || true; done
  rm -rf "$CLUSTER_DIR"
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$PANEL_PID" ]; then
    stop_group "$PANEL_PID"      # its own process group (setsid)
  fi
  [ -f "$STATE/panel.log" ] && cp "$STATE/panel.log" "$RESULTS/cluster-scale-$STAMP.panel.log"
  [ -f "$STATE/audit.log" ] && cp "$STATE/audit.log" "$RESULTS/cluster-scale-$STAMP.panel-audit.log"
  if [ "$OWN_CLUSTER" = 0 ]; then
    :
  elif [ "${BENCH_KEEP:-0}" = 1 ]; then
    blog "BENCH_KEEP=1: cluster left running (KUBECONFIG=$ADMIN_KCFG); delete with: KWOK_WORKDIR=$KWOK_WORKDIR $KWOK_BIN/kwokctl --name $NAME delete cluster"
  else
    delete_cluster
    rm -rf "$STATE"
    blog "bench cluster deleted"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- 0. production build
built_ok() { [ -s .next/BUILD_ID ]; }
if [ "${BENCH_REBUILD:-0}" = 1 ] || ! built_ok; then
  for try in 1 2 3; do
    blog "next build (attempt $try)"
    if timeout --kill-after=10 300 "$REPO_DIR/node_modules/.bin/next" build > "$RESULTS/cluster-scale-$STAMP.build.log" 2>&1 && built_ok; then break; fi
    blog "build failed (UI mid-edit?): $(grep -m3 -E 'error|Error' "$RESULTS/cluster-scale-$STAMP.build.log" | tr '\n' ' ' | cut -c1-300)"
    [ "$try" = 3 ] && { blog "giving up; see $RESULTS/cluster-scale-$STAMP.build.log"; exit 2; }
    sleep 60
  done
fi
newer=$(find app/api lib/server lib/views.ts lib/gpu lib/pod-status.ts instrumentation.ts -newer .next/BUILD_ID -type f 2>/dev/null | head -5 | tr '\n' ' ')
[ -n "$newer" ] && blog "WARNING: server sources newer than .next/BUILD_ID ($newer): set BENCH_REBUILD=1 to measure them"
BUILD_ID="$(cat .next/BUILD_ID)"

# From here on every step is bounded by the deadline.
DRA="${BENCH_DRA:-0}"
[ "$DRA" = 1 ] && DEFAULT_TIMEOUT_S=1200 || DEFAULT_TIMEOUT_S=900
DEADLINE=$(( $(date +%s) + ${BENCH_TIMEOUT_S:-$DEFAULT_TIMEOUT_S} ))
left() { local l=$(( DEADLINE - $(date +%s) )); [ "$l" -gt 0 ] || { blog "benchmark deadline reached"; exit 124; }; echo "$l"; }
bounded() { timeout --kill-after=5 "$(left)" "$@"; }
K() { bounded kubectl --kubeconfig "$ADMIN_KCFG" "$@"; }

# ---------------------------------------------------------------- 1. cluster
for p in "$PANEL_PORT" "$PORT" $((PORT-1)) $((PORT-2)) $((PORT-3)) $((PORT-4)) $((PORT-5)); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then blog "port $p is in use (another benchmark?)"; exit 2; fi
done
OWN_CLUSTER=1
delete_cluster    # a leftover of an interrupted run (ours: own workdir)
rm -rf "$STATE"; mkdir -p "$STATE"
T_ALL=$(now_ms)

cat > "$STATE/audit-policy.yaml" <<'EOF'
# Only the panel's own identity is logged: its requests can then be told apart exactly.
apiVersion: audit.k8s.io/v1
kind: Policy
omitStages: [RequestReceived]
rules:
- level: Metadata
  users: [imagepod-bench-panel]
- level: None
EOF
kwokctl_config "$PORT" "" "- name: kube-apiserver
  extraArgs:
  - {key: audit-log-path, value: \"$STATE/audit.log\"}
  - {key: audit-log-format, value: json}
  - {key: audit-log-mode, value: blocking}
  - {key: audit-policy-file, value: \"$STATE/audit-policy.yaml\"}" > "$STATE/kwokctl.yaml"
blog "creating kwok cluster '$NAME' on 127.0.0.1:$PORT (workdir $KWOK_WORKDIR)"
T=$(now_ms)
bounded kwokctl --name "$NAME" -c "$STATE/kwokctl.yaml" create cluster --runtime binary \
  --disable-qps-limits --kubeconfig "$ADMIN_KCFG" > "$STATE/kwokctl.log" 2>&1 \
  || { tail -20 "$STATE/kwokctl.log" >&2; exit 2; }
CLUSTER_S=$(secs_since "$T")
for _ in $(seq 60); do K get --raw /readyz >/dev/null 2>&1 && break; sleep 1; done

# The panel's and the churn's identities: client certificates from the cluster's CA (system:masters,
# so no RBAC to set up); distinct user names make the panel's requests stand out in the audit log.
mkcert() {
  openssl req -new -newkey rsa:2048 -nodes -keyout "$STATE/$1.key" -subj "/O=system:masters/CN=$2" -out "$STATE/$1.csr" 2>/dev/null
  openssl x509 -req -in "$STATE/$1.csr" -CA "$CLUSTER_DIR/pki/ca.crt" -CAkey "$CLUSTER_DIR/pki/ca.key" \
    -CAcreateserial -CAserial "$STATE/ca.srl" -days 2 -out "$STATE/$1.crt" 2>/dev/null
}
mkcert panel imagepod-bench-panel
mkcert churn imagepod-bench-churn
cat > "$PANEL_KCFG" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: bench
  cluster: {server: "https://127.0.0.1:$PORT", certificate-authority: "$CLUSTER_DIR/pki/ca.crt"}
users:
- name: imagepod-bench-panel
  user: {client-certificate: "$STATE/panel.crt", client-key: "$STATE/panel.key"}
contexts:
- name: bench
  context: {cluster: bench, user: imagepod-bench-panel}
current-context: bench
EOF

# ---------------------------------------------------------------- 2. objects
node "$HERE/gen.mjs" "$STATE/objects" >&2
EXPECTED_PODS=$(node -p "require('$STATE/objects/expected.json').pods")
EXPECTED_NODES=$(node -p "require('$STATE/objects/expected.json').nodes")
create_parallel() {   # kubectl create -f of each chunk, in parallel; fails if any does
  local pids=() f rc=0
  for f in "$@"; do K create -f "$f" -o name > /dev/null & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p" || rc=1; done
  return $rc
}
T=$(now_ms)
K create -f "$STATE/objects/namespaces.json" > /dev/null
create_parallel "$STATE"/objects/nodes-*.json
NODES_CREATE_S=$(secs_since "$T")
# (`kubectl wait --all` waits node by node: minutes for 1,000 nodes. One LIST per second instead.)
until [ "$(K get nodes --no-headers | awk '$2 == "Ready"' | wc -l)" -ge "$EXPECTED_NODES" ]; do sleep 1; done
NODES_READY_S=$(secs_since "$T")
blog "$EXPECTED_NODES nodes created in ${NODES_CREATE_S}s, Ready after ${NODES_READY_S}s"
DRA_CREATE_S=null
if [ "$DRA" = 1 ]; then
  # Devices and claims before any pod: a pod whose claim or devices are missing waits in the
  # scheduler's backoff instead of being scheduled at once.
  T=$(now_ms)
  create_parallel "$STATE"/objects/dra-cluster-*.json
  create_parallel "$STATE"/objects/dra-claims-*.json
  DRA_CREATE_S=$(secs_since "$T")
  blog "DRA: DeviceClass, $(node -p "require('$STATE/objects/expected.json').dra.resourceSlices") ResourceSlices, claim templates and standalone claims created in ${DRA_CREATE_S}s"
fi

# Pods need their namespace's "default" ServiceAccount (admission), made by the controller-manager.
until [ "$(K get serviceaccounts -A --no-headers | awk '$2 == "default" && $1 ~ /^bench-/' | wc -l)" -ge \
        "$(node -p "require('$STATE/objects/expected.json').namespaces")" ]; do sleep 1; done
T=$(now_ms)
create_parallel "$STATE"/objects/pods-*.json      # plain pods first: kubectl is starved once the
K create -f "$STATE/objects/deployments.json" > /dev/null   # controller-manager creates 8,000
PLAIN_CREATE_S=$(secs_since "$T")
blog "Deployments and plain pods created in ${PLAIN_CREATE_S}s; waiting for $EXPECTED_PODS Running pods"
while :; do
  running=$(K get pods -A --field-selector=status.phase=Running -o name | wc -l)
  [ "$running" -ge "$EXPECTED_PODS" ] && break
  blog "  $running / $EXPECTED_PODS Running ($(secs_since "$T")s)"
  sleep 10
done
PODS_RUNNING_S=$(secs_since "$T")
EVENTS=$(K get events -A -o name | wc -l)
blog "$running pods Running after ${PODS_RUNNING_S}s; $EVENTS events"
CLAIMS=null CLAIMS_ALLOCATED=null
if [ "$DRA" = 1 ]; then
  # STATE column: "pending", "allocated" or "allocated,reserved".
  CLAIMS=$(K get resourceclaims -A --no-headers | wc -l)
  CLAIMS_ALLOCATED=$(K get resourceclaims -A --no-headers | awk '$3 ~ /^allocated/' | wc -l)
  blog "DRA: $CLAIMS_ALLOCATED of $CLAIMS ResourceClaims allocated"
fi
cat > "$STATE/create.json" <<EOF
{"createS": $(secs_since "$T_ALL"), "kwokctlCreateClusterS": $CLUSTER_S, "nodesCreateS": $NODES_CREATE_S, "nodesReadyS": $NODES_READY_S,
 "podsCreateS": $PLAIN_CREATE_S, "podsRunningS": $PODS_RUNNING_S, "podsRunning": $running, "events": $EVENTS,
 "draCreateS": $DRA_CREATE_S, "claims": $CLAIMS, "claimsAllocated": $CLAIMS_ALLOCATED,
 "k8s": "$K8S_VERSION", "kwok": "$KWOK_VERSION", "buildId": "$BUILD_ID"}
EOF
sleep 5   # let the last status updates and events settle

# ---------------------------------------------------------------- 3. panel + 4. measurements
blog "starting next start on 127.0.0.1:$PANEL_PORT"
SPAWN_MS=$(now_ms)
rm -f "$STATE/login-link"
KUBECONFIG="$PANEL_KCFG" IMAGEPOD_LOGIN_LINK_FILE="$STATE/login-link" IMAGEPOD_LOCAL_URL="http://127.0.0.1:$PANEL_PORT" IMAGEPOD_AUDIT_STDOUT=0 \
  setsid "$REPO_DIR/node_modules/.bin/next" start -H 127.0.0.1 -p "$PANEL_PORT" > "$STATE/panel.log" 2>&1 &
PANEL_PID=$!
set +e
PANEL_URL="http://127.0.0.1:$PANEL_PORT" SPAWN_MS="$SPAWN_MS" APISERVER="https://127.0.0.1:$PORT" \
  CA_FILE="$CLUSTER_DIR/pki/ca.crt" CHURN_CERT="$STATE/churn.crt" CHURN_KEY="$STATE/churn.key" \
  AUDIT_LOG="$STATE/audit.log" EXPECTED_JSON="$STATE/objects/expected.json" CREATE_JSON="$STATE/create.json" \
  LOGIN_LINK_FILE="$STATE/login-link" CHURN_TARGETS="$STATE/objects/churn-targets.txt" OUT_JSON="$OUT_JSON" APISERVER_PID_FILE="$CLUSTER_DIR/pids/kube-apiserver.pid" \
  WINDOW_S="${BENCH_WINDOW_S:-30}" WINDOW_ROUNDS="${BENCH_WINDOW_ROUNDS:-2}" SSE_CLIENTS="${BENCH_SSE_CLIENTS:-20}" DEADLINE_MS=$(( DEADLINE * 1000 )) \
  bounded node --expose-gc "$HERE/measure.mjs"
rc=$?
set -e
blog "whole run $(secs_since "$T_ALL")s"
exit "$rc"
