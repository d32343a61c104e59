#!/usr/bin/env bash
# Stops the log generator, deletes its ClusterLogs and its files. Idempotent.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/logs-lib.sh"
if logs_running; then
  pid="$(cat "$LOGS_PIDFILE")"
  kill "$pid"
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  log "stopped the log generator"
fi
rm -f "$LOGS_PIDFILE"
if [ -s "$KUBECONFIG_OUT" ]; then
  KUBECONFIG="$KUBECONFIG_OUT" "$DEVCLUSTER_DIR/kubectl.sh" delete clusterlogs "$CLUSTERLOGS_NAME" --ignore-not-found >&2 || true
fi
# Only our own files (never the directory as a whole through a variable that might be empty).
for c in $LOG_COMPONENTS; do rm -f "$LOGS_STATE/$c.log" "$LOGS_STATE/$c.log.1" "$LOGS_STATE/$c.previous.log"; done
rm -f "$LOGS_STATE/gen.log"
