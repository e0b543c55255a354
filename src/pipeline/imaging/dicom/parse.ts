/**
 * Parsing a DICOM file's bytes in Node: parse-bytes.ts with dicom-parser loaded by `require`
 * and deflated data sets inflated with node:zlib.
 */
import { inflateRawSync } from 'node:zlib';
import { dicomParser } from './dicom-parser.ts';
import { MAX_DICOM_FILE_BYTES, TooLarge, megabytes } from './limits.ts';
import { parseDicomWith, type ParsedFile } from './parse-bytes.ts';

export { NotDicom, PIXEL_DATA, sniffRawTransferSyntax } from './sniff.ts';
export { NeedMoreBytes, readAscii, type ParsedFile } from './parse-bytes.ts';

/**
 * Parses `bytes` (the whole file, or its first `bytes.length` of `fileSize` bytes); see
 * parseDicomWith.
 */
export function parseDicomBytes(
  bytes: Uint8Array,
  fileSize: number,
  untilPixelData: boolean,
): ParsedFile {
  return parseDicomWith(dicomParser, inflateCapped, bytes, fileSize, untilPixelData);
}

/** Inflates a deflated data set, capped: a deflate bomb must not take the machine's memory. */
function inflateCapped(deflated: Uint8Array): Uint8Array {
  try {
    return inflateRawSync(deflated, { maxOutputLength: MAX_DICOM_FILE_BYTES });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new TooLarge(
        `the deflated data set inflates past ${megabytes(MAX_DICOM_FILE_BYTES)} (a deflate bomb)`,
      );
    }
    throw error;
  }
}
