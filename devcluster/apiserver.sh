#!/usr/bin/env bash
# Stops or starts only the kube-apiserver of the running devcluster (etcd, scheduler, kwok etc. keep
# running), for tests that check a client survives the API server going away and coming back.
#
# kwokctl v0.8.0 has no per-component stop/start command. With the binary runtime it forks each
# component detached and records its pid in <workdir>/pids/<binary>.pid; its args live in
# <workdir>/kwok.yaml. `kwokctl start cluster` starts exactly the components whose pid is not
# running, so stopping = killing the pid and removing its file, starting = `kwokctl start cluster`.
# The port is stored in kwok.yaml, so the URL does not change.
#
# kube-controller-manager and kube-scheduler run with --leader-elect=false (up.sh) so they survive
# the outage. Like any client-go client they re-watch with exponential backoff (up to 30 s, plus
# jitter; it resets after 2 quiet minutes), so after several stop/start cycles in a row the
# scheduler and kwok can take tens of seconds to notice new pods. Measured: 2-8 s after a single
# restart, ~50 s after three restarts within two minutes.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
export PATH="$K8S_BIN:$KWOK_BIN:$PATH"
pidfile="$KWOK_WORKDIR/clusters/$CLUSTER_NAME/pids/kube-apiserver.pid"

# A zombie still answers `kill -0`, so look at the process state.
alive() { [ -f "$pidfile" ] && [ -r "/proc/$(cat "$pidfile")/stat" ] &&
  ! awk '{ exit ($3 == "Z") ? 0 : 1 }' "/proc/$(cat "$pidfile")/stat"; }

case "${1:-}" in
  stop)
    # SIGKILL, i.e. a crash: every connection drops at once. A SIGTERM'd apiserver keeps open
    # watches (and so the process) for its 60 s shutdown timeout (--request-timeout) before it
    # exits, far too slow for a test. kwokctl itself stops components with SIGKILL too.
    if alive; then
      kill -KILL "$(cat "$pidfile")"
      for _ in $(seq 50); do alive || break; sleep 0.1; done
    fi
    rm -f "$pidfile"      # a stale pid could be reused by another process and look "running"
    log "kube-apiserver stopped" ;;
  start)
    [ -f "$KWOK_WORKDIR/clusters/$CLUSTER_NAME/kwok.yaml" ] || { log "no cluster: run up.sh"; exit 1; }
    kwokctl --name "$CLUSTER_NAME" start cluster >&2
    export KUBECONFIG="$KUBECONFIG_OUT"
    # kwokctl only waits for /version; /readyz also covers etcd and the post-start hooks.
    ready=0
    for _ in $(seq 120); do
      kubectl get --raw /readyz >/dev/null 2>&1 && { ready=1; break; }
      sleep 0.5
    done
    [ "$ready" = 1 ] || { log "kube-apiserver not ready after 60 s"; exit 1; }
    log "kube-apiserver ready"
    # The controllers, the scheduler and kwok reconnect with their own backoff (tens of seconds
    # after several restarts). A canary Deployment rolled out proves the whole control plane
    # acts again, so whatever runs next does not race their reconnection.
    [ "${2:-}" = --no-canary ] && exit 0
    canary="apiserver-canary-$$"
    kubectl -n kube-system create deployment "$canary" --image=registry.local/pause:1 >/dev/null
    if kubectl -n kube-system rollout status "deployment/$canary" --timeout=120s >/dev/null; then
      log "control plane acting again (canary rolled out)"
    else
      log "control plane did not roll out a canary within 120 s"; rc=1
    fi
    kubectl -n kube-system delete deployment "$canary" --wait=false >/dev/null
    exit "${rc:-0}" ;;
  *) echo "usage: $0 stop|start [--no-canary]" >&2; exit 2 ;;
esac
