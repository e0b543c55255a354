/**
 * Keeps the reader's query string and fragment (filters, explorer state, anchors) when they
 * switch language: the static link carries only the path.
 */
export function keepStateOnLanguageSwitch(root: Document): void {
  for (const link of root.querySelectorAll<HTMLAnchorElement>('.lang-switch a[hreflang]')) {
    link.addEventListener('click', () => {
      const target = new URL(link.href);
      target.search = window.location.search;
      target.hash = window.location.hash;
      link.href = target.href;
    });
  }
}
