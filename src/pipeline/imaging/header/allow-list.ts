/**
 * THE privacy allow-list of this stage (docs/imaging.md, "Privacy: one allow-list": an
 * allow-list, not a deny-list).
 * The header reader looks up exactly these tags and nothing else; every other attribute of a
 * file (names, IDs, dates, institution, descriptions, private tags, ...) is never decoded, so
 * it cannot reach the result, the cache, or an image.
 *
 * `public`: may be published on the site. `internal`: needed for grouping, geometry, pixel
 * decoding, or the registry cross-check; kept in the cache, never published by this stage
 * (UIDs are the dataset's anonymised identifiers, used as folder names by the dataset itself).
 *
 * The public rows are the published attributes' table, domain/dicom-attributes.ts: only what
 * it lists may be published; the internal rows are listed here.
 */
import { PUBLISHED_ATTRIBUTES } from '../../../domain/dicom-attributes.ts';

export type AttributeKind = 'text' | 'uid' | 'number' | 'uint16';
export type AttributeScope = 'public' | 'internal';

export interface AllowedAttribute {
  /** dicom-parser tag key, `xGGGGEEEE`, lower case. */
  tag: string;
  keyword: string;
  kind: AttributeKind;
  scope: AttributeScope;
}

/** The published attributes (domain/dicom-attributes.ts) as allow-list rows. */
const PUBLIC_ATTRIBUTES = PUBLISHED_ATTRIBUTES.map(({ tag, keyword, encoding }) => ({
  tag,
  keyword,
  kind: encoding,
  scope: 'public' as const,
}));

const INTERNAL_ATTRIBUTES = [
  // Internal: decoding text, classifying the file, grouping, geometry, pixels.
  { tag: 'x00020002', keyword: 'MediaStorageSOPClassUID', kind: 'uid', scope: 'internal' },
  { tag: 'x00080005', keyword: 'SpecificCharacterSet', kind: 'text', scope: 'internal' },
  { tag: 'x00080008', keyword: 'ImageType', kind: 'text', scope: 'internal' },
  { tag: 'x00080016', keyword: 'SOPClassUID', kind: 'uid', scope: 'internal' },
  { tag: 'x0020000d', keyword: 'StudyInstanceUID', kind: 'uid', scope: 'internal' },
  { tag: 'x0020000e', keyword: 'SeriesInstanceUID', kind: 'uid', scope: 'internal' },
  { tag: 'x00200013', keyword: 'InstanceNumber', kind: 'number', scope: 'internal' },
  { tag: 'x00200032', keyword: 'ImagePositionPatient', kind: 'number', scope: 'internal' },
  { tag: 'x00200037', keyword: 'ImageOrientationPatient', kind: 'number', scope: 'internal' },
  { tag: 'x00280002', keyword: 'SamplesPerPixel', kind: 'uint16', scope: 'internal' },
  { tag: 'x00280004', keyword: 'PhotometricInterpretation', kind: 'text', scope: 'internal' },
  { tag: 'x00280008', keyword: 'NumberOfFrames', kind: 'number', scope: 'internal' },
  { tag: 'x00280100', keyword: 'BitsAllocated', kind: 'uint16', scope: 'internal' },
  { tag: 'x00280101', keyword: 'BitsStored', kind: 'uint16', scope: 'internal' },
  { tag: 'x00280103', keyword: 'PixelRepresentation', kind: 'uint16', scope: 'internal' },
  { tag: 'x00281052', keyword: 'RescaleIntercept', kind: 'number', scope: 'internal' },
  { tag: 'x00281053', keyword: 'RescaleSlope', kind: 'number', scope: 'internal' },
  // Internal, for the registry cross-check only (the registry's values are what is published).
  { tag: 'x00100040', keyword: 'PatientSex', kind: 'text', scope: 'internal' },
  { tag: 'x00101010', keyword: 'PatientAge', kind: 'text', scope: 'internal' },
] as const satisfies readonly AllowedAttribute[];

/** Every attribute the header reader may look up: the published ones, then the internal ones. */
export const ALLOWED_ATTRIBUTES = [
  ...PUBLIC_ATTRIBUTES,
  ...INTERNAL_ATTRIBUTES,
] satisfies readonly AllowedAttribute[];

export type AllowedKeyword = (typeof ALLOWED_ATTRIBUTES)[number]['keyword'];

/** Values read from one file: only allow-listed keywords, each as a list of values. */
export type AllowedValues = Partial<Record<AllowedKeyword, (string | number)[]>>;
