/**
 * Site search in the browser with Pagefind's JS API (`<base>/pagefind/pagefind.js`, written by the
 * build; it picks the index of the page's <html lang>, so Russian pages search the Russian
 * index, with Russian stemming, and English pages the English one). Loaded lazily, on first use.
 *
 * One search is two Pagefind queries: the studies that match (pages marked `kind:study`), then
 * the text pages (`kind:page`), so a finding's name lists the studies with it before the pages
 * that explain it. Study filters (class, finding, ...) apply to the studies; while any is
 * chosen, text pages (which have none of them) are left out.
 *
 * A handle (`#124`, `124`) is looked up as the study's `handle` filter: the search lists that
 * study alone. A bare number that no study has is searched as a word; `#` and a number that no
 * study has finds nothing.
 */
import { parseHandle } from '../../domain/handle.ts';
import {
  HANDLE_FILTER,
  KIND_FILTER,
  SEARCH_FILTERS,
  searchQuery,
  type SearchFilter,
} from '../../site/search-index.ts';
import { BASE, withBase } from '../../site/base.ts';

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface PagefindResult {
  data(): Promise<PagefindResultData>;
}
/** Filter counts: filter name → value → number of pages. */
export type FilterCounts = Record<string, Record<string, number>>;
type PagefindFilters = Record<string, string[] | { any: string[] }>;
interface PagefindSearch {
  results: PagefindResult[];
  filters: FilterCounts;
}
interface Pagefind {
  options(options: { baseUrl?: string; ranking?: { termSimilarity?: number } }): Promise<void>;
  init(): Promise<void>;
  search(query: string | null, options?: { filters?: PagefindFilters }): Promise<PagefindSearch>;
  filters(): Promise<FilterCounts>;
}

let pagefind: Promise<Pagefind> | null = null;

function loadPagefind(): Promise<Pagefind> {
  const url = withBase('pagefind/pagefind.js');
  pagefind ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (pf) => {
    // Pagefind matches word prefixes: "2" also finds 20-29. A strong preference for words as
    // long as the query ranks the exact word first (measured on the test site when handles were
    // still searched as words: with the default 1.0, #23 and #28 came before #2; with 5 or
    // more, #2 led). Handles are now looked up as a filter (findByHandle).
    // The index holds paths from the site's root; results link under the base path.
    await pf.options({ baseUrl: BASE, ranking: { termSimilarity: 10 } });
    await pf.init();
    return pf;
  });
  return pagefind;
}

/** Chosen filter values: filter name → values (empty or missing: no restriction). */
export type FilterChoice = Partial<Record<SearchFilter, string[]>>;

/**
 * A choice as Pagefind filters. A study has several findings, so chosen findings must all be
 * present (as on the studies page); for the other filters any chosen value will do.
 * @example toPagefindFilters({ finding: ['A', 'B'], sex: ['M'] })
 * // { finding: ['A', 'B'], sex: { any: ['M'] } }
 */
export function toPagefindFilters(choice: FilterChoice): PagefindFilters {
  const out: PagefindFilters = {};
  for (const name of SEARCH_FILTERS) {
    const values = choice[name] ?? [];
    if (values.length) out[name] = name === 'finding' ? [...values] : { any: [...values] };
  }
  return out;
}

export interface Found {
  /** Studies first, then text pages; `data()` loads a result's URL, title and excerpt. */
  results: PagefindResult[];
  studies: number;
  pages: number;
  /** Counts of each filter value among the matching studies. */
  counts: FilterCounts;
  /** The handle the query was looked up as (`124`), when it was one. */
  handle?: string;
}

/**
 * The study with the handle the reader typed, passing the chosen filters; null when the query
 * is no handle, or a bare number no study has (then it is searched as a word).
 */
async function findByHandle(
  pf: Pagefind,
  query: string,
  filters: PagefindFilters,
): Promise<Found | null> {
  const handle = parseHandle(query);
  if (handle === null) return null;
  const found = await pf.search(null, {
    filters: { ...filters, [HANDLE_FILTER]: [handle], [KIND_FILTER]: ['study'] },
  });
  if (found.results.length === 0 && !query.trim().startsWith('#')) return null;
  return {
    results: found.results,
    studies: found.results.length,
    pages: 0,
    counts: found.filters,
    handle,
  };
}

/**
 * The address of the study with the handle the reader typed, or null (no handle, or no study
 * has it): the header box goes straight there.
 */
export async function studyUrlOfHandle(query: string): Promise<string | null> {
  if (parseHandle(query) === null) return null;
  const found = await findByHandle(await loadPagefind(), query, {});
  const first = found?.results[0];
  return first ? (await first.data()).url : null;
}

/** Runs a search: `query` may be empty when filters are chosen (then: all studies that pass). */
export async function runSearch(query: string, choice: FilterChoice = {}): Promise<Found> {
  const pf = await loadPagefind();
  const term = searchQuery(query).trim() || null;
  const filters = toPagefindFilters(choice);
  const byHandle = await findByHandle(pf, query, filters);
  if (byHandle) return byHandle;
  const filtered = Object.keys(filters).length > 0;
  const [studies, pages] = await Promise.all([
    pf.search(term, { filters: { ...filters, [KIND_FILTER]: ['study'] } }),
    term && !filtered ? pf.search(term, { filters: { [KIND_FILTER]: ['page'] } }) : null,
  ]);
  const pageResults = pages?.results ?? [];
  return {
    results: [...studies.results, ...pageResults],
    studies: studies.results.length,
    pages: pageResults.length,
    counts: studies.filters,
  };
}

/** Every filter value of the index with its number of pages. */
export async function allFilters(): Promise<FilterCounts> {
  return (await loadPagefind()).filters();
}
