/**
 * The synthetic scanner park: manufacturers, models and their protocol options (kernels,
 * slice thicknesses, pixel depth). Plausible for Moscow hospitals' head CT, but invented:
 * nothing here is a statistic of the real dataset.
 */

export interface ScannerModel {
  /** Manufacturer (0008,0070) as such scanners write it. */
  manufacturer: string;
  /** ManufacturerModelName (0008,1090). */
  model: string;
  /** Relative frequency in the sample. */
  weight: number;
  /** BitsStored: Siemens writes 12-bit signed data; the others 16. */
  bitsStored: 12 | 16;
  /** Soft-tissue (brain) reconstruction kernels. */
  softKernels: readonly string[];
  /** Bone (high-resolution) kernels. */
  boneKernels: readonly string[];
  /** Thick axial reconstructions, mm. */
  thickSlices: readonly number[];
  /** Thin reconstructions, mm. */
  thinSlices: readonly number[];
  /** Gantry rotation time, s (Exposure = mA x rotation time). */
  rotationTime: number;
  /** InstanceNumber 1 at the vertex (true) or at the skull base (false). */
  numbersFromTop: boolean;
}

export const SCANNERS: readonly ScannerModel[] = [
  {
    manufacturer: 'SIEMENS',
    model: 'SOMATOM Definition AS',
    weight: 14,
    bitsStored: 12,
    softKernels: ['H30s', 'J30s', 'H31s'],
    boneKernels: ['H60s', 'J70h'],
    thickSlices: [5, 4, 3],
    thinSlices: [0.75, 1, 1.5],
    rotationTime: 1,
    numbersFromTop: false,
  },
  {
    manufacturer: 'SIEMENS',
    model: 'SOMATOM go.Up',
    weight: 9,
    bitsStored: 12,
    softKernels: ['Hr38', 'Hr40'],
    boneKernels: ['Hr64', 'Hr68'],
    thickSlices: [5, 3],
    thinSlices: [0.75, 1],
    rotationTime: 1,
    numbersFromTop: false,
  },
  {
    manufacturer: 'TOSHIBA',
    model: 'Aquilion 64',
    weight: 12,
    bitsStored: 16,
    softKernels: ['FC21', 'FC26'],
    boneKernels: ['FC30', 'FC64'],
    thickSlices: [5, 3, 2],
    thinSlices: [1],
    rotationTime: 0.75,
    numbersFromTop: false,
  },
  {
    manufacturer: 'Canon Medical Systems',
    model: 'Aquilion Lightning',
    weight: 8,
    bitsStored: 16,
    softKernels: ['FC21', 'FC26'],
    boneKernels: ['FC30'],
    thickSlices: [5, 3],
    thinSlices: [1],
    rotationTime: 0.75,
    numbersFromTop: false,
  },
  {
    manufacturer: 'GE MEDICAL SYSTEMS',
    model: 'Optima CT660',
    weight: 12,
    bitsStored: 16,
    softKernels: ['STANDARD', 'SOFT'],
    boneKernels: ['BONE', 'BONEPLUS'],
    thickSlices: [5, 2.5],
    thinSlices: [0.625, 1.25],
    rotationTime: 1,
    numbersFromTop: true,
  },
  {
    manufacturer: 'GE MEDICAL SYSTEMS',
    model: 'Revolution EVO',
    weight: 7,
    bitsStored: 16,
    softKernels: ['STANDARD'],
    boneKernels: ['BONE'],
    thickSlices: [5, 2.5],
    thinSlices: [0.625, 1.25],
    rotationTime: 0.8,
    numbersFromTop: true,
  },
  {
    manufacturer: 'Philips',
    model: 'Ingenuity CT',
    weight: 8,
    bitsStored: 16,
    softKernels: ['UB', 'UC'],
    boneKernels: ['YC', 'D'],
    thickSlices: [5, 3],
    thinSlices: [0.67, 0.9, 1],
    rotationTime: 0.75,
    numbersFromTop: false,
  },
  {
    manufacturer: 'Philips',
    model: 'Brilliance 64',
    weight: 5,
    bitsStored: 16,
    softKernels: ['UB'],
    boneKernels: ['YC'],
    thickSlices: [5, 3],
    thinSlices: [0.9, 1],
    rotationTime: 0.75,
    numbersFromTop: false,
  },
];

/** Tube voltage (kVp) and its frequency. */
export const KVP_MIX = [
  [120, 72],
  [100, 14],
  [140, 14],
] as const satisfies readonly (readonly [number, number])[];

/**
 * SeriesDescription of a reconstruction.
 * @example seriesDescription(0.625, 'BONE') // 'Head 0.625 BONE'
 */
export function seriesDescription(sliceThickness: number, kernel: string): string {
  return `Head ${sliceThickness.toFixed(sliceThickness < 1 ? 3 : 1)} ${kernel}`;
}
