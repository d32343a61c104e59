#!/usr/bin/env bash
# kubectl of the cluster's own version, pointed at the devcluster (never at ~/.kube/config).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
KUBECONFIG="$KUBECONFIG_OUT" exec "$K8S_BIN/kubectl" "$@"
