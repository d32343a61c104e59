#!/usr/bin/env bash
# Runs every test: lint + types, unit (vitest), integration (vitest, against the real devcluster),
# e2e (Playwright in Debian's chromium against `next build && next start`). Starts the devcluster
# if it is not running and stops it afterwards if it started it. Exit code: non-zero on any failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh

started=0
if ! bash devcluster/kubectl.sh get --raw /readyz >/dev/null 2>&1; then
  bash devcluster/up.sh
  started=1
fi
# Quiet: the summary line must stay the last thing printed.
cleanup() { [ "$started" = 1 ] && [ "${KEEP_DEVCLUSTER:-0}" != 1 ] && bash devcluster/down.sh >/dev/null 2>&1 || true; }
trap cleanup EXIT
export KUBECONFIG="$PWD/.devcluster/kubeconfig"

rm -rf .test-reports && mkdir -p .test-reports
echo "== lint and types"
npx eslint .
npx tsc --noEmit
echo "== unit"
npx vitest run --project unit --reporter=default --reporter=json --outputFile.json=.test-reports/unit.json
echo "== integration (devcluster)"
npx vitest run --project integration --reporter=default --reporter=json --outputFile.json=.test-reports/integration.json
echo "== e2e (next build && next start, chromium)"
npx next build
npx playwright test
echo "== summary"
node scripts/test-summary.mjs
