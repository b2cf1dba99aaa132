// Lint: ESLint's and typescript-eslint's recommended rules, type-aware, plus React hooks rules.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // Generated output and third-party page replicas (their markup is the host's, not ours).
  { ignores: ['.output/', '.wxt/', 'reports/', 'test-results/', 'playwright-report/', 'e2e/fixtures/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      'no-console': ['error', { allow: ['error', 'warn', 'info'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Handlers and fakes are async to honour their interface even when they need no await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests read untyped JSON answers; their assertions are what check the shape.
    files: ['**/*.test.ts', 'server/test/**', 'e2e/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // The content script runs on every list page, so zod's 90 kB stays out of it: its modules may
    // take only types from the modules that build schemas.
    files: [
      'entrypoints/*.content.ts',
      'lib/content/**',
      'lib/adapters/**',
      'lib/contract/records.ts',
      'lib/contract/record-urls.ts',
      'lib/contract/deep-links.ts',
      'lib/messaging/channel.ts',
      'lib/messaging/client.ts',
      'lib/messaging/errors.ts',
      'components/SyncCell.tsx',
      'components/StatusIcon.tsx',
    ],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: 'The content script stays free of zod: check with plain TypeScript (see lib/contract/records.ts).' }],
          patterns: [
            {
              group: ['**/contract/api', '**/contract/status', '**/contract/connection', '**/contract/record-schemas', '**/messaging/protocol'],
              allowTypeImports: true,
              message: 'This module builds zod schemas: the content script may take only its types.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
