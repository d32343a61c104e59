# Shared by logs-up.sh / logs-down.sh (sourced): where the generated log files live (outside the
# clone, beside the kwok workdir, keyed like it) and the ClusterLogs object that serves them.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOGS_STATE="$(dirname "$KWOK_WORKDIR")/logs"
LOGS_PIDFILE="$LOGS_STATE/gen.pid"
CLUSTERLOGS_NAME=imagepod-devcluster-logs
# The generated components, named like the bundle's containers (manifests/imagepod).
LOG_COMPONENTS="api gpu-worker postgres redis prometheus grafana"
logs_running() { [ -s "$LOGS_PIDFILE" ] && kill -0 "$(cat "$LOGS_PIDFILE")" 2>/dev/null; }
