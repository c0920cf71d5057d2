// Lint keeps the layering mechanical (docs/ARCHITECTURE.md):
//  core/      pure TypeScript: no node:*, no Electron, no SQLite, no React/DOM libraries;
//  renderer/  talks to the host only through its API; it may import the contract from electron/ as types only;
//  electron/  the Node side; host/ services never import `electron` (only main.ts and preload.ts do).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

// Node's built-in modules by exact name (a pattern like 'buffer' would also match our own ../geometry/buffer).
const nodeBuiltinNames = ['fs', 'fs/promises', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'http', 'https', 'net', 'url', 'stream', 'zlib', 'buffer', 'util', 'events', 'readline'];
const nodeBuiltinPaths = (message) => nodeBuiltinNames.map((name) => ({ name, message }));

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'test/e2e/artifacts/**', 'bench/results/**', 'bench/data/**', '.vep-tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['core/src/**/*.ts'],
    ignores: ['core/src/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: nodeBuiltinPaths('core/ is pure TypeScript: bytes in, data out. File and process access belong in electron/host/.'),
        patterns: [
          { group: ['node:*'], message: 'core/ is pure TypeScript: bytes in, data out. File and process access belong in electron/host/.' },
          { group: ['electron', 'better-sqlite3', 'react', 'react-dom', 'maplibre-gl', 'terra-draw*', 'exceljs', 'pdfkit'], message: 'core/ must not depend on platform or UI libraries.' },
          { group: ['**/electron/**', '**/renderer/**'], message: 'Dependency arrows point into core, never out of it.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: nodeBuiltinPaths('The renderer runs in a browser context: no Node modules.'),
        patterns: [
          { group: ['**/electron/**', 'electron'], allowTypeImports: true, message: 'The renderer reaches the host only through renderer/src/api: import the contract with `import type`.' },
          { group: ['node:*'], message: 'The renderer runs in a browser context: no Node modules.' },
          { group: ['better-sqlite3'], message: 'The renderer has no database access; ask the host.' },
        ],
      }],
    },
  },
  {
    files: ['electron/host/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron'], message: 'host/ is plain Node so the web host and the CLI run it too; Electron stays in main.ts/preload.ts.' },
          { group: ['**/renderer/**'], message: 'The host never depends on the renderer.' },
        ],
      }],
    },
  },
);
