/**
 * What a DICOM file's first bytes say before it is parsed: whether it has the Part 10 preamble,
 * and for a bare data set, its transfer syntax. Pure and free of Node APIs (used by parse.ts in
 * the build and by the study page's viewer).
 */
import {
  EXPLICIT_BIG_ENDIAN,
  EXPLICIT_LITTLE_ENDIAN,
  IMPLICIT_LITTLE_ENDIAN,
} from './transfer-syntax.ts';

export const PIXEL_DATA = 'x7fe00010';

/** Thrown when the bytes are certainly not DICOM. */
export class NotDicom extends Error {}

export const VRS = new Set(
  'AE AS AT CS DA DS DT FL FD IS LO LT OB OD OF OL OV OW PN SH SL SQ SS ST SV TM UC UI UL UN UR US UT UV'.split(
    ' ',
  ),
);

/** True when the bytes start with the 128-byte preamble and `DICM`. */
export function hasPreamble(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 132 &&
    bytes[128] === 0x44 &&
    bytes[129] === 0x49 &&
    bytes[130] === 0x43 &&
    bytes[131] === 0x4d
  );
}

/**
 * Guesses the transfer syntax of a data set written without preamble and meta header, from its
 * first element: group 0x0002/0x0008 in either byte order, and whether a VR follows the tag.
 */
export function sniffRawTransferSyntax(bytes: Uint8Array): string {
  if (bytes.length < 8) throw new NotDicom('too short for a DICOM element');
  const vr = String.fromCharCode(bytes[4]!, bytes[5]!);
  const groupLe = bytes[0]! | (bytes[1]! << 8);
  const groupBe = (bytes[0]! << 8) | bytes[1]!;
  if (groupLe === 0x0002 || groupLe === 0x0008) {
    return VRS.has(vr) ? EXPLICIT_LITTLE_ENDIAN : IMPLICIT_LITTLE_ENDIAN;
  }
  if ((groupBe === 0x0008 || groupBe === 0x0002) && VRS.has(vr)) return EXPLICIT_BIG_ENDIAN;
  throw new NotDicom('no DICM prefix and no data set at the start of the file');
}

/** dicom-parser throws strings, Errors, or `{ exception, dataSet }`. */
export function unwrapParseError(error: unknown): unknown {
  if (error && typeof error === 'object' && 'exception' in error) {
    return (error as { exception: unknown }).exception;
  }
  return error;
}
