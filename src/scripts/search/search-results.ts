/**
 * Rendering search results (the search page and the header box) from search-engine.ts.
 * Data goes into the DOM only as text: excerpts are parsed and only their text and <mark>s kept.
 */
import { fill } from '../../i18n/fill.ts';
import type { Translate } from '../../i18n/index.ts';
import { LOCALE_TAGS, type Locale } from '../../i18n/locales.ts';
import { localePath } from '../../site/routes.ts';
import { handleLabel, parseHandle } from '../../domain/handle.ts';
import { runSearch, studyUrlOfHandle, type FilterChoice, type Found } from './search-engine.ts';
import { withoutUidWords } from '../../site/search-index.ts';

/** Appends an excerpt's text and <mark> highlights to `target`, nothing else. */
export function appendExcerpt(target: HTMLElement, excerpt: string): void {
  const doc = new DOMParser().parseFromString(excerpt, 'text/html');
  for (const node of doc.body.childNodes) {
    const text = withoutUidWords(node.textContent ?? '');
    if (!text) continue;
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = text;
      target.append(mark);
    } else {
      target.append(document.createTextNode(text));
    }
  }
}

/** The plural categories of the page's language with a number that selects each. */
const SAMPLES = [0, 1, 2, 3, 5, 11, 21, 0.5, 1.5];

const rulesByLocale = new Map<Locale, Intl.PluralRules>();
/** The locale's plural rules, made once (every page's search box asks three times). */
function pluralRules(locale: Locale): Intl.PluralRules {
  let rules = rulesByLocale.get(locale);
  if (!rules) rulesByLocale.set(locale, (rules = new Intl.PluralRules(LOCALE_TAGS[locale].intl)));
  return rules;
}

/**
 * A counted noun's template per plural category (`{"one":"{n} result","other":"{n} results"}`),
 * as JSON for a data-* attribute: the browser picks the form with Intl.PluralRules, so the search
 * bundle carries no word catalog.
 */
export function pluralTemplates(
  t: Translate,
  locale: Locale,
  key: 'search.results' | 'search.studies' | 'search.pages',
): string {
  const rules = pluralRules(locale);
  const forms: Record<string, string> = {};
  for (const category of rules.resolvedOptions().pluralCategories) {
    const sample = SAMPLES.find((n) => rules.select(n) === category);
    if (sample !== undefined) forms[category] = t(key, { count: sample, n: '{n}' });
  }
  return JSON.stringify(forms);
}

/**
 * `n` with its noun, from pluralTemplates' JSON.
 * @example counted('{"one":"{n} study","other":"{n} studies"}', 1, 'en') // '1 study'
 */
export function counted(templates: string | undefined, n: number, lang: string): string {
  const forms = JSON.parse(templates ?? '{}') as Record<string, string>;
  const form = forms[new Intl.PluralRules(lang).select(n)] ?? forms['other'] ?? '{n}';
  return fill(form, { n: new Intl.NumberFormat(lang).format(n) });
}

/**
 * The data-* attributes a search form carries: its UI texts from the i18n strings and the
 * addresses it links to, which the script reads back as `Texts`.
 */
export function searchTextAttributes(
  t: Translate,
  locale: Locale,
): Record<`data-${string}`, string> {
  return {
    'data-loading': t('search.loading'),
    'data-count': t('search.count'),
    'data-results': pluralTemplates(t, locale, 'search.results'),
    'data-studies': pluralTemplates(t, locale, 'search.studies'),
    'data-pages': pluralTemplates(t, locale, 'search.pages'),
    'data-lang': LOCALE_TAGS[locale].intl,
    'data-none': t('search.none'),
    'data-unavailable': t('search.unavailable'),
    'data-more': t('search.more'),
    'data-shown': t('search.shown'),
    'data-all': t('search.all'),
    'data-handle': t('search.handle'),
    'data-search-page': localePath(locale, 'search'),
    ...(locale === 'ru'
      ? {}
      : {
          'data-cyrillic': t('search.cyrillic'),
          'data-cyrillic-search': localePath('ru', 'search'),
        }),
  };
}

/** UI texts, read from the form's data-* attributes (see `searchTextAttributes`). */
interface Texts {
  loading?: string;
  count?: string;
  /** Plural templates of the count's nouns (see pluralTemplates). */
  results?: string;
  studies?: string;
  pages?: string;
  /** The page's language tag (Intl), for plural forms and numbers. */
  lang?: string;
  none?: string;
  unavailable?: string;
  more?: string;
  shown?: string;
  all?: string;
  /** The status line of a handle's study (`#124`). */
  handle?: string;
  cyrillic?: string;
  /** Where Russian words are searched with Russian word forms (set on English pages only). */
  cyrillicSearch?: string;
  /** The search page's address (for the header box's "all results" link). */
  searchPage?: string;
}

/** A result's list item: its title as a link, then its excerpt. */
async function resultItem(result: Found['results'][number]): Promise<HTMLLIElement> {
  const data = await result.data();
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  const excerpt = document.createElement('p');
  appendExcerpt(excerpt, data.excerpt);
  item.append(link, excerpt);
  return item;
}

/** A link (as a paragraph) to the search page for `query`, or to another language's. */
function searchLink(base: string, query: string, text: string): HTMLParagraphElement {
  const url = new URL(base, window.location.href);
  url.searchParams.set('q', query);
  const p = document.createElement('p');
  const a = document.createElement('a');
  a.href = url.pathname + url.search;
  a.textContent = text;
  p.append(a);
  return p;
}

export interface Runner {
  /** Runs a query with filters; resolves with what was found, or null when superseded. */
  run(query: string, choice?: FilterChoice): Promise<Found | null>;
}

/**
 * Runs queries into `list` (links + excerpts) and `status` (a live region): `pageSize` results
 * at a time. With `more` (the search page), a button below the list shows the next ones, so
 * every result is reachable; without it (the header box), a link leads to the search page.
 */
export function makeRunner(
  list: HTMLElement,
  status: HTMLElement,
  texts: Texts,
  pageSize: number,
  more: HTMLButtonElement | null,
): Runner {
  let latest = 0;
  const after = document.createElement('div');
  list.after(after);
  return {
    async run(query, choice = {}) {
      const ticket = ++latest;
      list.replaceChildren();
      after.replaceChildren();
      if (more) more.hidden = true;
      const filtered = Object.values(choice).some((v) => v.length > 0);
      if (!query.trim() && !filtered) {
        status.textContent = '';
        return null;
      }
      status.textContent = texts.loading ?? '';
      let found: Found;
      try {
        found = await runSearch(query, choice);
      } catch {
        status.textContent = texts.unavailable ?? '';
        return null;
      }
      if (ticket !== latest) return null;
      const total = found.results.length;
      let shown = 0;
      const showNext = async () => {
        const next = found.results.slice(shown, shown + pageSize);
        const items = await Promise.all(next.map(resultItem));
        if (ticket !== latest) return;
        list.append(...items);
        shown += items.length;
        status.textContent = [
          total === 0
            ? fill(texts.none ?? '', { query })
            : found.handle
              ? fill(texts.handle ?? '', { handle: handleLabel(found.handle) })
              : fill(texts.count ?? '', {
                  results: counted(texts.results, total, texts.lang ?? 'en'),
                  studies: counted(texts.studies, found.studies, texts.lang ?? 'en'),
                  pages: counted(texts.pages, found.pages, texts.lang ?? 'en'),
                }),
          shown < total ? fill(texts.shown ?? '', { shown, count: total }) : '',
        ]
          .join(' ')
          .trim();
        if (more) {
          more.hidden = shown >= total;
          more.textContent = fill(texts.more ?? '', { n: Math.min(pageSize, total - shown) });
        }
      };
      if (more) more.onclick = () => void showNext();
      await showNext();
      if (ticket !== latest) return null;
      if (!more && shown < total && texts.searchPage && query.trim()) {
        after.append(searchLink(texts.searchPage, query, fill(texts.all ?? '', { count: total })));
      }
      // English pages index Russian text (the conclusion) without Russian word forms: offer
      // the Russian search, which finds every inflection.
      if (texts.cyrillicSearch && /[\u0400-\u04ff]/.test(query)) {
        after.append(searchLink(texts.cyrillicSearch, query, texts.cyrillic ?? ''));
      }
      return found;
    },
  };
}

/**
 * The header search box: results appear under it as you type (first 8); ArrowDown moves into
 * them, Escape closes them; Enter still submits to the search page for the full list, except
 * for a study's handle (`#124`): Enter then opens that study's page.
 */
export function setUpHeaderSearch(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const panel = form.querySelector<HTMLElement>('.search-box__panel')!;
  const list = panel.querySelector<HTMLElement>('ol')!;
  const { run } = makeRunner(
    list,
    panel.querySelector<HTMLElement>('[role="status"]')!,
    form.dataset,
    8,
    null,
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const close = () => {
    panel.hidden = true;
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const query = input.value;
      if (!query.trim()) return close();
      panel.hidden = false;
      await run(query);
    }, 200);
  });
  form.addEventListener('keydown', (event) => {
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a')];
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'Escape') {
      close();
      input.focus();
    } else if (event.key === 'ArrowDown' && links.length) {
      event.preventDefault();
      links[Math.min(index + 1, links.length - 1)]!.focus();
    } else if (event.key === 'ArrowUp' && index >= 0) {
      event.preventDefault();
      (index === 0 ? input : links[index - 1]!).focus();
    }
  });
  form.addEventListener('submit', (event) => {
    if (parseHandle(input.value) === null) return;
    event.preventDefault();
    // form.submit() fires no submit event: a handle no study has goes to the search page.
    studyUrlOfHandle(input.value).then(
      (url) => (url ? window.location.assign(url) : form.submit()),
      () => form.submit(),
    );
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) close();
  });
}
