/**
 * The studies index's pager when the script lists the studies (a filter, an order or the grid
 * in the URL): the same links as the static pages' pager, to pages of the filtered and sorted
 * list (`?sort=age&page=2`). The label template is the nav's (`data-page-label`).
 */
import { fill } from '../../i18n/fill.ts';

/** The query parameter of the page number (1 when absent). */
export const PAGE_PARAM = 'page';

export function showPager(
  nav: HTMLElement,
  count: number,
  current: number,
  href: (n: number) => string,
): void {
  nav.hidden = count < 2;
  const list = nav.querySelector('ol') ?? nav.appendChild(document.createElement('ol'));
  const label = nav.dataset['pageLabel'] ?? '{n}';
  list.replaceChildren(
    ...Array.from({ length: count }, (_, i) => {
      const n = i + 1;
      const link = document.createElement('a');
      link.href = href(n);
      link.textContent = String(n);
      link.setAttribute('aria-label', fill(label, { n, count }));
      if (n === current) link.setAttribute('aria-current', 'page');
      const item = document.createElement('li');
      item.append(link);
      return item;
    }),
  );
}
