import { describe, expect, it } from 'vitest';
import {
  galleryHeadingId,
  galleryLink,
  nearestTile,
  readGalleryLink,
} from '../../../src/site/gallery/gallery-link.ts';
import { drawnLarger } from '../../../src/site/gallery/sprite-geometry.ts';

describe('gallery links (home example → study page at that slice and window)', () => {
  it('round-trips a target through the query, with the gallery heading as fragment', () => {
    const link = galleryLink({ series: 2, slice: 15, preset: 'bone' });
    const url = new URL(link, 'https://example.net/en/studies/x/');
    expect(url.hash).toBe(`#${galleryHeadingId(2)}`);
    expect(readGalleryLink(url.search)).toEqual({ series: 2, slice: 15, preset: 'bone' });
  });

  it('ignores a query that names no gallery target', () => {
    expect(readGalleryLink('')).toBeNull();
    expect(readGalleryLink('?series=1&slice=3&window=lung')).toBeNull();
    expect(readGalleryLink('?series=0&slice=3&window=bone')).toBeNull();
    expect(readGalleryLink('?series=1&slice=2.5&window=bone')).toBeNull();
    expect(readGalleryLink('?q=subdural')).toBeNull();
  });

  it('finds the tile that shows a slice, or the nearest one', () => {
    expect(nearestTile([0, 8, 16, 24], 16)).toBe(2);
    expect(nearestTile([0, 8, 16, 24], 13)).toBe(2);
    expect(nearestTile([0, 8, 16, 24], 100)).toBe(3);
  });
});

describe('drawnLarger: when the inline viewer needs the detail sheets', () => {
  it('on a desktop drawing a 128 px tile at 416 px', () => {
    expect(drawnLarger(416, 1, 128)).toBe(true);
  });
  it('on a phone of 3 device pixels per CSS pixel, even drawn small', () => {
    expect(drawnLarger(100, 3, 128)).toBe(true);
  });
  it('not when the tile is drawn at about its own size', () => {
    expect(drawnLarger(128, 1, 128)).toBe(false);
    expect(drawnLarger(256, 1, 256)).toBe(false);
  });
});
