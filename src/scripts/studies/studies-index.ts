/**
 * The studies index in the browser, first part: small, run at load. It turns the controls on
 * and turns each use of them (filter, sort, view) into a URL (a history entry: shareable, back
 * and forward work). The part that filters, counts and renders every study
 * (index-app.ts) and its data load only when a URL carries such a state, so the plain page
 * costs no script work.
 */
import { emptyState } from '../../domain/facets.ts';
import { stateFromParams, stateToParams } from '../../domain/facet-url.ts';
import { pushPageUrl } from '../page-url.ts';
import { onTypingPause } from '../typing-pause.ts';
import { writeFilterForm } from './filter-form.ts';
import type { IndexApp } from './index-app.ts';
import { rememberListQuery, withQuery } from './list-query.ts';
import { PAGE_PARAM } from './pager.ts';

/** Query parameters that are view state rather than filters. */
const VIEW_PARAMS = ['sort', 'dir', 'view', PAGE_PARAM];

/** Whether a query asks for more than the plain page (a filter, an order, the grid). */
function hasState(params: URLSearchParams): boolean {
  const state = stateToParams(stateFromParams(params));
  return state.size > 0 || VIEW_PARAMS.some((name) => params.has(name));
}

/** Wraps a column header's text in its sort button (the page has none without JavaScript). */
function sortButton(th: HTMLTableCellElement): HTMLButtonElement {
  const existing = th.querySelector('button');
  if (existing) return existing;
  const button = document.createElement('button');
  button.type = 'button';
  button.append(...th.childNodes);
  th.append(button);
  return button;
}

function start(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('form[data-study-filters]');
  if (!form) return;
  const headers = [...root.querySelectorAll<HTMLTableCellElement>('thead th[data-sort-key]')];
  const details = form.querySelector<HTMLDetailsElement>('[data-filter-details]');
  // Open on wide screens; on a phone the filters stay folded under their summary.
  if (details) details.open = matchMedia('(min-width: 48em)').matches;

  let app: Promise<IndexApp> | null = null;
  const ensureApp = () =>
    (app ??= import('./index-app.ts').then(({ startIndexApp }) => startIndexApp(root)));
  const render = () =>
    void ensureApp().then(
      (a) => a.render(currentParams()),
      (error: unknown) => {
        const status = root.querySelector<HTMLElement>('[data-filter-status]');
        if (status) status.textContent = root.dataset['loadError'] ?? String(error);
        app = null; // the next use tries again
        throw error;
      },
    );
  const currentParams = () => new URLSearchParams(location.search);

  // The form's controls are named like the URL parameters, so both go through the same query.
  function formParams(): URLSearchParams {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form!)) {
      if (typeof value === 'string') params.append(name, value);
    }
    return firstPage(stateToParams(stateFromParams(params), currentParams()));
  }

  /** A new filter, order or view starts at the first page of its list. */
  function firstPage(params: URLSearchParams): URLSearchParams {
    params.delete(PAGE_PARAM);
    return params;
  }

  /** A new URL for the state: always the first page's address, as the state spans all pages. */
  function commit(params: URLSearchParams): void {
    const query = params.toString();
    const url = withQuery(root.dataset['studiesBase'] ?? location.pathname, query);
    // A typing pause and the change that follows it give the same URL: one history entry.
    if (url !== location.pathname + location.search) pushPageUrl(url);
    rememberListQuery(query);
    render();
  }

  form.addEventListener('change', () => commit(formParams()));
  onTypingPause(form, () => commit(formParams()));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    commit(formParams());
  });
  root.querySelector('[data-filter-reset]')?.addEventListener('click', () => {
    commit(firstPage(stateToParams(emptyState(), currentParams())));
  });
  for (const th of headers) {
    sortButton(th).addEventListener('click', () => {
      const params = firstPage(currentParams());
      const key = th.dataset['sortKey']!;
      const flip = params.get('sort') === key && params.get('dir') !== 'desc';
      params.set('sort', key);
      if (flip) params.set('dir', 'desc');
      else params.delete('dir');
      commit(params);
    });
  }
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-view]')) {
    button.addEventListener('click', () => {
      const params = firstPage(currentParams());
      if (button.dataset['view'] === 'grid') params.set('view', 'grid');
      else params.delete('view');
      commit(params);
    });
  }
  // The script's pager (links with a query) turns pages without a reload; the static pager's
  // links are plain pages.
  root.querySelector('[data-index-pages]')?.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[href]');
    if (!link?.search) return;
    event.preventDefault();
    commit(new URLSearchParams(link.search));
    root.querySelector('[data-filter-status]')?.scrollIntoView({ block: 'start' });
  });
  addEventListener('popstate', () => {
    rememberListQuery(location.search);
    if (app || hasState(currentParams())) render();
  });

  // The subset kit's files are made by the app: opening the kit loads it (the list stays).
  root.querySelector('[data-subset-kit]')?.addEventListener('toggle', (event) => {
    if (!(event.target as HTMLDetailsElement).open) return;
    void ensureApp().then(
      (a) => a.kit(currentParams()),
      () => (app = null), // the next use tries again
    );
  });

  rememberListQuery(location.search);
  writeFilterForm(form, stateFromParams(currentParams()));
  if (hasState(currentParams())) render();
}

const root = document.querySelector<HTMLElement>('[data-studies-index]');
if (root) start(root);
