import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashSiteSources, siteStamp } from '../../../scripts/lib/site-stamp.ts';
import { tempDir } from '../../support/xlsx.ts';

async function generatedFolder() {
  const dir = await tempDir('stamp-');
  await mkdir(join(dir, 'data'), { recursive: true });
  await mkdir(join(dir, 'thumbs/s0'), { recursive: true });
  await writeFile(join(dir, 'data/studies.json'), '{"studies":[]}');
  await writeFile(join(dir, 'thumbs/s0/cover.webp'), 'pixels');
  return dir;
}

describe('siteStamp', () => {
  it('is the same for the same inputs in different folders, and changes with data, images or sources', async () => {
    const a = await generatedFolder();
    const b = await generatedFolder();
    const images = ['thumbs/s0/cover.webp'];
    const stampA = await siteStamp('src-1', a, images);
    expect(await siteStamp('src-1', b, images)).toBe(stampA);

    expect(await siteStamp('src-2', a, images)).not.toBe(stampA);
    // Another address renders again: every link and absolute URL depends on it.
    const here = { site: 'https://example.net', base: '/' };
    const stampHere = await siteStamp('src-1', a, images, here);
    expect(await siteStamp('src-1', a, images, { ...here, base: '/d/h/' })).not.toBe(stampHere);
    expect(await siteStamp('src-1', a, images, { ...here, site: 'https://x.net' })).not.toBe(
      stampHere,
    );
    expect(await siteStamp('src-1', a, images, { base: '/' })).not.toBe(stampHere);
    await writeFile(join(b, 'thumbs/s0/cover.webp'), 'other pixels');
    expect(await siteStamp('src-1', b, images)).not.toBe(stampA);
    await writeFile(join(a, 'data/studies.json'), '{"studies":[1]}');
    expect(await siteStamp('src-1', a, images)).not.toBe(stampA);
  });
});

it('stamps many images (read in batches) the same whatever their order, and sees one changed or missing', async () => {
  const dir = await generatedFolder();
  const images = Array.from({ length: 150 }, (_, i) => `thumbs/s0/${i}.webp`);
  await Promise.all(images.map((url, i) => writeFile(join(dir, url), `pixels ${i}`)));
  const stamp = await siteStamp('src', dir, images);
  expect(await siteStamp('src', dir, [...images].reverse())).toBe(stamp);
  await writeFile(join(dir, images[140]!), 'changed');
  const changed = await siteStamp('src', dir, images);
  expect(changed).not.toBe(stamp);
  await rm(join(dir, images[140]!));
  expect(await siteStamp('src', dir, images)).not.toBe(changed);
});

describe('hashSiteSources', () => {
  it('changes when a page source changes and ignores files outside the site sources', async () => {
    const root = await tempDir('sources-');
    await mkdir(join(root, 'src/pages'), { recursive: true });
    await writeFile(join(root, 'src/pages/index.astro'), '<h1>v1</h1>');
    const first = await hashSiteSources(root);
    await writeFile(join(root, 'README.md'), 'not a site source');
    expect(await hashSiteSources(root)).toBe(first);
    await writeFile(join(root, 'src/pages/index.astro'), '<h1>v2</h1>');
    expect(await hashSiteSources(root)).not.toBe(first);
  });
});
