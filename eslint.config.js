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
    // Tests may read markup (to prove that nothing of ours is in it).
    files: ['tests/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
