/**
 * Keeps the reader's query string and fragment (filters, explorer state, anchors) in the
 * language link's `href`, so it carries the state when opened in a new tab or copied as well
 * as when clicked: the static link carries only the path.
 */
import { URL_CHANGE_EVENT } from './page-url.ts';

/**
 * The other language's URL with the current page's query and fragment.
 * @example withState('http://h/en/statistics/', '?sex=F', '#age') // 'http://h/en/statistics/?sex=F#age'
 */
export function withState(href: string, search: string, hash: string): string {
  const target = new URL(href);
  target.search = search;
  target.hash = hash;
  return target.href;
}

/**
 * The other language's path for the current one, when a script moved the page to another
 * path of its own (e.g. from a page of the studies list to its first page with a filter).
 * @example otherPath('/en/studies/', 'en', 'ru') // '/ru/studies/'
 */
export function otherPath(pathname: string, from: string, to: string): string {
  return pathname.replace(`/${from}/`, `/${to}/`);
}

export function keepStateOnLanguageSwitch(root: Document): void {
  const links = [...root.querySelectorAll<HTMLAnchorElement>('.lang-switch a[hreflang]')];
  const loadedPath = window.location.pathname;
  const from = root.documentElement.lang;
  const update = () => {
    for (const link of links) {
      const target = new URL(withState(link.href, window.location.search, window.location.hash));
      if (window.location.pathname !== loadedPath) {
        target.pathname = otherPath(window.location.pathname, from, link.hreflang);
      }
      link.href = target.href;
    }
  };
  update();
  for (const event of ['popstate', 'hashchange', URL_CHANGE_EVENT]) {
    window.addEventListener(event, update);
  }
  // Scripts that change the URL without announcing it (replaceState): refresh before any use.
  for (const link of links) {
    for (const event of ['pointerdown', 'focus', 'contextmenu', 'click']) {
      link.addEventListener(event, update);
    }
  }
}
