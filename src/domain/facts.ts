/**
 * The dataset's structured facts, stated once. Every page, the JSON-LD, Croissant,
 * CITATION.cff and the citation formats read them from here. Source: the seed README
 * (`README_RU.md`). Their words, in both languages, are UI strings (`facts.*` in
 * src/i18n/<locale>/facts.json); English wording follows MosMedData's English READMEs where
 * they have a standard phrase (the affiliation, the copyright line).
 */
import { localized, useTranslations } from '../i18n/index.ts';
import { LOCALES, type Locale, type Localized } from './labels.ts';
import { DECLARED_OVERVIEW } from './overview.ts';

export interface Person {
  /** Family name. */
  family: Localized;
  /** Initials with dots and no spaces, as the README writes them ("А.Н."). */
  initials: Localized;
}

/** Joins a person as the README does: "Хоружая А.Н.". */
export function personName(person: Person, locale: keyof Localized): string {
  return `${person.family[locale]} ${person.initials[locale]}`;
}

export const AFFILIATION: Localized = localized('facts.affiliation');
export const AFFILIATION_SHORT: Localized = localized('facts.affiliationShort');

/** The dataset's authors, in the README's order (ids: `facts.author.<id>.*`); all share affiliation [1]. */
const AUTHOR_IDS = ['khoruzhaya', 'kozlov', 'kremneva', 'novik', 'arzamasov'] as const;
export const AUTHORS: readonly Person[] = AUTHOR_IDS.map((id) => ({
  family: localized(`facts.author.${id}.family`),
  initials: localized(`facts.author.${id}.initials`),
}));

const KEYWORD_IDS = ['mosmeddata', 'ai', 'ct', 'ctShort', 'brain', 'hemorrhage'] as const;
const keywords = Object.fromEntries(
  LOCALES.map((l) => [l, KEYWORD_IDS.map((id) => useTranslations(l)(`facts.keyword.${id}`))]),
) as Record<Locale, string[]>;

export const LICENSE = {
  name: 'Creative Commons Attribution-NonCommercial-NoDerivs 3.0 Unported',
  short: 'CC BY-NC-ND 3.0',
  spdx: 'CC-BY-NC-ND-3.0',
  url: 'https://creativecommons.org/licenses/by-nc-nd/3.0/',
  legalCode: 'https://creativecommons.org/licenses/by-nc-nd/3.0/legalcode',
} as const;

const GRANT = '22-25-20231';
const PERMANENT_LINK = 'https://mosmed.ai/datasets/';
const COPYRIGHT_YEAR = 2020;

export const FACTS = {
  title: localized('facts.title'),
  /** Two sentences for the home page and metadata descriptions. */
  summary: localized('facts.summary'),
  internalCode: 'HEMORRHAGE',
  /** Annotation class as the README writes it (Cyrillic "С3"). */
  annotationClass: 'С3',
  verification: localized('facts.verification'),
  keywords,
  /** Languages of the dataset's documentation (BCP 47) and their names. */
  languages: ['en', 'ru'] as const,
  languageNames: localized('facts.languageNames'),
  funding: {
    grant: GRANT,
    funder: localized('facts.funder'),
    url: `https://rscf.ru/project/${GRANT}/`,
    text: localized('facts.funding', { grant: GRANT }),
  },
  version: '1.0.0',
  permanentLink: PERMANENT_LINK,
  /** 12.10.2023 in the README. */
  datePublished: '2023-10-12',
  /** Period in which the studies were collected (README: 05.05.2020 – 08.01.2023). */
  temporalCoverage: { start: '2020-05-05', end: '2023-01-08' },
  authors: AUTHORS,
  affiliation: AFFILIATION,
  affiliationShort: AFFILIATION_SHORT,
  copyright: {
    year: COPYRIGHT_YEAR,
    holder: AFFILIATION,
    text: localized('facts.copyright', (_, l) => ({
      year: COPYRIGHT_YEAR,
      holder: AFFILIATION[l],
    })),
  },
  license: LICENSE,
  /** The README's "Рекомендованная форма для цитирования", verbatim, and its translation. */
  recommendedCitation: localized('facts.recommendedCitation', { link: PERMANENT_LINK }),
  declaredOverview: DECLARED_OVERVIEW,
} as const;

/** The data paper that describes the dataset. */
export const PAPER = {
  title:
    'Expanded Brain CT Dataset for the Development of AI Systems for Intracranial Hemorrhage Detection and Classification',
  authors: [
    { family: 'Khoruzhaya', given: 'A. N.' },
    { family: 'Bobrovskaya', given: 'T. M.' },
    { family: 'Kozlov', given: 'D. V.' },
    { family: 'Kuligovskiy', given: 'D.' },
    { family: 'Novik', given: 'V. P.' },
    { family: 'Arzamasov', given: 'K. M.' },
    { family: 'Kremneva', given: 'E. I.' },
  ],
  journal: 'Data',
  publisher: 'MDPI',
  issn: '2306-5729',
  year: 2024,
  volume: '9',
  issue: '2',
  article: '30',
  doi: '10.3390/data9020030',
  url: 'https://doi.org/10.3390/data9020030',
} as const;
