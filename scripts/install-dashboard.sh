#!/usr/bin/env bash
# Installs (or updates) the panel in the cluster of the current kubectl context:
#   1. namespace imagepod-system, and the `imagepod` namespace where the audit Events go;
#   2. the session-sealing Secret imagepod-dashboard-session — generated here from 48 random
#      bytes on the first install, never changed afterwards (changing it signs everybody out);
#   3. manifests/dashboard (ServiceAccount, read-only RBAC, the empty list of signed-out sessions
#      — re-applying keeps its entries —, Deployment, Service, NetworkPolicy).
# Idempotent. Env: KUBECTL (default kubectl), DRY_RUN=1 (server-side dry run of step 3).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
KUBECTL="${KUBECTL:-kubectl}"
NS=imagepod-system

"$KUBECTL" apply -f manifests/dashboard/namespace.yaml
"$KUBECTL" get namespace imagepod >/dev/null 2>&1 || "$KUBECTL" create namespace imagepod
if ! "$KUBECTL" -n "$NS" get secret imagepod-dashboard-session >/dev/null 2>&1; then
  # From stdin, so the value never appears on a command line (ps) or in a file. `tr` rather than
  # GNU's `base64 -w0`, which BSD and macOS base64 refuse.
  head -c 48 /dev/urandom | base64 | tr -d '\n' | "$KUBECTL" -n "$NS" create secret generic imagepod-dashboard-session --from-file=secret=/dev/stdin
  "$KUBECTL" -n "$NS" label secret imagepod-dashboard-session app.kubernetes.io/name=imagepod-dashboard app.kubernetes.io/part-of=imagepod >/dev/null
fi
if [ "${DRY_RUN:-0}" = 1 ]; then
  "$KUBECTL" apply -k manifests/dashboard --dry-run=server
else
  "$KUBECTL" apply -k manifests/dashboard
  echo "Installed. Wait for it:  $KUBECTL -n $NS rollout status deploy/imagepod-dashboard"
  echo "Open it:                 $KUBECTL -n $NS port-forward svc/imagepod-dashboard 3000:80   (http://127.0.0.1:3000)"
  echo "Sign in with a token:    $KUBECTL -n <namespace> create token <serviceaccount>"
fi
