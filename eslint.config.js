// One lint setup for the whole workspace: typescript-eslint's type-checked rules, and the
// import boundaries that keep each site's features apart.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const sites = ['apps/web', 'apps/admin'];

/**
 * A feature may import from `components/`, `lib/` and shared packages, never from another
 * feature: what two features share moves to `components/` (or `lib/`). Only `app/` (routes and
 * providers) puts features together, and nothing outside `app/` imports from it. One zone per
 * feature folder, read from disk, so a new feature is covered without editing this file.
 */
function featureBoundaries(site) {
  const src = `${import.meta.dirname}/${site}/src`;
  const features = readdirSync(`${src}/features`, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  return [
    ...features.map((feature) => ({
      target: `${src}/features/${feature}`,
      from: `${src}/features`,
      except: [`./${feature}`],
      message:
        'Features do not import from each other: move what they share to src/components or src/lib.',
    })),
    { target: `${src}/features`, from: `${src}/app` },
    { target: [`${src}/components`, `${src}/lib`], from: [`${src}/features`, `${src}/app`] },
  ];
}

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/generated/**',
      '**/test-results/**',
      '**/playwright-report/**',
      'bench/results/**',
      // A program of another party's, typed by a client generated at test time: its test compiles
      // it with tsc --strict against the served API document (apps/api/test/openapi).
      'examples/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        // Root config files (vitest.config.ts, prisma.config.ts) belong to no package.
        projectService: { allowDefaultProject: ['*.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      // Fastify handlers are async by contract even when they await nothing.
      '@typescript-eslint/require-await': 'off',
      'no-console': 'error',
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}', 'apps/admin/**/*.{ts,tsx}', 'packages/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // Cycles and cross-feature imports in the sites and shared packages. Not over the API and
    // the tests: no-cycle walks every import graph it meets, and the sites are where features
    // grow into each other.
    files: [
      'apps/web/src/**/*.{ts,tsx}',
      'apps/admin/src/**/*.{ts,tsx}',
      'packages/*/src/**/*.{ts,tsx}',
    ],
    plugins: { 'import-x': importX },
    settings: {
      // Without this the rules read only .js files and no-cycle sees no graph at all.
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: [
            'apps/web/tsconfig.json',
            'apps/admin/tsconfig.json',
            'packages/*/tsconfig.json',
          ],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: sites.flatMap(featureBoundaries) }],
    },
  },
  {
    // Command-line entry points talk to a person on a terminal.
    files: ['**/*-cli.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/test/**', '**/*.test.ts', '**/*.test.tsx', 'e2e/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      // Tests read response.json(), which is `any` by design; the assertions check the shape.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      'no-console': 'off',
    },
  },
);
