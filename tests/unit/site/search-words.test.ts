/**
 * What the search says, as pure text: excerpts without the UID search words the index holds
 * for every study page, and the count with its nouns in the right plural form ("1 result:
 * 1 study", "Найдено: 3 результата — 2 исследования").
 */
import { describe, expect, it } from 'vitest';
import { LOCALE_TAGS } from '../../../src/i18n/locales.ts';
import { counted, pluralTemplates } from '../../../src/scripts/search/search-results.ts';
import { fill } from '../../../src/i18n/fill.ts';
import { useTranslations } from '../../../src/i18n/index.ts';
import { uidSearchWord, withoutUidWords } from '../../../src/site/search-index.ts';

describe('search excerpts', () => {
  it('drop the UID search word Pagefind may end an excerpt with', () => {
    const word = uidSearchWord(
      '1.2.643.5.1.13.13.12.2.77.8252.22512440091844894231610106612509529323823',
    );
    expect(withoutUidWords(`Subdural hematoma on the left. ${word}.`)).toBe(
      'Subdural hematoma on the left.',
    );
    expect(withoutUidWords(`левосторонняя гематома ${word.slice(0, 20)}…`)).toBe(
      'левосторонняя гематома',
    );
    // A word that only contains "uid" stays.
    expect(withoutUidWords('a fluid collection')).toBe('a fluid collection');
  });
});

describe('the search count', () => {
  const status = (locale: 'en' | 'ru', results: number, studies: number, pages: number) => {
    const t = useTranslations(locale);
    const lang = LOCALE_TAGS[locale].intl;
    return fill(t('search.count'), {
      results: counted(pluralTemplates(t, locale, 'search.results'), results, lang),
      studies: counted(pluralTemplates(t, locale, 'search.studies'), studies, lang),
      pages: counted(pluralTemplates(t, locale, 'search.pages'), pages, lang),
    });
  };

  it('counts in English with singular and plural nouns', () => {
    expect(status('en', 1, 1, 0)).toBe('1 result: 1 study, then 0 text pages.');
    expect(status('en', 12, 10, 2)).toBe('12 results: 10 studies, then 2 text pages.');
  });

  it('counts in Russian with every plural form', () => {
    expect(status('ru', 1, 1, 0)).toBe(
      'Найдено: 1 результат — 1 исследование, затем 0 текстовых страниц.',
    );
    expect(status('ru', 3, 2, 1)).toBe(
      'Найдено: 3 результата — 2 исследования, затем 1 текстовая страница.',
    );
    expect(status('ru', 25, 21, 4)).toBe(
      'Найдено: 25 результатов — 21 исследование, затем 4 текстовые страницы.',
    );
  });
});
