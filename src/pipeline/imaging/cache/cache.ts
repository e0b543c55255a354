/**
 * The persistent cache of the imaging stage, in `cacheDir`:
 * - `imaging-cache.sqlite` (node:sqlite, WAL): each file's header outcome keyed by
 *   dataset-relative path and validated by size and mtime; each series' render result keyed by
 *   a hash of its files' (path, size, mtime) and the rendering parameters;
 * - `sprites/<key>-<preset|cover>.webp`: the rendered images (sprites.ts).
 *
 * Why SQLite and not one JSON file: the cache is written as work finishes (one transaction per
 * header batch, one row per rendered series), so a build killed halfway keeps everything it
 * finished and the next build resumes from there; a warm build writes nothing at all, where the
 * JSON file (93 MB at 100k files) was parsed and rewritten whole every time. Why not per-study
 * files: headers are read in batches that cross study folders, and a study's entries would be
 * rewritten whole for every change; SQLite gives row-level writes, atomic commits and locking
 * between two builds for free, built into Node (unflagged since 22.13 and 23.4).
 *
 * Everything is versioned by IMAGING_CACHE_VERSION: bump it whenever the output of header
 * reading or rendering changes, and the old entries are dropped.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { RenderResult } from '../render/render.ts';
import type { HeaderOutcome } from '../types.ts';
import { pruneSprites, spritesCacheDir } from './sprites.ts';

export const IMAGING_CACHE_VERSION = 'imaging-4';

/** The cache's database file in `cacheDir`. */
export const CACHE_DB = 'imaging-cache.sqlite';
/** The single JSON file of earlier versions; removed when found. */
const LEGACY_CACHE_FILE = 'imaging-cache.json';

export interface CachedHash {
  size: number;
  mtimeMs: number;
  sha256: string;
}

export interface CachedFile {
  size: number;
  mtimeMs: number;
  outcome: HeaderOutcome;
}

/**
 * The cache of one build. Lookups and writes mark an entry as used; `prune()` at the end of a
 * complete build deletes every entry (and sprite) this build did not use.
 */
export interface ImagingCache {
  /** The cached header outcome of a file, if any (the caller checks size and mtime). */
  file(rel: string): CachedFile | undefined;
  /** Stores header outcomes in one transaction. */
  putFiles(entries: readonly (readonly [rel: string, file: CachedFile])[]): void;
  /** The cached render result of a series, if any. */
  series(key: string): RenderResult | undefined;
  /** Stores one series' render result (its images are already in the sprites folder). */
  putSeries(key: string, result: RenderResult): void;
  /** The cached SHA-256 of a file, if any (the caller checks size and mtime). */
  hash(rel: string): CachedHash | undefined;
  /** Stores checksums in one transaction. */
  putHashes(entries: readonly (readonly [rel: string, hash: CachedHash])[]): void;
  /** Deletes the checksums of files not in `keep` (after a complete checksum pass). */
  pruneHashes(keep: ReadonlySet<string>): void;
  /** Deletes the entries and sprites this build did not use, and stale temporary files. */
  prune(): void;
  close(): void;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS files (
    rel TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ms REAL NOT NULL, outcome TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS series (key TEXT PRIMARY KEY, result TEXT NOT NULL) WITHOUT ROWID;
`;

/**
 * Checksums (--checksums) in their own table, created on open whatever the version: a hash
 * depends only on the file's bytes, so header or rendering changes never invalidate it.
 */
const HASHES_SCHEMA = `
  CREATE TABLE IF NOT EXISTS hashes (
    rel TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ms REAL NOT NULL, sha256 TEXT NOT NULL
  ) WITHOUT ROWID;
`;

/** Opens (creating or resetting as needed) the database; null `cacheDir`: in memory (benches). */
function openDatabase(cacheDir: string | null): DatabaseSync {
  if (cacheDir === null) {
    const db = new DatabaseSync(':memory:');
    db.exec(SCHEMA);
    return db;
  }
  mkdirSync(cacheDir, { recursive: true });
  rmSync(join(cacheDir, LEGACY_CACHE_FILE), { force: true });
  const path = join(cacheDir, CACHE_DB);
  try {
    return initDatabase(path);
  } catch {
    // Not a database (a torn copy, another program's file): the cache is only a cache.
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    return initDatabase(path);
  }
}

function initDatabase(path: string): DatabaseSync {
  const db = new DatabaseSync(path);
  try {
    // Another build of the same dataset may hold the write lock for a moment.
    db.exec('PRAGMA busy_timeout = 10000');
    // WAL: a commit appends to the log, readers never block the writer; NORMAL sync is
    // durable through a killed process. Nothing here is fsynced (neither the log nor the
    // sprites): after a power loss, delete the cache folder rather than trust it.
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL');
    const version = readVersion(db);
    if (version !== IMAGING_CACHE_VERSION) {
      db.exec('BEGIN IMMEDIATE');
      db.exec('DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS series;');
      db.exec(SCHEMA);
      db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(
        'version',
        IMAGING_CACHE_VERSION,
      );
      db.exec('COMMIT');
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function readVersion(db: DatabaseSync): string | null {
  const table = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'meta'")
    .get();
  if (!table) return null;
  const row = db.prepare("SELECT value FROM meta WHERE key = 'version'").get();
  return row ? String(row.value) : null;
}

/** Opens the imaging cache of `cacheDir` (null: a throw-away one in memory). */
export function openCache(cacheDir: string | null): ImagingCache {
  const db = openDatabase(cacheDir);
  db.exec(HASHES_SCHEMA);
  const hashes = new Map<string, CachedHash>();
  for (const row of db.prepare('SELECT rel, size, mtime_ms, sha256 FROM hashes').iterate()) {
    hashes.set(String(row.rel), {
      size: Number(row.size),
      mtimeMs: Number(row.mtime_ms),
      sha256: String(row.sha256),
    });
  }
  const insertHash = db.prepare(
    'INSERT OR REPLACE INTO hashes (rel, size, mtime_ms, sha256) VALUES (?, ?, ?, ?)',
  );
  // Every row is read once up front: one query is far cheaper than 100k lookups, and the
  // keys are needed anyway to find what a complete build did not use.
  const files = new Map<string, { size: number; mtimeMs: number; outcome: string }>();
  for (const row of db.prepare('SELECT rel, size, mtime_ms, outcome FROM files').iterate()) {
    files.set(String(row.rel), {
      size: Number(row.size),
      mtimeMs: Number(row.mtime_ms),
      outcome: String(row.outcome),
    });
  }
  const series = new Map<string, string>();
  for (const row of db.prepare('SELECT key, result FROM series').iterate()) {
    series.set(String(row.key), String(row.result));
  }
  const usedFiles = new Set<string>();
  const usedSeries = new Set<string>();
  const insertFile = db.prepare(
    'INSERT OR REPLACE INTO files (rel, size, mtime_ms, outcome) VALUES (?, ?, ?, ?)',
  );
  const insertSeries = db.prepare('INSERT OR REPLACE INTO series (key, result) VALUES (?, ?)');

  const transaction = (work: () => void) => {
    db.exec('BEGIN IMMEDIATE');
    try {
      work();
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  };

  return {
    file(rel) {
      const hit = files.get(rel);
      if (!hit) return undefined;
      usedFiles.add(rel);
      return {
        size: hit.size,
        mtimeMs: hit.mtimeMs,
        outcome: JSON.parse(hit.outcome) as HeaderOutcome,
      };
    },
    putFiles(entries) {
      if (entries.length === 0) return;
      transaction(() => {
        for (const [rel, file] of entries) {
          const outcome = JSON.stringify(file.outcome);
          insertFile.run(rel, file.size, file.mtimeMs, outcome);
          files.set(rel, { size: file.size, mtimeMs: file.mtimeMs, outcome });
          usedFiles.add(rel);
        }
      });
    },
    hash(rel) {
      return hashes.get(rel);
    },
    putHashes(entries) {
      if (entries.length === 0) return;
      transaction(() => {
        for (const [rel, hash] of entries) {
          insertHash.run(rel, hash.size, hash.mtimeMs, hash.sha256);
          hashes.set(rel, hash);
        }
      });
    },
    pruneHashes(keep) {
      const stale = [...hashes.keys()].filter((rel) => !keep.has(rel));
      if (stale.length === 0) return;
      const deleteHash = db.prepare('DELETE FROM hashes WHERE rel = ?');
      transaction(() => {
        for (const rel of stale) deleteHash.run(rel);
      });
      for (const rel of stale) hashes.delete(rel);
    },
    series(key) {
      const hit = series.get(key);
      if (hit === undefined) return undefined;
      usedSeries.add(key);
      return JSON.parse(hit) as RenderResult;
    },
    putSeries(key, result) {
      const json = JSON.stringify(result);
      insertSeries.run(key, json);
      series.set(key, json);
      usedSeries.add(key);
    },
    prune() {
      const staleFiles = [...files.keys()].filter((rel) => !usedFiles.has(rel));
      const staleSeries = [...series.keys()].filter((key) => !usedSeries.has(key));
      if (staleFiles.length + staleSeries.length > 0) {
        const deleteFile = db.prepare('DELETE FROM files WHERE rel = ?');
        const deleteSeries = db.prepare('DELETE FROM series WHERE key = ?');
        transaction(() => {
          for (const rel of staleFiles) deleteFile.run(rel);
          for (const key of staleSeries) deleteSeries.run(key);
        });
        for (const rel of staleFiles) files.delete(rel);
        for (const key of staleSeries) series.delete(key);
      }
      if (cacheDir !== null) pruneSprites(spritesCacheDir(cacheDir), usedSeries);
    },
    close() {
      db.close();
    },
  };
}

/**
 * The keys of the series whose render is stored in `cacheDir`'s cache, sorted; [] when there is
 * none yet. Read-only, so it can watch a running build (WAL readers never block its writes).
 */
export function storedSeriesKeys(cacheDir: string): string[] {
  const path = join(cacheDir, CACHE_DB);
  if (!existsSync(path)) return [];
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    db.exec('PRAGMA busy_timeout = 10000');
    return db
      .prepare('SELECT key FROM series ORDER BY key')
      .all()
      .map((row) => String(row.key));
  } catch {
    return []; // created but not initialised yet
  } finally {
    db.close();
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
