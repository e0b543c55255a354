/**
 * Parsing a DICOM file's bytes with dicom-parser, with or without the Part 10 preamble and
 * meta header, in every transfer syntax; deflated data sets are inflated with node:zlib.
 */
import { inflateRawSync } from 'node:zlib';
import { dicomParser, type DataSet } from './dicom-parser.ts';
import {
  EXPLICIT_BIG_ENDIAN,
  EXPLICIT_LITTLE_ENDIAN,
  IMPLICIT_LITTLE_ENDIAN,
} from './transfer-syntax.ts';
import { MAX_DICOM_FILE_BYTES, TooLarge, megabytes } from './limits.ts';

export const PIXEL_DATA = 'x7fe00010';

/** Thrown when the bytes given are a prefix of the file and parsing needs more of them. */
export class NeedMoreBytes extends Error {
  constructor(message = 'need more bytes') {
    super(message);
  }
}

/** Thrown when the bytes are certainly not DICOM. */
export class NotDicom extends Error {}

export const VRS = new Set(
  'AE AS AT CS DA DS DT FL FD IS LO LT OB OD OF OL OV OW PN SH SL SQ SS ST SV TM UC UI UL UN UR US UT UV'.split(
    ' ',
  ),
);

function hasPreamble(bytes: Uint8Array): boolean {
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

export interface ParsedFile {
  dataSet: DataSet;
  transferSyntax: string;
  /** True when the file has the 128-byte preamble and `DICM`. */
  part10: boolean;
}

/**
 * Parses `bytes` (the whole file, or its first `bytes.length` of `fileSize` bytes).
 * With `untilPixelData`, stops at the Pixel Data element (its value is not read).
 * Throws NeedMoreBytes when the prefix ends before Pixel Data (or, for a deflated data set,
 * when it is not the whole file), NotDicom for non-DICOM bytes, anything else for broken data.
 */
export function parseDicomBytes(
  bytes: Uint8Array,
  fileSize: number,
  untilPixelData: boolean,
): ParsedFile {
  const isPrefix = bytes.length < fileSize;
  const part10 = hasPreamble(bytes);
  if (!part10 && isPrefix && bytes.length < 132) throw new NeedMoreBytes();
  const rawSyntax = part10 ? undefined : sniffRawTransferSyntax(bytes);
  const options: import('dicom-parser').ParseDicomOptions = {
    inflater: (arr: Uint8Array, position: number) => {
      if (isPrefix) throw new NeedMoreBytes('deflated data set: the whole file is needed');
      let inflated: Buffer;
      try {
        // Capped: a deflate bomb in the data set must not take the memory of the machine.
        inflated = inflateRawSync(arr.subarray(position), {
          maxOutputLength: MAX_DICOM_FILE_BYTES,
        });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
          throw new TooLarge(
            `the deflated data set inflates past ${megabytes(MAX_DICOM_FILE_BYTES)} (a deflate bomb)`,
          );
        }
        throw error;
      }
      const full = new Uint8Array(position + inflated.length);
      full.set(arr.subarray(0, position), 0);
      full.set(inflated, position);
      return full;
    },
  };
  if (untilPixelData) options.untilTag = PIXEL_DATA;
  if (rawSyntax) options.TransferSyntaxUID = rawSyntax;
  let dataSet: DataSet;
  try {
    dataSet = dicomParser.parseDicom(bytes, options);
  } catch (error) {
    const cause = unwrap(error);
    if (cause instanceof NeedMoreBytes || cause instanceof TooLarge) throw cause;
    if (isPrefix) throw new NeedMoreBytes();
    throw cause instanceof Error ? cause : new Error(String(cause));
  }
  if (!dataSet.elements[PIXEL_DATA] && isPrefix) throw new NeedMoreBytes();
  // parseDicom itself refuses a Part 10 file without (0002,0010), so the fallback is never used.
  const transferSyntax = rawSyntax ?? readAscii(dataSet, 'x00020010') ?? EXPLICIT_LITTLE_ENDIAN;
  return { dataSet, transferSyntax, part10 };
}

/** dicom-parser throws strings, Errors, or `{ exception, dataSet }`. */
function unwrap(error: unknown): unknown {
  if (error && typeof error === 'object' && 'exception' in error) {
    return (error as { exception: unknown }).exception;
  }
  return error;
}

/** An ASCII value (UIDs, CS) without padding, or null when absent or empty. */
export function readAscii(dataSet: DataSet, tag: string): string | null {
  const element = dataSet.elements[tag];
  if (!element || element.length === 0) return null;
  const value = (element as { Value?: unknown }).Value;
  if (typeof value === 'string') return value.replace(/[\0 ]+$/, '') || null;
  const bytes = dataSet.byteArray.subarray(element.dataOffset, element.dataOffset + element.length);
  return (
    Buffer.from(bytes)
      .toString('latin1')
      .replace(/[\0 ]+$/, '')
      .trim() || null
  );
}
