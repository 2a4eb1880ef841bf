// Lint: typescript-eslint's recommended rules, plus the house rule that only the two IPC
// helper files may touch ipcMain / ipcRenderer (one contract, one door).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', '.electron-native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', window: 'readonly', document: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='parseFloat']", message: 'Money is parsed from decimal text (shared/money), never parseFloat.' },
        { selector: "CallExpression[callee.property.name='toFixed']", message: 'Money is integer fen; use formatFen.' },
        {
          // In Beijing before 08:00 the UTC date is yesterday (and on the 1st, last month).
          selector: "CallExpression[callee.property.name=/^(slice|substring|substr)$/][callee.object.type='CallExpression'][callee.object.callee.property.name='toISOString']",
          message: "A date cut from toISOString() is UTC's date, not the user's: use todayLocal() / thisPeriodLocal() from shared/today.",
        },
      ],
    },
  },
  // Layering: the renderer reaches the core only through the contract (shared/) and the
  // preload's bridge; the core and the CLI know neither Electron nor React; shared/ is
  // imported by every side and imports none of them.
  {
    // electron-builder loads its hooks with require(): CommonJS on purpose.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)electron(/|$)', message: 'The renderer never imports electron/ or the core: call the contract (shared/contract) through the bridge.' },
            { regex: '^node:', message: 'The renderer runs sandboxed, without Node.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**', 'electron/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The core is free of Electron.' }],
          patterns: [
            { regex: '^(react|react-dom)(/|$)', message: 'The core is free of React.' },
            { regex: '(^|/)(main|preload|renderer)/', message: 'The core never imports the shell or the UI.' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'shared/ is free of Electron.' }],
          patterns: [
            { regex: '^(react|react-dom)(/|$)', message: 'shared/ is free of React.' },
            { regex: '(^|/)(electron|renderer)/', message: 'shared/ imports neither the core nor the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['electron/main/ipc.ts', 'electron/main/shell.ts', 'electron/preload/index.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'ipcMain', message: 'Register channels through electron/main/ipc.ts only.' },
        { object: 'ipcRenderer', message: 'The preload is the only door to ipcRenderer.' },
      ],
    },
  },
);
