/**
 * No import cycles in the code (src/, scripts/): a module that imports one that imports it back,
 * even for types only, is two modules that are one concept, or one that lives in the wrong
 * place. The graph is read with TypeScript's own import scanner (`ts.preProcessFile`), which
 * also reads the frontmatter and scripts of `.astro` files (madge and dpdm read neither).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const CODE = /\.(ts|astro)$/;

function codeFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && CODE.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)).split('\\').join('/'));
}

/** The code of a module that can import: all of a `.ts`, the frontmatter and scripts of an `.astro`. */
function importingCode(file: string): string {
  const text = readFileSync(join(ROOT, file), 'utf8');
  if (!file.endsWith('.astro')) return text;
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  return [frontmatter, ...scripts].join('\n');
}

/** The project's modules each file imports (relative specifiers only; packages are leaves). */
function importGraph(files: readonly string[]): Map<string, string[]> {
  const known = new Set(files);
  return new Map(
    files.map((file) => {
      const { importedFiles } = ts.preProcessFile(importingCode(file), true, true);
      const targets = importedFiles
        .map((ref) => ref.fileName)
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => join(dirname(file), spec.replace(/\?.*$/, '')).split('\\').join('/'))
        .filter((target) => known.has(target));
      return [file, [...new Set(targets)].sort()];
    }),
  );
}

/**
 * The cycles of a graph, one per strongly connected component of more than one module (or a
 * module importing itself), each listed from its first module in sort order (Tarjan's algorithm).
 */
function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)?.includes(node)) cycles.push(component.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

it('finds a cycle when there is one, and only then', () => {
  const graph = new Map([
    ['a.ts', ['b.ts']],
    ['b.ts', ['c.ts']],
    ['c.ts', ['a.ts', 'd.ts']],
    ['d.ts', []],
    ['e.ts', ['e.ts']],
  ]);
  expect(importCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
  expect(
    importCycles(
      new Map([
        ['a.ts', ['b.ts']],
        ['b.ts', []],
      ]),
    ),
  ).toEqual([]);
});

it('has no import cycle in src/ or scripts/', () => {
  const graph = importGraph([...codeFiles('src'), ...codeFiles('scripts')]);
  // The graph is read at all: the build entry reaches the pipeline through relative imports.
  expect(graph.get('src/pipeline/build.ts')).toContain('src/pipeline/stages.ts');
  expect(importCycles(graph)).toEqual([]);
});
