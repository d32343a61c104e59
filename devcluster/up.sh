#!/usr/bin/env bash
# Starts the local real Kubernetes cluster: a kwok cluster (binary runtime, i.e. plain processes,
# no containers) built from the cached binaries, plus the fake nodes of fixtures/nodes.yaml and the
# GPU fixture nodes of fixtures/gpu-layout.json (MIG, shared GPUs, DRA ResourceSlices).
# Idempotent: creates the cluster if missing, otherwise starts whatever component is stopped.
#
# Env: DEVCLUSTER_APISERVER_PORT (default 32766) fixes the kube-apiserver port so the URL
# (https://127.0.0.1:<port>) survives stop/start and is known to tests in advance; the other
# components take the five ports below it (see ports below). DEVCLUSTER_NAME picks the cluster.
#
# Corrections to /work/shared/DEVCLUSTER.md, found on this machine (kwokctl v0.8.0):
# - Fixing only --kube-apiserver-port is not enough: kwokctl picks the remaining ports by scanning
#   down from 32766 *before* anything listens, so etcd's peer port can take the apiserver's port.
#   The etcd peer port has no flag (only `etcdPeerPort` in a KwokctlConfiguration), hence the
#   generated config file below pinning every port.
# - metrics-server is not among the default components of v0.8.0, so it is off without any flag
#   (`disable: [metrics-server]` only earns a "not known to the runtime" warning).
# - kwokctl's built-in defaults are kube v1.36.1 and etcd v3.6.10 (from the internet); every
#   binary, kubectl included, is therefore given as a local path.
# - kwokctl looks up `kubectl` on PATH *before* the configured kubectlBinary; the machine has a
#   Debian kubectl 1.32 in /usr/bin, so our kubectl must come first on PATH.
# - `kubectl logs` on kwok pods needs nothing on the kube-apiserver: kwokctl already runs the kwok
#   controller as a kubelet endpoint (--node-port/--server-address) and the default node stage
#   publishes it in the node status. Only the CRDs must be enabled so ClusterLogs/Logs (and
#   Exec/Attach/PortForward/Metric) objects can be created later with kubectl.
# - The node-initialize stage fills only a Hostname address (localhost), no InternalIP: kwokctl
#   passes --node-ip= empty in the binary runtime. `kubectl get nodes -o wide` shows <none>.
# - Each create generates a new CA: clients must re-read the kubeconfig after down.sh + up.sh.
# - Jobs complete with no Stage of ours: kwokctl's default pod stages include pod-complete, which
#   turns a Running pod owned by a Job into Succeeded after a second or a few (other pods stay
#   Running). Stages are built into kwokctl's config here (no Stage CRD is served), so a new one
#   would go into the KwokctlConfiguration that kwokctl_config writes.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
t0=$(date +%s.%N)

"$DEVCLUSTER_DIR/build.sh" >&2   # no-op (about a second) when the binaries are cached

# kwokctl runs `kubectl get --raw /version` to wait for the cluster: it must be ours (see above).
export PATH="$K8S_BIN:$KWOK_BIN:$PATH"
PORT="${DEVCLUSTER_APISERVER_PORT:-32766}"
kwokctl() { command kwokctl --name "$CLUSTER_NAME" "$@"; }
mkdir -p "$STATE_DIR"

# shellcheck source=oidc.sh
. "$DEVCLUSTER_DIR/oidc.sh"
oidc_prepare
# Everything in one KwokctlConfiguration: flags cannot set the etcd peer port (see above), and
# each *Binary being a local path means kwokctl never reaches for github.com/dl.k8s.io.
cfg="$STATE_DIR/kwokctl.yaml"
kwokctl_config "$PORT" \
  "  enableCRDs: [ClusterLogs, Logs, ClusterExec, Exec, ClusterAttach, Attach, ClusterPortForward, PortForward, Metric]" \
  "$(oidc_apiserver_patch)" > "$cfg.new"

if kwokctl get clusters 2>/dev/null | grep -qx "$CLUSTER_NAME" && ! cmp -s "$cfg" "$cfg.new"; then
  # Flags are fixed when a cluster is created: a changed configuration means a new cluster.
  log "the cluster configuration changed: recreating cluster $CLUSTER_NAME"
  "$DEVCLUSTER_DIR/down.sh"
fi
mv "$cfg.new" "$cfg"

if kwokctl get clusters 2>/dev/null | grep -qx "$CLUSTER_NAME"; then
  log "cluster $CLUSTER_NAME exists: starting stopped components"
  kwokctl start cluster >&2
  # The kubeconfig is ours to recreate if someone deleted it; the cluster's own copy is the source.
  [ -s "$KUBECONFIG_OUT" ] || kwokctl get kubeconfig 2>/dev/null > "$KUBECONFIG_OUT"
else
  # Fail early and clearly rather than with a half-started cluster (all six ports are pinned).
  for p in $(seq $((PORT - 5)) "$PORT"); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      log "port $p is in use; pick another DEVCLUSTER_APISERVER_PORT (uses it and the 5 below)"; exit 1
    fi
  done
  log "creating cluster $CLUSTER_NAME on port $PORT"
  # -c replaces the default ~/.kwok/kwok.yaml, so a user's personal kwok config cannot leak in.
  # --kubeconfig: kwokctl would otherwise add its context to ~/.kube/config.
  kwokctl -c "$cfg" create cluster --runtime binary --kubeconfig "$KUBECONFIG_OUT" >&2
fi

export KUBECONFIG="$KUBECONFIG_OUT"
nodes="$DEVCLUSTER_DIR/fixtures/nodes.yaml"
# Server-side apply: status in the file is kept only when a node is created (the node registry
# drops status changes on update), so a second apply on the status subresource makes edits to
# capacities converge on an existing cluster. --force-conflicts: kwok's controller co-owns status.
# The GPU fixture nodes (MIG, shared GPUs, DRA) are generated from fixtures/gpu-layout.json, so their
# counts, labels and ResourceSlices agree with each other and with the metrics simulator.
gpu_nodes="$STATE_DIR/gpu-nodes.json"
node "$DEVCLUSTER_DIR/fixtures/gpu-fixtures.mjs" nodes > "$gpu_nodes"
for f in "$nodes" "$gpu_nodes"; do
  kubectl apply --server-side --field-manager=devcluster -f "$f" >&2
  kubectl apply --server-side --field-manager=devcluster --force-conflicts --subresource=status -f "$f" >&2
done
kubectl wait --for=condition=Ready --timeout=60s -f "$nodes" -f "$gpu_nodes" >&2
# DRA: NVIDIA's DeviceClasses and one ResourceSlice per DRA node, as its driver would publish them.
# resource.k8s.io/v1 is served by default from Kubernetes 1.34; the real scheduler allocates claims
# from these alone (no driver process: kwok runs the pods, nothing prepares the devices).
node "$DEVCLUSTER_DIR/fixtures/gpu-fixtures.mjs" dra | kubectl apply --server-side --field-manager=devcluster -f - >&2
# Volumes: kwok has no storage provisioner, so a pool of pre-made PersistentVolumes (no storage
# class, the class of a claim that names none) lets the bundle's PostgreSQL and Prometheus claims
# bind. Released ones (their claim was deleted) are made Available again.
for i in $(seq -w 1 24); do
  printf 'apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: devcluster-pv-%s, labels: {devcluster: pool}}\nspec: {capacity: {storage: 200Gi}, accessModes: [ReadWriteOnce], persistentVolumeReclaimPolicy: Retain, storageClassName: "", hostPath: {path: /tmp/devcluster-pv-%s}}\n---\n' "$i" "$i"
done | kubectl apply -f - >/dev/null
"$DEVCLUSTER_DIR/recycle-volumes.sh"
# The panel's audit trail is written as Events in `imagepod` (IMAGEPOD_AUDIT_NAMESPACE); in a real
# cluster the bundle or the install creates it. Applying the bundle later adopts it.
kubectl create namespace imagepod --dry-run=client -o yaml | kubectl apply -f - >/dev/null
# The panel's own namespace: a panel run here (scripts/demo.sh, tests) keeps the list of signed-out
# sessions in it (ConfigMap imagepod-dashboard-revocations, created at the first sign-out).
kubectl apply -f "$REPO_DIR/manifests/dashboard/namespace.yaml" >/dev/null

url=$(kubectl config view --minify -o jsonpath='{.clusters[0].cluster.server}')
log "ready in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"
echo "KUBECONFIG=$KUBECONFIG_OUT"
echo "API server: $url"
