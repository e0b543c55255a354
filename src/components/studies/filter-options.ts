/**
 * The choices each index filter offers, taken from the studies themselves (only values that
 * occur), with how many studies carry each value.
 */
import { FINDING_IDS, type FindingId } from '../../domain/labels.ts';
import {
  CLASS_VALUES,
  SEX_VALUES,
  UNKNOWN,
  VALUE_FACETS,
  type ClassValue,
  type SexValue,
  type StudyFacets,
  type ValueFacet,
} from './filter-state.ts';

export interface Option<T extends string = string> {
  value: T;
  count: number;
}

export interface FilterOptions {
  class: Option<ClassValue>[];
  finding: Option<FindingId>[];
  sex: Option<SexValue>[];
  age: { min: number; max: number } | null;
  values: Record<ValueFacet, Option[]>;
}

/** Facets whose values are numbers (sorted numerically, shown in the locale's notation). */
export const NUMERIC_FACETS: readonly ValueFacet[] = ['thickness', 'kvp'];

function countBy<T extends string>(values: T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** Known values first in their fixed order, then the rest sorted; `unknown` always last. */
function ordered<T extends string>(counts: Map<T, number>, numeric: boolean): Option<T>[] {
  const known = [...counts.keys()].filter((v) => v !== UNKNOWN);
  known.sort((a, b) => (numeric ? Number(a) - Number(b) : a.localeCompare(b)));
  const values = counts.has(UNKNOWN as T) ? [...known, UNKNOWN as T] : known;
  return values.map((value) => ({ value, count: counts.get(value)! }));
}

/**
 * @example filterOptions([]).class // []
 */
export function filterOptions(facets: readonly StudyFacets[]): FilterOptions {
  const classes = countBy(facets.map((f) => f.class));
  const sexes = countBy(facets.map((f) => f.sex));
  const ages = facets.flatMap((f) => (f.age === null ? [] : [f.age]));
  return {
    class: CLASS_VALUES.filter((v) => classes.has(v)).map((value) => ({
      value,
      count: classes.get(value)!,
    })),
    finding: FINDING_IDS.map((value) => ({
      value,
      count: facets.filter((f) => f.findings.includes(value)).length,
    })),
    sex: SEX_VALUES.filter((v) => sexes.has(v)).map((value) => ({
      value,
      count: sexes.get(value)!,
    })),
    age: ages.length ? { min: Math.min(...ages), max: Math.max(...ages) } : null,
    values: Object.fromEntries(
      VALUE_FACETS.map((name) => [
        name,
        ordered(countBy(facets.map((f) => f[name])), NUMERIC_FACETS.includes(name)),
      ]),
    ) as Record<ValueFacet, Option[]>,
  };
}
