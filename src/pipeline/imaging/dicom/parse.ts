/**
 * Parsing a DICOM file's bytes in Node: parse-bytes.ts with dicom-parser loaded by `require`
 * and deflated data sets inflated with node:zlib.
 */
import { inflateRawSync } from 'node:zlib';
import { dicomParser } from './dicom-parser.ts';
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
  return parseDicomWith(dicomParser, inflateRawSync, bytes, fileSize, untilPixelData);
}
