/**
 * How each registry field is read: the normaliser of its value kind (src/domain/field-table.ts),
 * and what a reader should be told it expected when a value cannot be read.
 */
import {
  FIELD,
  FIELDS,
  type FieldId,
  type RegistryValues,
  type ValueKind,
} from '../../domain/field-table.ts';
import {
  parseAge,
  parseBoolean,
  parseNumber,
  parseSex,
  parseText,
  type Parsed,
  type Plain,
} from './normalize.ts';

export type { RegistryValues };

const PARSERS: Record<ValueKind, (value: Plain) => Parsed<unknown>> = {
  text: parseText,
  boolean: parseBoolean,
  number: parseNumber,
  age: parseAge,
  sex: parseSex,
};

/** What was expected, for the "cannot read" finding. */
export const EXPECTED: Record<ValueKind, { ru: string; en: string }> = {
  text: { ru: 'текст', en: 'text' },
  boolean: { ru: 'да/нет, 1/0, +/−', en: 'yes/no, 1/0, +/−' },
  number: { ru: 'число', en: 'a number' },
  age: { ru: 'возраст в годах, например 57 или 057Y', en: 'age in years, e.g. 57 or 057Y' },
  sex: { ru: 'М/Ж или M/F', en: 'M/F or М/Ж' },
};

/** Reads one cell for a field. */
export function parseField(id: FieldId, value: Plain): Parsed<unknown> {
  return PARSERS[FIELD[id].kind](value);
}

/** A row with every field empty (the starting point before cells are read). */
export function emptyValues(): RegistryValues {
  return Object.fromEntries(FIELDS.map((f) => [f.id, null])) as unknown as RegistryValues;
}
