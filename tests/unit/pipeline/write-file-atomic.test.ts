import { readFileSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  linkFileAtomicSync,
  tempFileOwner,
  writeFileAtomic,
  writeFileAtomicSync,
} from '../../../src/pipeline/outputs/write-file-atomic.ts';
import { tempDir } from '../../support/xlsx.ts';

describe('writeFileAtomic', () => {
  it('writes through a rename and leaves an unchanged file (and its mtime) alone', async () => {
    const dir = await tempDir('atomic-');
    const path = join(dir, 'data', 'x.json');
    expect(await writeFileAtomic(path, '{"a":1}\n')).toBe(true);
    const before = (await stat(path)).mtimeMs;
    expect(await writeFileAtomic(path, '{"a":1}\n')).toBe(false);
    expect((await stat(path)).mtimeMs).toBe(before);
    expect(await writeFileAtomic(path, '{"a":2}\n')).toBe(true);
    expect(await readFile(path, 'utf8')).toBe('{"a":2}\n');
    expect(await readdir(join(dir, 'data'))).toEqual(['x.json']);
  });

  it('does the same synchronously, for bytes too', async () => {
    const dir = await tempDir('atomic-sync-');
    const path = join(dir, 'thumbs', 'a.webp');
    expect(writeFileAtomicSync(path, new Uint8Array([1, 2, 3]))).toBe(true);
    const before = (await stat(path)).mtimeMs;
    expect(writeFileAtomicSync(path, new Uint8Array([1, 2, 3]))).toBe(false);
    expect((await stat(path)).mtimeMs).toBe(before);
    expect(writeFileAtomicSync(path, new Uint8Array([4]))).toBe(true);
    expect([...readFileSync(path)]).toEqual([4]);
    expect(await readdir(join(dir, 'thumbs'))).toEqual(['a.webp']);
  });

  it('links a cached file into place, leaves the same file alone and replaces another', async () => {
    const dir = await tempDir('atomic-link-');
    const cached = join(dir, 'cache', 'k-brain.webp');
    writeFileAtomicSync(cached, new Uint8Array([1, 2]));
    const path = join(dir, 'thumbs', 's', 'brain.webp');
    expect(linkFileAtomicSync(cached, path)).toBe(true);
    expect((await stat(path)).ino).toBe((await stat(cached)).ino);
    expect(linkFileAtomicSync(cached, path)).toBe(false);
    // A new render replaces the cached file (a new file renamed over it): published again.
    writeFileAtomicSync(cached, new Uint8Array([3]));
    expect(linkFileAtomicSync(cached, path)).toBe(true);
    expect([...readFileSync(path)]).toEqual([3]);
    expect(await readdir(join(dir, 'thumbs', 's'))).toEqual(['brain.webp']);
  });

  it('names its temporary files by the process that writes them', () => {
    expect(tempFileOwner('ab12-brain.webp.4242-1-7.tmp')).toBe(4242);
    expect(tempFileOwner('ab12-brain.webp')).toBe(0);
    expect(tempFileOwner('dist.tmp')).toBe(0);
  });
});
