/**
 * Where a tile sits in a sprite sheet, in the CSS terms that show it: a background sized to
 * the whole sheet and positioned in percent, so the viewer can be any size (phone or enlarged
 * view) and still show exactly one tile. No request per slice: the sheet is loaded once.
 */

/** The part of a sprite sheet the viewer needs (a subset of the schema's `Sprite`). */
export interface SpriteLayout {
  tileWidth: number;
  tileHeight: number;
  count: number;
  columns: number;
}

/**
 * Rows of tiles in the sheet.
 * @example sheetRows({ tileWidth: 128, tileHeight: 128, count: 10, columns: 4 }) // 3
 */
export function sheetRows(sprite: SpriteLayout): number {
  return Math.max(1, Math.ceil(sprite.count / sprite.columns));
}

/**
 * Pixel size of the whole sheet (for `<img width height>` of the sheet itself).
 * @example sheetSize({ tileWidth: 128, tileHeight: 96, count: 12, columns: 4 }) // { width: 512, height: 288 }
 */
export function sheetSize(sprite: SpriteLayout): { width: number; height: number } {
  return {
    width: Math.min(sprite.columns, sprite.count) * sprite.tileWidth,
    height: sheetRows(sprite) * sprite.tileHeight,
  };
}

/**
 * Keeps a tile index inside the sheet.
 * @example clampTile(12, 12) // 11
 * @example clampTile(-1, 12) // 0
 */
export function clampTile(tile: number, count: number): number {
  if (!Number.isFinite(tile)) return 0;
  return Math.min(Math.max(0, Math.round(tile)), Math.max(0, count - 1));
}

/**
 * CSS `background-size` and `background-position` that show one tile in an element of the
 * tile's aspect ratio.
 * @example tileBackground({ tileWidth: 1, tileHeight: 1, count: 12, columns: 4 }, 5)
 * // { size: '400% 300%', position: '33.3333% 50%' }
 */
export function tileBackground(
  sprite: SpriteLayout,
  tile: number,
): { size: string; position: string } {
  const columns = Math.min(sprite.columns, sprite.count);
  const rows = sheetRows(sprite);
  const index = clampTile(tile, sprite.count);
  const column = index % sprite.columns;
  const row = Math.floor(index / sprite.columns);
  // In percent, 0% aligns the left edges and 100% the right edges: tile c of C is at c/(C-1).
  const percent = (at: number, of: number) => (of > 1 ? round((at / (of - 1)) * 100) : 0);
  return {
    size: `${columns * 100}% ${rows * 100}%`,
    position: `${percent(column, columns)}% ${percent(row, rows)}%`,
  };
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/**
 * Whether a tile drawn `drawnWidth` CSS pixels wide, on a screen of `pixelRatio` device pixels
 * per CSS pixel, is blown up beyond its `tileWidth` source pixels (by more than a sliver), so
 * that a larger sheet would look sharper.
 * @example drawnLarger(416, 1, 128) // true
 * @example drawnLarger(120, 1, 128) // false
 */
export function drawnLarger(drawnWidth: number, pixelRatio: number, tileWidth: number): boolean {
  return drawnWidth * pixelRatio > tileWidth * 1.1;
}
