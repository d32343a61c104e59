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
# The cluster's own files (etcd data, certificates, logs) live outside the clone: etcd writes
# constantly, and `next dev` would reload on every write inside the project tree. Keyed by the
# clone's path so two clones (a CI run beside a working copy) never share a cluster.
STATE_ROOT="${IMAGEPOD_STATE:-${XDG_STATE_HOME:-$HOME/.local/state}/imagepod-devcluster}"
export KWOK_WORKDIR="$STATE_ROOT/$(printf '%s' "$REPO_DIR" | sha1sum | cut -c1-12)/kwok"
KUBECONFIG_OUT="$STATE_DIR/kubeconfig"
log() { printf '[devcluster] %s\n' "$*" >&2; }
