// ESLint flat config. Layering is enforced here, not remembered: the renderer cannot reach electron or node,
// shared/ cannot reach electron, node or react, and only the preload may touch ipcRenderer. In electron/ the arrows
// point one way: main and bridge are hosts that import backend/; backend imports neither host nor electron.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));

const noIpcRenderer = {
  name: 'electron',
  importNames: ['ipcRenderer'],
  message: 'Only electron/preload talks to ipcRenderer; the renderer uses window.berth.',
};
const noElectron = [
  { name: 'electron', message: 'This layer runs outside Electron main: go through window.berth / the contract.' },
];
const noNode = nodeBuiltins.map((name) => ({
  name,
  message: `${name} is a Node module; this layer runs without Node.`,
}));
const noReact = ['react', 'react-dom', 'zustand'].map((name) => ({
  name,
  message: 'shared/ is plain TypeScript; UI libraries belong in renderer/.',
}));

/**
 * Paths that never exist on disk: scripts/lint-rules.test.ts lints snippets as if they lived there. Listing them
 * in allowDefaultProject gives them type information without a file in the TypeScript project.
 */
export const LINT_FIXTURES = {
  renderer: 'renderer/src/features/lint-fixture.ts',
  platform: 'renderer/src/platform/lint-fixture.ts',
  rendererJsx: 'renderer/src/features/lint-fixture.tsx',
  shared: 'shared/lint-fixture.ts',
  main: 'electron/main/lint-fixture.ts',
  preload: 'electron/preload/lint-fixture.ts',
  backend: 'electron/backend/lint-fixture.ts',
  bridge: 'electron/bridge/lint-fixture.ts',
};

const namedExports = { selector: 'ExportDefaultDeclaration', message: 'Use a named export.' };
const berthMessage =
  'Reach the API through a slice action; only renderer/src/app/main.tsx and platform/ touch window.berth.';
/** window.berth, window['berth'], globalThis.berth, self.berth and `const { berth } = window`. */
const noWindowBerth = [
  {
    selector: "MemberExpression[object.name=/^(window|globalThis|self)$/][property.name='berth']",
    message: berthMessage,
  },
  {
    selector: "MemberExpression[object.name=/^(window|globalThis|self)$/][property.value='berth']",
    message: berthMessage,
  },
  {
    selector: "VariableDeclarator[init.name=/^(window|globalThis|self)$/] > ObjectPattern > Property[key.name='berth']",
    message: berthMessage,
  },
];

/** Engine-provided text (names, labels, logs, errors) reaches the page as text only, never as markup. */
const rawHtmlMessage = 'Engine text is shown as text: build elements with React, never markup from strings.';
const noRawHtml = [
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: rawHtmlMessage },
  { selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]', message: rawHtmlMessage },
  {
    selector:
      "CallExpression[callee.property.name=/^(insertAdjacentHTML|write|writeln)$/][callee.object.name='document']",
    message: rawHtmlMessage,
  },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: rawHtmlMessage },
];

const layer = (paths, patterns) => ['error', { paths, patterns }];
const pattern = (group, message) => ({ group, message });

const nodePatterns = [pattern(['node:*'], 'Node modules are not available in this layer.')];
const electronPatterns = [
  pattern(['electron/*'], 'Electron is not available in this layer.'),
  pattern(['**/electron/**'], 'Code under electron/ runs in another process; use the contract.'),
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      '.test-engine/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: Object.values(LINT_FIXTURES) },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // A slice adds itself to the store's state with `interface BerthState extends XSlice {}` (app/state.ts).
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      eqeqeq: ['error', 'smart'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'no-restricted-imports': layer([noIpcRenderer], []),
    },
  },
  {
    // House style: named exports. Config files are the exception, their tools want a default export.
    files: ['shared/**/*.{ts,tsx}', 'electron/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', namedExports] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', namedExports, ...noRawHtml] },
  },
  {
    // Components reach the API through their slice's actions; the store gets the API from the entry point.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/src/app/main.tsx', 'renderer/src/platform/**'],
    rules: { 'no-restricted-syntax': ['error', namedExports, ...noWindowBerth, ...noRawHtml] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: {
      // zustand actions are read off the state (`const { retry } = get()`); they are closures, not `this` methods.
      '@typescript-eslint/unbound-method': 'off',
      'no-restricted-imports': layer(
        [
          ...noElectron,
          ...noNode,
          { name: 'zod', message: 'Inputs are validated in main; the page ships without zod.' },
        ],
        [
          ...nodePatterns,
          ...electronPatterns,
          {
            group: ['**/shared/wire', '**/shared/contract', '**/shared/contracts/*'],
            allowTypeImports: true,
            message: 'These modules hold zod schemas for main; the page imports their types only.',
          },
        ],
      ),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': layer(
        [...noElectron, ...noNode, ...noReact],
        [
          ...nodePatterns,
          ...electronPatterns,
          pattern(
            ['react/*', 'react-dom/*', 'zustand/*'],
            'shared/ is plain TypeScript; UI libraries belong in renderer/.',
          ),
          pattern(['**/renderer/**'], 'shared/ cannot depend on the renderer.'),
        ],
      ),
    },
  },
  {
    // Sandboxed: the preload can require electron and nothing from Node, and it is not main.
    files: ['electron/preload/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': layer(noNode, [
        ...nodePatterns,
        pattern(['**/main/**'], 'The preload is bundled alone; it cannot reach main’s modules.'),
        pattern(['**/renderer/**'], 'The preload cannot depend on the renderer.'),
      ]),
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': layer(
        [noIpcRenderer],
        [
          pattern(['**/bridge/**'], 'Main and the bridge are two hosts of the backend; neither imports the other.'),
          pattern(['**/renderer/**'], 'Main cannot depend on the renderer; share through shared/.'),
        ],
      ),
    },
  },
  {
    // What both hosts run: plain Node, so the browser mode can serve it without Electron.
    files: ['electron/backend/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': layer(
        [
          {
            name: 'electron',
            message: 'The backend runs in plain Node too (the browser mode); Electron stays in main.',
          },
        ],
        [
          pattern(['electron/*'], 'The backend runs in plain Node too (the browser mode); Electron stays in main.'),
          pattern(['**/main/**'], 'The backend cannot depend on a host; main imports the backend, not the reverse.'),
          pattern(['**/bridge/**'], 'The backend cannot depend on a host; the bridge imports the backend.'),
          pattern(['**/renderer/**'], 'The backend cannot depend on the renderer; share through shared/.'),
        ],
      ),
    },
  },
  {
    // The browser-mode host: the backend behind an HTTP + WebSocket server, in plain Node.
    files: ['electron/bridge/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': layer(
        [{ name: 'electron', message: 'The bridge serves the browser mode from plain Node; Electron is not there.' }],
        [
          pattern(['electron/*'], 'The bridge serves the browser mode from plain Node; Electron is not there.'),
          pattern(['**/main/**'], 'The bridge runs without Electron main; take what both hosts need from backend/.'),
          pattern(['**/renderer/**'], 'The bridge cannot depend on the renderer; share through shared/.'),
        ],
      ),
    },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'e2e/**/*.ts'],
    rules: {
      // Test doubles and expectations often name methods without calling them.
      '@typescript-eslint/unbound-method': 'off',
      'no-console': 'off',
    },
  },
  {
    // Scripts and this file: plain node ESM, linted without type information.
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: globals.node,
      sourceType: 'module',
    },
    rules: { ...tseslint.configs.disableTypeChecked.rules, 'no-console': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
