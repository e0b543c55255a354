/**
 * schema.org Dataset JSON-LD for the home page head, built from the facts, and a serialiser
 * that is safe inside <script type="application/ld+json">.
 */
import { useTranslations } from '../i18n/index.ts';
import type { Locale } from '../i18n/locales.ts';
import { FACTS, PAPER } from './facts.ts';
import { FIELDS } from './field-table.ts';
import { formatCitation } from './citation/format.ts';
import { paperItem } from './citation/items.ts';

export interface JsonLdContext {
  locale: Locale;
  /**
   * Absolute URL of the site root (base path included, trailing slash), or null when the build
   * has no site address (`--site`): the dataset's permanent link is its URL then.
   */
  siteUrl: string | null;
}

/**
 * Serialises JSON for an HTML script element: `<`, `>`, `&` and the JS line separators are
 * escaped as \u sequences, so a `</script>` inside data cannot close the element.
 * @example serializeJsonLd({ a: '</script>' }) // '{"a":"\\u003c/script\\u003e"}'
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function organization(locale: Locale) {
  return { '@type': 'Organization', name: FACTS.affiliation[locale], url: 'https://mosmed.ai/' };
}

/** The dataset as a schema.org Dataset in one language. */
export function datasetJsonLd({ locale, siteUrl }: JsonLdContext) {
  const t = useTranslations(locale);
  const org = organization(locale);
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: FACTS.title[locale],
    alternateName: `MosMedData ${FACTS.internalCode}`,
    description: FACTS.summary[locale],
    url: siteUrl === null ? FACTS.permanentLink : new URL(`${locale}/`, siteUrl).href,
    sameAs: FACTS.permanentLink,
    identifier: FACTS.internalCode,
    version: FACTS.version,
    keywords: [...FACTS.keywords[locale]],
    inLanguage: [...FACTS.languages],
    datePublished: FACTS.datePublished,
    temporalCoverage: `${FACTS.temporalCoverage.start}/${FACTS.temporalCoverage.end}`,
    isAccessibleForFree: true,
    license: FACTS.license.url,
    creator: FACTS.authors.map((p) => ({
      '@type': 'Person',
      name: `${p.family[locale]} ${p.initials[locale]}`,
      familyName: p.family[locale],
      affiliation: org,
    })),
    publisher: org,
    copyrightHolder: org,
    copyrightYear: FACTS.copyright.year,
    funder: {
      '@type': 'Organization',
      name: FACTS.funding.funder[locale],
      url: FACTS.funding.url,
    },
    measurementTechnique: t('facts.technique'),
    variableMeasured: FIELDS.filter((f) => f.id !== 'path').map((f) => ({
      '@type': 'PropertyValue',
      name: f.csv,
      alternateName: f.header,
    })),
    distribution: [
      {
        '@type': 'DataDownload',
        name: t('facts.download'),
        contentUrl: FACTS.permanentLink,
        encodingFormat: 'application/dicom',
      },
      // This site's files need its address; without one (no --site) they are left out.
      ...(siteUrl === null
        ? []
        : [
            {
              '@type': 'DataDownload',
              name: 'registry.csv',
              contentUrl: new URL('data/registry.csv', siteUrl).href,
              encodingFormat: 'text/csv',
            },
            {
              '@type': 'DataDownload',
              name: 'croissant.json',
              contentUrl: new URL('croissant.json', siteUrl).href,
              encodingFormat: 'application/ld+json',
            },
          ]),
    ],
    citation: [
      {
        '@type': 'ScholarlyArticle',
        name: PAPER.title,
        identifier: `https://doi.org/${PAPER.doi}`,
        url: PAPER.url,
        datePublished: String(PAPER.year),
        isPartOf: { '@type': 'Periodical', name: PAPER.journal, issn: PAPER.issn },
        description: formatCitation(paperItem(), 'apa'),
      },
      FACTS.recommendedCitation[locale],
    ],
  };
}
