import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import regexp from 'eslint-plugin-regexp';

export default tseslint.config(
  { ignores: ['out/', 'node_modules/', 'test-results/', 'playwright-report/', 'dist/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      // The store keeps id-keyed records (bookmarks, read marks): deleting a key is the point.
      '@typescript-eslint/no-dynamic-delete': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer talks only to window.bulletins: no Node, no Electron, no main code.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'electron', '../main/*', '../../main/*'],
              message: 'The renderer uses window.bulletins only.',
            },
            {
              // linkRule.ts and windowLayout.ts are pure code the window shares with main: one link
              // rule, one set of layout bounds for the app.
              group: [
                '../preload/*',
                '../../preload/*',
                '!../../preload/linkRule',
                '!../../preload/windowLayout',
              ],
              allowTypeImports: true,
              message: 'Import the contract with `import type`.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', '../main/*'], message: 'The sandboxed preload may require only electron.' },
          ],
        },
      ],
    },
  },
  {
    // Main and the preload read untrusted text (files, feeds, the page's input): a regular
    // expression that backtracks super-linearly there can hold Electron's UI thread for minutes.
    files: ['main/**/*.ts', 'preload/**/*.ts'],
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': ['error', { report: 'potential' }],
      'regexp/no-super-linear-move': [
        'error',
        { report: 'potential', ignoreSticky: false, ignorePartial: false },
      ],
    },
  },
);
