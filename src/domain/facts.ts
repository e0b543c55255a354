/**
 * The dataset's structured facts, stated once. Every page, the JSON-LD, Croissant,
 * CITATION.cff and the citation formats read `FACTS` from here.
 *
 * `SEED_FACTS` are the seed README's (`README_RU.md` we were given): their words, in both
 * languages, are UI strings (`facts.*` in src/i18n/<locale>/facts.json); English wording follows
 * MosMedData's English READMEs where they have a standard phrase. A build of a dataset folder
 * reads that folder's README_RU.md / README_EN.md instead (src/pipeline/readme/) and publishes
 * the result as `data/dataset.json`; the site build hands it to the pages as
 * `__DATASET_FACTS__` (scripts/lib/site-output.ts), a compile-time constant like
 * `__GENERATED_DIR__`. Without it (unit tests, the synthetic sample) the seed's facts hold.
 */
import { localized, useTranslations } from '../i18n/index.ts';
import { datasetFactsSchema, type DatasetFacts, type Person } from './facts-schema.ts';
import { LOCALES, type Locale, type Localized } from '../i18n/locales.ts';
import { DECLARED_OVERVIEW } from './overview.ts';

export type { DatasetFacts, Person } from './facts-schema.ts';

/** Joins a person as the README does: "Хоружая А.Н.". */
export function personName(person: Person, locale: keyof Localized): string {
  return `${person.family[locale]} ${person.initials[locale]}`;
}

/** The two-sentence summary, with the number of studies the README declares. */
export function factsSummary(studies: number): Localized {
  return localized('facts.summary', (t) => ({
    studies: t('facts.summaryStudies', { count: studies }),
  }));
}

const AFFILIATION: Localized = localized('facts.affiliation');
const AFFILIATION_SHORT: Localized = localized('facts.affiliationShort');

/** The seed's authors, in the README's order (ids: `facts.author.<id>.*`); all share affiliation [1]. */
const AUTHOR_IDS = ['khoruzhaya', 'kozlov', 'kremneva', 'novik', 'arzamasov'] as const;
const AUTHORS: Person[] = AUTHOR_IDS.map((id) => ({
  family: localized(`facts.author.${id}.family`),
  initials: localized(`facts.author.${id}.initials`),
}));

const KEYWORD_IDS = ['mosmeddata', 'ai', 'ct', 'ctShort', 'brain', 'hemorrhage'] as const;
const keywords = Object.fromEntries(
  LOCALES.map((l) => [l, KEYWORD_IDS.map((id) => useTranslations(l)(`facts.keyword.${id}`))]),
) as Record<Locale, string[]>;

export const SEED_LICENSE = {
  name: 'Creative Commons Attribution-NonCommercial-NoDerivs 3.0 Unported',
  short: 'CC BY-NC-ND 3.0',
  spdx: 'CC-BY-NC-ND-3.0',
  url: 'https://creativecommons.org/licenses/by-nc-nd/3.0/',
  legalCode: 'https://creativecommons.org/licenses/by-nc-nd/3.0/legalcode',
};

const GRANT = '22-25-20231';
const PERMANENT_LINK = 'https://mosmed.ai/datasets/';
const COPYRIGHT_YEAR = 2020;

export const SEED_FACTS: DatasetFacts = {
  title: localized('facts.title'),
  summary: factsSummary(DECLARED_OVERVIEW.studies),
  internalCode: 'HEMORRHAGE',
  // The Russian README writes the class with a Cyrillic "С"; English pages show a Latin "C".
  annotationClass: { ru: 'С3', en: 'C3' },
  annotationClassMeaning: localized('facts.annotationClassMeaning'),
  verification: localized('facts.verification'),
  keywords,
  languages: ['en', 'ru'],
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
  /** README: 05.05.2020 – 08.01.2023. */
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
  license: SEED_LICENSE,
  recommendedCitation: localized('facts.recommendedCitation', { link: PERMANENT_LINK }),
  declaredOverview: DECLARED_OVERVIEW,
};

declare const __DATASET_FACTS__: unknown;

/** This build's facts: the dataset folder's README when the build read one, else the seed's. */
export const FACTS: DatasetFacts =
  typeof __DATASET_FACTS__ === 'undefined' || __DATASET_FACTS__ === null
    ? SEED_FACTS
    : datasetFactsSchema.parse(__DATASET_FACTS__);

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
