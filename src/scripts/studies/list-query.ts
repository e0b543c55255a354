/**
 * Remembers the index's query (filters, sort, view) for this tab, so a study page's "back to
 * the list" link returns to the same filtered list. The query holds only facet values and ids,
 * never labels, so it is valid in both languages.
 */
const KEY = 'mosmed:studies-list-query';

export function rememberListQuery(query: string): void {
  try {
    sessionStorage.setItem(KEY, query.replace(/^\?/, ''));
  } catch {
    // Storage can be disabled (privacy settings); the link then goes to the unfiltered list.
  }
}

export function recalledListQuery(): string {
  try {
    return sessionStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

/**
 * @example withQuery('/en/studies/', 'sex=F') // '/en/studies/?sex=F'
 * @example withQuery('/en/studies/', '') // '/en/studies/'
 */
export function withQuery(path: string, query: string): string {
  const clean = query.replace(/^\?/, '');
  return clean ? `${path}?${clean}` : path;
}
