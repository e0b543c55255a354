/**
 * The words of the changes page: a registry.csv column, a declared fact and a cell value named
 * in the reader's language. The field table says which column is which field.
 */
import { FIELDS, classOf } from '../domain/field-table.ts';
import { findingsWord } from '../domain/findings-catalog.ts';
import type { Locale } from '../i18n/locales.ts';
import { useTranslations, type UiKey } from '../i18n/index.ts';

/**
 * A registry.csv column's name: a field by its word (a finding by its label), the study folder's
 * columns by `changes.column.*`.
 */
export function columnLabel(column: string, locale: Locale): string {
  const t = useTranslations(locale);
  const field = FIELDS.find((f) => f.csv === column);
  if (field?.role === 'finding') return t(`finding.${field.id}` as UiKey);
  if (field) return t(`field.${field.id}`);
  // An unknown key throws at build time: a column without its words fails the build.
  return t(`changes.column.${column}` as UiKey);
}

/**
 * A cell of registry.csv as a reader reads it: the class in the studies' own words ("with
 * signs of hemorrhage"; "Class: yes → no" says nothing), other booleans as yes/no, empty said.
 */
export function cellText(column: string, value: string, locale: Locale): string {
  const t = useTranslations(locale);
  if (value === '') return t('changes.value.empty');
  const field = FIELDS.find((f) => f.csv === column);
  if (field?.role === 'class' && (value === '1' || value === '0')) {
    return t(`studies.class.${classOf(value === '1')}`);
  }
  if (field?.kind === 'boolean' && (value === '1' || value === '0')) {
    return t(value === '1' ? 'changes.value.yes' : 'changes.value.no');
  }
  return value;
}

/** A declared fact's name: the overview's figures in the overview's words. */
export function declaredLabel(key: string, locale: Locale): string {
  if (key.startsWith('overview.')) {
    return findingsWord(key as Parameters<typeof findingsWord>[0], locale);
  }
  return useTranslations(locale)(`changes.declared.${key}` as UiKey);
}
