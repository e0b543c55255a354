/**
 * Stored samples to Hounsfield units (the modality LUT). Pure and free of Node APIs: the build
 * and the study page's viewer (src/scripts/viewer/) use the same function.
 */
import type { ImageHeader } from '../types.ts';

/** The header fields the modality LUT needs. */
export type HuHeader = Pick<
  ImageHeader,
  'bitsStored' | 'pixelRepresentation' | 'rescaleSlope' | 'rescaleIntercept'
>;

/**
 * Stored sample → HU: keep the low BitsStored bits, sign-extend when PixelRepresentation is 1,
 * then HU = value × slope + intercept (PS3.3 C.11.1 modality LUT).
 *
 * @example
 * storedToHu([0x0fff], { bitsStored: 12, pixelRepresentation: 1, rescaleSlope: 1, rescaleIntercept: 0 })
 * // Float32Array [-1]
 */
export function storedToHu(samples: ArrayLike<number>, header: HuHeader): Float32Array {
  const { bitsStored, pixelRepresentation, rescaleSlope, rescaleIntercept } = header;
  const out = new Float32Array(samples.length);
  if (bitsStored <= 16) {
    // Fast path (every CT in practice): 32-bit integer arithmetic is exact here.
    const mask = (1 << bitsStored) - 1;
    const shift = 32 - bitsStored;
    const signed = pixelRepresentation === 1;
    for (let i = 0; i < samples.length; i++) {
      const value = samples[i]! & mask;
      out[i] = (signed ? (value << shift) >> shift : value) * rescaleSlope + rescaleIntercept;
    }
    return out;
  }
  const range = 2 ** bitsStored;
  for (let i = 0; i < samples.length; i++) {
    // Arithmetic, not bitwise, so 32-bit samples do not overflow.
    let value = ((samples[i]! % range) + range) % range;
    if (pixelRepresentation === 1 && value >= range / 2) value -= range;
    out[i] = value * rescaleSlope + rescaleIntercept;
  }
  return out;
}
