/**
 * The test folder says the project (vitest.config.ts): every test file sits in tests/unit/,
 * tests/site/ or tests/browser/. One elsewhere would run as `unit` whatever it needs, so a
 * test that needs the shared site or a browser would fail there for a reason nobody sees.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const PROJECT_FOLDERS = ['tests/unit/', 'tests/site/', 'tests/browser/'];

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)).split('\\').join('/'));
}

it('puts every test file in the folder of its project', () => {
  const files = [...testFiles(join(ROOT, 'tests')), ...testFiles(join(ROOT, 'src'))];
  expect(files.length).toBeGreaterThan(50);
  const stray = files.filter((f) => !PROJECT_FOLDERS.some((folder) => f.startsWith(folder)));
  expect(stray).toEqual([]);
});
