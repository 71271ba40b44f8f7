// Lint rules: typescript-eslint's recommended set over the sources, tests, benchmarks and scripts,
// and the direction of imports between the folders of src/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import dossier from './eslint-rules/import-direction.js';

/**
 * The folders of src/ in import order: a folder imports only from earlier lines, never from its own
 * line's others or later ones (DEVELOPING.md, "Layout"). version.ts is a constant anyone may read;
 * analyze.ts is the Analyzer (a pipeline and its result); web is the server side of the page and
 * index.ts the library's entry. Tests are left out: a test beside a stage may run the whole engine.
 */
const LAYERS = [
  ['core', 'version.ts'],
  ['text', 'ontology'],
  ['ingest', 'actors'],
  ['stages'],
  ['pipeline'],
  ['result'],
  ['analyze.ts'],
  ['store', 'parallel'],
  ['api', 'web'],
  ['cli', 'index.ts'],
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'schema/**', 'docs/**', 'test-results/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    plugins: { dossier },
    // the page's code runs in the browser and reaches the engine only through the HTTP API
    rules: { 'dossier/import-direction': ['error', { src: 'src', layers: LAYERS, apart: ['web/client'] }] },
  },
);
