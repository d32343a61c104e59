#!/usr/bin/env bash
# Runs every test: lint + types, unit (vitest), integration (vitest, against the real devcluster),
# replicas (vitest, several standalone servers of `next build`), e2e (Playwright in Debian's
# chromium against `next start`). Brings the devcluster up (and its test OIDC issuer for the e2e
# run) and stops the cluster afterwards if it was not running. Exit code: non-zero on any failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh

started=0
bash devcluster/kubectl.sh get --raw /readyz >/dev/null 2>&1 || started=1
# Always: up.sh is idempotent (seconds when running) and recreates a cluster whose configuration
# is out of date.
bash devcluster/up.sh
# Prometheus, kube-state-metrics and the GPU/API metrics simulator (the metrics tests read them).
metrics_started=0
curl -fsS -o /dev/null http://127.0.0.1:32750/-/ready 2>/dev/null || metrics_started=1
bash devcluster/metrics-up.sh
# The log generator and its kwok ClusterLogs (the logs page's ImagePod presets show real lines).
logs_started=0
bash devcluster/kubectl.sh get clusterlogs imagepod-devcluster-logs >/dev/null 2>&1 || logs_started=1
bash devcluster/logs-up.sh
# Quiet: the summary line must stay the last thing printed.
cleanup() {
  [ "$logs_started" = 1 ] && [ "${KEEP_DEVCLUSTER:-0}" != 1 ] && bash devcluster/logs-down.sh >/dev/null 2>&1
  [ "$metrics_started" = 1 ] && [ "${KEEP_DEVCLUSTER:-0}" != 1 ] && bash devcluster/metrics-down.sh >/dev/null 2>&1
  [ "$started" = 1 ] && [ "${KEEP_DEVCLUSTER:-0}" != 1 ] && bash devcluster/down.sh >/dev/null 2>&1 || true
}
trap cleanup EXIT
export KUBECONFIG="$PWD/.devcluster/kubeconfig"

rm -rf .test-reports && mkdir -p .test-reports
echo "== lint, format and types"
npx eslint .
npx prettier --check --log-level warn .
npx tsc --noEmit
echo "== unit"
npx vitest run --project unit --reporter=default --reporter=json --outputFile.json=.test-reports/unit.json
echo "== integration (devcluster)"
npx vitest run --project integration --reporter=default --reporter=json --outputFile.json=.test-reports/integration.json
echo "== build (next build)"
npx next build
echo "== replicas (several standalone servers on the devcluster: sign-out everywhere, restarts)"
npx vitest run --project replicas --reporter=default --reporter=json --outputFile.json=.test-reports/replicas.json
echo "== e2e (next start, chromium)"
npx playwright test
echo "== summary"
node scripts/test-summary.mjs
