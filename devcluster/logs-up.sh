#!/usr/bin/env bash
# Makes `kubectl logs` of the ImagePod pods on the devcluster real, end to end: a generator
# (logs/gen.mjs, plain Node) appends CRI-format lines per component to files outside the clone,
# and a kwok ClusterLogs maps each container name of the `imagepod` namespace (api, gpu-worker,
# postgres, redis, prometheus, grafana) to its file, with follow, and a "previous container" file.
# Idempotent: a running generator is left alone; the ClusterLogs is applied (unchanged = no-op).
# Env: DEVCLUSTER_LOG_RATE lines/s per component (default 2), DEVCLUSTER_LOG_MAX_BYTES per file
# before rotation (default 8 MiB; disk stays under 2 files × 6 components × that).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/logs-lib.sh"
[ -s "$KUBECONFIG_OUT" ] || { log "no devcluster kubeconfig at $KUBECONFIG_OUT: run devcluster/up.sh first"; exit 1; }
mkdir -p "$LOGS_STATE"
rate="${DEVCLUSTER_LOG_RATE:-2}"
max="${DEVCLUSTER_LOG_MAX_BYTES:-8388608}"

if ! logs_running; then
  setsid nohup node "$DEVCLUSTER_DIR/logs/gen.mjs" --dir "$LOGS_STATE" --rate "$rate" --max-bytes "$max" \
    >"$LOGS_STATE/gen.log" 2>&1 < /dev/null &
  echo $! > "$LOGS_PIDFILE"
  log "started the log generator (pid $!, $rate lines/s per component)"
fi
for _ in $(seq 1 50); do [ -f "$LOGS_STATE/api.log" ] && break; sleep 0.1; done

{
  printf 'apiVersion: kwok.x-k8s.io/v1alpha1\nkind: ClusterLogs\nmetadata:\n  name: %s\nspec:\n  selector:\n    matchNamespaces: [imagepod]\n  logs:\n' "$CLUSTERLOGS_NAME"
  for c in $LOG_COMPONENTS; do
    printf '  - containers: [%s]\n    logsFile: %s\n    previousLogsFile: %s\n    follow: true\n' "$c" "$LOGS_STATE/$c.log" "$LOGS_STATE/$c.previous.log"
  done
} | KUBECONFIG="$KUBECONFIG_OUT" "$DEVCLUSTER_DIR/kubectl.sh" apply -f - >&2
log "ClusterLogs $CLUSTERLOGS_NAME: containers of namespace imagepod read $LOGS_STATE/<container>.log"
