/**
 * Scale down first, window after, as viewers do: a slice's stored samples go to libvips as one
 * 16-bit grey image (biased to unsigned, since libvips' grey16 is unsigned), are resampled to
 * the tile size there, and only the small result is windowed, through a 64 K-entry table per
 * preset. Per full-size pixel the JavaScript does one pass (mask, sign-extend, bias); the three
 * windows, which used to run over every full-size pixel, now run over the tile's pixels only.
 */
import sharp from 'sharp';
import { storedToHu } from './pixels.ts';
import type { ImageHeader } from './types.ts';
import { applyWindow } from './window.ts';

type StoredHeader = Pick<
  ImageHeader,
  'bitsStored' | 'pixelRepresentation' | 'rescaleSlope' | 'rescaleIntercept'
>;

/** Samples as unsigned 16-bit: stored value masked to BitsStored, sign-extended, + 32768 if signed. */
export interface Biased16 {
  width: number;
  height: number;
  pixels: Uint16Array;
}

/** Added to signed stored values so that they fit libvips' unsigned 16-bit grey. */
export function biasOf(header: Pick<ImageHeader, 'pixelRepresentation'>): number {
  return header.pixelRepresentation === 1 ? 32768 : 0;
}

/**
 * Stored samples (before masking) → biased unsigned 16-bit. Only for BitsStored ≤ 16.
 * @example toBiased16([0x0fff], { bitsStored: 12, pixelRepresentation: 1 }) // Uint16Array [32767]
 */
export function toBiased16(
  samples: ArrayLike<number>,
  header: Pick<ImageHeader, 'bitsStored' | 'pixelRepresentation'>,
): Uint16Array {
  const { bitsStored } = header;
  if (bitsStored > 16) throw new RangeError('16-bit tiles are for BitsStored ≤ 16');
  const out = new Uint16Array(samples.length);
  const mask = bitsStored === 32 ? -1 : (1 << bitsStored) - 1;
  if (header.pixelRepresentation === 1) {
    const shift = 32 - bitsStored;
    for (let i = 0; i < samples.length; i++) {
      out[i] = (((samples[i]! & mask) << shift) >> shift) + 32768;
    }
  } else {
    for (let i = 0; i < samples.length; i++) out[i] = samples[i]! & mask;
  }
  return out;
}

/** Resamples a biased 16-bit image (libvips, the default Lanczos 3 kernel). */
export async function resize16(image: Biased16, width: number, height: number): Promise<Biased16> {
  if (image.width === width && image.height === height) return image;
  const data = await sharp(image.pixels, {
    raw: { width: image.width, height: image.height, channels: 1 },
  })
    .resize(width, height, { fit: 'fill' })
    .toColourspace('grey16')
    .raw({ depth: 'ushort' })
    .toBuffer();
  // A copy into an aligned buffer: libvips' output need not start on an even byte.
  const pixels = new Uint16Array(width * height);
  new Uint8Array(pixels.buffer).set(data.subarray(0, pixels.byteLength));
  return { width, height, pixels };
}

const tables = new Map<string, Uint8Array>();

/**
 * Biased value → 8-bit grey for one window: the stored value's range clamped (Lanczos can
 * overshoot it), HU by the modality LUT, then the DICOM linear VOI window, all precomputed
 * with storedToHu and applyWindow themselves.
 */
export function biasedWindowTable(
  header: StoredHeader,
  center: number,
  width: number,
  invert: boolean,
): Uint8Array {
  const key = [
    header.bitsStored,
    header.pixelRepresentation,
    header.rescaleSlope,
    header.rescaleIntercept,
    center,
    width,
    invert,
  ].join();
  let table = tables.get(key);
  if (table) return table;
  const bias = biasOf(header);
  const signed = header.pixelRepresentation === 1;
  const low = signed ? -(2 ** (header.bitsStored - 1)) : 0;
  const high = signed ? 2 ** (header.bitsStored - 1) - 1 : 2 ** header.bitsStored - 1;
  const stored = new Int32Array(65536);
  for (let v = 0; v < 65536; v++) stored[v] = Math.min(high, Math.max(low, v - bias));
  const hu = storedToHu(stored, { ...header, bitsStored: 32, pixelRepresentation: 1 });
  table = applyWindow(hu, center, width, invert);
  tables.set(key, table);
  return table;
}

/** Windows a (small) biased image through a table. */
export function windowBiased(image: Biased16, table: Uint8Array): Uint8Array {
  const out = new Uint8Array(image.pixels.length);
  for (let i = 0; i < out.length; i++) out[i] = table[image.pixels[i]!]!;
  return out;
}
