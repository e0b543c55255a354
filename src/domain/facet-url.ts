/**
 * The filter state as a URL query, so that a filtered view is a shareable link and back/forward
 * work; the form controls of the explorer and the studies index are named and valued the same
 * way. Keys and values come from the field table (`facet`), so links stay as they were
 * published: `class=pathology`, `finding=subdural`, `thickness=5`...
 */
import { FIELD, FINDING_FIELDS, type FacetSpec } from './field-table.ts';
import {
  CATEGORICAL_FACETS,
  CLOSED_VALUES,
  emptyState,
  type CategoricalFacetId,
  type FacetCounts,
  type FacetState,
} from './facets.ts';
import { FINDING_IDS, type FindingId } from './field-values.ts';

const anyOf = (facet: CategoricalFacetId) =>
  FIELD[facet].facet as Extract<FacetSpec, { kind: 'anyOf' }>;

/**
 * URL query parameter of each part of the state, from the field table: the studies index and
 * the explorer share it (docs/studies.md), so one link means one subset on both pages.
 */
export const FACET_PARAMS: Readonly<Record<keyof FacetState, string>> = {
  ...(Object.fromEntries(CATEGORICAL_FACETS.map((f) => [f, anyOf(f).param])) as Record<
    CategoricalFacetId,
    string
  >),
  findings: FINDING_FIELDS[0]!.facet.param,
  ageMin: FIELD.age.facet.min,
  ageMax: FIELD.age.facet.max,
  // A list of study handles, comma-separated (`study=12,15,300`): the "Your copy" page links
  // the explorer and the studies index to the studies a copy holds. No registry field.
  studies: 'study',
};

/**
 * A facet value as the URL and the form controls write it (the field table's `urlValues`).
 * @example urlValue('pathology', 'with') // 'pathology'
 * @example urlValue('sex', 'F') // 'F'
 */
export function urlValue(facet: CategoricalFacetId, value: string): string {
  return anyOf(facet).urlValues?.[value] ?? value;
}

/**
 * The facet value a URL value stands for; null for a value the URL spells otherwise (the
 * class's own `with` is no URL value: links say `pathology`).
 * @example valueFromUrl('pathology', 'normal') // 'without'
 * @example valueFromUrl('pathology', 'with') // null
 */
export function valueFromUrl(facet: CategoricalFacetId, raw: string): string | null {
  const urlValues = anyOf(facet).urlValues;
  if (!urlValues) return raw;
  const value = Object.keys(urlValues).find((v) => urlValues[v] === raw);
  return value ?? (Object.hasOwn(urlValues, raw) ? null : raw);
}

function parseAge(raw: string | null): number | null {
  if (raw === null || raw.trim() === '') return null;
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}

/**
 * Reads a state from a URL query; unknown finding, class and sex values, and unreadable ages
 * are ignored; parameters that are not facets (sort, view) are left alone.
 * @example stateFromParams(new URLSearchParams('finding=subdural&finding=fracture')).findings
 * // ['subdural', 'fracture']
 */
export function stateFromParams(params: URLSearchParams): FacetState {
  const state = emptyState();
  for (const facet of CATEGORICAL_FACETS) {
    const closed = CLOSED_VALUES[facet];
    const values = params
      .getAll(FACET_PARAMS[facet])
      .map((v) => valueFromUrl(facet, v))
      .filter((v): v is string => !!v && (!closed || closed.includes(v)));
    state[facet] = [...new Set(values)];
  }
  const findings = new Set(params.getAll(FACET_PARAMS.findings));
  state.findings = FINDING_IDS.filter((id) => findings.has(id));
  state.ageMin = parseAge(params.get(FACET_PARAMS.ageMin));
  state.ageMax = parseAge(params.get(FACET_PARAMS.ageMax));
  const handles = params.getAll(FACET_PARAMS.studies).flatMap((v) => v.split(','));
  state.studies = [...new Set(handles.map((h) => h.trim()).filter(Boolean))];
  return state;
}

/**
 * Writes a state as a URL query (empty parts omitted), in a stable order so equal states give
 * equal URLs. With `base`, the result is a copy of it whose facet parameters are replaced by
 * the state's, so other parameters (sort, view) survive.
 * @example stateToParams({ ...emptyState(), findings: ['subdural'] }).toString() // 'finding=subdural'
 * @example stateToParams(emptyState(), new URLSearchParams('sex=F&view=grid')).toString() // 'view=grid'
 */
export function stateToParams(
  state: FacetState,
  base: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const name of Object.values(FACET_PARAMS)) params.delete(name);
  const append = (facet: CategoricalFacetId) => {
    for (const value of state[facet]) params.append(FACET_PARAMS[facet], urlValue(facet, value));
  };
  // The class first, then the findings, then the other facets: the order links always had.
  append('pathology');
  for (const id of FINDING_IDS) {
    if (state.findings.includes(id)) params.append(FACET_PARAMS.findings, id);
  }
  for (const facet of CATEGORICAL_FACETS) if (facet !== 'pathology') append(facet);
  if (state.ageMin !== null) params.set(FACET_PARAMS.ageMin, String(state.ageMin));
  if (state.ageMax !== null) params.set(FACET_PARAMS.ageMax, String(state.ageMax));
  if (state.studies.length > 0) params.set(FACET_PARAMS.studies, state.studies.join(','));
  return params;
}

/**
 * The count to show beside a form control's option (controls are named like the URL
 * parameters and valued like the URL values); null for a control that is not a facet option.
 * @example optionCount(counts, 'class', 'pathology') // counts.categorical.pathology.get('with')
 */
export function optionCount(counts: FacetCounts, name: string, value: string): number | null {
  if (name === FACET_PARAMS.findings) return counts.findings[value as FindingId] ?? 0;
  const facet = CATEGORICAL_FACETS.find((f) => FACET_PARAMS[f] === name);
  if (facet === undefined) return null;
  const own = valueFromUrl(facet, value);
  return own === null ? 0 : (counts.categorical[facet].get(own) ?? 0);
}
