/**
 * The sample's plan: labels, demographics, conclusions, scanners and protocols of every study,
 * and its registry rows. Pure and cheap (no pixels), so tests can check the 800-study overview
 * in milliseconds and workers can draw any study from its plan alone.
 */
import { FIELDS, type FieldId } from '../domain/field-table.ts';
import { composeConclusion } from './conclusion.ts';
import { demographicTargets, sampleAges, sampleClasses, sampleSexes } from './demographics.ts';
import { noFindings, planLesions } from './lesions.ts';
import { createRng, type Rng } from './rng.ts';
import { KVP_MIX, SCANNERS, seriesDescription, type ScannerModel } from './scanners.ts';
import type { HeadShape, KernelKind, SamplePlan, SeriesPlan, StudyPlan } from './types.ts';
import { deterministicUid } from './uid.ts';
import { realScaleSeries } from './real-scale.ts';
import { NATIVE_SYNTAX } from './syntaxes.ts';
import { sampleValue, type RegistryValue } from './registry-values.ts';

/** Image matrix of every series (rows = columns) of the default, small sample. */
export const MATRIX = 128;
/** Matrices `--matrix` accepts: 128 is the small default layout, 256 and 512 the real-scale one. */
export const MATRICES = [128, 256, 512] as const;
export type Matrix = (typeof MATRICES)[number];
/** Slices of a thick (primary) series and of a thin series. */
export const SLICES_THICK = 12;
export const SLICES_THIN = 16;

/** First and last day of acquisition named by the README (05.05.2020-08.01.2023). */
const FIRST_DAY = Date.UTC(2020, 4, 5);
const LAST_DAY = Date.UTC(2023, 0, 8);

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function studyDateTime(rng: Rng): { date: string; time: string } {
  const days = Math.round((LAST_DAY - FIRST_DAY) / 86_400_000);
  const day = new Date(FIRST_DAY + rng.int(0, days) * 86_400_000);
  const date = `${day.getUTCFullYear()}${pad(day.getUTCMonth() + 1, 2)}${pad(day.getUTCDate(), 2)}`;
  const time = `${pad(rng.int(0, 23), 2)}${pad(rng.int(0, 59), 2)}${pad(rng.int(0, 59), 2)}`;
  return { date, time };
}

function planHead(age: number, rng: Rng): HeadShape {
  const sulci: number[] = [];
  for (let angle = rng.range(0, 0.2); angle < Math.PI * 2 - 0.1; angle += rng.range(0.17, 0.26)) {
    sulci.push(angle);
  }
  const ageing = Math.max(0, (age - 19) / 81); // 0 at 19 years, 1 at 100
  return {
    semiAxisX: rng.range(66, 74),
    semiAxisY: rng.range(84, 94),
    skullThickness: rng.range(5.5, 7.5),
    scalpThickness: rng.range(3.5, 6),
    csfSpace: 0.8 + 2.4 * ageing + rng.range(0, 0.5),
    ventricleScale: 0.8 + 0.8 * ageing + rng.range(-0.05, 0.1),
    offset: [rng.range(-5, 5), rng.range(-8, 8), rng.range(-190, -120)],
    shapePhase: rng.range(0, Math.PI * 2),
    sulci,
  };
}

const SERIES_KINDS: readonly { kernelKind: KernelKind; thin: boolean }[] = [
  { kernelKind: 'soft', thin: false },
  { kernelKind: 'bone', thin: true },
  { kernelKind: 'soft', thin: true },
];

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

function planSeries(
  seed: number,
  studyIndex: number,
  scanner: ScannerModel,
  protocol: { kvp: number; tubeCurrent: number },
  count: number,
  rng: Rng,
): SeriesPlan[] {
  const zMin = round(rng.range(-26, -22), 1);
  const zMax = round(rng.range(57, 63), 1);
  const fov = rng.pick([220, 230, 240, 250]);
  return SERIES_KINDS.slice(0, count).map((kind, s) => {
    const sliceThickness = kind.thin ? rng.pick(scanner.thinSlices) : rng.pick(scanner.thickSlices);
    const kernel = rng.pick(kind.kernelKind === 'bone' ? scanner.boneKernels : scanner.softKernels);
    const slices = kind.thin ? SLICES_THIN : SLICES_THICK;
    const spacing = round((zMax - zMin) / (slices - 1), 2);
    const bottomUp = Array.from({ length: slices }, (_, k) => round(zMin + k * spacing, 2));
    const sliceZ = scanner.numbersFromTop ? bottomUp.reverse() : bottomUp;
    const exposureTime = Math.round(scanner.rotationTime * 1000);
    return {
      uid: deterministicUid(seed, 'series', studyIndex, s),
      number: s + 2, // series 1 is conventionally the scout, which the dataset does not include
      manufacturer: scanner.manufacturer,
      model: scanner.model,
      kernel,
      kernelKind: kind.kernelKind,
      kvp: protocol.kvp,
      tubeCurrent: protocol.tubeCurrent,
      exposure: Math.round(protocol.tubeCurrent * scanner.rotationTime),
      exposureTime,
      sliceThickness,
      spacing,
      rows: MATRIX,
      columns: MATRIX,
      pixelSpacing: fov / MATRIX,
      bitsStored: scanner.bitsStored,
      sliceZ,
      instanceUids: sliceZ.map((_, k) => deterministicUid(seed, 'instance', studyIndex, s, k)),
      description: seriesDescription(sliceThickness, kernel),
      transferSyntax: NATIVE_SYNTAX,
    };
  });
}

export interface PlanOptions {
  studies: number;
  seed: number;
  /**
   * 128 (default): the small layout (12/16 slices a series, uncompressed). 256 or 512: the
   * real-scale layout of src/sample/real-scale.ts (thick + thin series covering the head, a
   * share of compressed transfer syntaxes). Labels, demographics and protocols are the same.
   */
  matrix?: Matrix | undefined;
}

/**
 * Plans a sample of `studies` studies from `seed`.
 * @example planSample({ studies: 800, seed: DEFAULT_SEED }).studies.length // 800
 */
export function planSample({ studies: n, seed, matrix = MATRIX }: PlanOptions): SamplePlan {
  if (!MATRICES.includes(matrix))
    throw new RangeError(`matrix must be one of ${MATRICES.join(', ')}`);
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`studies must be a positive integer: ${n}`);
  const targets = demographicTargets(n);
  const cohort = createRng(seed, 'cohort');
  const ages = sampleAges(n, targets, cohort);
  const sexes = sampleSexes(targets, cohort);
  const classes = sampleClasses(targets, cohort);
  const scannerMix = SCANNERS.map((scanner) => [scanner, scanner.weight] as const);

  const studies = Array.from({ length: n }, (_, i): StudyPlan => {
    const rng = createRng(seed, 'study', i);
    const age = ages[i]!;
    const pathology = classes[i]!;
    const { findings, lesions } = pathology
      ? planLesions(rng)
      : { findings: noFindings(), lesions: [] };
    const scanner = rng.weighted(scannerMix);
    const protocol = { kvp: rng.weighted(KVP_MIX), tubeCurrent: rng.int(15, 35) * 10 };
    const seriesCount = rng.weighted([
      [1, 35],
      [2, 45],
      [3, 20],
    ] as const);
    const { date, time } = studyDateTime(rng);
    return {
      index: i,
      uid: deterministicUid(seed, 'study', i),
      frameOfReferenceUid: deterministicUid(seed, 'frame-of-reference', i),
      patientCode: `HEM-SYN-${pad(i + 1, 4)}`,
      age,
      sex: sexes[i]!,
      pathology,
      findings,
      lesions,
      conclusion: composeConclusion(lesions, findings.multiple, age, rng),
      studyDate: date,
      studyTime: time,
      head: planHead(age, rng),
      series:
        matrix === MATRIX
          ? planSeries(seed, i, scanner, protocol, seriesCount, rng)
          : realScaleSeries({ seed, studyIndex: i, scanner, protocol, matrix }),
    };
  });
  return { seed, studies };
}

export type { RegistryValue };
export type RegistryRow = Record<FieldId, RegistryValue>;

/** The study's registry row: a value per field of the field table (registry-values.ts). */
export function registryRow(study: StudyPlan): RegistryRow {
  return Object.fromEntries(FIELDS.map((f) => [f.id, sampleValue(f.id, study)])) as RegistryRow;
}

/** Registry headers in the contract's order. */
export const REGISTRY_HEADERS = FIELDS.map((column) => column.header);
