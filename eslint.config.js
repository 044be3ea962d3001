import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';
import prettier from 'eslint-config-prettier';
import boundaries from 'eslint-plugin-boundaries';

/** The layers of src/, each a folder (the first matching pattern wins: storage before sessions). */
const LAYERS = [
  ['ui', 'src/ui'],
  ['perf', 'src/perf'],
  ['state', 'src/state'],
  ['storage', 'src/sessions/storage'],
  ['pose', 'src/pose'],
  ['analysis', 'src/analysis'],
  ['sessions', 'src/sessions'],
  ['coach', 'src/coach'],
  ['exercises', 'src/exercises'],
  ['motion', 'src/motion'],
];
const layer = (...types) => ({ element: { types } });
/** The pure core may use only these two files of the pose edge: its data types and the landmark indices. */
const PURE_POSE = { element: { type: 'pose', fileInternalPath: ['types.ts', 'landmarks.ts'] } };
const CORE = ['analysis', 'sessions', 'coach', 'exercises', 'motion'];
/** Import direction: each layer may import itself and the layers listed for it, nothing else. ui -> state -> the
 * pure core (analysis, sessions, coach, exercises, motion, lowest last), the pose edge and storage beside it. */
const MAY_IMPORT = {
  motion: [],
  exercises: ['motion'],
  coach: ['exercises', 'motion'],
  sessions: ['coach', 'exercises', 'motion'],
  analysis: ['sessions', 'coach', 'exercises', 'motion'],
  pose: [],
  storage: ['sessions'],
  state: [...CORE, 'pose', 'storage'],
  ui: [...CORE, 'pose', 'state'],
  perf: [...CORE, 'pose', 'state', 'ui'],
};

export default ts.config(
  { ignores: ['dist/', 'dist-*/', 'node_modules/', 'models/', 'test-results/', 'playwright-report/', 'public/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  prettier,
  ...svelte.configs['flat/prettier'],
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, svelteConfig } },
  },
  {
    files: ['**/*.ts', '**/*.svelte'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // the pure core: no DOM, no vendor libraries
    files: [
      'src/motion/**/*.ts',
      'src/exercises/**/*.ts',
      'src/coach/**/*.ts',
      'src/sessions/**/*.ts',
      'src/analysis/**/*.ts',
    ],
    ignores: ['src/sessions/storage/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@tensorflow/*', '@tensorflow-models/*', '@mediapipe/*', 'idb', 'svelte', 'svelte/*'],
              message: 'pure core: no vendor or UI imports',
            },
          ],
        },
      ],
    },
  },
  {
    // the direction of imports between the layers of src/ (see LAYERS and MAY_IMPORT above)
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': LAYERS.map(([type, pattern]) => ({ type, pattern, partialMatch: false })),
      'boundaries/files': [{ category: 'test', pattern: '**/*.test.ts' }],
      'boundaries/legacy-templates': false,
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          message:
            '{{from.element.type}} must not import {{to.element.type}} ({{to.file.path}}): imports go down the layers only (eslint.config.js, MAY_IMPORT)',
          policies: [
            ...Object.entries(MAY_IMPORT).map(([from, to]) => ({
              from: layer(from),
              allow: { to: to.length ? [layer(from, ...to), PURE_POSE] : [layer(from), PURE_POSE] },
            })),
            // the pose edge shares the one home of median and quantile with the core
            { from: layer('pose'), allow: { to: { element: { type: 'motion', fileInternalPath: 'stats.ts' } } } },
            // a test of the core is a user of the core: it may drive any of it (count a track, build a session)
            { from: { element: { types: CORE }, file: { categories: 'test' } }, allow: { to: layer(...CORE) } },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...ts.configs.disableTypeChecked,
  },
);
