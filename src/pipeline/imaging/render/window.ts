/**
 * The DICOM linear VOI window function (PS3.3 C.11.2.1.2.1) to 8-bit grey levels:
 *   x <= c - 0.5 - (w-1)/2        → 0
 *   x >  c - 0.5 + (w-1)/2        → 255
 *   else y = ((x - (c - 0.5)) / (w - 1) + 0.5) × 255
 */

import { storedToHu } from '../pixels/hu.ts';
import type { ImageHeader } from '../types.ts';

type LutHeader = Pick<
  ImageHeader,
  'bitsStored' | 'pixelRepresentation' | 'rescaleSlope' | 'rescaleIntercept'
>;

/**
 * The whole pipeline stored value → HU → window as a lookup table indexed by the stored value
 * masked to BitsStored (≤ 16 bits): built with storedToHu and applyWindow themselves, so it
 * gives exactly their result, at one table read per pixel.
 */
export function windowLut(
  header: LutHeader,
  center: number,
  width: number,
  invert = false,
): Uint8Array {
  if (header.bitsStored > 16) throw new Error('window tables are for BitsStored ≤ 16');
  const every = new Uint32Array(2 ** header.bitsStored).map((_, i) => i);
  return applyWindow(storedToHu(every, header), center, width, invert);
}

/**
 * What a window table depends on, as a cache key: every slice that agrees on these shares one
 * table (the build's renders, the thumbnails' biased tables and the study page's viewer).
 * @example windowTableKey({ bitsStored: 12, pixelRepresentation: 1, rescaleSlope: 1, rescaleIntercept: -1024 }, 40, 80, false) // '12,1,1,-1024,40,80,false'
 */
export function windowTableKey(
  header: LutHeader,
  center: number,
  width: number,
  invert: boolean,
): string {
  const { bitsStored, pixelRepresentation, rescaleSlope, rescaleIntercept } = header;
  return [
    bitsStored,
    pixelRepresentation,
    rescaleSlope,
    rescaleIntercept,
    center,
    width,
    invert,
  ].join();
}

/** Applies a window table to stored samples. */
export function applyLut(samples: ArrayLike<number>, lut: Uint8Array): Uint8Array {
  const mask = lut.length - 1;
  const out = new Uint8Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = lut[samples[i]! & mask]!;
  return out;
}

/**
 * Windows HU values to 8-bit grey; MONOCHROME1 images are inverted after the window.
 *
 * @example
 * applyWindow(new Float32Array([-1000, 40, 1000]), 40, 80) // Uint8Array [0, 129, 255]
 */
export function applyWindow(
  hu: Float32Array,
  center: number,
  width: number,
  invert = false,
): Uint8Array {
  const out = new Uint8Array(hu.length);
  const w = Math.max(width, 1);
  const low = center - 0.5 - (w - 1) / 2;
  const high = center - 0.5 + (w - 1) / 2;
  for (let i = 0; i < hu.length; i++) {
    const x = hu[i]!;
    let y: number;
    if (x <= low) y = 0;
    else if (x > high) y = 255;
    else y = Math.round(((x - (center - 0.5)) / (w - 1) + 0.5) * 255);
    out[i] = invert ? 255 - y : y;
  }
  return out;
}
