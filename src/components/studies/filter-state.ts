/**
 * The studies index filters: what a study offers to filter on (its facets), what the reader
 * selected (the filter state), the state's URL form, and the match between the two.
 *
 * Pure and shared by the page (build time, to write the rows' data-* attributes) and the
 * browser script (to read them back and filter). The URL parameter names are the explorer's
 * facets (documented in notes/readme-studies.md) so a filtered link means the same subset in
 * both places; when `src/domain/facets.ts` lands this module can delegate to it.
 */
import { FINDING_IDS, type FindingId } from '../../domain/labels.ts';
import type { Study } from '../../domain/schemas.ts';

/** The value a facet takes when the study does not state it (null in the data). */
export const UNKNOWN = 'unknown';

export const CLASS_VALUES = ['pathology', 'normal', UNKNOWN] as const;
export type ClassValue = (typeof CLASS_VALUES)[number];
export const SEX_VALUES = ['M', 'F', UNKNOWN] as const;
export type SexValue = (typeof SEX_VALUES)[number];

/** The facet values of one study, all strings except age, as the filters compare them. */
export interface StudyFacets {
  class: ClassValue;
  /** The findings marked present (true); absent and unknown findings are not listed. */
  findings: FindingId[];
  sex: SexValue;
  age: number | null;
  manufacturer: string;
  kernel: string;
  thickness: string;
  kvp: string;
}

/** The multi-valued facets with free values (taken from the data, not from a fixed list). */
export const VALUE_FACETS = ['manufacturer', 'kernel', 'thickness', 'kvp'] as const;
export type ValueFacet = (typeof VALUE_FACETS)[number];

export interface FilterState {
  /** Any of (OR). Empty: no restriction. */
  class: ClassValue[];
  /** All of (AND): the study has every one of these findings. */
  finding: FindingId[];
  sex: SexValue[];
  /** Inclusive bounds in years; a study of unknown age fails any bound. */
  ageMin: number | null;
  ageMax: number | null;
  manufacturer: string[];
  kernel: string[];
  thickness: string[];
  kvp: string[];
}

export const EMPTY_FILTER: FilterState = {
  class: [],
  finding: [],
  sex: [],
  ageMin: null,
  ageMax: null,
  manufacturer: [],
  kernel: [],
  thickness: [],
  kvp: [],
};

/**
 * A number as a facet value: the shortest exact decimal, or `unknown`.
 * @example numberValue(5) // '5'
 * @example numberValue(0.625) // '0.625'
 * @example numberValue(null) // 'unknown'
 */
export function numberValue(value: number | null): string {
  return value === null ? UNKNOWN : String(value);
}

/**
 * A text as a facet value: trimmed, or `unknown` when missing or blank.
 * @example textValue(' SIEMENS ') // 'SIEMENS'
 */
export function textValue(value: string | null): string {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? UNKNOWN : trimmed;
}

/** The facets of a study: the registry's own fields (the registry is the reference). */
export function studyFacets(study: Study): StudyFacets {
  return {
    class: study.pathology === null ? UNKNOWN : study.pathology ? 'pathology' : 'normal',
    findings: FINDING_IDS.filter((id) => study.findings[id] === true),
    sex: study.sex ?? UNKNOWN,
    age: study.age,
    manufacturer: textValue(study.manufacturer),
    kernel: textValue(study.kernel),
    thickness: numberValue(study.sliceThickness),
    kvp: numberValue(study.kvp),
  };
}

/** The data-* attributes a row carries so the browser can rebuild its facets. */
export function facetsToDataset(facets: StudyFacets): Record<string, string> {
  return {
    'data-class': facets.class,
    'data-findings': facets.findings.join(' '),
    'data-sex': facets.sex,
    'data-age': facets.age === null ? '' : String(facets.age),
    'data-manufacturer': facets.manufacturer,
    'data-kernel': facets.kernel,
    'data-thickness': facets.thickness,
    'data-kvp': facets.kvp,
  };
}

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/** The inverse of `facetsToDataset`, from an element's `dataset`. */
export function facetsFromDataset(dataset: Record<string, string | undefined>): StudyFacets {
  const cls = dataset['class'] ?? UNKNOWN;
  const sex = dataset['sex'] ?? UNKNOWN;
  const age = dataset['age'] ? Number(dataset['age']) : null;
  return {
    class: isOneOf(CLASS_VALUES, cls) ? cls : UNKNOWN,
    findings: (dataset['findings'] ?? '')
      .split(' ')
      .filter((id): id is FindingId => isOneOf(FINDING_IDS, id)),
    sex: isOneOf(SEX_VALUES, sex) ? sex : UNKNOWN,
    age: age !== null && Number.isFinite(age) ? age : null,
    manufacturer: dataset['manufacturer'] ?? UNKNOWN,
    kernel: dataset['kernel'] ?? UNKNOWN,
    thickness: dataset['thickness'] ?? UNKNOWN,
    kvp: dataset['kvp'] ?? UNKNOWN,
  };
}

function readNumber(params: URLSearchParams, name: string): number | null {
  const raw = params.get(name);
  if (raw === null || raw.trim() === '') return null;
  const value = Number(raw);
  return Number.isFinite(value) ? value : null;
}

const unique = <T>(values: T[]): T[] => [...new Set(values)];

/**
 * Reads the filter from a query string; unknown parameters and values are ignored, so an old
 * or hand-edited link never breaks the page.
 * @example parseFilterState(new URLSearchParams('finding=subdural&sex=F')).finding // ['subdural']
 */
export function parseFilterState(params: URLSearchParams): FilterState {
  const all = (name: string) => unique(params.getAll(name).filter((v) => v !== ''));
  return {
    class: all('class').filter((v): v is ClassValue => isOneOf(CLASS_VALUES, v)),
    finding: all('finding').filter((v): v is FindingId => isOneOf(FINDING_IDS, v)),
    sex: all('sex').filter((v): v is SexValue => isOneOf(SEX_VALUES, v)),
    ageMin: readNumber(params, 'ageMin'),
    ageMax: readNumber(params, 'ageMax'),
    manufacturer: all('manufacturer'),
    kernel: all('kernel'),
    thickness: all('thickness'),
    kvp: all('kvp'),
  };
}

/**
 * Writes the filter into `base` (a copy), replacing only the filter's own parameters so that
 * others (sort, view) survive.
 * @example filterStateToParams({ ...EMPTY_FILTER, sex: ['F'] }).toString() // 'sex=F'
 */
export function filterStateToParams(
  state: FilterState,
  base: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const name of ['class', 'finding', 'sex', ...VALUE_FACETS] as const) {
    params.delete(name);
    for (const value of state[name]) params.append(name, value);
  }
  for (const name of ['ageMin', 'ageMax'] as const) {
    params.delete(name);
    const value = state[name];
    if (value !== null) params.set(name, String(value));
  }
  return params;
}

/** True when nothing is selected (every study matches). */
export function isEmptyFilter(state: FilterState): boolean {
  return (
    state.ageMin === null &&
    state.ageMax === null &&
    (['class', 'finding', 'sex', ...VALUE_FACETS] as const).every((k) => state[k].length === 0)
  );
}

const anyOf = (selected: readonly string[], value: string) =>
  selected.length === 0 || selected.includes(value);

/**
 * Whether a study passes the filter: OR within a facet, AND across facets, and every selected
 * finding must be present.
 */
export function matches(facets: StudyFacets, state: FilterState): boolean {
  if (!anyOf(state.class, facets.class)) return false;
  if (!anyOf(state.sex, facets.sex)) return false;
  if (!state.finding.every((id) => facets.findings.includes(id))) return false;
  if (state.ageMin !== null && (facets.age === null || facets.age < state.ageMin)) return false;
  if (state.ageMax !== null && (facets.age === null || facets.age > state.ageMax)) return false;
  return VALUE_FACETS.every((name) => anyOf(state[name], facets[name]));
}
