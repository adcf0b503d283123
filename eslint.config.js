// @ts-check
import js from '@eslint/js';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import tseslint from 'typescript-eslint';
import autoImports from './.wxt/eslint-auto-imports.mjs';

export default tseslint.config(
  { ignores: ['.output*/**', '.wxt/**', 'node_modules/**', 'tests/fixtures/**', '.demo/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  autoImports,
  {
    plugins: { 'no-unsanitized': noUnsanitized },
    rules: {
      // User text (notes, names) must never become markup or code: review comments made checks.
      'no-unsanitized/method': 'error',
      'no-unsanitized/property': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build DOM nodes or use Preact; never markup strings.' },
        { property: 'outerHTML', message: 'Build DOM nodes or use Preact; never markup strings.' },
        { property: 'insertAdjacentHTML', message: 'Build DOM nodes or use Preact.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'No raw HTML in views.',
        },
        {
          // Core no-implied-eval needs declared globals or type information to see these.
          selector:
            'CallExpression[callee.name=/^set(Timeout|Interval)$/][arguments.0.type=/^(Literal|TemplateLiteral|BinaryExpression)$/]',
          message: 'Timers take a function, never code in a string.',
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The layers (docs/architecture.md, "Layers"): the pure core runs anywhere (tests, workers,
    // every page) and touches neither the browser nor the database.
    files: [
      'utils/model/**',
      'utils/insights/**',
      'utils/linkedin/**',
      'utils/format.ts',
      'utils/search-text.ts',
      'utils/people-rows.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['dexie', 'wxt/browser', 'wxt/utils/*', 'webextension-polyfill'],
              message: 'The pure core imports neither the browser nor Dexie.',
            },
            {
              group: ['@/utils/db', '@/utils/db/*', '@/utils/loaders/*', '@/components/*'],
              allowTypeImports: true,
              message: 'The pure core imports no layer above it (types aside).',
            },
          ],
        },
      ],
    },
  },
  {
    // The store does not depend on what reads it.
    files: ['utils/db/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/utils/insights', '@/utils/insights/*', '@/utils/loaders/*'],
              message: 'The store does not import the insight engine: loaders join them.',
            },
            { group: ['@/components/*', '@/entrypoints/*'], message: 'The store renders nothing.' },
          ],
        },
      ],
    },
  },
  {
    // LinkedIn's page must never reach the database: the script asks the background
    // (docs/principles.md). Types of the messages it sends are fine.
    files: ['entrypoints/linkedin/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'dexie',
                '@/utils/db',
                '@/utils/db/*',
                '@/utils/loaders/*',
                '@/utils/transfer/*',
              ],
              allowTypeImports: true,
              message: 'The LinkedIn script never opens the database: ask the background.',
            },
          ],
        },
      ],
    },
  },
  {
    // Components render; the pages' entry points compose them. Nothing imports an entry point.
    files: ['components/**', 'utils/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/entrypoints/*'], message: 'Entry points import; they are not imported.' },
          ],
        },
      ],
    },
  },
  {
    // Only the background talks to a sync server (docs/sync.md, "Who talks to the server"): the
    // pages ask it, and their own policy lets them connect nowhere.
    files: ['components/**', 'entrypoints/**'],
    ignores: ['entrypoints/background/**', 'entrypoints/linkedin/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'pouchdb-*',
                '@/utils/sync/server',
                '@/utils/sync/pouch',
                '@/utils/sync/runner',
                '@/utils/sync/turn-on',
              ],
              allowTypeImports: true,
              message: 'Only the background talks to the sync server: ask it.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests may read markup (to prove that nothing of ours is in it).
    files: ['tests/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
