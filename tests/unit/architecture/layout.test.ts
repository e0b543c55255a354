/**
 * Folders say what they hold.
 * - The test folder says the project (vitest.config.ts): every test file sits in tests/unit/,
 *   tests/site/ or tests/browser/. One elsewhere would run as `unit` whatever it needs, so a
 *   test that needs the shared site or a browser would fail there for a reason nobody sees.
 * - src/components/ holds components (.astro) and their stylesheets only: code that runs in
 *   the browser lives in src/scripts/, build-time code the pages and components use in src/site/
 *   (docs/architecture.md), so nobody has to open a .ts to learn where it runs.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const PROJECT_FOLDERS = ['tests/unit/', 'tests/site/', 'tests/browser/'];

/** Every file under `dir` (repository-relative, forward slashes) whose name passes `keep`. */
function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && keep(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)).split('\\').join('/'));
}

function testFiles(dir: string): string[] {
  return filesUnder(dir, (name) => name.endsWith('.test.ts'));
}

it('puts every test file in the folder of its project', () => {
  const files = [...testFiles(join(ROOT, 'tests')), ...testFiles(join(ROOT, 'src'))];
  expect(files.length).toBeGreaterThan(50);
  const stray = files.filter((f) => !PROJECT_FOLDERS.some((folder) => f.startsWith(folder)));
  expect(stray).toEqual([]);
});

it('keeps only components and their styles in src/components/', () => {
  const components = filesUnder(join(ROOT, 'src/components'), () => true);
  expect(components.filter((f) => f.endsWith('.astro')).length).toBeGreaterThan(20);
  const other = components.filter((f) => !/\.(astro|css)$/.test(f));
  expect(other).toEqual([]);
});
