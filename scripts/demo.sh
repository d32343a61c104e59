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
# The standalone server is what the container image runs; it needs the static assets beside it.
rm -rf .next/standalone/.next/static && cp -r .next/static .next/standalone/.next/static
[ -d public ] && cp -r public .next/standalone/
echo "ImagePod Control Panel: http://127.0.0.1:${PORT:-3000}"
HOSTNAME=127.0.0.1 PORT="${PORT:-3000}" exec node .next/standalone/server.js
