import next from 'eslint-config-next';
import nextTs from 'eslint-config-next/typescript';
import imagepod from './eslint/no-local-time-format.mjs';

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
  {
    // Absolute times in one format and one zone: lib/time/format-time.ts, components/time/.
    // Type information tells a Date's toLocaleString from a number's.
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'],
    ignores: ['lib/time/**', 'components/time/**'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { imagepod },
    rules: { 'imagepod/no-local-time-format': 'error' },
  },
];

export default config;
