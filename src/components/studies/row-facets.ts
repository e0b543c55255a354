/**
 * A study's facet values (src/domain/facets.ts) as the data-* attributes of its index row, and
 * back: the page writes them at build time, the browser script reads them to filter without
 * the study data. Attribute names are the URL parameter names (`data-thickness`), plus
 * `data-findings` (space-separated ids) and `data-age` (empty when unknown).
 */
import {
  CATEGORICAL_FACETS,
  FACET_PARAMS,
  UNKNOWN,
  type CategoricalFacetId,
  type FacetValues,
} from '../../domain/facets.ts';
import { FINDING_IDS, type FindingId } from '../../domain/labels.ts';

/**
 * The data-* attributes of a row.
 * @example valuesToDataset(facetValues(study))['data-thickness'] // '5'
 */
export function valuesToDataset(values: FacetValues): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const facet of CATEGORICAL_FACETS) {
    attributes[`data-${FACET_PARAMS[facet]}`] = values.categorical[facet];
  }
  attributes['data-findings'] = values.findings.join(' ');
  attributes['data-age'] = values.age === null ? '' : String(values.age);
  return attributes;
}

const isFinding = (id: string): id is FindingId => (FINDING_IDS as readonly string[]).includes(id);

/** The inverse of `valuesToDataset`, from an element's `dataset`. */
export function valuesFromDataset(dataset: Record<string, string | undefined>): FacetValues {
  const categorical = Object.fromEntries(
    CATEGORICAL_FACETS.map((facet) => [facet, dataset[FACET_PARAMS[facet]] ?? UNKNOWN]),
  ) as Record<CategoricalFacetId, string>;
  const age = dataset['age'] ? Number(dataset['age']) : null;
  return {
    categorical,
    findings: (dataset['findings'] ?? '').split(' ').filter(isFinding),
    age: age !== null && Number.isFinite(age) ? age : null,
  };
}
