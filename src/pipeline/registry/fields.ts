/**
 * How each canonical registry field is read: which normaliser, and what a reader should be
 * told it expected when a value cannot be read.
 */
import type { RegistryFieldId } from '../../domain/registry-columns.ts';
import {
  parseAge,
  parseBoolean,
  parseNumber,
  parseSex,
  parseText,
  type Parsed,
  type Plain,
} from './normalize.ts';

/** The typed, normalised values of one registry row. */
export interface RegistryValues {
  study_uid: string | null;
  path: string | null;
  pathology: boolean | null;
  epidural: boolean | null;
  subarachnoid: boolean | null;
  subdural: boolean | null;
  intracerebral: boolean | null;
  multiple: boolean | null;
  fracture: boolean | null;
  combined: boolean | null;
  ventricular: boolean | null;
  conclusion: string | null;
  age: number | null;
  sex: 'M' | 'F' | null;
  slice_thickness: number | null;
  kvp: number | null;
  tube_current: number | null;
  kernel: string | null;
  manufacturer: string | null;
}

type Kind = 'text' | 'boolean' | 'number' | 'age' | 'sex';

export const FIELD_KINDS: Record<RegistryFieldId, Kind> = {
  study_uid: 'text',
  path: 'text',
  pathology: 'boolean',
  epidural: 'boolean',
  subarachnoid: 'boolean',
  subdural: 'boolean',
  intracerebral: 'boolean',
  multiple: 'boolean',
  fracture: 'boolean',
  combined: 'boolean',
  ventricular: 'boolean',
  conclusion: 'text',
  age: 'age',
  sex: 'sex',
  slice_thickness: 'number',
  kvp: 'number',
  tube_current: 'number',
  kernel: 'text',
  manufacturer: 'text',
};

const PARSERS: Record<Kind, (value: Plain) => Parsed<unknown>> = {
  text: parseText,
  boolean: parseBoolean,
  number: parseNumber,
  age: parseAge,
  sex: parseSex,
};

/** What was expected, for the "cannot read" finding. */
export const EXPECTED: Record<Kind, { ru: string; en: string }> = {
  text: { ru: 'текст', en: 'text' },
  boolean: { ru: 'да/нет, 1/0, +/−', en: 'yes/no, 1/0, +/−' },
  number: { ru: 'число', en: 'a number' },
  age: { ru: 'возраст в годах, например 57 или 057Y', en: 'age in years, e.g. 57 or 057Y' },
  sex: { ru: 'М/Ж или M/F', en: 'M/F or М/Ж' },
};

/** Reads one cell for a field. */
export function parseField(id: RegistryFieldId, value: Plain): Parsed<unknown> {
  return PARSERS[FIELD_KINDS[id]](value);
}

/** A row with every field empty (the starting point before cells are read). */
export function emptyValues(): RegistryValues {
  return Object.fromEntries(
    Object.keys(FIELD_KINDS).map((id) => [id, null]),
  ) as unknown as RegistryValues;
}
