#!/usr/bin/env bash
# Builds kube-state-metrics from its Go module (k8s.io/kube-state-metrics/v2) into the cache outside
# the clone, keyed by version like build.sh. A version already built is skipped (a second). The
# cold build is bounded by KSM_BUILD_TIMEOUT (seconds) so a stuck download cannot hang setup.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KSM_BIN="$CACHE_ROOT/kube-state-metrics-$KSM_VERSION"
[ -x "$KSM_BIN/kube-state-metrics" ] && exit 0
export CGO_ENABLED=0 GOFLAGS=-buildvcs=false
tmp="$CACHE_ROOT/src/kube-state-metrics-$KSM_VERSION"; rm -rf "$tmp"; mkdir -p "$tmp"
log "building kube-state-metrics $KSM_VERSION (cold: a few minutes on 2 cores)"
# A wrapper module, as build.sh does for etcd: `go install module@version` would also read the
# proxy's version list (for deprecations), which the proxy refuses for this module.
cat > "$tmp/go.mod" <<MOD
module imagepod.local/devcluster/kube-state-metrics
go 1.26.0
require k8s.io/kube-state-metrics/v2 $KSM_VERSION
MOD
printf '//go:build tools\n\npackage tools\n\nimport _ "k8s.io/kube-state-metrics/v2"\n' > "$tmp/tools.go"
(cd "$tmp" && timeout "${KSM_BUILD_TIMEOUT:-1800}" go mod tidy >/dev/null \
  && timeout "${KSM_BUILD_TIMEOUT:-1800}" go build -trimpath -ldflags "-s -w" -o bin/kube-state-metrics k8s.io/kube-state-metrics/v2)
# Moved into place only when complete: an interrupted build never looks done.
rm -rf "$KSM_BIN"; mv "$tmp/bin" "$KSM_BIN"
log "kube-state-metrics: $KSM_BIN"
