/** `/citation-ru.bib`, `/citation-en.bib`: the dataset (in that language) and the paper. */
import type { APIRoute } from 'astro';
import type { Locale } from '../i18n/locales.ts';
import { localeParams } from '../site/routes.ts';
import { formatCitation } from '../domain/citation/format.ts';
import { datasetItem, paperItem } from '../domain/citation/items.ts';

export const getStaticPaths = localeParams;

export const GET: APIRoute = ({ params }) => {
  const locale = params.lang as Locale;
  const body = [datasetItem(locale), paperItem()]
    .map((item) => formatCitation(item, 'bibtex'))
    .join('\n\n');
  return new Response(`${body}\n`, {
    headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' },
  });
};
