# Shared settings for the devcluster scripts (sourced, not run).
# The cluster's daemons (etcd, the control plane, kwok, Prometheus, the log generator) outlive the
# script that starts them: they must not inherit its open files. A caller holding a lock on an
# inherited descriptor (`flock FILE bash devcluster/up.sh`) would otherwise see the lock held for
# as long as the cluster runs. Closing them here leaves the caller's own copy (and lock) intact;
# 255 is the descriptor bash reads this very script from.
for _fd in /proc/$$/fd/*; do
  _fd="${_fd##*/}"
  [ "$_fd" -gt 2 ] 2>/dev/null && [ "$_fd" -lt 255 ] && eval "exec ${_fd}>&-" 2>/dev/null
done
unset _fd
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
# A worktree whose .devcluster is a symlink to another clone's: the real path, so the generated
# kwokctl configuration (it names files in here) is the same from either clone, and up.sh run from
# the worktree does not take the shared cluster's configuration for a changed one and recreate it.
[ -L "$STATE_DIR" ] && STATE_DIR="$(readlink -f "$STATE_DIR")"
[ "$CLUSTER_NAME" = imagepod ] || STATE_DIR="$REPO_DIR/.devcluster/$CLUSTER_NAME"
# The cluster's own files (etcd data, certificates, logs) live outside the clone: etcd writes
# constantly, and `next dev` would reload on every write inside the project tree. Keyed by the
# clone's path so two clones (a CI run beside a working copy) never share a cluster.
STATE_ROOT="${IMAGEPOD_STATE:-${XDG_STATE_HOME:-$HOME/.local/state}/imagepod-devcluster}"
# A worktree whose .devcluster is a symlink into another clone shares that clone's cluster: key by
# the clone that owns it, so apiserver.sh and friends find the running cluster's files.
CLUSTER_OWNER="$REPO_DIR"
[ -L "$REPO_DIR/.devcluster" ] && CLUSTER_OWNER="$(dirname "$(readlink -f "$REPO_DIR/.devcluster")")"
export KWOK_WORKDIR="$STATE_ROOT/$(printf '%s' "$CLUSTER_OWNER" | sha1sum | cut -c1-12)/kwok"
KUBECONFIG_OUT="$STATE_DIR/kubeconfig"
log() { printf '[devcluster] %s\n' "$*" >&2; }

# Prints the KwokctlConfiguration of a cluster on apiserver port $1: every binary a local path
# (kwokctl never reaches for github.com/dl.k8s.io) and all six ports pinned (flags cannot set the
# etcd peer port, and kwokctl's own port scan can give the apiserver's port to it). $2: extra
# lines under `options:`; $3: extra items of `componentsPatches:` (both indented YAML).
kwokctl_config() {
  local port="$1" extra_options="${2:-}" extra_patches="${3:-}"
  cat <<EOF
apiVersion: config.kwok.x-k8s.io/v1alpha1
kind: KwokctlConfiguration
options:
  runtime: binary
  kubeVersion: $K8S_VERSION
  etcdVersion: ${ETCD_VERSION#v}
  kwokVersion: $KWOK_VERSION
  kubeApiserverBinary: $K8S_BIN/kube-apiserver
  kubeControllerManagerBinary: $K8S_BIN/kube-controller-manager
  kubeSchedulerBinary: $K8S_BIN/kube-scheduler
  kubectlBinary: $K8S_BIN/kubectl
  etcdBinary: $ETCD_BIN/etcd
  kwokControllerBinary: $KWOK_BIN/kwok
  kubeApiserverPort: $port
  etcdPort: $((port - 1))
  etcdPeerPort: $((port - 2))
  kwokControllerPort: $((port - 3))
  kubeControllerManagerPort: $((port - 4))
  kubeSchedulerPort: $((port - 5))
${extra_options}
# Single instances need no leader election, and with it they exit ("leaderelection lost") once
# the apiserver is away ~10 s, e.g. during "apiserver.sh stop"; without it they just reconnect.
componentsPatches:
- name: kube-controller-manager
  extraArgs: [{key: leader-elect, value: "false"}]
- name: kube-scheduler
  extraArgs: [{key: leader-elect, value: "false"}]
${extra_patches}
EOF
}
