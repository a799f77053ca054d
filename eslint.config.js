import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const tfjs = { group: ['@tensorflow/*'], message: 'tfjs lives in src/ml-worker (and scripts/tests/server) only.' };
const phaser = { name: 'phaser', message: 'Phaser lives in src/game only.' };
const zustand = { group: ['zustand', 'zustand/*'], message: 'zustand is used only in src/game/state.' };
const workerCode = {
  group: ['**/ml-worker/**', '**/ml-worker'],
  message: 'The game talks to the worker only through the contract in src/shared.',
};
const gameCode = { group: ['**/game/**', '**/game'], message: 'Only src/game may import game code.' };
const serverCode = {
  group: ['**/server/**', '**/server'],
  message: 'The classroom server (src/server) runs in Node; the game reaches it only over HTTP (src/game/classroom).',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-test/**',
      'scripts/_*_tmp.*',
      'node_modules/**',
      'assets/**',
      '.bench/**',
      'test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/game/**/*.ts', 'src/main.ts'],
    ignores: ['src/game/state/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [], patterns: [tfjs, zustand, workerCode, serverCode] }] },
  },
  {
    files: ['src/game/state/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [phaser], patterns: [tfjs, workerCode, serverCode] }] },
  },
  {
    files: ['src/ml-worker/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [phaser], patterns: [zustand, gameCode] }] },
  },
  {
    // The classroom server reuses src/shared and the worker's engine (tfjs in Node), never the game (nor its
    // classroom client, src/game/classroom: both sides share only the contract in src/shared/classroom).
    files: ['src/server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [phaser], patterns: [zustand, gameCode] }] },
  },
  {
    // The teacher page and projector board scripts: plain browser JavaScript served as is.
    files: ['src/server/pages/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        document: 'readonly',
        location: 'readonly',
        fetch: 'readonly',
        sessionStorage: 'readonly',
        URL: 'readonly',
        setInterval: 'readonly',
      },
    },
  },
  {
    // Tools are not tests: scripts and the tools they share with tests import nothing from tests/ (nor vitest).
    files: ['scripts/**/*.ts', 'tools/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vitest', message: 'Tools run outside vitest; test-only helpers stay in tests/.' }],
          patterns: [{ group: ['**/tests/**'], message: 'Tools are not tests: move what a script needs to tools/.' }],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [phaser], patterns: [tfjs, zustand, workerCode, gameCode] }] },
  },
);
