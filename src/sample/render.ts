/**
 * From phantom to stored pixels: the kernel's blur, the noise, the rescale and BitsStored.
 */
import { TAU } from './geometry.ts';
import { phantomSlice, type SliceInput } from './phantom.ts';
import { createRng } from './rng.ts';

/** A 3x3 binomial blur: the partial-volume softness of a soft-tissue kernel. */
function blur(values: Float32Array, size: number): Float32Array {
  const out = new Float32Array(values.length);
  // Interior pixels: the 3x3 kernel [1 2 1; 2 4 2; 1 2 1] / 16 without bounds checks.
  for (let row = 1; row < size - 1; row++) {
    for (let col = 1; col < size - 1; col++) {
      const i = row * size + col;
      const up = i - size;
      const down = i + size;
      out[i] =
        (values[up - 1]! +
          2 * values[up]! +
          values[up + 1]! +
          2 * values[i - 1]! +
          4 * values[i]! +
          2 * values[i + 1]! +
          values[down - 1]! +
          2 * values[down]! +
          values[down + 1]!) /
        16;
    }
  }
  // The border, with the kernel renormalised to the pixels that exist.
  for (let row = 0; row < size; row++) {
    if (row > 0 && row < size - 1) {
      for (const col of [0, size - 1]) out[row * size + col] = borderBlur(values, size, row, col);
      continue;
    }
    for (let col = 0; col < size; col++) out[row * size + col] = borderBlur(values, size, row, col);
  }
  return out;
}

function borderBlur(values: Float32Array, size: number, row: number, col: number): number {
  let sum = 0;
  let weight = 0;
  for (let dr = -1; dr <= 1; dr++) {
    const r = row + dr;
    if (r < 0 || r >= size) continue;
    for (let dc = -1; dc <= 1; dc++) {
      const c = col + dc;
      if (c < 0 || c >= size) continue;
      const w = (dr === 0 ? 2 : 1) * (dc === 0 ? 2 : 1);
      sum += values[r * size + c]! * w;
      weight += w;
    }
  }
  return sum / weight;
}

const NOISE_TABLE_BITS = 16;
let noiseTable: Float32Array | null = null;

/**
 * A fixed table of standard normal values, made once per process. Slices read it from a random
 * start with a random odd stride: deterministic, and far cheaper than drawing a fresh variate
 * per pixel (which dominated the generation time).
 */
function standardNoise(): Float32Array {
  if (noiseTable) return noiseTable;
  const rng = createRng('noise-table');
  noiseTable = new Float32Array(1 << NOISE_TABLE_BITS);
  for (let i = 0; i < noiseTable.length; i++) {
    // Box-Muller: exact normal values, computed only once.
    const u = 1 - rng.next();
    noiseTable[i] = Math.sqrt(-2 * Math.log(u)) * Math.cos(TAU * rng.next());
  }
  return noiseTable;
}

/**
 * Image noise of a reconstruction, HU (standard deviation): a soft kernel gives about 3.5 HU and
 * a bone kernel 14 HU at 250 mA and 5 mm; quantum noise grows as 1/sqrt(dose), so as
 * 1/sqrt(mA) and 1/sqrt(slice thickness).
 * @example noiseSd({ kernelKind: 'soft', tubeCurrent: 250, sliceThickness: 5 }) // 3.5
 */
export function noiseSd(series: {
  kernelKind: 'soft' | 'bone';
  tubeCurrent: number;
  sliceThickness: number;
}): number {
  const base = series.kernelKind === 'soft' ? 3.5 : 14;
  return base * Math.sqrt(250 / series.tubeCurrent) * Math.sqrt(5 / series.sliceThickness);
}

/**
 * Stored pixel values of one slice (signed, RescaleIntercept -1024, slope 1): the phantom,
 * blurred for soft kernels, with noise of standard deviation `sd` HU (see {@link noiseSd}),
 * clipped to BitsStored.
 */
export function renderSlice(input: SliceInput, bitsStored: 12 | 16, sd: number): Int16Array {
  const clean = phantomSlice(input);
  const image = input.kernelKind === 'soft' ? blur(clean, input.grid.size) : clean;
  const min = bitsStored === 12 ? -2048 : -32768;
  const max = bitsStored === 12 ? 2047 : 32767;
  const table = standardNoise();
  const mask = table.length - 1;
  let at = input.rng.int(0, mask);
  const stride = 2 * input.rng.int(0, 2047) + 1;
  const out = new Int16Array(image.length);
  for (let i = 0; i < image.length; i++) {
    const hu = image[i]!;
    // Air is quieter than tissue in practice; keep the background calm.
    const noise = table[at]! * (hu < -900 ? sd * 0.5 : sd);
    at = (at + stride) & mask;
    const stored = Math.round(hu + noise + 1024);
    out[i] = stored < min ? min : stored > max ? max : stored;
  }
  return out;
}
