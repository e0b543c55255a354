/**
 * RLE Lossless decoder (DICOM PS3.5 Annex G). No maintained npm package decodes DICOM RLE
 * outside a browser viewer, and the format is small: a 64-byte header of up to 15 segment
 * offsets, each segment a PackBits stream of one byte plane (most significant plane first).
 */

/**
 * Decodes one RLE frame of a single-sample image to unsigned sample values.
 *
 * @example
 * // one 8-bit segment: literal run of 2 bytes (header byte 1), then 3 copies of 9 (header -2)
 * const frame = new Uint8Array(64 + 6);
 * new DataView(frame.buffer).setUint32(0, 1, true);
 * new DataView(frame.buffer).setUint32(4, 64, true);
 * frame.set([1, 5, 6, 0xfe, 9], 64);
 * decodeRle(frame, 1, 5, 8) // Uint32Array [5, 6, 9, 9, 9]
 */
export function decodeRle(
  frame: Uint8Array,
  rows: number,
  columns: number,
  bitsAllocated: number,
): Uint32Array {
  const pixels = rows * columns;
  const bytesPerSample = bitsAllocated / 8;
  if (frame.length < 64) throw new Error('RLE frame shorter than its 64-byte header');
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const segments = view.getUint32(0, true);
  if (segments !== bytesPerSample) {
    throw new Error(`RLE frame has ${segments} segments, expected ${bytesPerSample}`);
  }
  const offsets: number[] = [];
  for (let i = 0; i < segments; i++) offsets.push(view.getUint32(4 + 4 * i, true));
  const out = new Uint32Array(pixels);
  for (let s = 0; s < segments; s++) {
    const start = offsets[s]!;
    const end = s + 1 < segments ? offsets[s + 1]! : frame.length;
    if (start < 64 || start > end || end > frame.length)
      throw new Error('RLE segment offset out of range');
    const plane = unpackBits(frame.subarray(start, end), pixels);
    // Segment 0 holds the most significant byte.
    const shift = 8 * (segments - 1 - s);
    for (let i = 0; i < pixels; i++) out[i] = (out[i]! | (plane[i]! << shift)) >>> 0;
  }
  return out;
}

/** PackBits: header n in 0..127 copies n+1 literal bytes; -1..-127 repeats the next byte 1-n times. */
function unpackBits(segment: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let i = 0;
  let o = 0;
  while (o < length && i < segment.length) {
    const header = (segment[i++]! << 24) >> 24;
    if (header >= 0) {
      const count = Math.min(header + 1, length - o, segment.length - i);
      out.set(segment.subarray(i, i + count), o);
      i += header + 1;
      o += count;
    } else if (header !== -128) {
      const count = Math.min(1 - header, length - o);
      out.fill(segment[i++] ?? 0, o, o + count);
      o += count;
    }
  }
  if (o < length) throw new Error(`RLE segment decodes to ${o} of ${length} bytes`);
  return out;
}
