/**
 * From a parsed data set to the allow-listed header of a CT image, or the reason the file is
 * not one. Only tags of ALLOWED_ATTRIBUTES are ever read here.
 */
import { parseDicomAge } from '../../../domain/dicom-age.ts';
import { ALLOWED_ATTRIBUTES, type AllowedKeyword, type AllowedValues } from './allow-list.ts';
import {
  PUBLISHED_ATTRIBUTES,
  type PublishedAttribute,
  type PublishedHeaderValues,
} from '../../../domain/dicom-attributes.ts';
import { decoderFor } from '../dicom/charset.ts';
import type { DataSet } from '../dicom/dicom-parser.ts';
import { PIXEL_DATA, type ParsedFile } from '../dicom/parse.ts';
import { MAX_PIXELS } from '../dicom/limits.ts';
import { isEncapsulated } from '../dicom/transfer-syntax.ts';
import type { HeaderOutcome, ImageHeader } from '../types.ts';

export const CT_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.2';
const SECONDARY_CAPTURE_PREFIX = '1.2.840.10008.5.1.4.1.1.7';

/** Names of SOP classes a CT study folder often holds besides CT images, for findings. */
const SOP_CLASS_NAMES: Record<string, string> = {
  '1.2.840.10008.5.1.4.1.1.2.1': 'Enhanced CT Image Storage: multi-frame CT is not supported',
  '1.2.840.10008.5.1.4.1.1.2.2': 'Legacy Converted Enhanced CT: multi-frame CT is not supported',
  '1.2.840.10008.5.1.4.1.1.4': 'MR Image Storage',
  '1.2.840.10008.5.1.4.1.1.11.1': 'Grayscale Softcopy Presentation State',
  '1.2.840.10008.5.1.4.1.1.88.11': 'Basic Text SR',
  '1.2.840.10008.5.1.4.1.1.88.22': 'Enhanced SR',
  '1.2.840.10008.5.1.4.1.1.88.33': 'Comprehensive SR',
  '1.2.840.10008.5.1.4.1.1.88.67': 'X-Ray Radiation Dose SR',
  '1.2.840.10008.5.1.4.1.1.104.1': 'Encapsulated PDF',
  '1.2.840.10008.1.3.10': 'Media Storage Directory (DICOMDIR)',
};

/**
 * Reads every allow-listed attribute present in the data set, and nothing else.
 * Runs once per file of the dataset, so it avoids copies: ASCII values are sliced from one
 * Buffer view of the parsed bytes, and text decoders are shared between files.
 */
export function readAllowedValues(dataSet: DataSet): AllowedValues {
  const values: AllowedValues = {};
  const { byteArray } = dataSet;
  const view = Buffer.from(byteArray.buffer, byteArray.byteOffset, byteArray.byteLength);
  const decode = decoderFor(asciiOf(dataSet, view, 'x00080005'));
  for (const attribute of ALLOWED_ATTRIBUTES) {
    const element = dataSet.elements[attribute.tag];
    if (!element || element.length === 0) continue;
    if (attribute.kind === 'uint16') {
      const value = dataSet.uint16(attribute.tag);
      if (value !== undefined) values[attribute.keyword] = [value];
      continue;
    }
    const text =
      attribute.kind === 'text'
        ? decode(elementBytes(dataSet, view, attribute.tag))
        : asciiOf(dataSet, view, attribute.tag);
    if (text === null) continue;
    const parts = splitValues(text);
    if (attribute.kind === 'number') {
      const numbers: number[] = [];
      for (const part of parts) {
        const n = Number(part);
        if (part !== '' && Number.isFinite(n)) numbers.push(n);
      }
      if (numbers.length) values[attribute.keyword] = numbers;
    } else if (parts.some(Boolean)) {
      values[attribute.keyword] = parts;
    }
  }
  return values;
}

/** A multi-valued string's values (`\\`-separated), without NULs and padding. */
function splitValues(text: string): string[] {
  const clean = text.includes('\0') ? text.replaceAll('\0', '') : text;
  return clean.includes('\\') ? clean.split('\\').map((part) => part.trim()) : [clean.trim()];
}

/** An element's value bytes: a view into the parsed bytes (a copy only of a string `Value`). */
function elementBytes(dataSet: DataSet, view: Buffer, tag: string): Buffer {
  const element = dataSet.elements[tag]!;
  const value = (element as { Value?: unknown }).Value;
  if (typeof value === 'string') return Buffer.from(value, 'latin1');
  return view.subarray(element.dataOffset, element.dataOffset + element.length);
}

function asciiOf(dataSet: DataSet, view: Buffer, tag: string): string | null {
  if (!dataSet.elements[tag]) return null;
  const text = elementBytes(dataSet, view, tag).toString('latin1');
  return text.replace(/[\0 ]+$/, '').trim() || null;
}

function first<K extends AllowedKeyword>(values: AllowedValues, key: K): string | number | null {
  return values[key]?.[0] ?? null;
}
function text(values: AllowedValues, key: AllowedKeyword): string | null {
  const value = first(values, key);
  return value === null ? null : String(value) || null;
}
function num(values: AllowedValues, key: AllowedKeyword): number | null {
  const value = first(values, key);
  return typeof value === 'number' ? value : null;
}
function nums(values: AllowedValues, key: AllowedKeyword, count: number): number[] | null {
  const list = values[key];
  if (!list || list.length < count || list.some((v) => typeof v !== 'number')) return null;
  return (list as number[]).slice(0, count);
}

/**
 * A file's published attributes, one per row of domain/dicom-attributes.ts, each read as the
 * row's `value` says; the transfer syntax comes from the file meta information.
 */
function publishedValues(values: AllowedValues, transferSyntax: string): PublishedHeaderValues {
  const header: Record<string, unknown> = {};
  for (const attribute of PUBLISHED_ATTRIBUTES) {
    header[attribute.key] =
      'fromMeta' in attribute ? transferSyntax : publishedValue(values, attribute);
  }
  return header as PublishedHeaderValues;
}

function publishedValue(values: AllowedValues, attribute: PublishedAttribute) {
  const key = attribute.keyword;
  switch (attribute.value) {
    case 'text':
      return text(values, key);
    case 'texts':
      return values[key]?.map(String).filter(Boolean).join('\\') || null;
    case 'number':
    case 'int':
      return num(values, key);
    case 'pair':
      return nums(values, key, 2);
  }
}

/**
 * Classifies a parsed file and, for a CT image, returns its allow-listed header.
 * `fileSize` is the size of the (inflated, for deflated syntax) byte array the data set spans,
 * used to detect native pixel data cut short.
 */
export function classifyFile(parsed: ParsedFile, byteLength: number): HeaderOutcome {
  const { dataSet, transferSyntax } = parsed;
  const values = readAllowedValues(dataSet);
  const sopClass = text(values, 'SOPClassUID') ?? text(values, 'MediaStorageSOPClassUID');
  const modality = text(values, 'Modality');
  if (sopClass?.startsWith(SECONDARY_CAPTURE_PREFIX)) {
    return { problem: 'secondary-capture', detail: `SOPClassUID ${sopClass}` };
  }
  const isCt = sopClass ? sopClass === CT_IMAGE_STORAGE : modality === 'CT';
  if (!isCt) {
    const name = sopClass ? SOP_CLASS_NAMES[sopClass] : undefined;
    return {
      problem: 'not-ct',
      detail: sopClass
        ? `SOPClassUID ${sopClass}${name ? ` (${name})` : ''}, Modality ${modality ?? '(none)'}`
        : `Modality ${modality ?? '(none)'}`,
    };
  }
  const imageType = (values.ImageType ?? []).map((v) => String(v).toUpperCase());
  if (imageType.includes('LOCALIZER'))
    return { problem: 'localizer', detail: 'ImageType LOCALIZER' };

  const pixel = dataSet.elements[PIXEL_DATA];
  if (!pixel) {
    // Implicit VR parsing stops silently at the end of the bytes: an element running past the
    // end means the file was cut, not that it never had pixels.
    const cut = Object.values(dataSet.elements).some(
      (e) => !e.hadUndefinedLength && e.dataOffset + e.length > byteLength,
    );
    return cut
      ? { problem: 'truncated', detail: 'the data set ends inside an element' }
      : { problem: 'no-pixel-data', detail: 'no Pixel Data (7FE0,0010)' };
  }
  const rows = num(values, 'Rows');
  const columns = num(values, 'Columns');
  if (!rows || !columns) return { problem: 'unreadable', detail: 'Rows or Columns missing' };
  if (rows * columns > MAX_PIXELS) {
    return {
      problem: 'too-large',
      detail: `a ${columns}×${rows} image (limit ${Math.sqrt(MAX_PIXELS)}×${Math.sqrt(MAX_PIXELS)})`,
    };
  }
  const samplesPerPixel = num(values, 'SamplesPerPixel') ?? 1;
  const photometric = text(values, 'PhotometricInterpretation') ?? 'MONOCHROME2';
  if (samplesPerPixel !== 1 || !photometric.startsWith('MONOCHROME')) {
    return {
      problem: 'not-ct',
      detail: `PhotometricInterpretation ${photometric}, SamplesPerPixel ${samplesPerPixel}`,
    };
  }
  const bitsAllocated = num(values, 'BitsAllocated') ?? 16;
  const bitsStored = num(values, 'BitsStored') ?? bitsAllocated;
  if (![8, 16, 32].includes(bitsAllocated) || bitsStored < 1 || bitsStored > bitsAllocated) {
    return {
      problem: 'unreadable',
      detail: `BitsAllocated ${bitsAllocated}, BitsStored ${bitsStored}`,
    };
  }
  if (!isEncapsulated(transferSyntax)) {
    const expected = (rows * columns * bitsAllocated) / 8;
    const available = Math.min(pixel.length, byteLength - pixel.dataOffset);
    if (pixel.hadUndefinedLength || available < expected) {
      return {
        problem: 'truncated',
        detail: `Pixel Data has ${Math.max(0, available)} of ${expected} bytes`,
      };
    }
  }

  const sex = text(values, 'PatientSex')?.toUpperCase();
  // Rows and Columns, required by the table, were checked above.
  const header: ImageHeader = {
    ...publishedValues(values, transferSyntax),
    studyUid: text(values, 'StudyInstanceUID'),
    seriesUid: text(values, 'SeriesInstanceUID'),
    position: nums(values, 'ImagePositionPatient', 3) as ImageHeader['position'],
    orientation: nums(values, 'ImageOrientationPatient', 6) as ImageHeader['orientation'],
    instanceNumber: num(values, 'InstanceNumber'),
    samplesPerPixel,
    photometric,
    bitsAllocated,
    bitsStored,
    pixelRepresentation: num(values, 'PixelRepresentation') ?? 0,
    rescaleSlope: num(values, 'RescaleSlope') ?? 1,
    rescaleIntercept: num(values, 'RescaleIntercept') ?? 0,
    patientSex: sex === 'M' || sex === 'F' ? sex : null,
    patientAge: parseDicomAge(text(values, 'PatientAge')),
  };
  return { header };
}
