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
 */

export type AttributeKind = 'text' | 'uid' | 'number' | 'uint16';
export type AttributeScope = 'public' | 'internal';

export interface AllowedAttribute {
  /** dicom-parser tag key, `xGGGGEEEE`, lower case. */
  tag: string;
  keyword: string;
  kind: AttributeKind;
  scope: AttributeScope;
}

export const ALLOWED_ATTRIBUTES = [
  // Published (README, docs/imaging.md): technical parameters of the acquisition.
  { tag: 'x00020010', keyword: 'TransferSyntaxUID', kind: 'uid', scope: 'public' },
  { tag: 'x00080060', keyword: 'Modality', kind: 'text', scope: 'public' },
  { tag: 'x00080070', keyword: 'Manufacturer', kind: 'text', scope: 'public' },
  { tag: 'x00081090', keyword: 'ManufacturerModelName', kind: 'text', scope: 'public' },
  { tag: 'x00180050', keyword: 'SliceThickness', kind: 'number', scope: 'public' },
  { tag: 'x00180060', keyword: 'KVP', kind: 'number', scope: 'public' },
  { tag: 'x00181151', keyword: 'XRayTubeCurrent', kind: 'number', scope: 'public' },
  { tag: 'x00181152', keyword: 'Exposure', kind: 'number', scope: 'public' },
  { tag: 'x00181210', keyword: 'ConvolutionKernel', kind: 'text', scope: 'public' },
  { tag: 'x00280010', keyword: 'Rows', kind: 'uint16', scope: 'public' },
  { tag: 'x00280011', keyword: 'Columns', kind: 'uint16', scope: 'public' },
  { tag: 'x00280030', keyword: 'PixelSpacing', kind: 'number', scope: 'public' },
  { tag: 'x00180088', keyword: 'SpacingBetweenSlices', kind: 'number', scope: 'public' },
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

export type AllowedKeyword = (typeof ALLOWED_ATTRIBUTES)[number]['keyword'];

/** Values read from one file: only allow-listed keywords, each as a list of values. */
export type AllowedValues = Partial<Record<AllowedKeyword, (string | number)[]>>;
