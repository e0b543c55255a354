/**
 * Every repository path the docs, the README and the code's comments name exists: a file moved
 * or renamed leaves no reader following a dead pointer. The failure lists each stale mention as
 * file:line and the path; fix the mention, not this test. How patterns (`{a,b}`, `<name>`, `*`,
 * a trailing `…`) are read: named-paths.ts beside this file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exists, expandBraces, namedPaths, pathsIn } from './named-paths.ts';

const ROOT = join(import.meta.dirname, '../../..');
const TREES = ['src', 'scripts', 'tests', 'docs', '.ci'];
const CODE = /\.(ts|js|mjs|astro|css)$/;
const SELF = 'tests/unit/architecture/named-paths.test.ts';

/** Every file and folder (folders end in `/`) under the trees, relative to the root. */
function entries(): Set<string> {
  const all = new Set<string>();
  for (const tree of TREES) {
    all.add(`${tree}/`);
    for (const e of readdirSync(join(ROOT, tree), { withFileTypes: true, recursive: true })) {
      const path = relative(ROOT, join(e.parentPath, e.name)).split('\\').join('/');
      all.add(e.isDirectory() ? `${path}/` : path);
    }
  }
  return all;
}

/**
 * The files whose mentions are checked: docs/*.md, README.md, the code of src/, scripts/ and
 * tests/, and the configuration files at the root.
 */
function checkedFiles(all: ReadonlySet<string>): string[] {
  return [
    'README.md',
    ...readdirSync(ROOT, { withFileTypes: true })
      .filter((e) => e.isFile() && CODE.test(e.name))
      .map((e) => e.name),
    ...[...all].filter(
      (f) =>
        (/^docs\/[^/]+\.md$/.test(f) || (/^(src|scripts|tests)\//.test(f) && CODE.test(f))) &&
        // This file's own examples are strings holding comments on made-up paths.
        f !== SELF,
    ),
  ];
}

describe('paths named in docs and comments', () => {
  it('all exist', () => {
    const all = entries();
    const files = checkedFiles(all);
    expect(files.length).toBeGreaterThan(100);
    let named = 0;
    const stale: string[] = [];
    for (const file of files) {
      for (const { line, path } of namedPaths(file, readFileSync(join(ROOT, file), 'utf8'))) {
        named++;
        if (!exists(path, all)) stale.push(`${file}:${line}: ${path}`);
      }
    }
    // Enough mentions that a broken finder would show.
    expect(named).toBeGreaterThan(300);
    expect(stale, `stale paths (fix the mention):\n${stale.join('\n')}`).toEqual([]);
  });
});

describe('the path finder', () => {
  it('finds paths in comments only, with their lines, and leaves out other roots', () => {
    const code = [
      "import x from './a.ts'; // see src/domain/a.ts.",
      "const p = 'src/made-up/in-a-string.ts';",
      '/**',
      ' * Written by scripts/build.ts (and `tests/unit/`), not ../src/rel.ts nor',
      ' * https://github.com/o/r/blob/main/src/theirs.ts',
      ' */',
    ].join('\n');
    expect(namedPaths('x.ts', code)).toEqual([
      { line: 1, path: 'src/domain/a.ts' },
      { line: 4, path: 'scripts/build.ts' },
      { line: 4, path: 'tests/unit/' },
    ]);
    expect(
      pathsIn('See `docs/build.md`, then .ci/run; scripts/… and src/charts/charts-<s>.ts'),
    ).toEqual([
      { line: 1, path: 'docs/build.md' },
      { line: 1, path: '.ci/run' },
      { line: 1, path: 'scripts/' },
      { line: 1, path: 'src/charts/charts-<s>.ts' },
    ]);
  });

  it('expands braces and matches placeholders and globs against real entries', () => {
    expect(expandBraces('src/i18n/{ru,en}.json')).toEqual(['src/i18n/ru.json', 'src/i18n/en.json']);
    const entries = new Set(['src/', 'src/i18n/', 'src/i18n/ru.json', 'src/charts/charts-age.ts']);
    expect(exists('src/i18n/ru.json', entries)).toBe(true);
    expect(exists('src/i18n', entries)).toBe(true);
    expect(exists('src/i18n/{ru,en}.json', entries)).toBe(false);
    expect(exists('src/charts/charts-<section>.ts', entries)).toBe(true);
    expect(exists('src/charts/*.ts', entries)).toBe(true);
    expect(exists('src/charts/<x>.json', entries)).toBe(false);
    expect(exists('src/gone.ts', entries)).toBe(false);
  });
});
