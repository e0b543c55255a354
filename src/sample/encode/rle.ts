/**
 * RLE Lossless encoder (DICOM PS3.5 Annex G) for 16-bit single-sample images: the high bytes of
 * every pixel form the first segment, the low bytes the second; each row of each segment is
 * PackBits-encoded on its own (runs never cross a row boundary, G.3.1).
 */

/** PackBits of one row of bytes, appended to `out`. */
function packRow(row: Uint8Array, out: number[]): void {
  let i = 0;
  while (i < row.length) {
    let run = 1;
    while (i + run < row.length && run < 128 && row[i + run] === row[i]) run++;
    if (run >= 2) {
      out.push(257 - run, row[i]!); // -(run - 1) as a signed byte
      i += run;
      continue;
    }
    // A literal run up to the next repeat of two or more bytes.
    let end = i + 1;
    while (
      end < row.length &&
      end - i < 128 &&
      !(end + 1 < row.length && row[end] === row[end + 1])
    )
      end++;
    out.push(end - i - 1);
    for (let k = i; k < end; k++) out.push(row[k]!);
    i = end;
  }
}

/**
 * Encodes a 16-bit frame (two's complement for signed data) as one RLE fragment.
 * @example encodeRle16(new Int16Array([1, 2, 3, 4]), 2, 2).length // 64-byte header + segments
 */
export function encodeRle16(samples: Int16Array, rows: number, columns: number): Uint8Array {
  const segments: number[][] = [[], []];
  const high = new Uint8Array(columns);
  const low = new Uint8Array(columns);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const value = samples[r * columns + c]! & 0xffff;
      high[c] = value >> 8;
      low[c] = value & 0xff;
    }
    packRow(high, segments[0]!);
    packRow(low, segments[1]!);
  }
  for (const segment of segments) if (segment.length % 2 === 1) segment.push(0);
  const total = 64 + segments[0]!.length + segments[1]!.length;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, 2, true);
  view.setUint32(4, 64, true);
  view.setUint32(8, 64 + segments[0]!.length, true);
  out.set(segments[0]!, 64);
  out.set(segments[1]!, 64 + segments[0]!.length);
  return out;
}
