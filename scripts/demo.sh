#!/usr/bin/env bash
# Runs the panel on the local simulated cluster: installs what is missing, starts the devcluster,
# builds the panel and serves it on http://127.0.0.1:${PORT:-3000}. Ctrl-C stops the panel; the
# devcluster keeps running (stop it with `npm run devcluster:down`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
bash devcluster/up.sh
export KUBECONFIG="$PWD/.devcluster/kubeconfig"
npx next build
echo "ImagePod Control Panel: http://127.0.0.1:${PORT:-3000}"
exec npx next start -H 127.0.0.1 -p "${PORT:-3000}"
