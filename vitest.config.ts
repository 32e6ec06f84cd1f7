import { existsSync, readdirSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * One `vitest run` for the whole workspace. Each package under apps/ and packages/ that has a
 * vitest.config.ts (its environment, setup and pool) is a project; select one with
 * `--project api` (or shared, web, admin, ui). A package without one has no tests yet: listing
 * it would make vitest fail.
 */
const root = new URL('./', import.meta.url);
const projects = ['apps', 'packages'].flatMap((group) =>
  readdirSync(new URL(`${group}/`, root))
    .map((name) => `${group}/${name}`)
    .filter((dir) => existsSync(new URL(`${dir}/vitest.config.ts`, root))),
);

export default defineConfig({
  test: { projects },
});
