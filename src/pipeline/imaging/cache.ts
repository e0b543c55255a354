/**
 * The persistent cache of the imaging stage, in `cacheDir`:
 * - `imaging-cache.json`: each file's header outcome keyed by dataset-relative path and
 *   validated by size and mtime; each series' render result keyed by a hash of its files'
 *   (path, size, mtime) and the rendering parameters;
 * - `sprites/<key>-<preset|cover>.webp`: the rendered images.
 * Everything is versioned by IMAGING_CACHE_VERSION: bump it whenever the output of header
 * reading or rendering changes, and old entries are ignored.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic.ts';
import type { RenderResult } from './render.ts';
import type { HeaderOutcome } from './types.ts';

export const IMAGING_CACHE_VERSION = 'imaging-3';

export interface CachedFile {
  size: number;
  mtimeMs: number;
  outcome: HeaderOutcome;
}

export interface ImagingCache {
  version: string;
  files: Record<string, CachedFile>;
  series: Record<string, RenderResult>;
}

const CACHE_FILE = 'imaging-cache.json';

export function spritesCacheDir(cacheDir: string): string {
  return join(cacheDir, 'sprites');
}

/** The cache, or an empty one when absent, unreadable, or of another version. */
export function loadCache(cacheDir: string): ImagingCache {
  const empty: ImagingCache = { version: IMAGING_CACHE_VERSION, files: {}, series: {} };
  const path = join(cacheDir, CACHE_FILE);
  if (!existsSync(path)) return empty;
  try {
    const cache = JSON.parse(readFileSync(path, 'utf8')) as ImagingCache;
    return cache.version === IMAGING_CACHE_VERSION && cache.files && cache.series ? cache : empty;
  } catch {
    return empty;
  }
}

/** Writes the cache atomically and deletes cached sprites no series refers to any more. */
export function saveCache(cacheDir: string, cache: ImagingCache): void {
  // Keys sorted: the same dataset gives the same cache file, whatever order workers finished in.
  const sorted: ImagingCache = {
    version: cache.version,
    files: Object.fromEntries(Object.entries(cache.files).sort(([a], [b]) => (a < b ? -1 : 1))),
    series: Object.fromEntries(Object.entries(cache.series).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
  writeFileAtomic(join(cacheDir, CACHE_FILE), JSON.stringify(sorted));
  const dir = spritesCacheDir(cacheDir);
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const key = name.slice(0, name.indexOf('-'));
    if (!(key in cache.series)) rmSync(join(dir, name), { force: true });
  }
}

/**
 * A stable key for a value (hex SHA-256 of its JSON, first 32 digits).
 *
 * @example
 * hashKey({ a: 1 }) === hashKey({ a: 1 }) // true
 */
export function hashKey(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32);
}
