/**
 * The choices each index filter offers, taken from the studies themselves (only values that
 * occur), with how many studies carry each value: the shared facet options
 * (src/domain/facets.ts) plus every finding and the age range.
 */
import {
  CATEGORICAL_FACETS,
  facetOptions,
  type CategoricalFacetId,
  type FacetOption,
  type FacetStudy,
} from '../../domain/facets.ts';
import { FINDING_IDS, type FindingId } from '../../domain/field-values.ts';

export interface FilterOptions {
  categorical: Record<CategoricalFacetId, FacetOption[]>;
  /** Every finding, with how many studies have it marked present. */
  findings: { value: FindingId; count: number }[];
  age: { min: number; max: number } | null;
}

/**
 * @example filterOptions([]).categorical.pathology // []
 */
export function filterOptions(studies: readonly FacetStudy[]): FilterOptions {
  const ages = studies.flatMap((s) => (s.age === null ? [] : [s.age]));
  return {
    categorical: Object.fromEntries(
      CATEGORICAL_FACETS.map((facet) => [facet, facetOptions(studies, facet)]),
    ) as Record<CategoricalFacetId, FacetOption[]>,
    findings: FINDING_IDS.map((value) => ({
      value,
      count: studies.filter((s) => s.findings[value] === true).length,
    })),
    age: ages.length ? { min: Math.min(...ages), max: Math.max(...ages) } : null,
  };
}
