/**
 * Reproducibility: build twice from the same inputs and compare every output file by sha256.
 * The build is a callback, so the same check runs on the fixture build now and on the real
 * build (sample → pipeline → Astro → Pagefind) by passing a function that runs it.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BuildInto } from './build-site.ts';
import { listFiles } from './site-pages.ts';

/** sha256 of every file under `dir`, by relative path. */
export async function fileHashes(dir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const file of await listFiles(dir)) {
    hashes.set(
      file,
      createHash('sha256')
        .update(await readFile(join(dir, file)))
        .digest('hex'),
    );
  }
  return hashes;
}

/**
 * The differences between two folders: files only in one, and files whose bytes differ.
 * @example diffFolders(new Map([['a', '1']]), new Map([['a', '2']])) // ['a differs']
 */
export function diffFolders(a: Map<string, string>, b: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [file, hash] of a) {
    if (!b.has(file)) out.push(`${file} only in the first build`);
    else if (b.get(file) !== hash) out.push(`${file} differs`);
  }
  for (const file of b.keys()) if (!a.has(file)) out.push(`${file} only in the second build`);
  return out;
}

/** Builds into `<work>/a` and `<work>/b` one after the other and returns their differences. */
export async function buildTwiceAndCompare(
  buildInto: BuildInto,
  work: string,
): Promise<{ files: number; differences: string[] }> {
  const [a, b] = [join(work, 'a'), join(work, 'b')];
  await buildInto(a);
  await buildInto(b);
  const [hashesA, hashesB] = [await fileHashes(a), await fileHashes(b)];
  return { files: hashesA.size, differences: diffFolders(hashesA, hashesB) };
}
