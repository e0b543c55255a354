/**
 * Scale down first, window after: the biased 16-bit path gives the same grey levels as the
 * full-size window tables wherever no resampling happens, and area averaging is exact.
 */
import { describe, expect, it } from 'vitest';
import {
  biasedShrink,
  biasedWindowTable,
  shrinkBy,
  toBiased16,
  wholeFactor,
  windowBiased,
} from '../../../src/pipeline/imaging/render/downscale.ts';
import { detailTileSize } from '../../../src/pipeline/imaging/render/sprite-layout.ts';
import { applyLut, windowLut } from '../../../src/pipeline/imaging/render/window.ts';

const headers = [
  { bitsStored: 16, pixelRepresentation: 1, rescaleSlope: 1, rescaleIntercept: -1024 },
  { bitsStored: 12, pixelRepresentation: 1, rescaleSlope: 1, rescaleIntercept: -1024 },
  { bitsStored: 12, pixelRepresentation: 0, rescaleSlope: 1, rescaleIntercept: -1024 },
  { bitsStored: 16, pixelRepresentation: 0, rescaleSlope: 0.5, rescaleIntercept: -1000 },
] as const;

describe('biased 16-bit windowing', () => {
  it('equals the full-size window table for every stored value, with garbage above HighBit', () => {
    for (const header of headers) {
      const count = 2 ** header.bitsStored;
      // Every stored value, with the unused high bits set as some writers leave them.
      const samples = Uint32Array.from(
        { length: count },
        (_, v) => v | (0xffff << header.bitsStored),
      );
      for (const [center, width] of [
        [40, 80],
        [600, 2800],
      ] as const) {
        const expected = applyLut(samples, windowLut(header, center, width));
        const image = { width: count, height: 1, pixels: toBiased16(samples, header) };
        const got = windowBiased(image, biasedWindowTable(header, center, width, false));
        expect(got).toEqual(expected);
      }
    }
  });

  it('clamps resampling overshoot to the stored range instead of wrapping', () => {
    const header = headers[1]; // 12-bit signed: -2048..2047
    const table = biasedWindowTable(header, 600, 2800, false);
    // Overshoot beyond the 12-bit range reads as the range's end, not as a wrapped value.
    expect(table[32768 + 2047 + 100]).toBe(table[32768 + 2047]);
    expect(table[32768 - 2048 - 100]).toBe(table[32768 - 2048]);
    expect(table[32768 + 2047]).toBeGreaterThan(table[32768 - 2048]!);
  });
});

describe('area averaging', () => {
  it('averages each k×k block with rounding', () => {
    const pixels = Uint16Array.from([1, 2, 10, 10, 3, 5, 10, 11, 0, 0, 7, 7, 0, 1, 7, 7]);
    expect(Array.from(shrinkBy({ width: 4, height: 4, pixels }, 2).pixels)).toEqual([3, 10, 0, 7]);
    expect(Array.from(shrinkBy({ width: 4, height: 4, pixels }, 4).pixels)).toEqual([5]);
  });

  it('applies only to whole reductions', () => {
    expect(wholeFactor({ width: 512, height: 512 }, { width: 256, height: 256 })).toBe(2);
    expect(wholeFactor({ width: 512, height: 256 }, { width: 128, height: 64 })).toBe(4);
    expect(wholeFactor({ width: 512, height: 512 }, { width: 200, height: 200 })).toBeNull();
    expect(wholeFactor({ width: 512, height: 400 }, { width: 128, height: 128 })).toBeNull();
  });
});

describe('detail tiles', () => {
  it('are 256 px for 512 sources, the source size between 128 and 256, and absent up to 128', () => {
    expect(detailTileSize(512, 512, [0.45, 0.45])).toEqual({ width: 256, height: 256 });
    expect(detailTileSize(200, 200, null)).toEqual({ width: 200, height: 200 });
    expect(detailTileSize(128, 128, null)).toBeNull();
    expect(detailTileSize(512, 256, [1, 1])).toEqual({ width: 256, height: 128 });
  });
});

describe('fused mask, bias and shrink', () => {
  it('equals biasing first and averaging after, for signed and unsigned samples', () => {
    const samples = Uint16Array.from({ length: 64 * 32 }, (_, i) => (i * 7919) & 0xffff);
    for (const header of headers) {
      const biased = { width: 64, height: 32, pixels: toBiased16(samples, header) };
      for (const k of [1, 2, 4]) {
        expect(biasedShrink(samples, 64, 32, k, header)).toEqual(
          k === 1 ? biased : shrinkBy(biased, k),
        );
      }
    }
  });
});
