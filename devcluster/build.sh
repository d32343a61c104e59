#!/usr/bin/env bash
# Builds the devcluster binaries from the Go module proxy into a cache outside the clone, keyed by
# version: kube-apiserver, kube-controller-manager, kube-scheduler, kubectl (k8s.io/kubernetes),
# etcd (go.etcd.io/etcd/server/v3) and kwok + kwokctl (sigs.k8s.io/kwok). A version already built
# is skipped, so a warm run takes a second.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export CGO_ENABLED=0 GOFLAGS=-buildvcs=false
mkdir -p "$CACHE_ROOT"

# Each part is built in its own wrapper module under $CACHE_ROOT/src, then moved into place
# atomically, so an interrupted build never leaves a half-filled bin folder that looks done.
build_kubernetes() {
  [ -x "$K8S_BIN/kube-apiserver" ] && [ -x "$K8S_BIN/kubectl" ] && [ -x "$K8S_BIN/kube-scheduler" ] \
    && [ -x "$K8S_BIN/kube-controller-manager" ] && return 0
  local v="$K8S_VERSION" minor major src gomod
  major=$(echo "${v#v}" | cut -d. -f1); minor=$(echo "${v#v}" | cut -d. -f2)
  src="$CACHE_ROOT/src/kubernetes-$v"; rm -rf "$src"; mkdir -p "$src"
  log "building Kubernetes $v (cold: tens of minutes on 2 cores)"
  gomod=$(go mod download -json "k8s.io/kubernetes@$v" | sed -n 's/.*"GoMod": "\(.*\)",*/\1/p')
  {
    echo "module imagepod.local/devcluster/kubernetes"
    grep -E '^go ' "$gomod"
    grep -E '^godebug ' "$gomod" || true
    echo "require k8s.io/kubernetes $v"
    echo "replace ("
    # Every staging module that upstream replaces with ./staging/src/k8s.io/<name> is taken from
    # the proxy at the matching v0.<minor>.<patch> instead.
    sed -n 's#^\s*\(k8s\.io/[a-z0-9-]*\) => \./staging/src/k8s\.io/.*#\1#p' "$gomod" \
      | while read -r m; do echo "	$m => $m v0.${v#v1.}"; done
    echo ")"
  } > "$src/go.mod"
  cat > "$src/tools.go" <<'GO'
//go:build tools

package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kube-controller-manager"
	_ "k8s.io/kubernetes/cmd/kube-scheduler"
	_ "k8s.io/kubernetes/cmd/kubectl"
)
GO
  (cd "$src" && go mod tidy >/dev/null)
  local ld="-s -w -X k8s.io/component-base/version.gitVersion=$v -X k8s.io/component-base/version.gitMajor=$major -X k8s.io/component-base/version.gitMinor=$minor"
  ld="$ld -X k8s.io/client-go/pkg/version.gitVersion=$v -X k8s.io/client-go/pkg/version.gitMajor=$major -X k8s.io/client-go/pkg/version.gitMinor=$minor"
  mkdir -p "$src/bin"
  for c in kube-apiserver kube-controller-manager kube-scheduler kubectl; do
    log "  go build $c"
    (cd "$src" && go build -trimpath -ldflags "$ld" -o "bin/$c" "k8s.io/kubernetes/cmd/$c")
  done
  rm -rf "$K8S_BIN"; mv "$src/bin" "$K8S_BIN"
}

build_etcd() {
  [ -x "$ETCD_BIN/etcd" ] && return 0
  local src="$CACHE_ROOT/src/etcd-$ETCD_VERSION"; rm -rf "$src"; mkdir -p "$src"
  log "building etcd $ETCD_VERSION"
  cat > "$src/go.mod" <<MOD
module imagepod.local/devcluster/etcd
go 1.26.0
require go.etcd.io/etcd/server/v3 $ETCD_VERSION
MOD
  cat > "$src/tools.go" <<'GO'
//go:build tools

package tools

import _ "go.etcd.io/etcd/server/v3"
GO
  (cd "$src" && go mod tidy >/dev/null && go build -trimpath -ldflags "-s -w" -o bin/etcd go.etcd.io/etcd/server/v3)
  rm -rf "$ETCD_BIN"; mv "$src/bin" "$ETCD_BIN"
}

build_kwok() {
  [ -x "$KWOK_BIN/kwok" ] && [ -x "$KWOK_BIN/kwokctl" ] && return 0
  log "building kwok $KWOK_VERSION"
  local tmp="$CACHE_ROOT/src/kwok-$KWOK_VERSION"; rm -rf "$tmp"; mkdir -p "$tmp"
  GOBIN="$tmp" go install -trimpath -ldflags "-s -w" "sigs.k8s.io/kwok/cmd/kwok@$KWOK_VERSION" "sigs.k8s.io/kwok/cmd/kwokctl@$KWOK_VERSION"
  rm -rf "$KWOK_BIN"; mv "$tmp" "$KWOK_BIN"
}

want="${1:-all}"
case "$want" in
  all) build_kwok; build_etcd; build_kubernetes ;;
  kubernetes) build_kubernetes ;; etcd) build_etcd ;; kwok) build_kwok ;;
  *) echo "usage: $0 [all|kubernetes|etcd|kwok]" >&2; exit 2 ;;
esac
log "binaries: $K8S_BIN $ETCD_BIN $KWOK_BIN"
