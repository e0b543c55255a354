/** Which slices a sprite sheet shows and how big its tiles are. Pure. */

/** Sprite sheets hold at most this many tiles ... */
export const MAX_TILES = 24;
/** ... in this many columns ... */
export const SPRITE_COLUMNS = 6;
/** ... each at most this many pixels on its longer side. */
export const MAX_TILE_SIZE = 128;
/** The study cover's longer side. */
export const COVER_SIZE = 256;
/** Tiles of the enlarged view ("detail" sheets) are at most this big on their longer side. */
export const DETAIL_TILE_SIZE = 256;

/**
 * The enlarged view's tile: DETAIL_TILE_SIZE on the longer side, never more than the source's
 * own size; null when that is no bigger than the grid's tile (the grid's sheet then serves).
 * @example detailTileSize(512, 512, [0.5, 0.5]) // { width: 256, height: 256 }
 * @example detailTileSize(128, 128, null) // null
 */
export function detailTileSize(
  columns: number,
  rows: number,
  pixelSpacing: [number, number] | null,
): { width: number; height: number } | null {
  const longer = Math.min(DETAIL_TILE_SIZE, Math.max(columns, rows));
  if (longer <= MAX_TILE_SIZE) return null;
  return tileSize(columns, rows, pixelSpacing, longer);
}

/**
 * Evenly spaced slice indices through a series of `count` slices, first and last included.
 *
 * @example
 * pickSlices(100, 4) // [0, 33, 66, 99]
 * pickSlices(3, 24) // [0, 1, 2]
 * pickSlices(7, 1) // [3]
 */
export function pickSlices(count: number, max = MAX_TILES): number[] {
  if (count <= 0) return [];
  const k = Math.min(count, max);
  if (k === 1) return [Math.floor((count - 1) / 2)];
  return Array.from({ length: k }, (_, j) => Math.round((j * (count - 1)) / (k - 1)));
}

/**
 * Tile size keeping the slice's physical aspect ratio (PixelSpacing is row spacing, then
 * column spacing) with the longer side `maxSize`.
 *
 * @example
 * tileSize(512, 512, [0.5, 0.5]) // { width: 128, height: 128 }
 * tileSize(512, 256, null) // { width: 128, height: 64 }
 */
export function tileSize(
  columns: number,
  rows: number,
  pixelSpacing: [number, number] | null,
  maxSize = MAX_TILE_SIZE,
): { width: number; height: number } {
  const [rowSpacing, columnSpacing] =
    pixelSpacing && pixelSpacing[0] > 0 && pixelSpacing[1] > 0 ? pixelSpacing : [1, 1];
  const width = columns * columnSpacing;
  const height = rows * rowSpacing;
  const scale = maxSize / Math.max(width, height);
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/** The middle slice, shown on the study cover. */
export function middleSlice(count: number): number {
  return Math.floor((count - 1) / 2);
}
