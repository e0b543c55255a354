/**
 * Putting the site together on disk: Astro renders the pages, the generated data and
 * thumbnails are linked in, Pagefind indexes the result, and the finished folder replaces
 * the old output in one rename.
 */
import { readFileSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { build } from 'astro';
import * as pagefind from 'pagefind';
import { siteConfig, type SiteAddress } from '../../astro.config.ts';

/**
 * Renders the site with the project's configuration (astro.config.ts `siteConfig`) for the
 * site's address (`--site`, `--base`), reading data from `generatedDir` (the `@generated`
 * alias), into `outDir`.
 */
export async function astroBuild(
  root: string,
  outDir: string,
  generatedDir: string,
  address: SiteAddress = {},
) {
  const config = siteConfig(address);
  await build({
    ...config,
    // The configuration is complete here; loading astro.config.ts too would merge its
    // address-less default (and a second sitemap integration) into it.
    configFile: false,
    root,
    outDir,
    logLevel: 'warn',
    vite: {
      ...config.vite,
      resolve: { alias: { '@generated': generatedDir } },
      // For build-time endpoints that read generated files from disk (src/site/generated-dir.ts).
      define: {
        __GENERATED_DIR__: JSON.stringify(resolve(generatedDir)),
        __DATASET_FACTS__: datasetFactsDefine(generatedDir),
      },
    },
  });
}

/**
 * The facts the pipeline read from the dataset's READMEs (`data/dataset.json`), as the source
 * text of the `__DATASET_FACTS__` constant (src/domain/facts.ts); `null` without the file.
 */
export function datasetFactsDefine(generatedDir: string): string {
  try {
    const file = JSON.parse(readFileSync(join(generatedDir, 'data', 'dataset.json'), 'utf8')) as {
      facts?: unknown;
    };
    return JSON.stringify(file.facts ?? null);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'null';
    throw error;
  }
}

/** Indexes `siteDir` with Pagefind into `<siteDir>/pagefind`; every response is checked. */
export async function pagefindIndex(siteDir: string): Promise<{ pages: number }> {
  const fail = (step: string, errors: string[]) => {
    throw new Error(`Pagefind ${step}: ${errors.join('; ')}`);
  };
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) return fail('createIndex', errors);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) fail('addDirectory', added.errors);
    const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
    if (written.errors.length) fail('writeFiles', written.errors);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}

/**
 * Mirrors the files of `source` into `target` as hard links (a copy where the file system
 * cannot link), so thousands of unchanged thumbnails cost no bytes and almost no time.
 * A missing `source` mirrors nothing. Returns the number of files.
 */
export async function linkTree(source: string, target: string): Promise<number> {
  const entries = await readdir(source, { withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    },
  );
  if (entries === null) return 0;
  await mkdir(target, { recursive: true });
  let files = 0;
  for (const entry of entries) {
    const from = join(source, entry.name);
    const to = join(target, entry.name);
    if (entry.isDirectory()) {
      files += await linkTree(from, to);
    } else if (entry.isFile() && !entry.name.startsWith('.')) {
      await rm(to, { force: true });
      await link(from, to).catch(() => copyFile(from, to));
      files += 1;
    }
  }
  return files;
}

/**
 * Links the listed files (paths relative to `sourceRoot`, e.g. `thumbs/<study>/cover.webp`)
 * into `targetRoot`. Only what the data references reaches the site: a thumbnail left over in
 * the generated folder from another dataset is never published. Returns the paths that were
 * missing.
 */
export async function linkFiles(
  sourceRoot: string,
  targetRoot: string,
  paths: Iterable<string>,
): Promise<string[]> {
  const missing: string[] = [];
  const made = new Set<string>();
  for (const path of new Set(paths)) {
    const from = join(sourceRoot, path);
    const to = join(targetRoot, path);
    const folder = dirname(to);
    if (!made.has(folder)) {
      await mkdir(folder, { recursive: true });
      made.add(folder);
    }
    await rm(to, { force: true });
    await link(from, to).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') missing.push(path);
      else await copyFile(from, to);
    });
  }
  return missing;
}

/**
 * Replaces `out` by the finished `staged` folder: the old output is moved aside, the new one
 * renamed into place, the old one deleted. `out` is never a half-written folder.
 */
export async function replaceDir(staged: string, out: string): Promise<void> {
  const old = `${out}.old-${process.pid}`;
  const exists = await stat(out).then(
    () => true,
    () => false,
  );
  if (exists) await rename(out, old);
  try {
    await rename(staged, out);
  } catch (error) {
    if (exists) await rename(old, out);
    throw error;
  }
  if (exists) await rm(old, { recursive: true, force: true });
}
