#!/usr/bin/env bash
# Installs what a fresh machine lacks, idempotently: Debian's chromium (for Playwright; never a
# browser download), the npm packages, and the devcluster binaries (built once, cached by version
# outside the clone). Safe to run before every command.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v go >/dev/null 2>&1 || need_apt+=(golang-go)
# The devcluster's Prometheus (and promtool, for the metrics benchmark's backfill).
command -v prometheus >/dev/null 2>&1 || need_apt+=(prometheus)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "[setup] apt-get install ${need_apt[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# npm ci only when the lockfile changed since the last install (node_modules/.package-lock.json).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[setup] npm ci" >&2
  npm ci --no-audit --no-fund --loglevel=error
fi

bash devcluster/build.sh
bash devcluster/build-metrics.sh
