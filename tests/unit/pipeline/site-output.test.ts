import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkFiles, linkTree, replaceDir } from '../../../scripts/lib/site-output.ts';
import { tempDir } from '../../support/xlsx.ts';

describe('linkTree', () => {
  it('mirrors nested files as hard links and tolerates a missing source', async () => {
    const dir = await tempDir('link-');
    await mkdir(join(dir, 'src/a/b'), { recursive: true });
    await writeFile(join(dir, 'src/a/b/cover.webp'), 'img');
    await writeFile(join(dir, 'src/top.json'), '{}');
    expect(await linkTree(join(dir, 'src'), join(dir, 'dst'))).toBe(2);
    expect(await readFile(join(dir, 'dst/a/b/cover.webp'), 'utf8')).toBe('img');
    expect((await stat(join(dir, 'dst/a/b/cover.webp'))).ino).toBe(
      (await stat(join(dir, 'src/a/b/cover.webp'))).ino,
    );
    expect(await linkTree(join(dir, 'nothing'), join(dir, 'dst2'))).toBe(0);
  });
});

describe('replaceDir', () => {
  it('swaps the staged folder in and removes the old one', async () => {
    const dir = await tempDir('swap-');
    await mkdir(join(dir, 'dist'));
    await writeFile(join(dir, 'dist/old.html'), 'old');
    await mkdir(join(dir, 'dist.tmp'));
    await writeFile(join(dir, 'dist.tmp/new.html'), 'new');
    await replaceDir(join(dir, 'dist.tmp'), join(dir, 'dist'));
    expect(await readdir(join(dir, 'dist'))).toEqual(['new.html']);
    expect(await readdir(dir)).toEqual(['dist']);
  });
});

describe('linkFiles', () => {
  it('links only the listed files and reports the missing ones', async () => {
    const dir = await tempDir('linkfiles-');
    await mkdir(join(dir, 'gen/thumbs/a'), { recursive: true });
    await writeFile(join(dir, 'gen/thumbs/a/cover.webp'), 'a');
    await writeFile(join(dir, 'gen/thumbs/a/stale.webp'), 'old dataset');
    const missing = await linkFiles(join(dir, 'gen'), join(dir, 'site'), [
      'thumbs/a/cover.webp',
      'thumbs/b/cover.webp',
    ]);
    expect(missing).toEqual(['thumbs/b/cover.webp']);
    expect(await readdir(join(dir, 'site/thumbs/a'))).toEqual(['cover.webp']);
  });
});
