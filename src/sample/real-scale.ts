/**
 * The real-scale layout (`--matrix 256|512`): per study a thick series (5 mm, soft kernel) and a
 * thin one (0.625-1.25 mm, bone or soft kernel), both covering the head from below the foramen
 * magnum to the vertex with slices one thickness apart, so slice counts follow from the
 * thickness (about 30-33 and 125-260) as in the real dataset. Each series gets a transfer syntax
 * from REAL_SCALE_SYNTAX_MIX. Drawn from its own random stream, so the rest of the plan (labels,
 * demographics, protocols) is the same as in the small layout.
 */
import { createRng } from './rng.ts';
import { seriesDescription, type ScannerModel } from './scanners.ts';
import { REAL_SCALE_SYNTAX_MIX } from './syntaxes.ts';
import type { KernelKind, SeriesPlan } from './types.ts';
import { deterministicUid } from './uid.ts';

export interface RealScaleInput {
  seed: number;
  studyIndex: number;
  scanner: ScannerModel;
  protocol: { kvp: number; tubeCurrent: number };
  matrix: 256 | 512;
}

/** Thick slices of the real-scale layout, mm. */
export const THICK_MM = 5;
/** Thin slices are at most this thick, mm (the scanner's thinner options are used). */
const MAX_THIN_MM = 1.25;

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

export function realScaleSeries(input: RealScaleInput): SeriesPlan[] {
  const { seed, studyIndex, scanner, protocol, matrix } = input;
  const rng = createRng(seed, 'real-scale', studyIndex);
  // Head-centred z: the foramen magnum is about 65 mm below the centre, the vertex 85 above.
  const zMin = round(rng.range(-78, -70), 1);
  const zMax = round(rng.range(76, 80), 1);
  const fov = rng.pick([220, 230, 240, 250]);
  const thinOptions = scanner.thinSlices.filter((mm) => mm <= MAX_THIN_MM);
  const thinMm = rng.pick(thinOptions.length > 0 ? thinOptions : [1]);
  const thinKernel: KernelKind = rng.chance(0.6) ? 'bone' : 'soft';
  const kinds = [
    { kernelKind: 'soft' as KernelKind, thickness: THICK_MM },
    { kernelKind: thinKernel, thickness: thinMm },
  ];
  return kinds.map((kind, s) => {
    const kernel = rng.pick(kind.kernelKind === 'bone' ? scanner.boneKernels : scanner.softKernels);
    const slices = Math.floor((zMax - zMin) / kind.thickness) + 1;
    const spacing = kind.thickness;
    const bottomUp = Array.from({ length: slices }, (_, k) => round(zMin + k * spacing, 3));
    const sliceZ = scanner.numbersFromTop ? bottomUp.reverse() : bottomUp;
    return {
      uid: deterministicUid(seed, 'series', studyIndex, s),
      number: s + 2,
      manufacturer: scanner.manufacturer,
      model: scanner.model,
      kernel,
      kernelKind: kind.kernelKind,
      kvp: protocol.kvp,
      tubeCurrent: protocol.tubeCurrent,
      exposure: Math.round(protocol.tubeCurrent * scanner.rotationTime),
      exposureTime: Math.round(scanner.rotationTime * 1000),
      sliceThickness: kind.thickness,
      spacing,
      rows: matrix,
      columns: matrix,
      pixelSpacing: fov / matrix,
      bitsStored: scanner.bitsStored,
      sliceZ,
      instanceUids: sliceZ.map((_, k) => deterministicUid(seed, 'instance', studyIndex, s, k)),
      description: seriesDescription(kind.thickness, kernel),
      transferSyntax: rng.weighted(REAL_SCALE_SYNTAX_MIX),
    };
  });
}
