// ESLint flat config: type-checked TypeScript rules, React hooks, and the layering rules that keep
// src-shared pure and the renderer and main processes apart.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'net',
  'url',
  'util',
  'worker_threads',
];

/** Imports each layer may not make (see STYLE.md, "Shape"). */
export const layering = {
  'src-shared': {
    paths: ['electron', 'react', 'react-dom', 'zustand', 'better-sqlite3', 'ws', 'sirv'],
    patterns: [
      ...nodeBuiltins,
      '@xyflow/*',
      'react/*',
      'react-dom/*',
      'zustand/*',
      '**/src-main/**',
      '**/src-renderer/**',
    ],
    message: 'src-shared is pure TypeScript: no Electron, Node, React or storage imports.',
  },
  'src-renderer': {
    paths: ['electron', 'better-sqlite3', 'ws', 'sirv'],
    patterns: [...nodeBuiltins, '**/src-main/**'],
    message:
      'The renderer reaches the main side only through src-renderer/platform and the contract.',
  },
  'src-main': {
    paths: ['react', 'react-dom', 'zustand', '@xyflow/react'],
    patterns: ['**/src-renderer/**'],
    message: 'The main side never imports the renderer.',
  },
};

const restrict = ({ paths, patterns, message }) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: paths.map((name) => ({ name, message })),
      patterns: [{ group: patterns, message }],
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      '.tsbuild/**',
      'test-results/**',
      'bench/results/**',
      '.cache/**',
      'node_modules/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name='only'][callee.object.name=/^(it|test|describe)$/]",
          message: 'No .only in tests: it silently skips the rest of the suite.',
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { ...globals.node },
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      ...restrict(layering['src-shared']),
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'process',
        'setTimeout',
        'setInterval',
        'require',
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'src-shared takes time as an argument.' },
        {
          object: 'Math',
          property: 'random',
          message: 'src-shared takes randomness as an argument.',
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: restrict(layering['src-renderer']),
  },
  { files: ['src-main/**/*.ts'], ignores: ['**/*.test.ts'], rules: restrict(layering['src-main']) },
  {
    files: ['src-renderer/**/*.{ts,tsx}', 'test/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
    languageOptions: { globals: { ...globals.browser } },
  },
);
