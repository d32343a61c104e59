# Shared by metrics-up.sh / metrics-down.sh (sourced): pinned loopback ports below the cluster's
# (32758–32766 are the API server's, its components' and the OIDC issuer's), and pid files.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
PROM_PORT="${DEVCLUSTER_PROMETHEUS_PORT:-32750}"
KSM_PORT=32751
KSM_TELEMETRY_PORT=32752
SIM_PORT=32753
KSM_BIN="$CACHE_ROOT/kube-state-metrics-$KSM_VERSION"
# Outside the clone (Prometheus writes constantly; `next dev` would reload), keyed like KWOK_WORKDIR.
METRICS_STATE="$(dirname "$KWOK_WORKDIR")/metrics"
mkdir -p "$METRICS_STATE"

running() { [ -s "$METRICS_STATE/$1.pid" ] && kill -0 "$(cat "$METRICS_STATE/$1.pid")" 2>/dev/null; }

# start_part <name> <health url> <command...>: starts it detached unless running; waits ≤ 30 s.
start_part() {
  local name="$1" url="$2"; shift 2
  if ! running "$name" && curl -fsS -o /dev/null "$url" 2>/dev/null; then
    log "$name: $url already answers (not started by this clone): leaving it alone"; return 0
  fi
  if ! running "$name"; then
    setsid nohup "$@" >"$METRICS_STATE/$name.log" 2>&1 < /dev/null &
    echo $! > "$METRICS_STATE/$name.pid"
    log "started $name (pid $!)"
  fi
  for _ in $(seq 1 150); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    running "$name" || { log "$name exited; see $METRICS_STATE/$name.log"; tail -5 "$METRICS_STATE/$name.log" >&2; return 1; }
    sleep 0.2
  done
  log "$name did not answer $url within 30 s; see $METRICS_STATE/$name.log"; return 1
}

stop_part() {
  local name="$1" pid
  running "$name" || { rm -f "$METRICS_STATE/$name.pid"; return 0; }
  pid="$(cat "$METRICS_STATE/$name.pid")"
  kill "$pid"
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$METRICS_STATE/$name.pid"
  log "stopped $name"
}
