// @ts-check
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import checkFile from 'eslint-plugin-check-file';
import globals from 'globals';

const ROOT = path.dirname(fileURLToPath(import.meta.url));

/**
 * The "Who may import whom" matrix from docs/architecture.md: each slice and the slices it may import (through their
 * index.ts only). Everything not listed is forbidden. Reverse flows use events.
 */
const MAY_IMPORT = {
  org: [],
  calendar: ['org'],
  base: ['org'],
  crm: ['org', 'base'],
  hire: ['org', 'calendar'],
  okr: ['org'],
  notify: ['org'],
};
const SLICES = Object.keys(MAY_IMPORT);

/**
 * Turns the matrix into import-x/no-restricted-paths zones for one slice root (server slices, web features).
 * `composers` are the folders/files that assemble slices (app.ts, cli/, web app/): they may use any slice's index.ts.
 * `neutral` folders (platform, lib, ui) import no slice at all.
 */
function boundaryZones(root, { composers, neutral }) {
  const zones = [];
  const door = (slice) => `${root}/${slice}`;
  for (const [slice, allowed] of Object.entries(MAY_IMPORT)) {
    for (const other of SLICES) {
      if (other === slice) continue;
      const ok = allowed.includes(other);
      zones.push({
        target: door(slice),
        from: door(other),
        ...(ok ? { except: ['./index.ts'] } : {}),
        message: ok
          ? `import ${other} only through ${other}/index.ts`
          : `${slice} may not import ${other} (see docs/architecture.md; publish an event instead)`,
      });
    }
  }
  for (const target of composers)
    for (const other of SLICES) zones.push({ target, from: door(other), except: ['./index.ts'], message: `import ${other} only through ${other}/index.ts` });
  for (const target of neutral) zones.push({ target, from: SLICES.map(door), message: 'platform, lib and ui know no domain slice' });
  return zones;
}

const zones = [
  ...boundaryZones('apps/server/src', {
    composers: ['apps/server/src/cli', 'apps/server/src/app.ts', 'apps/server/src/main.ts', 'apps/server/test', 'bench'],
    neutral: ['apps/server/src/platform'],
  }),
  ...boundaryZones('apps/web/src/features', {
    composers: ['apps/web/src/app', 'apps/web/src/main.tsx', 'apps/web/e2e'],
    neutral: ['apps/web/src/lib', 'apps/web/src/ui'],
  }),
  { target: 'packages', from: 'apps', message: 'packages import no app' },
  { target: 'apps/web', from: 'apps/server', message: 'the web app never imports the server' },
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/data/**', '**/.tmp/**', '**/coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { 'import-x': importX, 'check-file': checkFile },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones }],
    },
  },
  {
    // Cycles only matter inside the apps' source; scanning tests and scripts too would only slow lint down.
    files: ['apps/*/src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['{apps,packages}/*/{src,test,e2e}/**/*.{ts,tsx,js,mjs}', 'bench/**/*.ts'],
    rules: {
      'check-file/filename-naming-convention': ['error', { '**/*.{ts,tsx,js,mjs}': 'KEBAB_CASE' }, { ignoreMiddleExtensions: true }],
      'check-file/folder-naming-convention': ['error', { '{apps,packages}/*/{src,test,e2e}/**/': 'KEBAB_CASE' }],
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
