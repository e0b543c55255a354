/**
 * CITATION.cff (Citation File Format 1.2.0) for the dataset, with the data paper as its
 * preferred citation's companion reference. YAML is written by the `yaml` package.
 */
import { stringify } from 'yaml';
import { FACTS, PAPER } from '../facts.ts';

/** Splits "А.Н." into given-names "A. N." form used by CFF. */
function givenNames(initials: string): string {
  return initials.replace(/\.(?=\S)/g, '. ').trim();
}

/**
 * The CFF document as an object (English, as CFF consumers expect). `siteUrl` is this site's
 * absolute root URL (base path included) when the build knows its address (`--site`): it is then
 * listed as an identifier of the dataset; `url` stays the publisher's permanent link.
 */
export function citationCff(siteUrl: string | null = null): Record<string, unknown> {
  return {
    'cff-version': '1.2.0',
    message: 'If you use this dataset, please cite it and the data paper as below.',
    type: 'dataset',
    title: FACTS.title.en,
    abstract: FACTS.summary.en,
    authors: FACTS.authors.map((p) => ({
      'family-names': p.family.en,
      'given-names': givenNames(p.initials.en),
      affiliation: FACTS.affiliation.en,
    })),
    version: FACTS.version,
    'date-released': FACTS.datePublished,
    url: FACTS.permanentLink,
    ...(siteUrl === null
      ? {}
      : {
          identifiers: [
            {
              type: 'url',
              value: new URL('en/', siteUrl).href,
              description: 'The dataset website: statistics, studies, citation and license.',
            },
          ],
        }),
    license: FACTS.license.spdx,
    keywords: [...FACTS.keywords.en],
    references: [
      {
        type: 'article',
        title: PAPER.title,
        authors: PAPER.authors.map((a) => ({ 'family-names': a.family, 'given-names': a.given })),
        journal: PAPER.journal,
        publisher: { name: PAPER.publisher },
        year: PAPER.year,
        volume: Number(PAPER.volume),
        issue: PAPER.issue,
        start: PAPER.article,
        doi: PAPER.doi,
        url: PAPER.url,
      },
    ],
  };
}

/** CITATION.cff text. */
export function citationCffText(siteUrl: string | null = null): string {
  return stringify(citationCff(siteUrl), { lineWidth: 0 });
}
