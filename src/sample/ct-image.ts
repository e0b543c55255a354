/**
 * The data set of one CT Image Storage instance: every Type 1 and Type 2 attribute of the CT
 * Image IOD's modules (Patient, General Study, Patient Study, General Series, Frame of Reference,
 * General Equipment, General Image, Image Plane, Image Pixel, CT Image, VOI LUT, SOP Common),
 * plus the acquisition parameters the site shows. Identifying attributes hold synthetic codes
 * or nothing, as in an anonymised dataset; there is no birth date.
 */
import { writeDicomFile, type DicomElement } from './dicom-writer.ts';
import { encodePixelData } from './encode/index.ts';
import { NATIVE_SYNTAX } from './syntaxes.ts';
import type { SeriesPlan, StudyPlan } from './types.ts';
import { imageOrigin } from './geometry.ts';
import { deterministicUid } from './uid.ts';

export const CT_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.2';
export const IMPLEMENTATION_CLASS_UID = deterministicUid('implementation-class');
export const IMPLEMENTATION_VERSION = 'MOSMED_SAMPLE_1';

/**
 * DICOM Age String for an age in years.
 * @example ageString(57) // '057Y'
 */
export function ageString(years: number): string {
  return `${String(years).padStart(3, '0')}Y`;
}

/** Window presets written into each image (brain always; bone too for bone-kernel series). */
function windows(series: SeriesPlan) {
  return series.kernelKind === 'bone'
    ? { center: [600, 40], width: [2800, 80], explanation: ['BONE', 'BRAIN'] }
    : { center: [40, 75], width: [80, 200], explanation: ['BRAIN', 'SUBDURAL'] };
}

export interface InstanceInput {
  study: StudyPlan;
  series: SeriesPlan;
  /** 0-based index in InstanceNumber order. */
  slice: number;
  pixels: Int16Array;
}

/** The instance's data set, without the File Meta group. */
export function ctImageElements({ study, series, slice, pixels }: InstanceInput): DicomElement[] {
  const z = series.sliceZ[slice]!;
  const [originX, originY] = imageOrigin(series, study.head);
  const position = [originX, originY, study.head.offset[2] + z];
  const sopInstanceUid = series.instanceUids[slice]!;
  const win = windows(series);
  const highBit = series.bitsStored - 1;
  return [
    // SOP Common
    { tag: 0x00080005, vr: 'CS', value: 'ISO_IR 192' },
    { tag: 0x00080016, vr: 'UI', value: CT_IMAGE_STORAGE },
    { tag: 0x00080018, vr: 'UI', value: sopInstanceUid },
    // General Image / CT Image
    { tag: 0x00080008, vr: 'CS', value: ['ORIGINAL', 'PRIMARY', 'AXIAL'] },
    { tag: 0x00080023, vr: 'DA', value: study.studyDate },
    { tag: 0x00080033, vr: 'TM', value: study.studyTime },
    // General Study
    { tag: 0x00080020, vr: 'DA', value: study.studyDate },
    { tag: 0x00080030, vr: 'TM', value: study.studyTime },
    { tag: 0x00080050, vr: 'SH', value: '' },
    { tag: 0x00080090, vr: 'PN', value: '' },
    { tag: 0x00081030, vr: 'LO', value: 'CT HEAD' },
    { tag: 0x00200010, vr: 'SH', value: String(study.index + 1) },
    { tag: 0x0020000d, vr: 'UI', value: study.uid },
    // General Series
    { tag: 0x00080060, vr: 'CS', value: 'CT' },
    { tag: 0x0008103e, vr: 'LO', value: series.description },
    { tag: 0x0020000e, vr: 'UI', value: series.uid },
    { tag: 0x00200011, vr: 'IS', value: series.number },
    { tag: 0x00185100, vr: 'CS', value: 'HFS' },
    { tag: 0x00180015, vr: 'CS', value: 'HEAD' },
    // General Equipment
    { tag: 0x00080070, vr: 'LO', value: series.manufacturer },
    { tag: 0x00080080, vr: 'LO', value: 'SYNTHETIC SAMPLE HOSPITAL' },
    { tag: 0x00081090, vr: 'LO', value: series.model },
    // Patient (anonymised: a synthetic code, no birth date)
    { tag: 0x00100010, vr: 'PN', value: `SYNTHETIC^${study.patientCode}` },
    { tag: 0x00100020, vr: 'LO', value: study.patientCode },
    { tag: 0x00100030, vr: 'DA', value: '' },
    { tag: 0x00100040, vr: 'CS', value: study.sex ?? '' },
    // Patient Study
    { tag: 0x00101010, vr: 'AS', value: ageString(study.age) },
    // CT Image: acquisition
    { tag: 0x00180050, vr: 'DS', value: series.sliceThickness },
    { tag: 0x00180060, vr: 'DS', value: series.kvp },
    { tag: 0x00180088, vr: 'DS', value: series.spacing },
    { tag: 0x00181100, vr: 'DS', value: series.pixelSpacing * series.columns },
    { tag: 0x00181120, vr: 'DS', value: 0 },
    { tag: 0x00181140, vr: 'CS', value: 'CW' },
    { tag: 0x00181150, vr: 'IS', value: series.exposureTime },
    { tag: 0x00181151, vr: 'IS', value: series.tubeCurrent },
    { tag: 0x00181152, vr: 'IS', value: series.exposure },
    { tag: 0x00181210, vr: 'SH', value: series.kernel },
    { tag: 0x00200012, vr: 'IS', value: 1 },
    // General Image
    { tag: 0x00200013, vr: 'IS', value: slice + 1 },
    // Image Plane
    { tag: 0x00200032, vr: 'DS', value: position },
    { tag: 0x00200037, vr: 'DS', value: [1, 0, 0, 0, 1, 0] },
    { tag: 0x00201041, vr: 'DS', value: position[2]! },
    { tag: 0x00280030, vr: 'DS', value: [series.pixelSpacing, series.pixelSpacing] },
    // Frame of Reference
    { tag: 0x00200052, vr: 'UI', value: study.frameOfReferenceUid },
    { tag: 0x00201040, vr: 'LO', value: '' },
    // Image Pixel
    { tag: 0x00280002, vr: 'US', value: 1 },
    { tag: 0x00280004, vr: 'CS', value: 'MONOCHROME2' },
    { tag: 0x00280010, vr: 'US', value: series.rows },
    { tag: 0x00280011, vr: 'US', value: series.columns },
    { tag: 0x00280100, vr: 'US', value: 16 },
    { tag: 0x00280101, vr: 'US', value: series.bitsStored },
    { tag: 0x00280102, vr: 'US', value: highBit },
    { tag: 0x00280103, vr: 'US', value: 1 },
    // VOI LUT
    { tag: 0x00281050, vr: 'DS', value: win.center },
    { tag: 0x00281051, vr: 'DS', value: win.width },
    { tag: 0x00281055, vr: 'LO', value: win.explanation },
    // CT Image: rescale
    { tag: 0x00281052, vr: 'DS', value: -1024 },
    { tag: 0x00281053, vr: 'DS', value: 1 },
    { tag: 0x00281054, vr: 'LO', value: 'HU' },
    ...(series.transferSyntax === NATIVE_SYNTAX
      ? []
      : // Lossless compression: the images were never lossy compressed (General Image module).
        [{ tag: 0x00282110, vr: 'CS', value: '00' } as const]),
    {
      tag: 0x7fe00010,
      vr: series.transferSyntax === NATIVE_SYNTAX ? 'OW' : 'OB',
      value: encodePixelData(series.transferSyntax, pixels, series.rows, series.columns),
    },
  ];
}

/** The instance as a DICOM Part 10 file. */
export function ctImageFile(input: InstanceInput): Uint8Array {
  return writeDicomFile(
    {
      sopClassUid: CT_IMAGE_STORAGE,
      sopInstanceUid: input.series.instanceUids[input.slice]!,
      implementationClassUid: IMPLEMENTATION_CLASS_UID,
      implementationVersionName: IMPLEMENTATION_VERSION,
      transferSyntaxUid: input.series.transferSyntax,
    },
    ctImageElements(input),
  );
}
