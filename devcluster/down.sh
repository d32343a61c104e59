#!/usr/bin/env bash
# Deletes the local cluster: its processes, its kwok workdir (etcd data, certificates, logs) and
# the kubeconfig. Idempotent: nothing to delete is not an error.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
export PATH="$K8S_BIN:$KWOK_BIN:$PATH"
dir="$KWOK_WORKDIR/clusters/$CLUSTER_NAME"

if [ -d "$dir" ]; then
  # --kubeconfig: kwokctl would otherwise edit ~/.kube/config. `|| true`: a half-created cluster
  # (no valid config) makes kwokctl fail; the fallback below still cleans it up.
  kwokctl --name "$CLUSTER_NAME" delete cluster --kubeconfig "$KUBECONFIG_OUT" >&2 || true
  # Processes kwokctl could not stop (no config to read) would keep their ports: kill by pid file.
  for f in "$dir"/pids/*.pid; do
    [ -f "$f" ] && kill -9 "$(cat "$f")" 2>/dev/null || true
  done
  rm -rf "$dir"
  log "cluster $CLUSTER_NAME deleted"
else
  log "cluster $CLUSTER_NAME does not exist"
fi
rm -f "$KUBECONFIG_OUT" "$STATE_DIR/kwokctl.yaml"
