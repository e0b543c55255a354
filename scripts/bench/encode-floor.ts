/**
 * The encode floor of the real-scale figure: sharp (libvips + libwebp) encoding our own output
 * sheets alone, with the build's WebP settings, on all cores (`concurrency` encodes in flight,
 * each on one libvips thread as in the build). The sheets are a build's WebP files decoded
 * back to raw grey before the clock starts, so only encoding is timed: no decoding,
 * resampling, windowing or writing. No imaging stage can make these files in less time.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { WEBP } from '../../src/pipeline/imaging/render/sheets.ts';

export interface RawSheet {
  pixels: Buffer;
  width: number;
  height: number;
}

/** Every `.webp` under `dir`, decoded to one-channel raw grey. */
export async function loadSheets(dir: string): Promise<{ sheets: RawSheet[]; bytes: number }> {
  const entries = await readdir(dir, { recursive: true });
  const files = entries.filter((name) => name.endsWith('.webp')).sort();
  const sheets: RawSheet[] = [];
  let bytes = 0;
  for (const name of files) {
    const webp = await readFile(join(dir, name));
    bytes += webp.length;
    const { data, info } = await sharp(webp)
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true });
    sheets.push({ pixels: data, width: info.width, height: info.height });
  }
  return { sheets, bytes };
}

/** Milliseconds to encode every sheet, `concurrency` at a time, each on one libvips thread. */
export async function timeEncoding(sheets: readonly RawSheet[], concurrency: number) {
  const before = sharp.concurrency();
  sharp.concurrency(1);
  sharp.cache(false);
  let next = 0;
  let outBytes = 0;
  const lane = async () => {
    while (next < sheets.length) {
      const { pixels, width, height } = sheets[next++]!;
      const webp = await sharp(pixels, { raw: { width, height, channels: 1 } })
        .webp(WEBP)
        .toBuffer();
      outBytes += webp.length;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
  const ms = performance.now() - start;
  sharp.concurrency(before);
  return { ms, outBytes };
}
