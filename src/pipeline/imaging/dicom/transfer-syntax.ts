/**
 * DICOM transfer syntaxes (PS3.5 Section 10 and Annex A) this stage knows, and how each one's
 * pixel data is decoded. Any syntax not marked with a codec here is reported as unsupported.
 */

export type PixelCodec =
  'native' | 'rle' | 'jpeg-lossless' | 'jpeg-ls' | 'jpeg-2000' | 'jpeg-baseline';

export interface TransferSyntaxInfo {
  name: string;
  /** Byte order of the data set (and of native pixel data). */
  bigEndian: boolean;
  explicitVr: boolean;
  deflated: boolean;
  /** How the pixel data is decoded, or null when no decoder is available. */
  codec: PixelCodec | null;
}

export const IMPLICIT_LITTLE_ENDIAN = '1.2.840.10008.1.2';
export const EXPLICIT_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
export const DEFLATED_EXPLICIT_LITTLE_ENDIAN = '1.2.840.10008.1.2.1.99';
export const EXPLICIT_BIG_ENDIAN = '1.2.840.10008.1.2.2';

const le = { bigEndian: false, explicitVr: true, deflated: false } as const;

export const TRANSFER_SYNTAXES: Readonly<Record<string, TransferSyntaxInfo>> = {
  [IMPLICIT_LITTLE_ENDIAN]: {
    ...le,
    name: 'Implicit VR Little Endian',
    explicitVr: false,
    codec: 'native',
  },
  [EXPLICIT_LITTLE_ENDIAN]: { ...le, name: 'Explicit VR Little Endian', codec: 'native' },
  [DEFLATED_EXPLICIT_LITTLE_ENDIAN]: {
    ...le,
    name: 'Deflated Explicit VR Little Endian',
    deflated: true,
    codec: 'native',
  },
  [EXPLICIT_BIG_ENDIAN]: {
    ...le,
    name: 'Explicit VR Big Endian',
    bigEndian: true,
    codec: 'native',
  },
  '1.2.840.10008.1.2.5': { ...le, name: 'RLE Lossless', codec: 'rle' },
  '1.2.840.10008.1.2.4.50': { ...le, name: 'JPEG Baseline (Process 1)', codec: 'jpeg-baseline' },
  '1.2.840.10008.1.2.4.51': { ...le, name: 'JPEG Extended (Process 2 & 4)', codec: null },
  '1.2.840.10008.1.2.4.55': { ...le, name: 'JPEG Full Progression (Process 10 & 12)', codec: null },
  '1.2.840.10008.1.2.4.57': { ...le, name: 'JPEG Lossless (Process 14)', codec: 'jpeg-lossless' },
  '1.2.840.10008.1.2.4.70': {
    ...le,
    name: 'JPEG Lossless (Process 14, Selection Value 1)',
    codec: 'jpeg-lossless',
  },
  '1.2.840.10008.1.2.4.80': { ...le, name: 'JPEG-LS Lossless', codec: 'jpeg-ls' },
  '1.2.840.10008.1.2.4.81': { ...le, name: 'JPEG-LS Near-Lossless', codec: 'jpeg-ls' },
  '1.2.840.10008.1.2.4.90': { ...le, name: 'JPEG 2000 (Lossless Only)', codec: 'jpeg-2000' },
  '1.2.840.10008.1.2.4.91': { ...le, name: 'JPEG 2000', codec: 'jpeg-2000' },
  '1.2.840.10008.1.2.4.100': { ...le, name: 'MPEG2 Main Profile', codec: null },
  '1.2.840.10008.1.2.4.102': { ...le, name: 'MPEG-4 AVC/H.264', codec: null },
  '1.2.840.10008.1.2.4.201': { ...le, name: 'High-Throughput JPEG 2000 (Lossless)', codec: null },
  '1.2.840.10008.1.2.4.203': { ...le, name: 'High-Throughput JPEG 2000', codec: null },
};

/**
 * What we know about a transfer syntax; unknown UIDs are treated as encapsulated explicit VR
 * little endian (the rule of PS3.5 for every syntax not listed above) with no codec.
 *
 * @example
 * transferSyntaxInfo('1.2.840.10008.1.2.5').codec // 'rle'
 * transferSyntaxInfo('1.2.3').codec // null
 */
export function transferSyntaxInfo(uid: string): TransferSyntaxInfo {
  return TRANSFER_SYNTAXES[uid] ?? { ...le, name: `unknown (${uid})`, codec: null };
}

/** True when the pixel data of this syntax is encapsulated (fragments), not native. */
export function isEncapsulated(uid: string): boolean {
  const info = transferSyntaxInfo(uid);
  return info.codec !== 'native';
}

/** `Name (UID)`, for findings. */
export function describeTransferSyntax(uid: string): string {
  const info = TRANSFER_SYNTAXES[uid];
  return info ? `${info.name} (${uid})` : uid;
}
