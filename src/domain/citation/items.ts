/**
 * The two works the site asks readers to cite, as CSL-JSON items built from the facts: the
 * dataset (in the reader's language) and the data paper (English original).
 */
import { useTranslations } from '../../i18n/index.ts';
import { LOCALE_TAGS, type Locale } from '../../i18n/locales.ts';
import { FACTS, PAPER } from '../facts.ts';

export interface CslName {
  family: string;
  given: string;
}

export interface CslItem {
  id: string;
  type: 'dataset' | 'article-journal';
  title: string;
  author: CslName[];
  issued: { 'date-parts': number[][] };
  language: string;
  URL?: string;
  DOI?: string;
  ISSN?: string;
  publisher?: string;
  'publisher-place'?: string;
  'container-title'?: string;
  volume?: string;
  issue?: string;
  page?: string;
  version?: string;
  genre?: string;
  keyword?: string;
  note?: string;
  accessed?: { 'date-parts': number[][] };
}

// Short ids: they become the BibTeX keys and RIS IDs (RIS allows 20 characters).
export const DATASET_ID = 'mosmeddata2023';
export const PAPER_ID = 'khoruzhaya2024';

/**
 * Spaces initials the way citation styles expect them.
 * @example spacedInitials('А.Н.') // 'А. Н.'
 */
export function spacedInitials(initials: string): string {
  return initials.replace(/\.(?=\S)/g, '. ').trim();
}

const isoParts = (iso: string) => iso.slice(0, 10).split('-').map(Number);
const [year, month, day] = isoParts(FACTS.datePublished) as [number, number, number];

/**
 * The dataset as a CSL item, titled and attributed in `locale`. `accessed` (ISO date): when the
 * reader saw it online — the build date — which NLM/Vancouver prints as "[cited YYYY Mon DD]"
 * and GOST as "(дата обращения: …)".
 */
export function datasetItem(locale: Locale, accessed?: string): CslItem {
  const t = useTranslations(locale);
  return {
    id: DATASET_ID,
    type: 'dataset',
    title: FACTS.title[locale],
    author: FACTS.authors.map((p) => ({
      family: p.family[locale],
      given: spacedInitials(p.initials[locale]),
    })),
    issued: { 'date-parts': [[year, month, day]] },
    language: LOCALE_TAGS[locale].csl,
    publisher: FACTS.affiliation[locale],
    'publisher-place': t('cite.item.place'),
    version: FACTS.version,
    genre: t('cite.item.genre'),
    URL: FACTS.permanentLink,
    keyword: FACTS.keywords[locale].join(','),
    note: FACTS.funding.text[locale],
    ...(accessed ? { accessed: { 'date-parts': [isoParts(accessed)] } } : {}),
  };
}

/** The data paper (Data 2024, 9(2), 30), in its English original. */
export function paperItem(): CslItem {
  return {
    id: PAPER_ID,
    type: 'article-journal',
    title: PAPER.title,
    author: PAPER.authors.map((a) => ({ ...a })),
    issued: { 'date-parts': [[PAPER.year]] },
    language: 'en-US',
    'container-title': PAPER.journal,
    publisher: PAPER.publisher,
    ISSN: PAPER.issn,
    volume: PAPER.volume,
    issue: PAPER.issue,
    page: PAPER.article,
    DOI: PAPER.doi,
    URL: PAPER.url,
  };
}
