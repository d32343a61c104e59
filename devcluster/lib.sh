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
STATE_DIR="$REPO_DIR/.devcluster"          # git-ignored: kubeconfig, kwok workdir, logs
export KWOK_WORKDIR="$STATE_DIR/kwok"
KUBECONFIG_OUT="$STATE_DIR/kubeconfig"
log() { printf '[devcluster] %s\n' "$*" >&2; }
