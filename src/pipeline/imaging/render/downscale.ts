/**
 * Scale down first, window after, as viewers do: a slice's stored samples (masked,
 * sign-extended and biased to unsigned 16-bit) are shrunk by area averaging to the detail and
 * tile sizes, and only the small results are windowed, through a 64 K-entry table per preset.
 * Per full-size pixel the JavaScript does two cheap passes (bias, then sum); the three windows,
 * the interleaving and the copies that used to run over every full-size pixel now run over the
 * tiles' pixels only.
 */
import { storedToHu } from '../pixels/hu.ts';
import type { ImageHeader } from '../types.ts';
import { applyWindow, windowTableKey } from './window.ts';

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

/** Samples as one Uint16Array (a view when they are 16-bit already): the hot loop then sees one array type. */
function asUint16(samples: ArrayLike<number>): Uint16Array {
  if (samples instanceof Uint16Array) return samples;
  if (samples instanceof Int16Array) {
    return new Uint16Array(samples.buffer, samples.byteOffset, samples.length);
  }
  // BitsStored ≤ 16: the rest is masked off. The typed-array constructor converts natively
  // (modulo 2^16, as `& 0xffff`); `Uint16Array.from` with a callback took 40× as long.
  return new Uint16Array(samples as ArrayLike<number>);
}

/**
 * Stored samples (before masking) → biased unsigned 16-bit, shrunk by the whole factor k
 * (1: not shrunk) in the same pass: each output is the rounded mean of a k×k block of stored
 * values masked to BitsStored and sign-extended. Only for BitsStored ≤ 16.
 * @example biasedShrink([0x0fff], 1, 1, 1, { bitsStored: 12, pixelRepresentation: 1 }).pixels // [32767]
 */
export function biasedShrink(
  samples: ArrayLike<number>,
  width: number,
  height: number,
  k: number,
  header: Pick<ImageHeader, 'bitsStored' | 'pixelRepresentation'>,
): Biased16 {
  const { bitsStored } = header;
  if (bitsStored > 16) throw new RangeError('16-bit tiles are for BitsStored ≤ 16');
  const src = asUint16(samples);
  const mask = (1 << bitsStored) - 1;
  const signed = header.pixelRepresentation === 1;
  const shift = signed ? 32 - bitsStored : 0; // sign extension; 0 leaves unsigned values alone
  const bias = biasOf(header);
  const outWidth = width / k;
  const outHeight = height / k;
  const out = new Uint16Array(outWidth * outHeight);
  const sums = new Int32Array(outWidth);
  const area = k * k;
  const half = area >> 1;
  for (let y = 0; y < outHeight; y++) {
    sums.fill(0);
    for (let dy = 0; dy < k; dy++) {
      let at = (y * k + dy) * width;
      for (let x = 0; x < outWidth; x++) {
        let sum = 0;
        for (let dx = 0; dx < k; dx++) sum += ((src[at++]! & mask) << shift) >> shift;
        sums[x] = sums[x]! + sum;
      }
    }
    const row = y * outWidth;
    for (let x = 0; x < outWidth; x++) out[row + x] = Math.floor((sums[x]! + half) / area) + bias;
  }
  return { width: outWidth, height: outHeight, pixels: out };
}

/**
 * Stored samples (before masking) → biased unsigned 16-bit. Only for BitsStored ≤ 16.
 * @example toBiased16([0x0fff], { bitsStored: 12, pixelRepresentation: 1 }) // Uint16Array [32767]
 */
export function toBiased16(
  samples: ArrayLike<number>,
  header: Pick<ImageHeader, 'bitsStored' | 'pixelRepresentation'>,
): Uint16Array {
  return biasedShrink(samples, samples.length, 1, 1, header).pixels;
}

/**
 * Shrinks by a whole factor k in both directions: each output pixel is the rounded mean of a
 * k×k block (area averaging, the right filter for an exact reduction). One pass in JavaScript:
 * for 512 → 256 → 128 this is cheaper than two libvips calls, whose set-up dominates at these
 * sizes (profiled).
 * @example shrinkBy({ width: 2, height: 2, pixels: Uint16Array.of(1, 2, 3, 5) }, 2).pixels // [3]
 */
export function shrinkBy(image: Biased16, k: number): Biased16 {
  const width = image.width / k;
  const height = image.height / k;
  const out = new Uint16Array(width * height);
  const sums = new Uint32Array(width);
  const area = k * k;
  const half = area >> 1;
  const src = image.pixels;
  for (let y = 0; y < height; y++) {
    sums.fill(0);
    for (let dy = 0; dy < k; dy++) {
      let at = (y * k + dy) * image.width;
      for (let x = 0; x < width; x++) {
        let sum = 0;
        for (let dx = 0; dx < k; dx++) sum += src[at++]!;
        sums[x] = sums[x]! + sum;
      }
    }
    const row = y * width;
    for (let x = 0; x < width; x++) out[row + x] = Math.floor((sums[x]! + half) / area);
  }
  return { width, height, pixels: out };
}

/**
 * The whole factor by which `from` shrinks to `to` in both directions, or null when there is
 * none (such slices take the full-size path in render.ts: libvips resamples 16-bit grey with
 * fixed-point weights, off by tens of HU, so only 8-bit windowed images are resampled there).
 * @example wholeFactor({ width: 512, height: 512 }, { width: 128, height: 128 }) // 4
 * @example wholeFactor({ width: 512, height: 512 }, { width: 200, height: 200 }) // null
 */
export function wholeFactor(
  from: { width: number; height: number },
  to: { width: number; height: number },
): number | null {
  const k = from.width / to.width;
  return Number.isInteger(k) && k >= 1 && from.height === to.height * k ? k : null;
}

const tables = new Map<string, Uint8Array>();

/**
 * Biased value → 8-bit grey for one window: the stored value's range clamped (Lanczos can
 * overshoot it; area averaging cannot), HU by the modality LUT, then the DICOM linear VOI window, all precomputed
 * with storedToHu and applyWindow themselves.
 */
export function biasedWindowTable(
  header: StoredHeader,
  center: number,
  width: number,
  invert: boolean,
): Uint8Array {
  const key = windowTableKey(header, center, width, invert);
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
