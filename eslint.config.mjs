import next from 'eslint-config-next';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...next,
  ...nextTs,
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      '.devcluster/**',
      'playwright-report/**',
      'test-results/**',
      'next-env.d.ts',
      'bench/results/**',
    ],
  },
  {
    // Queries go through lib/queries/use-query.ts, whose hydration matches the server's HTML.
    files: ['app/**', 'components/**', 'lib/**'],
    ignores: ['lib/queries/use-query.ts', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@tanstack/react-query',
              importNames: ['useQuery', 'useQueries', 'useSuspenseQuery'],
              message: 'Use useQuery from lib/queries/use-query (hydration-safe).',
            },
          ],
        },
      ],
    },
  },
];

export default config;
