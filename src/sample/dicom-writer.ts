/**
 * A small, generic DICOM Part 10 writer: a list of data elements in, file bytes out.
 * Explicit VR Little Endian data sets, with native or encapsulated (PS3.5 A.4) pixel data. The caller decides which
 * attributes go in; this module only knows how DICOM encodes them: preamble, `DICM`, a File
 * Meta group (0002) with its group length, elements sorted by tag, values padded to even length.
 */

/** Value representations this writer can encode. */
export const VRS = [
  ...['AE', 'AS', 'CS', 'DA', 'DS', 'DT', 'IS', 'LO', 'LT', 'PN', 'SH', 'ST', 'TM'],
  ...['UC', 'UI', 'UR', 'UT', 'US', 'SS', 'UL', 'SL', 'FL', 'FD', 'OB', 'OW'],
] as const;
export type Vr = (typeof VRS)[number];

/** One data element. Text values may be multi-valued (joined with `\`); numbers likewise. */
export interface DicomElement {
  /** Tag as 0xGGGGEEEE, e.g. 0x00100040 for PatientSex. */
  tag: number;
  vr: Vr;
  /**
   * Text VRs: a string or a list of strings (empty string = zero-length value, as Type 2 allows).
   * DS/IS also accept numbers. Binary numeric VRs: number(s). OB/OW: raw bytes or an Int16Array
   * (written little endian).
   */
  value: string | number | readonly (string | number)[] | Uint8Array | Int16Array | Encapsulated;
}

/** Encapsulated Pixel Data: one fragment per frame, written after an empty offset table. */
export interface Encapsulated {
  fragments: readonly Uint8Array[];
}

export const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';

/** VRs whose length field is 32 bits, preceded by two reserved bytes (PS3.5 7.1.2). */
const LONG_LENGTH_VRS = new Set<Vr>(['OB', 'OW', 'UC', 'UR', 'UT']);
/** Text VRs padded with a trailing NUL instead of a space (PS3.5 6.2). */
const NUL_PADDED_VRS = new Set<Vr>(['UI', 'OB']);
/** Text VRs that may hold more than one value. */
const TEXT_VRS = new Set<Vr>([
  'AE',
  'AS',
  'CS',
  'DA',
  'DS',
  'DT',
  'IS',
  'LO',
  'LT',
  'PN',
  'SH',
  'ST',
  'TM',
  'UC',
  'UI',
  'UR',
  'UT',
]);
/** Multi-value joining is only meaningful for these; LT, ST, UT and UR are single-valued. */
const SINGLE_VALUED_TEXT = new Set<Vr>(['LT', 'ST', 'UT', 'UR']);
const MAX_LENGTH: Partial<Record<Vr, number>> = {
  AE: 16,
  AS: 4,
  CS: 16,
  DA: 8,
  DS: 16,
  IS: 12,
  LO: 64,
  SH: 16,
  TM: 14,
  UI: 64,
};
const BINARY_SIZE: Partial<Record<Vr, number>> = { US: 2, SS: 2, UL: 4, SL: 4, FL: 4, FD: 8 };

/**
 * Formats a number as a DICOM Decimal String: at most 16 characters, no exponent when avoidable.
 * @example formatDecimalString(0.625) // '0.625'
 * @example formatDecimalString(-1024) // '-1024'
 */
export function formatDecimalString(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`DS value is not finite: ${value}`);
  const plain = String(value);
  if (plain.length <= 16) return plain;
  for (let digits = 15; digits >= 1; digits--) {
    const text = String(Number(value.toPrecision(digits)));
    if (text.length <= 16) return text;
  }
  throw new RangeError(`DS value does not fit 16 characters: ${value}`);
}

function tagLabel(tag: number): string {
  const hex = tag.toString(16).toUpperCase().padStart(8, '0');
  return `(${hex.slice(0, 4)},${hex.slice(4)})`;
}

function textValue(element: DicomElement): string {
  const { vr, value } = element;
  const items = Array.isArray(value) ? value : [value];
  const strings = items.map((item) => {
    if (typeof item === 'number') {
      if (vr === 'DS') return formatDecimalString(item);
      if (vr === 'IS') {
        if (!Number.isInteger(item)) throw new RangeError(`IS value is not an integer: ${item}`);
        return String(item);
      }
      throw new TypeError(`${tagLabel(element.tag)} ${vr}: numbers are only allowed for DS/IS`);
    }
    if (typeof item !== 'string') throw new TypeError(`${tagLabel(element.tag)}: not text`);
    return item;
  });
  if (strings.length > 1 && SINGLE_VALUED_TEXT.has(vr)) {
    throw new RangeError(`${tagLabel(element.tag)} ${vr} cannot hold more than one value`);
  }
  const limit = MAX_LENGTH[vr];
  for (const text of strings) {
    if (!SINGLE_VALUED_TEXT.has(vr) && text.includes('\\')) {
      throw new RangeError(`${tagLabel(element.tag)}: a value contains a backslash`);
    }
    // PN allows 64 characters per component group; checked loosely as 64 per value.
    if (limit !== undefined && text.length > limit) {
      throw new RangeError(`${tagLabel(element.tag)} ${vr} value longer than ${limit}: ${text}`);
    }
  }
  return strings.join('\\');
}

/** Encodes an element's value, padded to even length. */
function encodeValue(element: DicomElement): Uint8Array {
  const { vr, value } = element;
  if (TEXT_VRS.has(vr)) {
    const bytes = new TextEncoder().encode(textValue(element));
    if (bytes.length % 2 === 0) return bytes;
    const padded = new Uint8Array(bytes.length + 1);
    padded.set(bytes);
    padded[bytes.length] = NUL_PADDED_VRS.has(vr) ? 0x00 : 0x20;
    return padded;
  }
  const size = BINARY_SIZE[vr];
  if (size !== undefined) {
    const numbers = (Array.isArray(value) ? value : [value]) as unknown[];
    const buffer = new ArrayBuffer(numbers.length * size);
    const view = new DataView(buffer);
    numbers.forEach((n, i) => {
      if (typeof n !== 'number')
        throw new TypeError(`${tagLabel(element.tag)} ${vr}: not a number`);
      const at = i * size;
      if (vr === 'US') view.setUint16(at, n, true);
      else if (vr === 'SS') view.setInt16(at, n, true);
      else if (vr === 'UL') view.setUint32(at, n, true);
      else if (vr === 'SL') view.setInt32(at, n, true);
      else if (vr === 'FL') view.setFloat32(at, n, true);
      else view.setFloat64(at, n, true);
    });
    return new Uint8Array(buffer);
  }
  // OB / OW
  let bytes: Uint8Array;
  if (value instanceof Int16Array) {
    bytes = new Uint8Array(value.length * 2);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < value.length; i++) view.setInt16(i * 2, value[i]!, true);
  } else if (value instanceof Uint8Array) {
    bytes = value;
  } else {
    throw new TypeError(`${tagLabel(element.tag)} ${vr}: expected bytes`);
  }
  if (bytes.length % 2 === 0) return bytes;
  const padded = new Uint8Array(bytes.length + 1);
  padded.set(bytes);
  return padded;
}

function item(tag: number, value: Uint8Array): Uint8Array {
  const padded = value.length % 2 === 0 ? value : concat([value, new Uint8Array(1)]);
  const out = new Uint8Array(8 + padded.length);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfffe, true);
  view.setUint16(2, tag, true);
  view.setUint32(4, padded.length, true);
  out.set(padded, 8);
  return out;
}

/** OB with undefined length: an empty Basic Offset Table, the fragments, a delimiter. */
function encodeEncapsulated(element: DicomElement, value: Encapsulated): Uint8Array {
  const head = new Uint8Array(12);
  const view = new DataView(head.buffer);
  view.setUint16(0, element.tag >>> 16, true);
  view.setUint16(2, element.tag & 0xffff, true);
  head[4] = 0x4f; // 'O'
  head[5] = 0x42; // 'B'
  view.setUint32(8, 0xffffffff, true);
  return concat([
    head,
    item(0xe000, new Uint8Array(0)),
    ...value.fragments.map((fragment) => item(0xe000, fragment)),
    item(0xe0dd, new Uint8Array(0)),
  ]);
}

function isEncapsulated(value: DicomElement['value']): value is Encapsulated {
  return typeof value === 'object' && value !== null && 'fragments' in value;
}

/** Encodes one element (tag, VR, length, value) in explicit VR little endian. */
function encodeElement(element: DicomElement): Uint8Array {
  if (isEncapsulated(element.value)) return encodeEncapsulated(element, element.value);
  const value = encodeValue(element);
  const long = LONG_LENGTH_VRS.has(element.vr);
  if (!long && value.length > 0xffff) {
    throw new RangeError(`${tagLabel(element.tag)} ${element.vr} value too long`);
  }
  const headerLength = long ? 12 : 8;
  const out = new Uint8Array(headerLength + value.length);
  const view = new DataView(out.buffer);
  view.setUint16(0, element.tag >>> 16, true);
  view.setUint16(2, element.tag & 0xffff, true);
  out[4] = element.vr.charCodeAt(0);
  out[5] = element.vr.charCodeAt(1);
  if (long) view.setUint32(8, value.length, true);
  else view.setUint16(6, value.length, true);
  out.set(value, headerLength);
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function sortedByTag(elements: readonly DicomElement[]): DicomElement[] {
  const sorted = [...elements].sort((a, b) => a.tag - b.tag);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.tag === sorted[i - 1]!.tag) {
      throw new RangeError(`duplicate element ${tagLabel(sorted[i]!.tag)}`);
    }
  }
  return sorted;
}

export interface FileMetaOptions {
  sopClassUid: string;
  sopInstanceUid: string;
  implementationClassUid: string;
  /** At most 16 characters. */
  implementationVersionName?: string;
  /** Default: Explicit VR Little Endian. Encapsulated syntaxes need encapsulated Pixel Data. */
  transferSyntaxUid?: string;
}

/**
 * Writes a DICOM Part 10 file: 128-byte preamble, `DICM`, the File Meta group (with its group
 * length), then the data set, every element in ascending tag order.
 * @example
 * const bytes = writeDicomFile(
 *   { sopClassUid: '1.2.840.10008.5.1.4.1.1.2', sopInstanceUid: '2.25.1', implementationClassUid: '2.25.2' },
 *   [{ tag: 0x00080060, vr: 'CS', value: 'CT' }],
 * );
 */
export function writeDicomFile(
  meta: FileMetaOptions,
  dataSet: readonly DicomElement[],
): Uint8Array {
  if (dataSet.some((element) => element.tag >>> 16 <= 0x0002)) {
    throw new RangeError('the data set must not contain group 0000-0002 elements');
  }
  const metaElements: DicomElement[] = [
    { tag: 0x00020001, vr: 'OB', value: new Uint8Array([0x00, 0x01]) },
    { tag: 0x00020002, vr: 'UI', value: meta.sopClassUid },
    { tag: 0x00020003, vr: 'UI', value: meta.sopInstanceUid },
    { tag: 0x00020010, vr: 'UI', value: meta.transferSyntaxUid ?? EXPLICIT_VR_LITTLE_ENDIAN },
    { tag: 0x00020012, vr: 'UI', value: meta.implementationClassUid },
  ];
  if (meta.implementationVersionName) {
    metaElements.push({ tag: 0x00020013, vr: 'SH', value: meta.implementationVersionName });
  }
  const metaBody = concat(metaElements.map(encodeElement));
  const groupLength = encodeElement({ tag: 0x00020000, vr: 'UL', value: metaBody.length });
  const preamble = new Uint8Array(132);
  preamble.set([0x44, 0x49, 0x43, 0x4d], 128); // "DICM"
  return concat([preamble, groupLength, metaBody, ...sortedByTag(dataSet).map(encodeElement)]);
}
