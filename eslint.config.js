import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The pure cores (slot engine, dialog machine) must stay pure: no framework, database, queue or
// environment access, and no wall clock — time is an argument. These rules keep that true.
const pureCoreRules = {
  'no-restricted-imports': ['error', {
    patterns: [
      { group: ['@nestjs/*'], message: 'Pure core: no NestJS here.' },
      { group: ['@prisma/*', '**/generated/prisma/**'], message: 'Pure core: no Prisma here.' },
      { group: ['ioredis', 'bullmq'], message: 'Pure core: no Redis or queues here.' },
    ],
  }],
  'no-restricted-properties': ['error',
    { object: 'process', property: 'env', message: 'Pure core: configuration comes in as arguments.' },
    { object: 'Date', property: 'now', message: 'Pure core: `now` is an argument.' },
  ],
  'no-restricted-syntax': ['error',
    { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pure core: `now` is an argument.' },
  ],
};

export default tseslint.config(
  { ignores: ['*.cjs', 'dist/**', 'node_modules/**', 'admin/**', 'src/generated/**', 'coverage/**', 'bench/.out/**', '.cache/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Nest resolves constructor dependencies from emitted decorator metadata; telling the parser so
    // keeps consistent-type-imports from turning those imports into (erased) type-only ones.
    languageOptions: { parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true }, globals: { console: 'readonly', process: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', fetch: 'readonly', AbortController: 'readonly', structuredClone: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
    },
  },
  { files: ['src/availability/engine/**/*.ts', 'src/conversation/dialog/**/*.ts'], rules: pureCoreRules },
  { files: ['**/*.spec.ts', 'test/**/*.ts', 'bench/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
);
