/**
 * The dataset's structured facts, stated once, in both languages. Every page, the JSON-LD,
 * Croissant, CITATION.cff and the citation formats read them from here. Source: the seed
 * README (`README_RU.md`); English wording follows MosMedData's English READMEs where they
 * have a standard phrase (the affiliation, the copyright line).
 */
import type { Localized } from './labels.ts';
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

export const AFFILIATION: Localized = {
  ru: 'Государственное бюджетное учреждение здравоохранения города Москвы «Научно-практический клинический центр диагностики и телемедицинских технологий Департамента здравоохранения города Москвы»',
  en: 'Research and Practical Clinical Center for Diagnostics and Telemedicine Technologies of the Moscow Health Care Department',
};

export const AFFILIATION_SHORT: Localized = {
  ru: 'ГБУЗ «НПКЦ ДиТ ДЗМ»',
  en: 'Center for Diagnostics and Telemedicine',
};

/** The dataset's authors, in the README's order; all share affiliation [1]. */
export const AUTHORS: readonly Person[] = [
  { family: { ru: 'Хоружая', en: 'Khoruzhaya' }, initials: { ru: 'А.Н.', en: 'A.N.' } },
  { family: { ru: 'Козлов', en: 'Kozlov' }, initials: { ru: 'Д.В.', en: 'D.V.' } },
  { family: { ru: 'Кремнева', en: 'Kremneva' }, initials: { ru: 'Е.И.', en: 'E.I.' } },
  { family: { ru: 'Новик', en: 'Novik' }, initials: { ru: 'В.П.', en: 'V.P.' } },
  { family: { ru: 'Арзамасов', en: 'Arzamasov' }, initials: { ru: 'К.М.', en: 'K.M.' } },
];

export const LICENSE = {
  name: 'Creative Commons Attribution-NonCommercial-NoDerivs 3.0 Unported',
  short: 'CC BY-NC-ND 3.0',
  spdx: 'CC-BY-NC-ND-3.0',
  url: 'https://creativecommons.org/licenses/by-nc-nd/3.0/',
  legalCode: 'https://creativecommons.org/licenses/by-nc-nd/3.0/legalcode',
} as const;

export const FACTS = {
  title: {
    ru: 'MosMedData: расширенный набор компьютерных томограмм головного мозга с наличием и отсутствием признаков внутричерепного кровоизлияния (дополненный клиническими и техническими параметрами)',
    en: 'MosMedData: extended set of brain CT scans with and without signs of intracranial hemorrhage (supplemented with clinical and technical parameters)',
  } satisfies Localized,
  /** Two sentences for the home page and metadata descriptions. */
  summary: {
    ru: 'Набор данных содержит 800 компьютерных томограмм головного мозга с наличием и отсутствием признаков внутричерепного кровоизлияния в формате DICOM, дополненных клиническими (виды кровоизлияний, перелом костей черепа, заключение врача-рентгенолога, возраст) и техническими параметрами. Исследования собраны в отделениях лучевой диагностики лечебных учреждений Москвы с 05.05.2020 по 08.01.2023.',
    en: 'The dataset contains 800 brain CT studies with and without signs of intracranial hemorrhage in DICOM format, supplemented with clinical (hemorrhage types, skull fracture, the radiologist’s conclusion, age) and technical parameters. The studies were collected in the radiology departments of Moscow healthcare facilities from 05.05.2020 to 08.01.2023.',
  } satisfies Localized,
  internalCode: 'HEMORRHAGE',
  /** Annotation class as the README writes it (Cyrillic "С3"). */
  annotationClass: 'С3',
  verification: { ru: 'Пересмотр специалистом', en: 'Expert review' } satisfies Localized,
  keywords: {
    ru: [
      'MosMedData',
      'искусственный интеллект',
      'компьютерная томография',
      'КТ',
      'головной мозг',
      'кровоизлияние',
    ],
    en: [
      'MosMedData',
      'artificial intelligence',
      'computed tomography',
      'CT',
      'brain',
      'hemorrhage',
    ],
  } satisfies Record<keyof Localized, string[]>,
  /** Languages of the dataset's documentation (BCP 47) and their names. */
  languages: ['en', 'ru'] as const,
  languageNames: { ru: 'Английский, русский', en: 'English, Russian' } satisfies Localized,
  funding: {
    grant: '22-25-20231',
    funder: { ru: 'Российский научный фонд', en: 'Russian Science Foundation' } satisfies Localized,
    url: 'https://rscf.ru/project/22-25-20231/',
    text: {
      ru: 'Набор данных подготовлен при поддержке гранта Российского научного фонда № 22-25-20231',
      en: 'The dataset was prepared with the support of the Russian Science Foundation grant No. 22-25-20231',
    } satisfies Localized,
  },
  version: '1.0.0',
  permanentLink: 'https://mosmed.ai/datasets/',
  /** 12.10.2023 in the README. */
  datePublished: '2023-10-12',
  /** Period in which the studies were collected (README: 05.05.2020 – 08.01.2023). */
  temporalCoverage: { start: '2020-05-05', end: '2023-01-08' },
  authors: AUTHORS,
  affiliation: AFFILIATION,
  affiliationShort: AFFILIATION_SHORT,
  copyright: {
    year: 2020,
    holder: AFFILIATION,
    text: {
      ru: `Copyright © 2020 ${AFFILIATION.ru}.`,
      en: `Copyright © 2020 ${AFFILIATION.en}.`,
    } satisfies Localized,
  },
  license: LICENSE,
  /** The README's "Рекомендованная форма для цитирования", verbatim, and its translation. */
  recommendedCitation: {
    ru: 'Наборы данных Центр диагностики и телемедицины ДЗМ [Электронный ресурс]. – 2023. – URL: https://mosmed.ai/datasets/',
    en: 'Datasets of the Center for Diagnostics and Telemedicine of the Moscow Health Care Department [Electronic resource]. – 2023. – URL: https://mosmed.ai/datasets/',
  } satisfies Localized,
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
