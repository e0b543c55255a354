/**
 * A fingerprint of everything the rendered site depends on, so that a rebuild with nothing
 * changed can skip Astro and Pagefind (they always redo the whole site, and dominate a warm
 * build). The stamp is written into the output as `.build-stamp`; when the output is deleted
 * or replaced, the stamp goes with it and the next build renders again.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { SiteAddress } from '../../astro.config.ts';

export const STAMP_FILE = '.build-stamp';

/** Images read at once while stamping: enough to keep the disk and the thread pool busy. */
const STAMP_READ_BATCH = 64;

/** The project files that shape the pages: sources, prose, static assets, config, locked deps. */
const SITE_SOURCES = ['src', 'content', 'public', 'astro.config.ts', 'package-lock.json'];

async function* filesUnder(path: string): AsyncGenerator<string> {
  const info = await stat(path).catch(() => null);
  if (info === null) return;
  if (info.isFile()) {
    yield path;
    return;
  }
  const entries = await readdir(path, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) yield* filesUnder(join(path, entry.name));
}

/** sha256 over the relative path and content of every site source file under `root`. */
export async function hashSiteSources(root: string): Promise<string> {
  const hash = createHash('sha256');
  for (const top of SITE_SOURCES) {
    for await (const file of filesUnder(join(root, top))) {
      hash
        .update(relative(root, file))
        .update('\0')
        .update(await readFile(file))
        .update('\0');
    }
  }
  return hash.digest('hex');
}

/**
 * The stamp of one build: the site sources' hash, the site's address (`--site`, `--base`: every
 * link depends on them) and the content of the generated data files and of every image the data
 * references. Content, not modification times, so that two builds
 * of the same input stamp (and so publish) identical output.
 */
export async function siteStamp(
  sourcesHash: string,
  generatedDir: string,
  imageUrls: readonly string[],
  address: SiteAddress = {},
): Promise<string> {
  const hash = createHash('sha256')
    .update(sourcesHash)
    .update(`\0site=${address.site ?? ''}\0base=${address.base ?? '/'}\0`);
  for await (const file of filesUnder(join(generatedDir, 'data'))) {
    hash
      .update(relative(generatedDir, file))
      .update('\0')
      .update(await readFile(file));
  }
  // Read many images at once (26k at 4000 studies: one at a time took a quarter of a warm
  // build), but hash them in sorted order so the stamp does not depend on which read ends first.
  const urls = [...imageUrls].sort();
  for (let i = 0; i < urls.length; i += STAMP_READ_BATCH) {
    const batch = urls.slice(i, i + STAMP_READ_BATCH);
    const contents = await Promise.all(
      batch.map((url) => readFile(join(generatedDir, url)).catch(() => null)),
    );
    batch.forEach((url, j) => {
      hash
        .update(url)
        .update('\0')
        .update(contents[j] ?? 'missing')
        .update('\0');
    });
  }
  return hash.digest('hex');
}

/** The stamp an earlier build left in `out`, or null. */
export async function readStamp(out: string): Promise<string | null> {
  return readFile(join(out, STAMP_FILE), 'utf8').catch(() => null);
}
