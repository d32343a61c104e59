import path from 'node:path';
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3123);

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
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: {
    command: `npx next start -H 127.0.0.1 -p ${PORT}`,
    url: `http://127.0.0.1:${PORT}/api/readyz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      KUBECONFIG: process.env.KUBECONFIG ?? path.join(__dirname, '.devcluster', 'kubeconfig'),
      // Every test signs in; the limit itself is covered by an integration test.
      IMAGEPOD_LOGIN_ATTEMPTS_PER_MINUTE: '1000',
      // Local mode's one-time link, for the sign-in spec to open.
      IMAGEPOD_LOGIN_LINK_FILE: path.join(__dirname, '.test-reports', 'login-link'),
      IMAGEPOD_LOCAL_URL: `http://127.0.0.1:${PORT}`,
    },
  },
});
