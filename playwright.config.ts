import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3123);
const KUBECONFIG = process.env.KUBECONFIG ?? path.join(__dirname, '.devcluster', 'kubeconfig');
/** The devcluster's test OIDC issuer (devcluster/oidc.sh wrote it next to the kubeconfig). */
const OIDC_DIR = path.join(path.dirname(KUBECONFIG), 'oidc');
const oidc = Object.fromEntries(
  readFileSync(path.join(OIDC_DIR, 'issuer.env'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(/=(.*)/s).slice(0, 2)),
) as Record<'ISSUER' | 'CLIENT_ID' | 'CA', string>;

/**
 * E2E against the production build (`next build` first; scripts/test.sh does it) on the real
 * devcluster, in Debian's chromium — Playwright's own browser download cannot work here.
 */
export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '.test-reports/e2e.json' }]],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: [
    {
      command: `node devcluster/oidc-issuer.mjs ${OIDC_DIR}`,
      url: `${oidc.ISSUER}/.well-known/openid-configuration`,
      ignoreHTTPSErrors: true,
      reuseExistingServer: false,
      timeout: 30_000,
      env: { IMAGEPOD_OIDC_REDIRECTS: `http://127.0.0.1:${PORT}/api/auth/oidc/callback` },
    },
    {
      command: `npx next start -H 127.0.0.1 -p ${PORT}`,
      url: `http://127.0.0.1:${PORT}/api/readyz`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        KUBECONFIG,
        // Every test signs in; the limit itself is covered by an integration test.
        IMAGEPOD_LOGIN_ATTEMPTS_PER_MINUTE: '1000',
        // Local mode's one-time link, for the sign-in spec to open.
        IMAGEPOD_LOGIN_LINK_FILE: path.join(__dirname, '.test-reports', 'login-link'),
        IMAGEPOD_LOCAL_URL: `http://127.0.0.1:${PORT}`,
        // Single sign-on against the devcluster's issuer, whose CA the panel must trust.
        IMAGEPOD_OIDC_ISSUER: oidc.ISSUER,
        IMAGEPOD_OIDC_CLIENT_ID: oidc.CLIENT_ID,
        NODE_EXTRA_CA_CERTS: oidc.CA,
      },
    },
  ],
});
