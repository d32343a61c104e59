#!/usr/bin/env bash
# Makes the devcluster's pool volumes whose claim was deleted (Released) Available again. kwok has
# no storage provisioner: up.sh creates a pool of PersistentVolumes, and tests that delete claims
# (the deploy tests' clean-up, undeploy with "remove volumes") hand them back with this.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
k() { KUBECONFIG="$KUBECONFIG_OUT" "$K8S_BIN/kubectl" "$@"; }
for pv in $(k get pv -l devcluster=pool -o jsonpath='{range .items[?(@.status.phase=="Released")]}{.metadata.name}{" "}{end}'); do
  k patch pv "$pv" --type json -p '[{"op":"remove","path":"/spec/claimRef"}]' >/dev/null
done
