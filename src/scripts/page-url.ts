/**
 * Changes the page's URL (a new history entry) and tells the page's other scripts, since
 * `history.pushState` fires no event: the language link keeps the reader's state in its `href`.
 */
export const URL_CHANGE_EVENT = 'site:urlchange';

export function pushPageUrl(url: string): void {
  history.pushState(null, '', url);
  dispatchEvent(new Event(URL_CHANGE_EVENT));
}
