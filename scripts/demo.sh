#!/usr/bin/env bash
# Runs the panel on the local simulated cluster: installs what is missing, starts the devcluster
# and its test OIDC issuer, builds the panel and serves it on http://127.0.0.1:${PORT:-3000}.
# Sign in with the one-time link the server prints (your kubeconfig's identity: cluster admin),
# with "single sign-on" (any e-mail address; read-only `view` rights), or with a pasted token.
# Ctrl-C stops the panel and the issuer; the devcluster keeps running (`npm run devcluster:down`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
bash devcluster/up.sh
bash devcluster/metrics-up.sh   # Prometheus, kube-state-metrics, the GPU/API metrics simulator
bash devcluster/logs-up.sh      # the log generator behind the ImagePod components' pods (kwok ClusterLogs)
export KUBECONFIG="$PWD/.devcluster/kubeconfig"
# The session-sealing secret, generated once and kept in the git-ignored .devcluster/: restarting
# the demo keeps everyone signed in (and signed out: that list is in the cluster). From 48 random
# bytes, like scripts/install-dashboard.sh; never on a command line.
secret_file=.devcluster/session-secret
if [ ! -s "$secret_file" ]; then
  (umask 077 && head -c 48 /dev/urandom | base64 | tr -d '\n' > "$secret_file.tmp" && mv "$secret_file.tmp" "$secret_file")
fi
IMAGEPOD_SESSION_SECRET="$(cat "$secret_file")"
export IMAGEPOD_SESSION_SECRET
npx next build
# The standalone server is what the container image runs; it needs the static assets beside it.
rm -rf .next/standalone/.next/static && cp -r .next/static .next/standalone/.next/static
[ -d public ] && cp -r public .next/standalone/
PORT="${PORT:-3000}"

# Single sign-on against the devcluster's issuer: its users are `oidc:<email>` in the group
# `oidc:imagepod-operators`, which gets the built-in read-only `view` role here.
. .devcluster/oidc/issuer.env
bash devcluster/kubectl.sh create clusterrolebinding imagepod-demo-oidc-operators --clusterrole=view \
  --group=oidc:imagepod-operators --dry-run=client -o yaml | bash devcluster/kubectl.sh apply -f - >/dev/null
IMAGEPOD_OIDC_REDIRECTS="http://127.0.0.1:$PORT/api/auth/oidc/callback,http://localhost:$PORT/api/auth/oidc/callback" \
  node devcluster/oidc-issuer.mjs > .devcluster/oidc/issuer.log 2>&1 &
issuer=$!
trap 'kill $issuer 2>/dev/null || true' EXIT

echo "ImagePod Control Panel: http://127.0.0.1:$PORT  (sign in with the link printed below)"
HOSTNAME=127.0.0.1 PORT="$PORT" IMAGEPOD_OIDC_ISSUER="$ISSUER" IMAGEPOD_OIDC_CLIENT_ID="$CLIENT_ID" NODE_EXTRA_CA_CERTS="$CA" \
  node .next/standalone/server.js
