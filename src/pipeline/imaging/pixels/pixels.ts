/**
 * From a whole DICOM file to Hounsfield units of its first frame: pixel data decoded for its
 * transfer syntax (frame.ts, with the Node codecs), stored values masked to BitsStored and
 * sign-extended, then the modality LUT (RescaleSlope/Intercept, hu.ts).
 */
import { NODE_CODECS } from './codecs.ts';
import { dicomParser } from '../dicom/dicom-parser.ts';
import { parseDicomBytes } from '../dicom/parse.ts';
import { decodeFrame, type DecodedFrame } from './frame.ts';
import { storedToHu } from './hu.ts';
import type { ImageHeader } from '../types.ts';

export type { DecodedFrame } from './frame.ts';
export { UnsupportedTransferSyntax, codecFailure } from './frame.ts';
export { storedToHu } from './hu.ts';

/** A slice in HU, row by row. */
export interface HuImage {
  width: number;
  height: number;
  hu: Float32Array;
}

/** Decodes a whole file's bytes to HU. */
export async function decodeHu(fileBytes: Uint8Array, header: ImageHeader): Promise<HuImage> {
  const frame = await decodeSamples(fileBytes, header);
  return { width: frame.width, height: frame.height, hu: storedToHu(frame.samples, header) };
}

/** Decodes a whole file's bytes to its first frame's stored samples (before masking). */
export async function decodeSamples(
  fileBytes: Uint8Array,
  header: ImageHeader,
): Promise<DecodedFrame> {
  const { dataSet } = parseDicomBytes(fileBytes, fileBytes.length, false);
  return decodeFrame(dataSet, header, NODE_CODECS, dicomParser);
}
