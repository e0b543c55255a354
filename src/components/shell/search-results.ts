/**
 * The search page's client: Pagefind's JS API (`/pagefind/pagefind.js`, written by the build;
 * it picks the index of the page's <html lang>), results rendered as a list of links. Data
 * goes into the DOM only as text: excerpts are parsed and only their text and <mark>s kept.
 */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface Pagefind {
  init(): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

const MAX_RESULTS = 20;

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

function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

export function setUpSearch(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-results')!;
  const text = form.dataset;
  let pagefind: Promise<Pagefind> | null = null;
  let latest = 0;

  const load = () => {
    const url = '/pagefind/pagefind.js';
    pagefind ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (pf) => {
      await pf.init();
      return pf;
    });
    return pagefind;
  };

  const run = async (query: string) => {
    const ticket = ++latest;
    list.replaceChildren();
    if (!query.trim()) {
      status.textContent = '';
      return;
    }
    status.textContent = text.loading ?? '';
    let found: PagefindResultData[];
    let total: number;
    try {
      const pf = await load();
      const search = await pf.search(query);
      const results = search?.results ?? [];
      total = results.length;
      found = await Promise.all(results.slice(0, MAX_RESULTS).map((r) => r.data()));
    } catch {
      status.textContent = text.unavailable ?? '';
      return;
    }
    if (ticket !== latest) return; // a newer query has started
    status.textContent =
      total === 0
        ? fill(text.none ?? '', { query })
        : `${fill(text.count ?? '', { count: total })}${
            total > found.length
              ? ` ${fill(text.more ?? '', { shown: found.length, count: total })}`
              : ''
          }`;
    for (const result of found) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = result.url;
      link.textContent = result.meta.title ?? result.url;
      const excerpt = document.createElement('p');
      appendExcerpt(excerpt, result.excerpt);
      item.append(link, excerpt);
      list.append(item);
    }
  };

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
