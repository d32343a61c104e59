#!/usr/bin/env bash
# Starts the devcluster's monitoring on loopback, idempotently (a running part is left alone):
#   Prometheus (Debian's, static scrape configs: it is built without Kubernetes discovery)
#     http://127.0.0.1:$PROM_PORT, scraping every 5 s, data outside the clone
#   kube-state-metrics (built by build-metrics.sh) against the devcluster, :$KSM_PORT
#   the metrics simulator (metrics/sim.mjs: DCGM GPU series, the API's HTTP series, cAdvisor-like
#     pod CPU/memory), :$SIM_PORT
# The in-cluster bundle's prometheus.yml (manifests/imagepod) uses Kubernetes discovery instead;
# job names and labels match it so the panel's queries are the same for both.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/metrics-lib.sh"

command -v prometheus >/dev/null || { log "prometheus is missing: run scripts/setup.sh (apt-get install prometheus)"; exit 1; }
bash "$DEVCLUSTER_DIR/build-metrics.sh" >&2
[ -s "$KUBECONFIG_OUT" ] || { log "no devcluster kubeconfig at $KUBECONFIG_OUT: run devcluster/up.sh first"; exit 1; }
mkdir -p "$METRICS_STATE/prometheus-data"

cat > "$METRICS_STATE/prometheus.yml.new" <<YML
global:
  scrape_interval: 5s
  scrape_timeout: 4s
  evaluation_interval: 5s
scrape_configs:
  - job_name: prometheus
    static_configs: [{targets: ["127.0.0.1:$PROM_PORT"]}]
  - job_name: kube-state-metrics
    honor_labels: true
    static_configs: [{targets: ["127.0.0.1:$KSM_PORT"]}]
  - job_name: dcgm-exporter
    honor_labels: true
    metrics_path: /metrics/dcgm
    static_configs: [{targets: ["127.0.0.1:$SIM_PORT"]}]
  - job_name: imagepod-api
    metrics_path: /metrics/api
    static_configs: [{targets: ["127.0.0.1:$SIM_PORT"], labels: {namespace: imagepod}}]
  - job_name: cadvisor
    honor_labels: true
    metrics_path: /metrics/cadvisor
    static_configs: [{targets: ["127.0.0.1:$SIM_PORT"]}]
YML
# A changed configuration restarts Prometheus (its data stays).
if ! cmp -s "$METRICS_STATE/prometheus.yml.new" "$METRICS_STATE/prometheus.yml"; then
  stop_part prometheus
  mv "$METRICS_STATE/prometheus.yml.new" "$METRICS_STATE/prometheus.yml"
else
  rm -f "$METRICS_STATE/prometheus.yml.new"
fi

# A recreated cluster has a new CA: kube-state-metrics must reload the kubeconfig. ReplicaSets and
# Jobs give pods their workloads (kube_replicaset_owner) for the idle GPU-hours table; changed
# arguments restart it too.
# The namespace where the palette's e2e test parks 10,000 idle pods (e2e/palette.spec.ts) is left
# out: their ~300,000 series would keep Prometheus busy on both cores for the rest of the run.
KSM_ARGS=(--resources=nodes,pods,namespaces,deployments,statefulsets,daemonsets,replicasets,jobs
  --namespaces-denylist=e2e-haystack)
[ "$KUBECONFIG_OUT" -nt "$METRICS_STATE/kube-state-metrics.pid" ] && stop_part kube-state-metrics
[ "$(cat "$METRICS_STATE/kube-state-metrics.args" 2>/dev/null)" = "${KSM_ARGS[*]}" ] || stop_part kube-state-metrics
echo "${KSM_ARGS[*]}" > "$METRICS_STATE/kube-state-metrics.args"
start_part sim "http://127.0.0.1:$SIM_PORT/metrics/api" \
  node "$DEVCLUSTER_DIR/metrics/sim.mjs" "$SIM_PORT" "$K8S_BIN/kubectl" "$KUBECONFIG_OUT"
start_part kube-state-metrics "http://127.0.0.1:$KSM_PORT/healthz" \
  "$KSM_BIN/kube-state-metrics" --kubeconfig="$KUBECONFIG_OUT" --host=127.0.0.1 --port="$KSM_PORT" \
  --telemetry-host=127.0.0.1 --telemetry-port="$KSM_TELEMETRY_PORT" \
  "${KSM_ARGS[@]}"
start_part prometheus "http://127.0.0.1:$PROM_PORT/-/ready" \
  prometheus --config.file="$METRICS_STATE/prometheus.yml" --storage.tsdb.path="$METRICS_STATE/prometheus-data" \
  --storage.tsdb.retention.time=8d --web.listen-address="127.0.0.1:$PROM_PORT"
log "Prometheus: http://127.0.0.1:$PROM_PORT (IMAGEPOD_PROMETHEUS_URL); logs in $METRICS_STATE"
