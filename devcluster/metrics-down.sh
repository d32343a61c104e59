#!/usr/bin/env bash
# Stops what metrics-up.sh started (by the pids it recorded). Idempotent; Prometheus' data stays.
#   metrics-down.sh [prometheus|kube-state-metrics|sim]...   (default: all three)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/metrics-lib.sh"
for part in "${@:-prometheus kube-state-metrics sim}"; do
  for p in $part; do stop_part "$p"; done
done
