/**
 * Sex, age and class for N studies, reproducing the README's declared overview exactly for
 * N = 800 (459 M / 338 F / 3 unknown; age 19 / 57 / 100; 400 / 400) and scaling it for other N.
 */
import { DECLARED_OVERVIEW } from '../domain/overview.ts';
import type { Rng } from './rng.ts';

export interface DemographicTargets {
  male: number;
  female: number;
  sexUnknown: number;
  withPathology: number;
  withoutPathology: number;
  ageMin: number;
  ageMedian: number;
  ageMax: number;
}

/**
 * The counts for `n` studies: the declared proportions, rounded. Any sample of 10 or more keeps
 * at least one study of unknown sex, so that small test samples exercise that case too.
 * @example demographicTargets(800).male // 459
 */
export function demographicTargets(n: number): DemographicTargets {
  const d = DECLARED_OVERVIEW;
  const scale = n / d.studies;
  const sexUnknown = Math.min(
    n,
    n >= 10 ? Math.max(1, Math.round(d.sexUnknown * scale)) : Math.round(d.sexUnknown * scale),
  );
  const male = Math.min(n - sexUnknown, Math.round(d.male * scale));
  const withPathology = Math.round(d.withPathology * scale);
  return {
    male,
    female: n - male - sexUnknown,
    sexUnknown,
    withPathology,
    withoutPathology: n - withPathology,
    ageMin: d.ageMin!,
    ageMedian: d.ageMedian!,
    ageMax: d.ageMax!,
  };
}

/** A normal-ish age, redrawn until it falls in [min, max]. */
function ageBetween(rng: Rng, min: number, max: number): number {
  for (let tries = 0; tries < 100; tries++) {
    const age = Math.round(rng.gaussian(58, 19));
    if (age >= min && age <= max) return age;
  }
  return rng.int(min, max);
}

/**
 * `n` ages whose minimum, median and maximum are exactly the targets (for n >= 3): the middle
 * value (or both middle values) is the median, the lower half is drawn below it and the upper
 * half above it, and the extremes are pinned.
 */
export function sampleAges(n: number, t: DemographicTargets, rng: Rng): number[] {
  if (n < 3) return Array.from({ length: n }, () => t.ageMedian);
  const ages: number[] = [];
  const lowerCount = Math.floor((n - 1) / 2); // values strictly before the middle
  const middleCount = n % 2 === 1 ? 1 : 2;
  const upperCount = n - lowerCount - middleCount;
  ages.push(t.ageMin);
  for (let i = 1; i < lowerCount; i++) ages.push(ageBetween(rng, t.ageMin, t.ageMedian));
  for (let i = 0; i < middleCount; i++) ages.push(t.ageMedian);
  for (let i = 1; i < upperCount; i++) ages.push(ageBetween(rng, t.ageMedian, t.ageMax));
  ages.push(t.ageMax);
  return rng.shuffle(ages);
}

/** Sex of each study, shuffled: M, F or null (not specified). */
export function sampleSexes(t: DemographicTargets, rng: Rng): ('M' | 'F' | null)[] {
  return rng.shuffle([
    ...Array<'M'>(t.male).fill('M'),
    ...Array<'F'>(t.female).fill('F'),
    ...Array<null>(t.sexUnknown).fill(null),
  ]);
}

/** Class of each study, shuffled. */
export function sampleClasses(t: DemographicTargets, rng: Rng): boolean[] {
  return rng.shuffle([
    ...Array<boolean>(t.withPathology).fill(true),
    ...Array<boolean>(t.withoutPathology).fill(false),
  ]);
}
