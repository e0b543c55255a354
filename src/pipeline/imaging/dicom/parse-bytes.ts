/**
 * Parsing a DICOM file's bytes with dicom-parser, with or without the Part 10 preamble and
 * meta header, in every transfer syntax. Pure and free of Node APIs: dicom-parser and the
 * raw-deflate inflater are passed in (node:zlib in parse.ts; in the study page's viewer, the
 * data set inflated beforehand by DecompressionStream).
 */
import type { DataSet } from 'dicom-parser';
import { EXPLICIT_LITTLE_ENDIAN } from './transfer-syntax.ts';
import { TooLarge } from './limits.ts';
import { PIXEL_DATA, hasPreamble, sniffRawTransferSyntax, unwrapParseError } from './sniff.ts';

/** The part of dicom-parser that parses a file. */
export type DicomParser = Pick<typeof import('dicom-parser'), 'parseDicom'>;
/** Inflates a raw deflate stream (the data set of Deflated Explicit VR Little Endian). */
export type InflateRaw = (deflated: Uint8Array) => Uint8Array;

/** Thrown when the bytes given are a prefix of the file and parsing needs more of them. */
export class NeedMoreBytes extends Error {
  constructor(message = 'need more bytes') {
    super(message);
  }
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
export function parseDicomWith(
  parser: DicomParser,
  inflateRaw: InflateRaw,
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
      const inflated = inflateRaw(arr.subarray(position));
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
    dataSet = parser.parseDicom(bytes, options);
  } catch (error) {
    const cause = unwrapParseError(error);
    if (cause instanceof NeedMoreBytes || cause instanceof TooLarge) throw cause;
    if (isPrefix) throw new NeedMoreBytes();
    throw cause instanceof Error ? cause : new Error(String(cause));
  }
  if (!dataSet.elements[PIXEL_DATA] && isPrefix) throw new NeedMoreBytes();
  // parseDicom itself refuses a Part 10 file without (0002,0010), so the fallback is never used.
  const transferSyntax = rawSyntax ?? readAscii(dataSet, 'x00020010') ?? EXPLICIT_LITTLE_ENDIAN;
  return { dataSet, transferSyntax, part10 };
}

/** An ASCII value (UIDs, CS) without padding, or null when absent or empty. */
export function readAscii(dataSet: DataSet, tag: string): string | null {
  const element = dataSet.elements[tag];
  if (!element || element.length === 0) return null;
  const value = (element as { Value?: unknown }).Value;
  if (typeof value === 'string') return value.replace(/[\0 ]+$/, '') || null;
  const bytes = dataSet.byteArray.subarray(element.dataOffset, element.dataOffset + element.length);
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text.replace(/[\0 ]+$/, '').trim() || null;
}
