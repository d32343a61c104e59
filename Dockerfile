# syntax=docker/dockerfile:1
# The ImagePod Control Panel image: Next.js standalone output (`output: 'standalone'` in
# next.config.mjs) run by plain `node server.js`, as uid 10001, with nothing writable in the
# image. manifests/dashboard/deployment.yaml runs it with a read-only root filesystem and two
# emptyDirs (/tmp, /app/.next/cache).
#
#   docker build -t imagepod/dashboard:0.1.0 .
#
# Node 20 is what the project is tested on (package.json engines: >= 20.9); build and runtime use
# the same Debian base so native modules installed by `npm ci` (sharp) match the runtime's libc.
ARG NODE_IMAGE=node:20-bookworm-slim

# 1. Dependencies, from the lockfile only (this layer is reused until package*.json change).
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --no-audit --no-fund --loglevel=error

# 2. The production build.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# IMAGEPOD_LAZY_CACHE: the build must not try to reach a cluster (instrumentation.ts would start
# the watch cache). `public/` is optional in this repo: create it so the COPY below always works.
# lib/server/kube/config.ts keeps Next's file tracing away from the devcluster kubeconfig
# (turbopackIgnore), .dockerignore keeps .devcluster out of the context, and the rm is the last
# guard that no kubeconfig ever ships in the image.
RUN mkdir -p public \
 && IMAGEPOD_LAZY_CACHE=1 npx next build \
 && rm -rf .next/standalone/.devcluster

# 3. The runtime: only the standalone server, its static assets and public/.
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
# HOME: Node's os.homedir() throws when HOME is unset and the uid has no passwd entry (a
# cluster may run the image as another uid). The panel no longer calls it in-cluster; other
# libraries might.
ENV NODE_ENV=production \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    NEXT_TELEMETRY_DISABLED=1 \
    HOME=/tmp
RUN groupadd --system --gid 10001 imagepod \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin imagepod
# Owned by root and not writable by the panel's user: the code cannot be changed at run time,
# even without a read-only root filesystem. Only Next's runtime cache is the user's.
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
RUN mkdir -p .next/cache && chown 10001:10001 .next/cache
# Numeric, so Kubernetes' runAsNonRoot can verify it without reading /etc/passwd.
USER 10001:10001
EXPOSE 3000
CMD ["node", "server.js"]
