/**
 * Whether a Part 10 file's data set is written in the transfer syntax its meta header declares.
 * A file that declares Explicit VR but holds Implicit VR elements (or the other way round, or
 * the other byte order) fails to parse like a cut-off file; this names the real problem.
 */
import { VRS } from './sniff.ts';
import {
  DEFLATED_EXPLICIT_LITTLE_ENDIAN,
  EXPLICIT_BIG_ENDIAN,
  IMPLICIT_LITTLE_ENDIAN,
  describeTransferSyntax,
} from './transfer-syntax.ts';

/**
 * A sentence naming the mismatch, or null when the first data-set element agrees with the
 * declared syntax (or the bytes are too short or not Part 10 to tell).
 */
export function syntaxMismatch(bytes: Uint8Array): string | null {
  if (bytes.length < 140 || String.fromCharCode(...bytes.subarray(128, 132)) !== 'DICM') {
    return null;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let position = 132;
  let declared: string | null = null;
  // The meta header is always Explicit VR Little Endian.
  while (position + 8 <= bytes.length && view.getUint16(position, true) === 0x0002) {
    const element = view.getUint16(position + 2, true);
    const vr = String.fromCharCode(bytes[position + 4]!, bytes[position + 5]!);
    const long = ['OB', 'OW', 'OF', 'SQ', 'UT', 'UN'].includes(vr);
    const length = long ? view.getUint32(position + 8, true) : view.getUint16(position + 6, true);
    const start = position + (long ? 12 : 8);
    if (element === 0x0010 && start + length <= bytes.length) {
      declared = String.fromCharCode(...bytes.subarray(start, start + length)).replace(
        /[\0 ]+$/,
        '',
      );
    }
    position = start + length;
  }
  if (declared === null || declared === DEFLATED_EXPLICIT_LITTLE_ENDIAN) return null;
  if (position + 8 > bytes.length) return null;
  const vr = String.fromCharCode(bytes[position + 4]!, bytes[position + 5]!);
  const groupLe = view.getUint16(position, true);
  const groupBe = view.getUint16(position, false);
  const explicit = VRS.has(vr);
  const bigEndian = groupBe < groupLe && groupBe >= 0x0008 && groupBe <= 0x00ff;
  const actual = explicit
    ? bigEndian
      ? 'Explicit VR Big Endian'
      : 'Explicit VR Little Endian'
    : 'Implicit VR Little Endian';
  const declaredExplicit = declared !== IMPLICIT_LITTLE_ENDIAN;
  const declaredBig = declared === EXPLICIT_BIG_ENDIAN;
  if (explicit === declaredExplicit && (!explicit || bigEndian === declaredBig)) return null;
  return `the data set is not in its declared transfer syntax ${describeTransferSyntax(declared)}: its elements are written as ${actual}`;
}
