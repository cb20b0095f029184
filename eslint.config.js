// @ts-check
import tseslint from 'typescript-eslint';

const ioModules = [
  'node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'net', 'http', 'https', 'stream', 'worker_threads',
  'fastify', 'fastify/*', '@fastify/*', 'kysely', 'kysely/*', 'better-sqlite3', 'pg', 'pg/*',
  'commander', 'cli-progress', 'csv-parse', 'csv-parse/*',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'web/dist/**', 'bench/results/**', 'coverage/**'] },
  ...tseslint.configs.strict,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    // The domain core is pure: no I/O, no clock, no framework.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ioModules, message: 'src/core is pure: no I/O, framework or database imports.' }],
      }],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'Time is a parameter in the core.' },
        { object: 'Math', property: 'random', message: 'Randomness is a parameter in the core.' },
        { object: 'performance', property: 'now', message: 'Time is a parameter in the core.' },
      ],
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Time is a parameter in the core.' },
      ],
      'no-restricted-globals': ['error', 'process', 'fetch', 'require'],
    },
  },
  {
    // The store knows the core's types and nothing above it (docs/architecture.md).
    files: ['src/store/**/*.ts'],
    ignores: ['src/store/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ group: ['ledger', 'server', 'cli', 'log', 'attest', 'demo'].flatMap((layer) => [`../${layer}/*`, `../../${layer}/*`]), message: 'src/store imports only src/core (and its drivers).' }],
      }],
    },
  },
  {
    // The browser app reaches the registry only through the public API: it imports the pure core and the
    // server's wire schemas, and those as types only.
    files: ['web/src/**/*.ts', 'web/src/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ioModules, message: 'web/ runs in the browser: no Node, server or database modules.' },
          { group: ['**/src/store/**', '**/src/ledger/**', '**/src/cli/**', '**/src/demo/**'], message: 'web/ uses the public API, not the store or ledger.' },
          { group: ['**/src/server/schemas/**'], allowTypeImports: true, message: 'web/ takes only types from the wire schemas (import type).' },
          { group: ['**/src/server/**', '!**/src/server/schemas/**'], message: 'web/ shares only the wire schemas (src/server/schemas) with the server.' },
        ],
      }],
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
);
