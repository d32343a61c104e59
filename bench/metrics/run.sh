#!/usr/bin/env bash
# Metrics benchmark (see bench/README.md): first-load JS per page from the last `next build`, and
# the metrics page's time to draw all panels for 24 h at 20 GPU nodes, against a Prometheus of its
# own filled with 24 h of backfilled series (promtool), so the figure needs no day of waiting.
# Needs the devcluster running (to sign in), Debian's prometheus + promtool and chromium.
# Bounded: BENCH_TIMEOUT_S (600) for the whole run; everything it started is stopped on exit.
# Env: BENCH_NODES (20), BENCH_ROUNDS (5), BENCH_PANEL_PORT (3192), BENCH_PROMETHEUS_PORT (32749).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$HERE/../../devcluster/lib.sh"
. "$HERE/../lib.sh"
bench_bounded "$@"
cd "$REPO_DIR"
NODES="${BENCH_NODES:-20}"
PANEL_PORT="${BENCH_PANEL_PORT:-3192}"
PROM_PORT="${BENCH_PROMETHEUS_PORT:-32749}"
WORK="$(dirname "$KWOK_WORKDIR")/bench-metrics"     # outside the clone: ~200 MB while it runs
RESULTS="$REPO_DIR/bench/results"                   # git-ignored
OUT_JSON="$RESULTS/metrics-$(date -u +%Y%m%dT%H%M%SZ).json"
NS=imagepod-bench-metrics
blog() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
wait_url() { for _ in $(seq 1 "$2"); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.5; done; blog "no answer from $1"; return 1; }

PIDS=()
cleanup() {
  trap - EXIT INT TERM
  for p in "${PIDS[@]}"; do kill -TERM -- "-$p" 2>/dev/null || true; done
  bash devcluster/kubectl.sh delete namespace "$NS" --wait=false >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM
mkdir -p "$RESULTS" "$WORK"
command -v promtool >/dev/null || { blog "promtool missing: run scripts/setup.sh"; exit 2; }
bash devcluster/kubectl.sh get --raw /readyz >/dev/null || { blog "the devcluster is not running (devcluster/up.sh)"; exit 2; }
if [ ! -f .next/BUILD_ID ] || [ -n "${BENCH_REBUILD:-}" ]; then
  blog "next build"; timeout 400 node_modules/.bin/next build > "$WORK/build.log" 2>&1 || { tail -20 "$WORK/build.log"; exit 2; }
fi

blog "first-load JS (from .next)"
node bench/metrics/first-load-js.mjs .next 3> "$WORK/first-load.json"

blog "backfilling 24 h for $NODES GPU nodes"
node bench/metrics/backfill.mjs "$WORK/series.om" "$NODES"
timeout 240 promtool tsdb create-blocks-from openmetrics "$WORK/series.om" "$WORK/tsdb" > "$WORK/promtool.log"
rm -f "$WORK/series.om"
printf 'global:\n  scrape_interval: 1m\n' > "$WORK/prometheus.yml"
setsid prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/tsdb" --storage.tsdb.retention.time=30d \
  --web.listen-address="127.0.0.1:$PROM_PORT" > "$WORK/prometheus.log" 2>&1 &
PIDS+=($!)
wait_url "http://127.0.0.1:$PROM_PORT/-/ready" 120

blog "signing in as a ServiceAccount of $NS (any signed-in user reads metrics)"
bash devcluster/kubectl.sh create namespace "$NS" >/dev/null
bash devcluster/kubectl.sh create serviceaccount reader -n "$NS" >/dev/null
bash devcluster/kubectl.sh create token reader -n "$NS" --duration=1h > "$WORK/token"

blog "next start on 127.0.0.1:$PANEL_PORT, Prometheus 127.0.0.1:$PROM_PORT"
IMAGEPOD_PROMETHEUS_URL="http://127.0.0.1:$PROM_PORT" KUBECONFIG="$KUBECONFIG_OUT" NEXT_TELEMETRY_DISABLED=1 \
  setsid node_modules/.bin/next start -H 127.0.0.1 -p "$PANEL_PORT" > "$WORK/panel.log" 2>&1 &
PIDS+=($!)
wait_url "http://127.0.0.1:$PANEL_PORT/api/readyz" 120

blog "measuring (${BENCH_ROUNDS:-5} rounds)"
BENCH_SCREENSHOT="${OUT_JSON%.json}.png" node bench/metrics/measure.mjs "http://127.0.0.1:$PANEL_PORT" "$WORK/token" "${BENCH_ROUNDS:-5}" 3> "$WORK/draw.json"
printf '{"firstLoadJs":%s,"draw":%s,"nodes":%s}\n' "$(cat "$WORK/first-load.json")" "$(cat "$WORK/draw.json")" "$NODES" > "$OUT_JSON"
blog "results: $OUT_JSON"
