/**
 * The fixed values of the study record's registry fields (see field-table.ts): the labelled
 * findings, in the order the seed README lists them (their names are UI strings:
 * `finding.<id>` in src/i18n), and the sexes. No words here: this module is in the browser
 * bundles of every page.
 */
export const FINDING_IDS = [
  'epidural',
  'subarachnoid',
  'subdural',
  'intracerebral',
  'multiple',
  'fracture',
  'combined',
  'ventricular',
] as const;

export type FindingId = (typeof FINDING_IDS)[number];

export const SEXES = ['M', 'F'] as const;
export type Sex = (typeof SEXES)[number];

/**
 * "Not stated": the one spelling of a missing class or sex, as a filter's option value, a
 * statistics' count key and the last part of its i18n key.
 */
export const UNKNOWN = 'unknown';

/** A study's sex as counted and filtered: M, F or not stated. */
export const SEX_KEYS = [...SEXES, UNKNOWN] as const;
export type SexKey = (typeof SEX_KEYS)[number];
