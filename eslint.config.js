// Lint: typescript-eslint's type-aware recommended rules, plus the project's own guards.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.build/', '.ta-forum/', 'test-results/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', 'adapters/host/*.mjs', 'src/rag/ingest/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      'no-console': 'error',
      // French typography puts non-breaking spaces inside strings.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    // The core stays platform-neutral: no platform SDK, no adapter.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@slack/*', 'botbuilder', 'botbuilder-*', 'botframework-*'], message: 'src/ is platform-neutral: use the Adapter interface.' },
            { group: ['**/adapters/**', '../adapters', '../../adapters'], message: 'src/ must not import an adapter.' },
          ],
        },
      ],
    },
  },
  {
    // The web page's script runs in the browser.
    files: ['adapters/web/page/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parserOptions: { projectService: false, project: false },
      globals: { document: 'readonly', fetch: 'readonly', crypto: 'readonly', window: 'readonly' },
    },
  },
  {
    files: ['adapters/host/*.mjs'],
    languageOptions: { globals: { process: 'readonly' } },
  },
  {
    // Tests may print why they skip.
    files: ['test/**/*.ts'],
    rules: { 'no-console': ['error', { allow: ['warn'] }] },
  },
);
