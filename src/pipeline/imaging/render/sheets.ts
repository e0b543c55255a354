/**
 * Sprite sheets: a sheet of 8-bit tiles per preset, filled tile by tile, then encoded to WebP
 * (sharp: libvips + libwebp, on libvips' threads) and written atomically.
 */
import sharp from 'sharp';
import { WINDOW_PRESET_IDS, type WindowPresetId } from '../../../domain/window-presets.ts';
import { writeFileAtomicSync } from '../../outputs/write-file-atomic.ts';
import { charge, mark } from './step-profile.ts';

// effort 2, not 4: WebP encoding was two thirds of the thumbnail stage; effort 2 encodes a
// sprite sheet about 3x faster for about 3% more bytes at the same quality (npm run bench).
export const WEBP = { quality: 82, effort: 2 } as const;

export /** A sheet of 8-bit tiles, one per preset. */
class Sheets {
  readonly width: number;
  readonly height: number;
  readonly planes: Map<WindowPresetId, Uint8Array>;
  readonly tile: { width: number; height: number };
  readonly columns: number;
  constructor(tile: { width: number; height: number }, columns: number, count: number) {
    this.tile = tile;
    this.columns = columns;
    this.width = tile.width * Math.min(columns, count);
    this.height = tile.height * Math.ceil(count / columns);
    this.planes = new Map(
      WINDOW_PRESET_IDS.map((id) => [id, new Uint8Array(this.width * this.height)]),
    );
  }
  put(index: number, tiles: Uint8Array[]): void {
    const start = mark();
    WINDOW_PRESET_IDS.forEach((id, c) =>
      blit(this.planes.get(id)!, this.width, tiles[c]!, this.tile, index, this.columns),
    );
    charge('window', start);
  }
  /** Encodes and writes each preset's sheet; the encodes run at once, on libvips' threads. */
  write(path: (id: WindowPresetId) => string): Promise<void>[] {
    const { width, height } = this;
    return WINDOW_PRESET_IDS.map((id) =>
      writeWebp(path(id), { pixels: this.planes.get(id)!, width, height }),
    );
  }
}

function blit(
  sheet: Uint8Array,
  sheetWidth: number,
  tilePixels: Uint8Array,
  tile: { width: number; height: number },
  index: number,
  columns: number,
): void {
  const x0 = (index % columns) * tile.width;
  const y0 = Math.floor(index / columns) * tile.height;
  for (let y = 0; y < tile.height; y++) {
    const from = y * tile.width;
    sheet.set(tilePixels.subarray(from, from + tile.width), (y0 + y) * sheetWidth + x0);
  }
}

/** 8-bit grey pixels, row by row. */
export interface RawImage {
  pixels: Uint8Array;
  width: number;
  height: number;
}

/**
 * Encodes `image` as WebP at `path`; scaled first to `size` (sharp's default kernel) when that
 * differs, in the same libvips call.
 */
export async function writeWebp(
  path: string,
  image: RawImage,
  size: { width: number; height: number } = image,
) {
  let start = mark();
  const { pixels, width, height } = image;
  let encoder = sharp(pixels, { raw: { width, height, channels: 1 } });
  if (size.width !== width || size.height !== height)
    encoder = encoder.resize(size.width, size.height, { fit: 'fill' });
  const webp = await encoder.webp(WEBP).toBuffer();
  charge('encode', start);
  start = mark();
  writeFileAtomicSync(path, webp);
  charge('write', start);
}
