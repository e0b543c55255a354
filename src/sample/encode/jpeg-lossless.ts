/**
 * JPEG Lossless, Non-Hierarchical, First-Order Prediction (process 14, selection value 1;
 * ITU T.81 Annex H), for 16-bit single-component frames. No maintained JavaScript encoder exists
 * (jpeg-lossless-decoder-js only decodes), and the format is small: predict each sample from its
 * left neighbour (the one above in the first column), Huffman-code the difference's magnitude
 * category and append its bits.
 */

/**
 * A fixed Huffman table for the 17 difference categories, shortest codes for the small
 * differences that CT noise gives. Valid for any image (every category has a code), just not
 * optimal; its Kraft sum is below 1, so no code is all ones.
 */
const CODE_LENGTHS: readonly (readonly number[])[] = [
  [], // length 1
  [4, 5],
  [3, 6],
  [2, 7],
  [1, 8],
  [0, 9],
  [10],
  [11],
  [12],
  [13],
  [14],
  [15],
  [16],
  [],
  [],
  [],
];

interface HuffmanTable {
  code: Uint16Array;
  length: Uint8Array;
}

/** Canonical codes (T.81 Annex C) of CODE_LENGTHS. */
function buildTable(): HuffmanTable {
  const code = new Uint16Array(17);
  const length = new Uint8Array(17);
  let next = 0;
  CODE_LENGTHS.forEach((symbols, i) => {
    for (const symbol of symbols) {
      code[symbol] = next++;
      length[symbol] = i + 1;
    }
    next <<= 1;
  });
  return { code, length };
}
const TABLE = buildTable();

class BitWriter {
  private bytes = new Uint8Array(1 << 16);
  private size = 0;
  private acc = 0;
  private bits = 0;

  private push(byte: number): void {
    if (this.size + 2 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes[this.size++] = byte;
    if (byte === 0xff) this.bytes[this.size++] = 0; // byte stuffing
  }

  /** Appends the low `count` (≤ 16) bits of `value`, most significant first. */
  write(value: number, count: number): void {
    this.acc = (this.acc << count) | (value & ((1 << count) - 1));
    this.bits += count;
    while (this.bits >= 8) {
      this.bits -= 8;
      this.push((this.acc >>> this.bits) & 0xff);
    }
    this.acc &= (1 << this.bits) - 1;
  }

  /** Pads the last byte with 1 bits (T.81 F.1.2.3) and returns the entropy-coded segment. */
  finish(): Uint8Array {
    if (this.bits > 0) this.write(0x7f, 8 - this.bits);
    return this.bytes.subarray(0, this.size);
  }
}

function marker(code: number, body: readonly number[]): number[] {
  const length = body.length + 2;
  return [0xff, code, length >> 8, length & 0xff, ...body];
}

/**
 * Encodes a 16-bit frame (two's complement for signed data) as a JPEG Lossless SV1 codestream.
 * @example encodeJpegLossless16(new Int16Array(64), 8, 8) // Uint8Array starting FF D8
 */
export function encodeJpegLossless16(
  samples: Int16Array,
  rows: number,
  columns: number,
): Uint8Array {
  const sof = marker(0xc3, [
    16,
    rows >> 8,
    rows & 0xff,
    columns >> 8,
    columns & 0xff,
    1,
    1,
    0x11,
    0,
  ]);
  const counts = CODE_LENGTHS.map((symbols) => symbols.length);
  const dht = marker(0xc4, [0x00, ...counts, ...CODE_LENGTHS.flat()]);
  // Ns 1, component 1 with table 0, Ss = predictor 1, Se 0, Ah/Al (point transform) 0.
  const sos = marker(0xda, [1, 1, 0x00, 1, 0, 0]);
  const bits = new BitWriter();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const i = r * columns + c;
      const x = samples[i]! & 0xffff;
      let prediction: number;
      if (c > 0) prediction = samples[i - 1]! & 0xffff;
      else if (r > 0) prediction = samples[i - columns]! & 0xffff;
      else prediction = 1 << 15;
      let diff = (x - prediction) & 0xffff;
      if (diff >= 0x8000) diff -= 0x10000;
      const magnitude = diff < 0 ? -diff : diff;
      const category = magnitude === 0 ? 0 : 32 - Math.clz32(magnitude);
      bits.write(TABLE.code[category]!, TABLE.length[category]!);
      // Category 16 (difference 32768) has no extra bits (T.81 H.1.2.2).
      if (category > 0 && category < 16) bits.write(diff < 0 ? diff - 1 : diff, category);
    }
  }
  const entropy = bits.finish();
  const head = [0xff, 0xd8, ...sof, ...dht, ...sos];
  const out = new Uint8Array(head.length + entropy.length + 2);
  out.set(head);
  out.set(entropy, head.length);
  out.set([0xff, 0xd9], head.length + entropy.length);
  return out;
}
