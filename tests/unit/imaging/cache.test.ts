/**
 * The imaging cache's store (src/pipeline/imaging/cache/cache.ts): what is written survives a build
 * that never finishes, a warm build writes nothing, a complete build drops what it did not use,
 * and an unreadable or outdated store is replaced instead of failing the build.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  CACHE_DB,
  openCache,
  storedSeriesKeys,
  type CachedFile,
} from '../../../src/pipeline/imaging/cache/cache.ts';
import { spritesCacheDir } from '../../../src/pipeline/imaging/cache/sprites.ts';

const fileA: CachedFile = {
  size: 10,
  mtimeMs: 1_700_000_000_123.456,
  outcome: { problem: 'empty', detail: 'a' },
};
const fileB: CachedFile = {
  size: 20,
  mtimeMs: 1_700_000_000_000,
  outcome: { problem: 'not-dicom', detail: 'b' },
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'imaging-cache-'));
});

/** Bytes and modification time of the database file. */
function dbState() {
  const path = join(dir, CACHE_DB);
  return { mtimeMs: statSync(path).mtimeMs, bytes: readFileSync(path).toString('base64') };
}

describe('the imaging cache', () => {
  it('keeps what was stored when the build never gets to its end', () => {
    const first = openCache(dir);
    first.putFiles([['studies/s/1/a.dcm', fileA]]);
    first.putSeries('k1', { status: 'ok' });
    // No prune(), no close(): as if the process had been killed here.
    const second = openCache(dir);
    expect(second.file('studies/s/1/a.dcm')).toEqual(fileA);
    expect(second.series('k1')).toEqual({ status: 'ok' });
    expect(second.file('studies/s/1/b.dcm')).toBeUndefined();
    expect(storedSeriesKeys(dir)).toEqual(['k1']);
    second.close();
    first.close();
  });

  it('is not written to by a build that finds everything in it', () => {
    const first = openCache(dir);
    first.putFiles([
      ['a', fileA],
      ['b', fileB],
    ]);
    first.putSeries('k1', { status: 'failed', detail: 'x', file: 'a' });
    first.prune();
    first.close();
    const before = dbState();
    const warm = openCache(dir);
    expect(warm.file('a')).toEqual(fileA);
    expect(warm.file('b')).toEqual(fileB);
    expect(warm.series('k1')).toEqual({ status: 'failed', detail: 'x', file: 'a' });
    warm.prune();
    warm.close();
    expect(dbState()).toEqual(before);
  });

  it('drops, at the end of a complete build, the entries and sprites it did not use', () => {
    const sprites = spritesCacheDir(dir);
    mkdirSync(sprites, { recursive: true });
    const first = openCache(dir);
    first.putFiles([
      ['a', fileA],
      ['b', fileB],
    ]);
    first.putSeries('k1', { status: 'ok' });
    first.putSeries('k2', { status: 'ok' });
    first.close();
    for (const name of ['k1-brain.webp', 'k2-brain.webp']) writeFileSync(join(sprites, name), 'x');
    // Temporary files of atomic writes: one of a process that is gone, one of a live one.
    const dead = `k1-bone.webp.${2 ** 22 + 12345}-0-0.tmp`;
    const live = `k1-bone.webp.${process.ppid}-0-1.tmp`;
    writeFileSync(join(sprites, dead), 'x');
    writeFileSync(join(sprites, live), 'x');

    const next = openCache(dir);
    expect(next.file('a')).toEqual(fileA);
    expect(next.series('k1')).toEqual({ status: 'ok' });
    next.prune();
    next.close();
    const again = openCache(dir);
    expect(again.file('b')).toBeUndefined();
    expect(again.series('k2')).toBeUndefined();
    expect(again.file('a')).toEqual(fileA);
    again.close();
    expect(readdirSync(sprites).sort()).toEqual(['k1-brain.webp', live].sort());
  });

  it('replaces a file that is not a database, and removes the JSON cache of earlier versions', () => {
    writeFileSync(join(dir, CACHE_DB), 'not a database '.repeat(100));
    writeFileSync(join(dir, 'imaging-cache.json'), '{}');
    const cache = openCache(dir);
    expect(cache.file('a')).toBeUndefined();
    cache.putFiles([['a', fileA]]);
    cache.close();
    expect(existsSync(join(dir, 'imaging-cache.json'))).toBe(false);
    const reopened = openCache(dir);
    expect(reopened.file('a')).toEqual(fileA);
    reopened.close();
  });

  it('forgets everything stored by another cache version', () => {
    const cache = openCache(dir);
    cache.putFiles([['a', fileA]]);
    cache.close();
    const db = new DatabaseSync(join(dir, CACHE_DB));
    db.prepare("UPDATE meta SET value = 'imaging-0' WHERE key = 'version'").run();
    db.close();
    const reopened = openCache(dir);
    expect(reopened.file('a')).toBeUndefined();
    reopened.close();
  });

  it('can live in memory only (benchmarks)', () => {
    const cache = openCache(null);
    cache.putSeries('k', { status: 'ok' });
    expect(cache.series('k')).toEqual({ status: 'ok' });
    cache.prune();
    cache.close();
  });
});
