#!/usr/bin/env bash
# Deploy benchmark (see bench/README.md "deploy"): on the running devcluster, a full deploy of
# manifests/imagepod by the panel against the seed's own way (kubectl apply -f file by file, the
# Secrets filled with kubectl patch, kubectl wait / rollout status), alternating, several rounds,
# plus the panel's redeploy of the unchanged bundle.
#   1. the production server (`next start`, built only if .next/BUILD_ID is missing or
#      BENCH_REBUILD=1) on 127.0.0.1:3191 with the devcluster's kubeconfig, signed in through
#      its local one-time link;
#   2. measure.mjs: rounds, medians, ratio, JSON in bench/results/deploy-<date>.json;
#   3. teardown (trap), whatever happened: the server is stopped and the stack removed (only if
#      this run touched it), the imagepod namespace stays.
# MUTATES the devcluster's `imagepod` namespace: do not run it while tests use the stack (it
# waits up to BENCH_IDLE_WAIT_S for a deployed stack to go, then leaves without touching it).
# Exit code: 0 every target met, 1 a target missed, other: the benchmark itself failed.
#
# Env: BENCH_TIMEOUT_S (600: bound of everything after the build), BENCH_ROUNDS (3),
# BENCH_PANEL_PORT (3191), BENCH_REBUILD=1, BENCH_IDLE_WAIT_S (120), BENCH_TAKE_OVER=1 (clear a
# stack that is up).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# K8S_BIN, KUBECONFIG_OUT and REPO_DIR come from the devcluster's lib.sh (as devcluster/kubectl.sh).
. "$HERE/../../devcluster/lib.sh"
. "$HERE/../lib.sh"
cd "$REPO_DIR"

PANEL_PORT="${BENCH_PANEL_PORT:-3191}"
STATE="$REPO_DIR/.devcluster/bench-deploy"          # git-ignored
RESULTS="$REPO_DIR/bench/results"                    # git-ignored
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT_JSON="$RESULTS/deploy-$STAMP.json"
export NEXT_TELEMETRY_DISABLED=1
unset KUBERNETES_SERVICE_HOST KUBERNETES_SERVICE_PORT   # never the in-cluster config

blog() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

[ -x "$K8S_BIN/kubectl" ] || { blog "missing $K8S_BIN/kubectl: run 'npm run devcluster:build' first"; exit 2; }
[ -s "$KUBECONFIG_OUT" ] || { blog "no devcluster kubeconfig ($KUBECONFIG_OUT): run 'npm run devcluster:up' first"; exit 2; }
for try in $(seq 30); do    # a test may be restarting the API server: give it half a minute
  timeout 10 "$K8S_BIN/kubectl" --kubeconfig "$KUBECONFIG_OUT" get --raw /readyz >/dev/null 2>&1 && break
  [ "$try" = 30 ] && { blog "the devcluster does not answer: run 'npm run devcluster:up' first"; exit 2; }
  sleep 1
done
mkdir -p "$RESULTS"

# ---------------------------------------------------------------- teardown (always)
PANEL_PID=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$PANEL_PID" ]; then
    stop_group "$PANEL_PID"      # its own process group (setsid)
  fi
  # measure.mjs clears the stack itself; this is for a run cut off by the deadline or a signal.
  if [ -f "$STATE/touched" ]; then
    REPO_DIR="$REPO_DIR" KUBECTL="$K8S_BIN/kubectl" KUBECONFIG="$KUBECONFIG_OUT" \
      timeout --kill-after=5 180 node "$HERE/measure.mjs" --clear-only || blog "WARNING: clearing the stack failed; clear it by hand"
  fi
  [ -f "$STATE/panel.log" ] && cp "$STATE/panel.log" "$RESULTS/deploy-$STAMP.panel.log"
  rm -rf "$STATE"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- 0. production build
built_ok() { [ -s .next/BUILD_ID ]; }
if [ "${BENCH_REBUILD:-0}" = 1 ] || ! built_ok; then
  blog "next build"
  timeout --kill-after=10 300 "$REPO_DIR/node_modules/.bin/next" build > "$RESULTS/deploy-$STAMP.build.log" 2>&1 && built_ok \
    || { blog "build failed; see $RESULTS/deploy-$STAMP.build.log"; exit 2; }
fi
newer=$(find app/api/deploy lib/server/deploy lib/deploy manifests/imagepod -newer .next/BUILD_ID -type f ! -name '*.test.ts' 2>/dev/null | head -5 | tr '\n' ' ')
[ -n "$newer" ] && blog "WARNING: deploy sources newer than .next/BUILD_ID ($newer): set BENCH_REBUILD=1 to measure them"

DEADLINE=$(( $(date +%s) + ${BENCH_TIMEOUT_S:-600} ))
left() { local l=$(( DEADLINE - $(date +%s) )); [ "$l" -gt 0 ] || { blog "benchmark deadline reached"; exit 124; }; echo "$l"; }

# ---------------------------------------------------------------- 1. panel
if (exec 3<>"/dev/tcp/127.0.0.1/$PANEL_PORT") 2>/dev/null; then blog "port $PANEL_PORT is in use (another benchmark?)"; exit 2; fi
rm -rf "$STATE"; mkdir -p "$STATE"
blog "starting next start on 127.0.0.1:$PANEL_PORT (build $(cat .next/BUILD_ID))"
KUBECONFIG="$KUBECONFIG_OUT" IMAGEPOD_LOGIN_LINK_FILE="$STATE/login-link" IMAGEPOD_LOCAL_URL="http://127.0.0.1:$PANEL_PORT" \
  IMAGEPOD_AUDIT_STDOUT=0 IMAGEPOD_DEPLOY_STAGE_TIMEOUT_S=180 \
  setsid "$REPO_DIR/node_modules/.bin/next" start -H 127.0.0.1 -p "$PANEL_PORT" > "$STATE/panel.log" 2>&1 &
PANEL_PID=$!

# ---------------------------------------------------------------- 2. measurements
set +e
REPO_DIR="$REPO_DIR" KUBECTL="$K8S_BIN/kubectl" KUBECONFIG="$KUBECONFIG_OUT" PANEL_URL="http://127.0.0.1:$PANEL_PORT" \
  LOGIN_LINK_FILE="$STATE/login-link" TOUCHED_FILE="$STATE/touched" OUT_JSON="$OUT_JSON" ROUNDS="${BENCH_ROUNDS:-3}" \
  IDLE_WAIT_S="${BENCH_IDLE_WAIT_S:-120}" DEADLINE_MS=$(( DEADLINE * 1000 )) \
  timeout --kill-after=5 "$(left)" node "$HERE/measure.mjs"
rc=$?
set -e
# measure.mjs removes $STATE/touched once it has cleared the stack; if it was cut off, the trap clears.
exit "$rc"
