// ESLint flat config: typescript-eslint's recommended rules, no `any`, no unused names, and the layer boundaries
// (dependencies point one way: cli -> experiments -> eval -> augment/classify -> adan -> nn; features -> audio;
// data and util below what they serve). test/architecture.test.ts checks the whole import graph; these rules flag
// the same mistakes in the editor.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** no-restricted-imports patterns forbidding a layer from importing the given higher layers. */
function above(...layers) {
  return {
    'no-restricted-imports': [
      'error',
      { patterns: layers.map((l) => ({ group: [`**/${l}/*`, `../${l}/*`], message: `a lower layer must not import src/${l}` })) },
    ],
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'node_modules/**', 'bench/torch/**', 'bench/sklearn/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // Prettier wraps code at 140 but cannot break strings or comments: this keeps those within 140 too.
      'max-len': ['error', { code: 140, tabWidth: 2, ignoreUrls: true }],
    },
  },
  // The feature extractors mirror openSMILE's C loops, which assign loop state that the last iteration leaves unread.
  { files: ['src/features/**/*.ts'], rules: { 'no-useless-assignment': 'off' } },
  {
    files: ['src/util/**/*.ts'],
    rules: above('nn', 'data', 'audio', 'features', 'adan', 'augment', 'classify', 'eval', 'experiments', 'report', 'cli'),
  },
  { files: ['src/data/**/*.ts', 'src/audio/**/*.ts'], rules: above('adan', 'augment', 'classify', 'eval', 'experiments', 'report', 'cli') },
  { files: ['src/nn/**/*.ts'], rules: above('adan', 'augment', 'classify', 'eval', 'experiments', 'report', 'cli', 'features') },
  { files: ['src/features/**/*.ts'], rules: above('adan', 'augment', 'classify', 'eval', 'experiments', 'report', 'cli', 'nn') },
  { files: ['src/adan/**/*.ts'], rules: above('augment', 'classify', 'eval', 'experiments', 'report', 'cli') },
  { files: ['src/augment/**/*.ts', 'src/classify/**/*.ts'], rules: above('eval', 'experiments', 'report', 'cli') },
  { files: ['src/eval/**/*.ts'], rules: above('experiments', 'report', 'cli') },
  { files: ['src/experiments/**/*.ts', 'src/report/**/*.ts'], rules: above('cli') },
  {
    files: ['scripts/**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', performance: 'readonly', Buffer: 'readonly' } },
  },
);
