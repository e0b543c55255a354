/**
 * The study page's facts from the registry, one per field of the field table that names the page
 * section (`page`): the summary's (class, age, sex) and the registry parameters' (the technical
 * ones, with the scanner model from DICOM and the registry row beside them). A new field with a
 * `page` shows here without touching the page.
 */
import { classOf, FIELDS } from '../../domain/field-table.ts';
import { inOrder, type RecordField } from '../../domain/record-fields.ts';
import { UNKNOWN } from '../../domain/field-values.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { Study } from '../../domain/schemas.ts';
import { useTranslations } from '../../i18n/index.ts';
import { studyLabels } from './format.ts';

export interface StudyFact {
  /** The field's id (or `model`, `registryRow`). */
  key: string;
  /** The fact's name: the field's word. */
  term: string;
  text: string;
  /** The Pagefind filter the value sets (the field table's `search`), or null. */
  filter: string | null;
  /** A number: not indexed on its own (it would match any handle typed into search). */
  numeric: boolean;
}

export type StudyPageSection = 'summary' | 'registry';
type PageField = Extract<RecordField, { page: StudyPageSection }>;

/** The order the page has always shown its facts in; a new field follows them. */
const PAGE_ORDER = ['manufacturer', 'model', 'kernel', 'sliceThickness', 'kvp', 'tubeCurrent'];

/** The facts of one section of a study's page, in the page's order. */
export function studyFacts(study: Study, locale: Locale, section: StudyPageSection): StudyFact[] {
  const t = useTranslations(locale);
  const label = studyLabels(locale);
  const fields = FIELDS.filter((f): f is PageField => 'page' in f && f.page === section);
  const facts = new Map<string, StudyFact>(
    fields.map((f) => [f.id, fieldFact(f, study[f.id], t(`field.${f.id}`), label)]),
  );
  if (section === 'registry') {
    const text = label.text(study.model);
    facts.set('model', {
      key: 'model',
      term: t('field.model'),
      text,
      filter: null,
      numeric: false,
    });
  }
  const ordered = inOrder([...facts.keys()], PAGE_ORDER).map((key) => facts.get(key)!);
  if (section === 'registry') {
    ordered.push({
      key: 'registryRow',
      term: t('studies.page.registryRow'),
      text: label.number(study.registryRow),
      filter: null,
      numeric: true,
    });
  }
  return ordered;
}

/** A field's value as the page writes it, by its kind; a text not stated sets no filter. */
function fieldFact(
  field: PageField,
  value: Study[PageField['id']],
  term: string,
  label: ReturnType<typeof studyLabels>,
): StudyFact {
  const search = 'search' in field ? field.search : null;
  const fact = (text: string, numeric = false, filter = search) => ({
    key: field.id,
    term,
    text,
    filter,
    numeric,
  });
  switch (field.kind) {
    case 'boolean': // the class
      return fact(label.classOf(classOf(value as boolean | null)));
    case 'sex':
      return fact(label.sexOf((value as 'M' | 'F' | null) ?? UNKNOWN));
    case 'number':
    case 'age':
      return fact(label.number(value as number | null), true);
    default:
      return fact(
        label.text(value as string | null),
        false,
        (value as string | null)?.trim() ? search : null,
      );
  }
}
