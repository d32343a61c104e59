# Shared settings for the devcluster scripts (sourced, not run).
DEVCLUSTER_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$DEVCLUSTER_DIR/.." && pwd)"
# shellcheck source=versions.env
. "$DEVCLUSTER_DIR/versions.env"
# Build outputs live outside the clone so a fresh clone (and CI) reuses them.
CACHE_ROOT="${IMAGEPOD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/imagepod-devcluster}"
K8S_BIN="$CACHE_ROOT/kubernetes-$K8S_VERSION"
ETCD_BIN="$CACHE_ROOT/etcd-$ETCD_VERSION"
KWOK_BIN="$CACHE_ROOT/kwok-$KWOK_VERSION"
CLUSTER_NAME="${DEVCLUSTER_NAME:-imagepod}"
# git-ignored: kubeconfig, generated kwokctl config; a second cluster (e.g. the benchmark's) keeps
# its own files in a subfolder so it never overwrites the dev cluster's kubeconfig.
STATE_DIR="$REPO_DIR/.devcluster"
[ "$CLUSTER_NAME" = imagepod ] || STATE_DIR="$REPO_DIR/.devcluster/$CLUSTER_NAME"
export KWOK_WORKDIR="$REPO_DIR/.devcluster/kwok"   # kwokctl keeps every cluster apart inside it
KUBECONFIG_OUT="$STATE_DIR/kubeconfig"
log() { printf '[devcluster] %s\n' "$*" >&2; }
