import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = {
  '@': path.resolve(__dirname),
  // 'server-only' throws outside a React Server environment; tests import server modules directly.
  'server-only': path.resolve(__dirname, 'test/server-only-stub.ts'),
};

export default defineConfig({
  resolve: { alias },
  test: {
    // Integration files share one real cluster, so files run one after another.
    fileParallelism: false,
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'app/**/*.test.ts'],
          exclude: ['**/*.integration.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          // Many sign-ins per file; the limit itself is tested with its own low value.
          env: { IMAGEPOD_LOGIN_ATTEMPTS_PER_MINUTE: '1000', IMAGEPOD_AUDIT_STDOUT: '0' },
          hookTimeout: 240_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // Several real panel servers (the standalone build: `next build` first) on the devcluster.
          name: 'replicas',
          include: ['test/replicas/**/*.test.ts'],
          environment: 'node',
          // Files one after another: fileParallelism is false for every project (above).
          testTimeout: 240_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
