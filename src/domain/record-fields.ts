/**
 * The study record's registry fields, from the field table (field-table.ts): which fields the
 * record holds at its top level, in which order, and the helper that keeps the site's lists in
 * the order they have always had while a new field joins at their end.
 */
import { FIELD, FIELDS, type Field } from './field-table.ts';

/** A field the study record holds at its top level, under its id: no identifier, no finding. */
export type RecordField = Exclude<Field, { role: 'id' | 'finding' }>;
export type RecordFieldId = RecordField['id'];

const isRecordField = (f: Field): f is RecordField => f.role !== 'id' && f.role !== 'finding';

/**
 * `ids`, those that `order` names first and in its order, then the others in theirs: a list
 * keeps the order the site has always shown while a new field joins at its end.
 * @example inOrder(['a', 'b', 'c'], ['c', 'a']) // ['c', 'a', 'b']
 */
export function inOrder<T extends string>(ids: readonly T[], order: readonly string[]): T[] {
  const known = order.filter((id): id is T => (ids as readonly string[]).includes(id));
  return [...known, ...ids.filter((id) => !order.includes(id))];
}

/** The record fields in the order studies.json has always written them (a new one: last). */
export const RECORD_FIELDS: readonly RecordField[] = inOrder(
  FIELDS.filter(isRecordField).map((f) => f.id),
  ['pathology', 'age', 'sex', 'conclusion'],
).map((id) => FIELD[id]);

/**
 * Every record field not stated: where a record built by hand (a fixture, a test) starts, so a
 * new field of the table needs no edit there.
 */
export function unknownRecord(): { [Id in RecordFieldId]: null } {
  return Object.fromEntries(RECORD_FIELDS.map((f) => [f.id, null])) as {
    [Id in RecordFieldId]: null;
  };
}
