/**
 * Builds a site the way tests/setup/build-site.ts does (Astro with the `@generated` alias, then
 * a Pagefind index), from generated data in any folder. Gates that need a site of their own
 * (hostile data, two builds to compare) use it; when the real build script takes a generated
 * data folder, this is the one place to point at it.
 */
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'astro';
import * as pagefind from 'pagefind';

export const ROOT = resolve(import.meta.dirname, '../../..');

/** A function that builds a complete site into `outDir` (the gates compare or inspect it). */
export type BuildInto = (outDir: string) => Promise<void>;

/**
 * Astro + Pagefind from the generated data in `generated` into `outDir`. `cacheDir` keeps
 * builds that run at the same time (test files run in parallel) out of each other's cache.
 */
export async function buildSiteFrom(
  generated: string,
  outDir: string,
  cacheDir: string,
): Promise<void> {
  await rm(outDir, { recursive: true, force: true });
  await build({
    root: ROOT,
    outDir,
    cacheDir,
    logLevel: 'error',
    vite: { resolve: { alias: { '@generated': generated } } },
  });
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
}
