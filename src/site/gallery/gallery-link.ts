/**
 * A link that opens a study page's gallery at one slice and window (the home page's example
 * tiles link to the slice they show): `?series=2&slice=15&window=bone#series-2-heading`. The
 * page works without the query (it is static); the gallery script reads it. One place for the
 * format, written by the pages and read in the browser.
 */
import { WINDOW_PRESET_IDS, type WindowPresetId } from '../../domain/window-presets.ts';

export interface GalleryTarget {
  /** 1-based series number on the study page. */
  series: number;
  /** 1-based slice number in the series' spatial order (as "Slice n of N" says). */
  slice: number;
  preset: WindowPresetId;
}

/**
 * The id of a series gallery's heading (the link's fragment scrolls to it).
 * @example galleryHeadingId(2) // 'series-2-heading'
 */
export function galleryHeadingId(series: number): string {
  return `series-${series}-heading`;
}

/**
 * The query and fragment to append to a study page's URL.
 * @example galleryLink({ series: 1, slice: 7, preset: 'bone' }) // '?series=1&slice=7&window=bone#series-1-heading'
 */
export function galleryLink(target: GalleryTarget): string {
  const query = new URLSearchParams({
    series: String(target.series),
    slice: String(target.slice),
    window: target.preset,
  });
  return `?${query}#${galleryHeadingId(target.series)}`;
}

/**
 * The target a page URL's query names, or null when it names none (or nonsense).
 * @example readGalleryLink('?series=1&slice=7&window=bone') // { series: 1, slice: 7, preset: 'bone' }
 */
export function readGalleryLink(search: string): GalleryTarget | null {
  const query = new URLSearchParams(search);
  const series = Number(query.get('series'));
  const slice = Number(query.get('slice'));
  const preset = query.get('window') as WindowPresetId | null;
  if (!Number.isInteger(series) || series < 1 || !Number.isInteger(slice) || slice < 1) return null;
  if (!preset || !WINDOW_PRESET_IDS.includes(preset)) return null;
  return { series, slice, preset };
}

/**
 * The tile of a sheet nearest to a slice (0-based slice indices, as `Sprite.slices`).
 * @example nearestTile([0, 8, 16, 24], 10) // 1
 */
export function nearestTile(slices: readonly number[], slice: number): number {
  let best = 0;
  slices.forEach((s, i) => {
    if (Math.abs(s - slice) < Math.abs(slices[best]! - slice)) best = i;
  });
  return best;
}
