/**
 * Size limits for one DICOM file, so that memory never grows with what a file claims: a CT
 * slice is about half a megabyte (512×512×2 bytes), a large one a few megabytes. A file over
 * the limit, a matrix over the limit or a deflated data set that inflates past it is a
 * `dicom-too-large` finding and is never read whole.
 */

/** Largest file read (the render stage reads a slice whole). */
export const MAX_DICOM_FILE_BYTES = 256 * 1024 * 1024;
/** Largest image matrix decoded (8k × 8k is far above any CT; its HU image is 256 MB). */
export const MAX_PIXELS = 8192 * 8192;

/** Thrown where a size limit is hit; the file is then `too-large`. */
export class TooLarge extends Error {}

/**
 * Bytes in megabytes for a message.
 * @example megabytes(268435456) // '256 MB'
 */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}
