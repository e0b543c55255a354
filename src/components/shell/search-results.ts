/**
 * Site search in the browser with Pagefind's JS API (`<base>/pagefind/pagefind.js`, written by the
 * build; it picks the index of the page's <html lang>, so Russian pages search the Russian
 * index and English pages the English one). Loaded lazily, on first use.
 * Data goes into the DOM only as text: excerpts are parsed and only their text and <mark>s kept.
 */
import { fill } from '../../scripts/fill-template.ts';
import { BASE, withBase } from '../../site/base.ts';

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface Pagefind {
  options(options: { baseUrl?: string }): Promise<void>;
  init(): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

let pagefind: Promise<Pagefind> | null = null;

function loadPagefind(): Promise<Pagefind> {
  const url = withBase('pagefind/pagefind.js');
  pagefind ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (pf) => {
    // The index holds paths from the site's root; results link under the base path.
    await pf.options({ baseUrl: BASE });
    await pf.init();
    return pf;
  });
  return pagefind;
}

/** The first `max` results of a query and how many there are in all. */
export async function searchPages(
  query: string,
  max: number,
): Promise<{ total: number; results: PagefindResultData[] }> {
  const pf = await loadPagefind();
  const search = await pf.search(query);
  const all = search?.results ?? [];
  return { total: all.length, results: await Promise.all(all.slice(0, max).map((r) => r.data())) };
}

/** Appends an excerpt's text and <mark> highlights to `target`, nothing else. */
export function appendExcerpt(target: HTMLElement, excerpt: string): void {
  const doc = new DOMParser().parseFromString(excerpt, 'text/html');
  for (const node of doc.body.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      target.append(mark);
    } else {
      target.append(document.createTextNode(node.textContent ?? ''));
    }
  }
}

/**
 * The data-* attributes a search form carries: its UI texts from the i18n strings, which the
 * script reads back as `Texts`.
 */
export function searchTextAttributes(
  t: (key: string) => string,
): Record<`data-${keyof Texts}`, string> {
  return {
    'data-loading': t('search.loading'),
    'data-count': t('search.count'),
    'data-none': t('search.none'),
    'data-unavailable': t('search.unavailable'),
    'data-more': t('search.more'),
  };
}

/** UI texts, read from the form's data-* attributes (see `searchTextAttributes`). */
interface Texts {
  loading?: string;
  count?: string;
  none?: string;
  unavailable?: string;
  more?: string;
}

/**
 * Runs a query and renders it into `list` (links + excerpts) and `status` (a live region).
 * Returns false when a newer call made this one obsolete.
 */
function makeRunner(list: HTMLElement, status: HTMLElement, texts: Texts, max: number) {
  let latest = 0;
  return async (query: string): Promise<boolean> => {
    const ticket = ++latest;
    list.replaceChildren();
    if (!query.trim()) {
      status.textContent = '';
      return true;
    }
    status.textContent = texts.loading ?? '';
    let found: Awaited<ReturnType<typeof searchPages>>;
    try {
      found = await searchPages(query, max);
    } catch {
      status.textContent = texts.unavailable ?? '';
      return true;
    }
    if (ticket !== latest) return false;
    const { total, results } = found;
    status.textContent =
      total === 0
        ? fill(texts.none ?? '', { query })
        : [
            fill(texts.count ?? '', { count: total }),
            total > results.length
              ? fill(texts.more ?? '', { shown: results.length, count: total })
              : '',
          ]
            .join(' ')
            .trim();
    for (const result of results) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = result.url;
      link.textContent = result.meta.title ?? result.url;
      const excerpt = document.createElement('p');
      appendExcerpt(excerpt, result.excerpt);
      item.append(link, excerpt);
      list.append(item);
    }
    return true;
  };
}

/** The search page: runs `?q=` on load and on submit, keeping the URL in step. */
export function setUpSearchPage(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const run = makeRunner(
    document.getElementById('search-results')!,
    document.getElementById('search-status')!,
    form.dataset,
    20,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = new URL(window.location.href);
    url.searchParams.set('q', input.value);
    history.replaceState(null, '', url);
    void run(input.value);
  });
  const initial = new URL(window.location.href).searchParams.get('q') ?? '';
  if (initial) {
    input.value = initial;
    void run(initial);
  }
}

/**
 * The header search box: results appear under it as you type (first 8); ArrowDown moves into
 * them, Escape closes them; Enter still submits to the search page for the full list.
 */
export function setUpHeaderSearch(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const panel = form.querySelector<HTMLElement>('.search-box__panel')!;
  const list = panel.querySelector<HTMLElement>('ol')!;
  const run = makeRunner(
    list,
    panel.querySelector<HTMLElement>('[role="status"]')!,
    form.dataset,
    8,
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
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) close();
  });
}
