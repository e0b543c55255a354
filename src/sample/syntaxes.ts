/**
 * Transfer syntaxes the sample writes, and the share of each in the real-scale layout. The real
 * dataset is mostly uncompressed explicit VR little endian with some compressed series; the
 * sample writes every lossless encapsulated syntax the pipeline decodes, so a real-scale build
 * exercises each codec.
 */
import { EXPLICIT_VR_LITTLE_ENDIAN } from './dicom-writer.ts';

export const NATIVE_SYNTAX = EXPLICIT_VR_LITTLE_ENDIAN;
export const RLE_LOSSLESS = '1.2.840.10008.1.2.5';
export const JPEG_LOSSLESS_SV1 = '1.2.840.10008.1.2.4.70';
export const JPEG_LS_LOSSLESS = '1.2.840.10008.1.2.4.80';
export const JPEG_2000_LOSSLESS = '1.2.840.10008.1.2.4.90';

/**
 * Share of series per transfer syntax in the real-scale layout (weights of 100): 60 %
 * uncompressed, 10 % each of the four lossless encapsulated syntaxes.
 */
export const REAL_SCALE_SYNTAX_MIX: readonly (readonly [string, number])[] = [
  [NATIVE_SYNTAX, 60],
  [JPEG_LOSSLESS_SV1, 10],
  [JPEG_LS_LOSSLESS, 10],
  [JPEG_2000_LOSSLESS, 10],
  [RLE_LOSSLESS, 10],
];
