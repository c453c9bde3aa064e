// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Frameworks the plain folders never import. */
const FRAMEWORKS = ['react', 'react-dom', 'react/*', 'comlink', 'chart.js', 'idb'];

/**
 * The page never loads a checker: it reads the exercises' facts and words from src/content/exercises,
 * and the worker runs the checkers (src/pose/exercises/registry.ts) and the posture check
 * (src/pose/posture-check.ts; its measures are src/pose/posture-measures.ts). Their types are free
 * to name. tests/unit/main-bundle.test.ts follows the imports this rule cannot see past one file.
 */
const NO_CHECKERS = {
  group: ['**/pose/exercises/*', '!**/pose/exercises/types', '**/pose/posture-check'],
  allowTypeImports: true,
  message:
    'Checkers load in the worker only; the page reads src/content/exercises (import type is fine).',
};

/** Import patterns that reach one of these src folders from a sibling folder. */
function above(...folders) {
  return folders.map((folder) => `**/${folder}/**`);
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'public/**',
      'test-results/**',
      'playwright-report/**',
      'artifacts/**',
      '.scratch/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  // Each folder holds one kind of code, and imports only go down:
  //   pose (pure core) <- content (words) <- coach (plain logic) <- ui (React, browser adapters)
  //   storage (IndexedDB) <- coach; workers and sw see pose only. Tests may reach anywhere.
  // `import type` upward is allowed where noted: a type is erased at build, so no code travels up.
  {
    files: ['src/pose/**/*.ts'],
    ignores: ['src/pose/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                ...FRAMEWORKS,
                ...above('ui', 'coach', 'content', 'storage', 'workers', 'sw', 'harness'),
              ],
              message:
                'src/pose is the pure core: it imports nothing of ours above it, and no framework.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/content/**/*.ts'],
    ignores: ['src/content/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...FRAMEWORKS, ...above('ui', 'harness')],
              message:
                'src/content is words: it may import pose, storage and coach types, never React or the screen.',
            },
            {
              group: above('coach', 'workers', 'sw'),
              allowTypeImports: true,
              message:
                'src/content may name a coach or worker type (import type), never run its code.',
            },
            NO_CHECKERS,
          ],
        },
      ],
    },
  },
  {
    files: ['src/coach/**/*.ts'],
    ignores: ['src/coach/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...FRAMEWORKS, ...above('ui', 'harness', 'sw')],
              message: 'src/coach is plain logic: no React, no DOM, no screen code.',
            },
            {
              group: above('workers'),
              allowTypeImports: true,
              message: 'src/coach may name a worker type (import type); src/ui runs the worker.',
            },
            NO_CHECKERS,
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    ignores: ['src/ui/**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [NO_CHECKERS] }] },
  },
  {
    files: ['src/storage/**/*.ts'],
    ignores: ['src/storage/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-dom',
                'comlink',
                ...above('ui', 'coach', 'content', 'workers', 'sw', 'harness'),
              ],
              message:
                'src/storage keeps records (IndexedDB through idb): it sees pose types only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/workers/**/*.ts', 'src/sw/**/*.ts'],
    ignores: ['src/workers/**/*.test.ts', 'src/sw/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-dom',
                ...above('ui', 'coach', 'content', 'storage', 'harness'),
              ],
              message:
                'Workers see the pure core only; the page turns their results into coaching.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
