/**
 * The explorer's "load it" code for the current subset: the registry snippet keeps exactly the
 * subset's studies (every study when no filter is set), the series snippet reads a series of
 * its first study; hidden when the subset is empty. Text only (textContent).
 */
import { registrySnippet, seriesSnippet } from '../../domain/python-snippets.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { Source } from '../../domain/schemas.ts';

export function showLoadCode(
  root: ParentNode,
  layout: Source['registryLayout'],
  subset: readonly { id: string; path: string }[],
  filtered: boolean,
  locale: Locale,
): void {
  const registry = root.querySelector<HTMLElement>('#code-registry');
  if (registry && layout) {
    registry.textContent = registrySnippet(
      layout,
      filtered ? subset.map((s) => s.id) : null,
      locale,
    );
  }
  const series = root.querySelector<HTMLElement>('#code-series');
  const block = series?.closest<HTMLElement>('.code-block');
  if (!series || !block) return;
  const first = subset[0];
  block.hidden = first === undefined;
  if (first) series.textContent = seriesSnippet({ kind: 'study', path: first.path }, locale);
}
