/**
 * The filter model shared by the statistics explorer and the studies index: which facets
 * exist, whether a study matches a filter state, and the state as a URL query (so a filtered
 * view is a shareable link and back/forward work).
 *
 * Semantics: values within one facet are alternatives (OR); facets combine with AND; the
 * findings facet asks for every selected finding to be present (AND), so "subdural + fracture"
 * means studies with both. `UNKNOWN` selects studies whose value is not stated.
 */
import { FINDING_IDS, type FindingId } from './labels.ts';
import type { Study } from './schemas.ts';

/** The fields a facet reads (a full `Study` qualifies). */
export type FacetStudy = Pick<
  Study,
  'pathology' | 'findings' | 'age' | 'sex' | 'manufacturer' | 'kernel' | 'sliceThickness' | 'kvp'
>;

/** The option value that stands for "not stated" in every categorical facet. */
export const UNKNOWN = 'unknown';

/** Categorical facets: each option is a string value (or UNKNOWN). */
export const CATEGORICAL_FACETS = [
  'class',
  'sex',
  'manufacturer',
  'kernel',
  'sliceThickness',
  'kvp',
] as const;
export type CategoricalFacetId = (typeof CATEGORICAL_FACETS)[number];

export interface FacetState {
  class: string[];
  sex: string[];
  manufacturer: string[];
  kernel: string[];
  sliceThickness: string[];
  kvp: string[];
  /** Findings that must all be present. */
  findings: FindingId[];
  /** Inclusive age range in years; a study with no age fails any bound. */
  ageMin: number | null;
  ageMax: number | null;
}

/** URL query parameter of each part of the state. */
/**
 * URL query parameter of each part of the state: the same vocabulary as the studies index
 * (notes/readme-studies.md), so one link means one subset on both pages.
 */
export const FACET_PARAMS = {
  class: 'class',
  findings: 'finding',
  sex: 'sex',
  manufacturer: 'manufacturer',
  kernel: 'kernel',
  sliceThickness: 'thickness',
  kvp: 'kvp',
  ageMin: 'ageMin',
  ageMax: 'ageMax',
} as const satisfies Record<keyof FacetState, string>;

/** Class option values: with signs of hemorrhage, without. */
export const CLASS_VALUES = { with: 'pathology', without: 'normal' } as const;

/** The state that matches every study. */
export function emptyState(): FacetState {
  return {
    class: [],
    sex: [],
    manufacturer: [],
    kernel: [],
    sliceThickness: [],
    kvp: [],
    findings: [],
    ageMin: null,
    ageMax: null,
  };
}

/** Numbers as option values, as written in the JSON: `5`, `0.625`. */
function numberValue(value: number | null): string {
  return value === null ? UNKNOWN : String(value);
}

function textValue(value: string | null): string {
  const trimmed = value?.trim();
  return trimmed ? trimmed : UNKNOWN;
}

/**
 * The option value of a study for a categorical facet.
 * @example facetValue({ ...study, pathology: true }, 'class') // 'pathology'
 */
export function facetValue(study: FacetStudy, facet: CategoricalFacetId): string {
  switch (facet) {
    case 'class':
      return study.pathology === true
        ? CLASS_VALUES.with
        : study.pathology === false
          ? CLASS_VALUES.without
          : UNKNOWN;
    case 'sex':
      return study.sex ?? UNKNOWN;
    case 'manufacturer':
      return textValue(study.manufacturer);
    case 'kernel':
      return textValue(study.kernel);
    case 'sliceThickness':
      return numberValue(study.sliceThickness);
    case 'kvp':
      return numberValue(study.kvp);
  }
}

/** Whether a study passes every facet of the state. */
export function matches(study: FacetStudy, state: FacetState): boolean {
  for (const facet of CATEGORICAL_FACETS) {
    const selected = state[facet];
    if (selected.length > 0 && !selected.includes(facetValue(study, facet))) return false;
  }
  if (!state.findings.every((id) => study.findings[id] === true)) return false;
  if (state.ageMin !== null && (study.age === null || study.age < state.ageMin)) return false;
  if (state.ageMax !== null && (study.age === null || study.age > state.ageMax)) return false;
  return true;
}

/** True when the state filters nothing. */
export function isEmptyState(state: FacetState): boolean {
  return (
    CATEGORICAL_FACETS.every((f) => state[f].length === 0) &&
    state.findings.length === 0 &&
    state.ageMin === null &&
    state.ageMax === null
  );
}

export interface FacetOption {
  value: string;
  count: number;
}

/**
 * The options of a categorical facet with their counts among `studies`: numeric facets in
 * numeric order, text facets by count; UNKNOWN last, present only when some study has it.
 */
export function facetOptions(
  studies: readonly FacetStudy[],
  facet: CategoricalFacetId,
): FacetOption[] {
  const counts = new Map<string, number>();
  for (const study of studies) {
    const value = facetValue(study, facet);
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const numeric = facet === 'sliceThickness' || facet === 'kvp';
  const fixedOrder: Partial<Record<CategoricalFacetId, string[]>> = {
    class: [CLASS_VALUES.with, CLASS_VALUES.without],
    sex: ['M', 'F'],
  };
  const order = fixedOrder[facet];
  return [...counts.entries()]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => {
      if (a.value === UNKNOWN || b.value === UNKNOWN) return a.value === UNKNOWN ? 1 : -1;
      if (order) return order.indexOf(a.value) - order.indexOf(b.value);
      if (numeric) return Number(a.value) - Number(b.value);
      return b.count - a.count || a.value.localeCompare(b.value);
    });
}

function parseAge(raw: string | null): number | null {
  if (raw === null || raw.trim() === '') return null;
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}

/**
 * Reads a state from a URL query; unknown finding ids and unreadable ages are ignored.
 * @example stateFromParams(new URLSearchParams('finding=subdural&finding=fracture')).findings
 * // ['subdural', 'fracture']
 */
export function stateFromParams(params: URLSearchParams): FacetState {
  const state = emptyState();
  for (const facet of CATEGORICAL_FACETS) {
    state[facet] = [...new Set(params.getAll(FACET_PARAMS[facet]).filter((v) => v !== ''))];
  }
  const findings = new Set(params.getAll(FACET_PARAMS.findings));
  state.findings = FINDING_IDS.filter((id) => findings.has(id));
  state.ageMin = parseAge(params.get(FACET_PARAMS.ageMin));
  state.ageMax = parseAge(params.get(FACET_PARAMS.ageMax));
  return state;
}

/**
 * Writes a state as a URL query (empty parts omitted), in a stable order so equal states give
 * equal URLs.
 * @example stateToParams({ ...emptyState(), findings: ['subdural'] }).toString() // 'finding=subdural'
 */
export function stateToParams(state: FacetState): URLSearchParams {
  const params = new URLSearchParams();
  const append = (facet: CategoricalFacetId) => {
    for (const value of state[facet]) params.append(FACET_PARAMS[facet], value);
  };
  append('class');
  for (const id of FINDING_IDS) {
    if (state.findings.includes(id)) params.append(FACET_PARAMS.findings, id);
  }
  for (const facet of CATEGORICAL_FACETS) if (facet !== 'class') append(facet);
  if (state.ageMin !== null) params.set(FACET_PARAMS.ageMin, String(state.ageMin));
  if (state.ageMax !== null) params.set(FACET_PARAMS.ageMax, String(state.ageMax));
  return params;
}

export interface FacetCounts {
  /** For each categorical facet: studies per value, with every other facet applied. */
  categorical: Record<CategoricalFacetId, Map<string, number>>;
  /** For each finding: studies that would match with that finding also required. */
  findings: Record<FindingId, number>;
}

/**
 * How many studies each option would give (faceted-search counts): a value's count applies
 * every other facet but not its own, since values within a facet are alternatives; a
 * finding's count adds it to the selected findings, since findings combine with AND.
 */
export function facetCounts(studies: readonly FacetStudy[], state: FacetState): FacetCounts {
  const categorical = {} as FacetCounts['categorical'];
  for (const facet of CATEGORICAL_FACETS) {
    const others: FacetState = { ...state, [facet]: [] };
    const counts = new Map<string, number>();
    for (const study of studies) {
      if (!matches(study, others)) continue;
      const value = facetValue(study, facet);
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    categorical[facet] = counts;
  }
  const subset = studies.filter((s) => matches(s, state));
  const findings = Object.fromEntries(
    FINDING_IDS.map((id) => [id, subset.filter((s) => s.findings[id] === true).length]),
  ) as Record<FindingId, number>;
  return { categorical, findings };
}
