/**
 * Reads one file's header from disk: a prefix, grown until Pixel Data is reached, parsed, and
 * classified. Encapsulated pixel data is checked for a complete fragment sequence so a cut-off
 * compressed file is reported here, not only when (and if) its pixels are decoded.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { classifyFile } from './header.ts';
import { NeedMoreBytes, NotDicom, PIXEL_DATA, parseDicomBytes } from '../dicom/parse.ts';
import { isEncapsulated } from '../dicom/transfer-syntax.ts';
import type { HeaderOutcome } from '../types.ts';
import { errorText } from '../error-text.ts';
import { MAX_DICOM_FILE_BYTES, TooLarge, megabytes } from '../dicom/limits.ts';
import { syntaxMismatch } from '../dicom/syntax-check.ts';

export const FIRST_PREFIX_BYTES = 16 * 1024;

/** Reads a file's header (see module doc); never throws for bad content. */
export function readFileHeader(path: string, size: number): HeaderOutcome {
  if (size === 0) return { problem: 'empty', detail: 'zero bytes' };
  if (size > MAX_DICOM_FILE_BYTES) {
    return {
      problem: 'too-large',
      detail: `${megabytes(size)} file (limit ${megabytes(MAX_DICOM_FILE_BYTES)})`,
    };
  }
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    return { problem: 'unreadable', detail: errorText(error) };
  }
  try {
    return readOpenFile(fd, size);
  } finally {
    closeSync(fd);
  }
}

/**
 * The first prefix of every file is read into this one buffer: a header scan reads tens of
 * thousands of files, and a fresh zero-filled buffer each is measurable work for the GC.
 * Safe because a file's bytes are fully parsed and turned into plain values before the next
 * read, and nothing that outlives readOpenFile points into them.
 */
const prefixBuffer = Buffer.allocUnsafe(FIRST_PREFIX_BYTES);

function readOpenFile(fd: number, size: number): HeaderOutcome {
  let length = Math.min(size, FIRST_PREFIX_BYTES);
  for (;;) {
    const bytes = readAt(fd, 0, length, length <= FIRST_PREFIX_BYTES ? prefixBuffer : undefined);
    try {
      const parsed = parseDicomBytes(bytes, size, true);
      const inflated = parsed.dataSet.byteArray.length !== bytes.length;
      const outcome = classifyFile(parsed, inflated ? parsed.dataSet.byteArray.length : size);
      if ('header' in outcome && isEncapsulated(outcome.header.transferSyntax)) {
        const pixel = parsed.dataSet.elements[PIXEL_DATA]!;
        const problem = checkFragments(fd, size, pixel.dataOffset);
        if (problem) return problem;
      }
      if (
        !('header' in outcome) &&
        ['truncated', 'no-pixel-data', 'unreadable'].includes(outcome.problem)
      ) {
        // A data set in another transfer syntax than it declares reads as cut off or empty.
        const mismatch = syntaxMismatch(bytes);
        if (mismatch !== null) return { problem: 'unreadable', detail: mismatch };
      }
      return outcome;
    } catch (error) {
      if (error instanceof NeedMoreBytes && length < size) {
        length = Math.min(size, length * 4);
        continue;
      }
      if (error instanceof NotDicom) return { problem: 'not-dicom', detail: error.message };
      if (error instanceof TooLarge) return { problem: 'too-large', detail: error.message };
      // A data set written in another transfer syntax than it declares fails like a cut-off
      // file; say what it is.
      const mismatch = syntaxMismatch(bytes);
      if (mismatch !== null) return { problem: 'unreadable', detail: mismatch };
      const detail = errorText(error);
      return /overrun|past end|beyond|eof|end of|unexpected end|out of range|offset|greater than or equal to 'byteArray' length/i.test(
        detail,
      )
        ? { problem: 'truncated', detail }
        : { problem: 'unreadable', detail };
    }
  }
}

function readAt(
  fd: number,
  position: number,
  length: number,
  buffer: Buffer = Buffer.alloc(length),
): Uint8Array {
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buffer, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return new Uint8Array(buffer.buffer, buffer.byteOffset, done);
}

const SEQUENCE_DELIMITER = [0xfe, 0xff, 0xdd, 0xe0, 0, 0, 0, 0];

/**
 * Checks that encapsulated pixel data ends with its sequence delimiter inside the file:
 * the common case (delimiter in the last 8 bytes) costs one small read; otherwise the items are
 * walked from the start of Pixel Data. Returns a problem, or null when complete.
 */
function checkFragments(fd: number, size: number, offset: number): HeaderOutcome | null {
  if (size - offset >= 8) {
    const tail = readAt(fd, size - 8, 8);
    if (SEQUENCE_DELIMITER.every((b, i) => tail[i] === b)) return null;
  }
  const bytes = readAt(fd, offset, size - offset);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let position = 0;
  while (position + 8 <= bytes.length) {
    const group = view.getUint16(position, true);
    const element = view.getUint16(position + 2, true);
    const length = view.getUint32(position + 4, true);
    position += 8;
    if (group === 0xfffe && element === 0xe0dd) return null;
    if (group !== 0xfffe || element !== 0xe000) {
      return { problem: 'unreadable', detail: 'encapsulated Pixel Data without item tags' };
    }
    position += length;
  }
  return {
    problem: 'truncated',
    detail: 'encapsulated Pixel Data ends before its sequence delimiter',
  };
}
