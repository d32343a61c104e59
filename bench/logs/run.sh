#!/usr/bin/env bash
# Log viewer benchmark (see bench/README.md): a generator appends CRI lines at 1,000 and then
# 5,000 lines/s to a file that kwok serves as a pod's log; headless chromium follows that pod on
# the logs page (file → kwok → API server → panel → SSE → browser). Measured per rate: end-to-end
# latency p50/p95 (generation time → line rendered), lines dropped, the server's RSS, the tab's JS
# heap growth; then the time to search 50,000 lines.
# Needs the devcluster running and chromium. Bounded: BENCH_TIMEOUT_S (600) for the whole run;
# everything it started is stopped on exit.
# Env: BENCH_RATES ("1000 5000"), BENCH_SECONDS (60 per rate), BENCH_PANEL_PORT (3194).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$HERE/../../devcluster/lib.sh"
. "$HERE/../lib.sh"
bench_bounded "$@"
cd "$REPO_DIR"
PANEL_PORT="${BENCH_PANEL_PORT:-3194}"
WORK="$(dirname "$KWOK_WORKDIR")/bench-logs"        # outside the clone; the log file is truncated per rate
RESULTS="$REPO_DIR/bench/results"                   # git-ignored
OUT_JSON="$RESULTS/logs-$(date -u +%Y%m%dT%H%M%SZ).json"
NS=imagepod-bench-logs
K() { bash devcluster/kubectl.sh "$@"; }
blog() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
wait_url() { for _ in $(seq 1 "$2"); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.5; done; blog "no answer from $1"; return 1; }

PIDS=()
cleanup() {
  trap - EXIT INT TERM
  for p in "${PIDS[@]}"; do kill -TERM -- "-$p" 2>/dev/null || true; done
  K delete namespace "$NS" --wait=false >/dev/null 2>&1 || true
  rm -f "$WORK/bench.log" "$WORK/token"
}
trap cleanup EXIT INT TERM
mkdir -p "$RESULTS" "$WORK"
K get --raw /readyz >/dev/null || { blog "the devcluster is not running (devcluster/up.sh)"; exit 2; }
if [ ! -f .next/BUILD_ID ] || [ -n "${BENCH_REBUILD:-}" ]; then
  blog "next build"; timeout 400 node_modules/.bin/next build > "$WORK/build.log" 2>&1 || { tail -20 "$WORK/build.log"; exit 2; }
fi

blog "pod $NS/bench whose log is $WORK/bench.log (a kwok Logs object)"
: > "$WORK/bench.log"
K create namespace "$NS" >/dev/null
K create serviceaccount default -n "$NS" >/dev/null 2>&1 || true
K create serviceaccount reader -n "$NS" >/dev/null
K create rolebinding reader-view --clusterrole=view --serviceaccount="$NS:reader" -n "$NS" >/dev/null
K create token reader -n "$NS" --duration=1h > "$WORK/token"
printf 'apiVersion: kwok.x-k8s.io/v1alpha1\nkind: Logs\nmetadata: {name: bench, namespace: %s}\nspec:\n  logs:\n  - containers: [main]\n    logsFile: %s\n    follow: true\n' "$NS" "$WORK/bench.log" | K apply -f - >/dev/null
printf 'apiVersion: v1\nkind: Pod\nmetadata: {name: bench, namespace: %s}\nspec: {containers: [{name: main, image: registry.local/bench:1}]}\n' "$NS" | K apply -f - >/dev/null
K wait --for=condition=Ready pod/bench -n "$NS" --timeout=90s >/dev/null

blog "next start on 127.0.0.1:$PANEL_PORT"
KUBECONFIG="$KUBECONFIG_OUT" NEXT_TELEMETRY_DISABLED=1 setsid node_modules/.bin/next start -H 127.0.0.1 -p "$PANEL_PORT" > "$WORK/panel.log" 2>&1 &
PIDS+=($!)
wait_url "http://127.0.0.1:$PANEL_PORT/api/readyz" 120
PANEL_PID="$(ss -ltnpH "sport = :$PANEL_PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)"

blog "measuring: rates ${BENCH_RATES:-1000 5000} lines/s, ${BENCH_SECONDS:-60} s each"
node bench/logs/measure.mjs "http://127.0.0.1:$PANEL_PORT" "$WORK/token" "$NS" "$WORK/bench.log" "$PANEL_PID" 3> "$OUT_JSON"
blog "results: $OUT_JSON"
