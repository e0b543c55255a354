/**
 * Renders one series: decodes its chosen slices one at a time (never the whole series), windows
 * each with every preset, scales it to a tile, and writes one WebP sprite sheet per preset plus
 * the cover candidate (middle slice, brain window). sharp writes no metadata unless asked to
 * (no `withMetadata`/`keepMetadata`), so the images carry pixels only.
 */
import sharp from 'sharp';
import {
  WINDOW_PRESETS,
  WINDOW_PRESET_IDS,
  type WindowPresetId,
} from '../../../domain/window-presets.ts';
import {
  biasedShrink,
  biasedWindowTable,
  shrinkBy,
  wholeFactor,
  windowBiased,
  type Biased16,
} from './downscale.ts';
import {
  UnsupportedTransferSyntax,
  decodeSamples,
  storedToHu,
  type DecodedFrame,
} from '../pixels/pixels.ts';
import { transferSyntaxInfo } from '../dicom/transfer-syntax.ts';
import type { ImageHeader } from '../types.ts';
import { applyLut, applyWindow, windowLut, windowTableKey } from './window.ts';
import { errorText } from '../error-text.ts';
import { Sheets, writeWebp, type RawImage } from './sheets.ts';
import { ownedFrame, readSliceBytes } from './slice-bytes.ts';
import { charge, mark, seriesDone } from './step-profile.ts';

export interface RenderSlice {
  path: string;
  rel: string;
  header: ImageHeader;
}

export interface RenderJob {
  /** The tiles' slices, in sheet order. */
  tiles: RenderSlice[];
  cover: RenderSlice;
  tile: { width: number; height: number };
  /** Tile of the enlarged view's sheets (`<prefix>-<preset>-detail.webp`), or null for none. */
  detail: { width: number; height: number } | null;
  coverSize: { width: number; height: number };
  columns: number;
  /** Output path prefix: writes `<prefix>-<preset>.webp` and `<prefix>-cover.webp`. */
  outPrefix: string;
}

/** A slice left out of its series' images because it did not decode. */
export interface DroppedSlice {
  file: string;
  detail: string;
}

export type RenderResult =
  | { status: 'ok'; dropped?: DroppedSlice[] }
  | { status: 'unsupported'; transferSyntax: string; file: string }
  | { status: 'failed'; detail: string; file: string };

export function spritePath(outPrefix: string, preset: WindowPresetId | 'cover'): string {
  return `${outPrefix}-${preset}.webp`;
}

export function detailPath(outPrefix: string, preset: WindowPresetId): string {
  return `${outPrefix}-${preset}-detail.webp`;
}

export async function renderSeries(job: RenderJob): Promise<RenderResult> {
  const unsupported = [...job.tiles, job.cover].find(
    (s) => !transferSyntaxInfo(s.header.transferSyntax).codec,
  );
  if (unsupported) {
    return {
      status: 'unsupported',
      transferSyntax: unsupported.header.transferSyntax,
      file: unsupported.rel,
    };
  }
  const sheets = new Sheets(job.tile, job.columns, job.tiles.length);
  const details = job.detail ? new Sheets(job.detail, job.columns, job.tiles.length) : null;
  // A slice that does not decode is dropped (its tile stays blank, a finding names it); the
  // rest of the series is still shown. Only an unsupported syntax stops the series.
  const dropped: DroppedSlice[] = [];
  const decode = async (slice: RenderSlice): Promise<DecodedFrame | null> => {
    try {
      let start = mark();
      const bytes = readSliceBytes(slice.path);
      charge('read', start);
      start = mark();
      const frame = await decodeSamples(bytes, slice.header);
      charge('decode', start);
      return frame;
    } catch (error) {
      if (error instanceof UnsupportedTransferSyntax) throw error;
      if (!dropped.some((d) => d.file === slice.rel)) {
        dropped.push({ file: slice.rel, detail: errorText(error) });
      }
      return null;
    }
  };
  let current: RenderSlice = job.cover;
  try {
    let firstGood: RenderSlice | null = null;
    // The cover's slice is often one of the tiles (the middle one): decoded once for both.
    let coverFrame: DecodedFrame | null = null;
    for (const [index, slice] of job.tiles.entries()) {
      current = slice;
      const frame = await decode(slice);
      if (frame === null) continue;
      firstGood ??= slice;
      // Kept past the next slice's read, which reuses the bytes its samples may point into.
      if (slice.path === job.cover.path) coverFrame = ownedFrame(frame);
      const sizes = details ? [details.tile, job.tile] : [job.tile];
      const [first, second] = await windowedTiles(frame, slice.header, sizes, WINDOW_PRESET_IDS);
      if (details) details.put(index, first!);
      sheets.put(index, (second ?? first)!);
    }
    if (firstGood === null) {
      const [first] = dropped;
      return {
        status: 'failed',
        detail: first?.detail ?? 'no slice decoded',
        file: first?.file ?? current.rel,
      };
    }
    current = job.cover;
    let coverSlice = job.cover;
    let cover = coverFrame ?? (await decode(coverSlice));
    if (cover === null) {
      coverSlice = firstGood;
      cover = (await decode(coverSlice))!;
    }
    const coverImage = await coverPixels(cover, coverSlice.header, job.coverSize);
    // All seven encodes at once: the pool's last series then uses every core, not one.
    await Promise.all([
      writeWebp(spritePath(job.outPrefix, 'cover'), coverImage, job.coverSize),
      ...sheets.write((id) => spritePath(job.outPrefix, id)),
      ...(details ? details.write((id) => detailPath(job.outPrefix, id)) : []),
    ]);
    seriesDone();
    return dropped.length ? { status: 'ok', dropped } : { status: 'ok' };
  } catch (error) {
    if (error instanceof UnsupportedTransferSyntax) {
      return { status: 'unsupported', transferSyntax: error.transferSyntax, file: current.rel };
    }
    return { status: 'failed', detail: errorText(error), file: current.rel };
  }
}

/**
 * One slice as 8-bit tiles, one per preset, at each of `sizes` (largest first). When each size
 * is a whole reduction of the one before (512 → 256 → 128, the usual CT case) and BitsStored
 * ≤ 16: shrunk as 16-bit first, then windowed (downscale.ts). Otherwise (e.g. 400 or 512×400
 * sources, 32-bit samples): windowed at full size, then scaled by libvips as 8-bit.
 */
async function windowedTiles(
  frame: DecodedFrame,
  header: ImageHeader,
  sizes: readonly { width: number; height: number }[],
  presets: readonly WindowPresetId[],
): Promise<Uint8Array[][]> {
  const invert = header.photometric === 'MONOCHROME1';
  const out: Uint8Array[][] = [];
  let from: { width: number; height: number } = frame;
  const factors = sizes.map((size) => {
    const k = wholeFactor(from, size);
    from = size;
    return k;
  });
  if (header.bitsStored <= 16 && factors.every((k) => k !== null)) {
    let image: Biased16 | null = null;
    for (const k of factors) {
      // The first reduction is fused with masking and biasing: one pass over the full slice.
      let start = mark();
      if (image === null)
        image = biasedShrink(frame.samples, frame.width, frame.height, k!, header);
      else if (k! > 1) image = shrinkBy(image, k!);
      charge('resample', start);
      start = mark();
      const scaled = image;
      out.push(
        presets.map((id) => {
          const { center, width } = WINDOW_PRESETS[id];
          return windowBiased(scaled, biasedWindowTable(header, center, width, invert));
        }),
      );
      charge('window', start);
    }
    return out;
  }
  let start = mark();
  const planes = presets.map((id) => windowed8(frame.samples, header, id));
  charge('window', start);
  for (const size of sizes) {
    start = mark();
    out.push(await scaleChannels(planes, frame.width, frame.height, size.width, size.height));
    charge('resample', start);
  }
  return out;
}

/**
 * The cover's pixels in the brain window: at the cover's size where the tiles' whole-factor
 * shrink applies; otherwise (e.g. a 128 px slice under a 256 px cover) at the slice's own size,
 * for writeWebp to scale as it encodes: one libvips call, not a resize and then an encode.
 */
async function coverPixels(
  frame: DecodedFrame,
  header: ImageHeader,
  size: { width: number; height: number },
): Promise<RawImage> {
  if (header.bitsStored <= 16 && wholeFactor(frame, size) !== null) {
    const [tiles] = await windowedTiles(frame, header, [size], ['brain']);
    return { pixels: tiles![0]!, ...size };
  }
  const start = mark();
  const pixels = windowed8(frame.samples, header, 'brain');
  charge('window', start);
  return { pixels, width: frame.width, height: frame.height };
}

/** Window lookup tables by `windowTableKey`. */
const luts = new Map<string, Uint8Array>();

/** Stored samples → 8-bit grey in a preset's window (MONOCHROME1 inverted). */
function windowed8(
  samples: ArrayLike<number>,
  header: ImageHeader,
  preset: WindowPresetId,
): Uint8Array {
  const { center, width } = WINDOW_PRESETS[preset];
  const invert = header.photometric === 'MONOCHROME1';
  if (header.bitsStored > 16)
    return applyWindow(storedToHu(samples, header), center, width, invert);
  // Tables depend only on these values, shared by (nearly) every slice of a dataset.
  const key = windowTableKey(header, center, width, invert);
  let lut = luts.get(key);
  if (!lut) {
    lut = windowLut(header, center, width, invert);
    luts.set(key, lut);
  }
  return applyLut(samples, lut);
}

/** Resizes same-sized 8-bit planes together (interleaved as channels of one raw image). */
async function scaleChannels(
  planes: Uint8Array[],
  width: number,
  height: number,
  toWidth: number,
  toHeight: number,
): Promise<Uint8Array[]> {
  const channels = planes.length as 1 | 2 | 3 | 4;
  const interleaved = new Uint8Array(width * height * channels);
  planes.forEach((plane, c) => {
    for (let i = 0; i < plane.length; i++) interleaved[i * channels + c] = plane[i]!;
  });
  const { data, info } = await sharp(interleaved, { raw: { width, height, channels } })
    .resize(toWidth, toHeight, { fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return planes.map((_, c) => {
    const out = new Uint8Array(toWidth * toHeight);
    for (let i = 0; i < out.length; i++) out[i] = data[i * info.channels + c]!;
    return out;
  });
}
