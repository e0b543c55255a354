/**
 * The DICOM linear VOI window function (PS3.3 C.11.2.1.2.1) to 8-bit grey levels:
 *   x <= c - 0.5 - (w-1)/2        → 0
 *   x >  c - 0.5 + (w-1)/2        → 255
 *   else y = ((x - (c - 0.5)) / (w - 1) + 0.5) × 255
 */

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
