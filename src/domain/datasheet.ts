/**
 * The datasheet ("Datasheets for Datasets", Gebru et al.): each question answered from the
 * dataset's README — with the README section named — or from the data this build computed,
 * or marked as not stated in the dataset's documentation. Nothing here is invented: an
 * answer the README does not give is `notStated`. The datasheet page renders this, and
 * Croissant's RAI fields read the English answers (src/domain/croissant.ts). The words are UI
 * strings: `datasheet.q.<id>` (question), `datasheet.a.<id>` (answer), `readme.section.<id>`.
 */
import { localized } from '../i18n/index.ts';
import type { Localized } from '../i18n/locales.ts';
import { FACTS, personName } from './facts.ts';
import { README_INTRO } from './known-skews.ts';

/** Where an answer comes from. */
export type AnswerSource =
  | { kind: 'readme'; section: Localized }
  | { kind: 'data' }
  | { kind: 'site' }
  | { kind: 'notStated' };

export interface DatasheetItem {
  id: string;
  question: Localized;
  /** Absent when the documentation is silent (`source.kind === 'notStated'`). */
  answer?: Localized;
  source: AnswerSource;
}

export const DATASHEET_SECTIONS = [
  'motivation',
  'composition',
  'collection',
  'labelling',
  'preprocessing',
  'uses',
  'distribution',
  'maintenance',
] as const;
export type DatasheetSectionId = (typeof DATASHEET_SECTIONS)[number];

/** README sections by their headings (Russian original, English translation). */
export const README_SECTIONS = {
  intro: README_INTRO,
  disclaimer: localized('readme.section.disclaimer'),
  authors: localized('readme.section.authors'),
  funding: localized('readme.section.funding'),
  verification: localized('readme.section.verification'),
  classes: localized('readme.section.classes'),
  version: localized('readme.section.version'),
  link: localized('readme.section.link'),
  structure: localized('readme.section.structure'),
  overview: localized('readme.section.overview'),
  license: localized('readme.section.license'),
  distribution: localized('readme.section.distribution'),
} satisfies Record<string, Localized>;

const readme = (section: Localized): AnswerSource => ({ kind: 'readme', section });
const NOT_STATED: AnswerSource = { kind: 'notStated' };

/** Computed figures the answers quote (scope: the studies of this build). */
export interface DatasheetFigures {
  studies: number;
  withPathology: number;
  withoutPathology: number;
  sexUnknown: number;
  ageUnknown: number;
  manufacturers: number;
  /** ISO date of the build input. */
  builtAt: string;
}

/** The datasheet, section by section. */
export function datasheet(f: DatasheetFigures): Record<DatasheetSectionId, DatasheetItem[]> {
  return {
    motivation: [
      {
        id: 'purpose',
        question: localized('datasheet.q.purpose'),
        answer: localized('datasheet.a.purpose'),
        source: readme(README_SECTIONS.disclaimer),
      },
      {
        id: 'creators',
        question: localized('datasheet.q.creators'),
        answer: localized('datasheet.a.creators', (_, l) => ({
          authors: FACTS.authors.map((p) => personName(p, l)).join(', '),
          affiliation: FACTS.affiliation[l],
        })),
        source: readme(README_SECTIONS.authors),
      },
      {
        id: 'funding',
        question: localized('datasheet.q.funding'),
        answer: FACTS.funding.text,
        source: readme(README_SECTIONS.funding),
      },
    ],
    composition: [
      {
        id: 'instances',
        question: localized('datasheet.q.instances'),
        answer: localized('datasheet.a.instances'),
        source: readme(README_SECTIONS.structure),
      },
      {
        id: 'count',
        question: localized('datasheet.q.count'),
        answer: localized('datasheet.a.count', {
          count: f.studies,
          withPathology: f.withPathology,
          withoutPathology: f.withoutPathology,
        }),
        source: { kind: 'data' },
      },
      {
        id: 'labels',
        question: localized('datasheet.q.labels'),
        answer: localized('datasheet.a.labels'),
        source: readme(README_SECTIONS.intro),
      },
      {
        id: 'missing',
        question: localized('datasheet.q.missing'),
        answer: localized('datasheet.a.missing', { sexUnknown: f.sexUnknown, count: f.ageUnknown }),
        source: { kind: 'data' },
      },
      {
        id: 'sensitive',
        question: localized('datasheet.q.sensitive'),
        answer: localized('datasheet.a.sensitive'),
        source: readme(README_SECTIONS.intro),
      },
    ],
    collection: [
      {
        id: 'where-when',
        question: localized('datasheet.q.where-when'),
        answer: localized('datasheet.a.where-when', FACTS.temporalCoverage),
        source: readme(README_SECTIONS.intro),
      },
      {
        id: 'scanners',
        question: localized('datasheet.q.scanners'),
        answer: localized('datasheet.a.scanners', { count: f.manufacturers }),
        source: { kind: 'data' },
      },
      {
        id: 'sampling',
        question: localized('datasheet.q.sampling'),
        source: NOT_STATED,
      },
      {
        id: 'consent',
        question: localized('datasheet.q.consent'),
        source: NOT_STATED,
      },
    ],
    labelling: [
      {
        id: 'method',
        question: localized('datasheet.q.method'),
        answer: localized('datasheet.a.method', (_, l) => ({
          verification: FACTS.verification[l],
          annotationClass: `${FACTS.annotationClass[l]} (${FACTS.annotationClassMeaning[l]})`,
        })),
        source: readme(README_SECTIONS.verification),
      },
      {
        id: 'level',
        question: localized('datasheet.q.level'),
        answer: localized('datasheet.a.level'),
        source: readme(README_SECTIONS.structure),
      },
      {
        id: 'readers',
        question: localized('datasheet.q.readers'),
        source: NOT_STATED,
      },
      {
        id: 'agreement',
        question: localized('datasheet.q.agreement'),
        source: NOT_STATED,
      },
    ],
    preprocessing: [
      {
        id: 'deidentification',
        question: localized('datasheet.q.deidentification'),
        source: NOT_STATED,
      },
      {
        id: 'image-processing',
        question: localized('datasheet.q.image-processing'),
        source: NOT_STATED,
      },
      {
        id: 'this-site',
        question: localized('datasheet.q.this-site'),
        answer: localized('datasheet.a.this-site'),
        source: { kind: 'site' },
      },
    ],
    uses: [
      {
        id: 'intended',
        question: localized('datasheet.q.intended'),
        answer: localized('datasheet.a.intended'),
        source: readme(README_SECTIONS.disclaimer),
      },
      {
        id: 'commercial',
        question: localized('datasheet.q.commercial'),
        answer: localized('datasheet.a.commercial'),
        source: readme(README_SECTIONS.disclaimer),
      },
      {
        id: 'derivatives',
        question: localized('datasheet.q.derivatives'),
        answer: localized('datasheet.a.derivatives'),
        source: readme(README_SECTIONS.disclaimer),
      },
      {
        id: 'clinical',
        question: localized('datasheet.q.clinical'),
        answer: localized('datasheet.a.clinical'),
        source: readme(README_SECTIONS.disclaimer),
      },
    ],
    distribution: [
      {
        id: 'license',
        question: localized('datasheet.q.license'),
        answer: localized('datasheet.a.license', (_, l) => ({
          license: FACTS.license.name,
          short: FACTS.license.short,
          copyright: FACTS.copyright.text[l],
        })),
        source: readme(README_SECTIONS.license),
      },
      {
        id: 'where',
        question: localized('datasheet.q.where'),
        answer: localized('datasheet.a.where', { link: FACTS.permanentLink }),
        source: readme(README_SECTIONS.link),
      },
      {
        id: 'attribution',
        question: localized('datasheet.q.attribution'),
        answer: localized('datasheet.a.attribution'),
        source: readme(README_SECTIONS.distribution),
      },
    ],
    maintenance: [
      {
        id: 'version',
        question: localized('datasheet.q.version'),
        answer: localized('datasheet.a.version', {
          version: FACTS.version,
          date: FACTS.datePublished,
        }),
        source: readme(README_SECTIONS.version),
      },
      {
        id: 'build',
        question: localized('datasheet.q.build'),
        answer: localized('datasheet.a.build', { date: f.builtAt.slice(0, 10) }),
        source: { kind: 'data' },
      },
      {
        id: 'updates',
        question: localized('datasheet.q.updates'),
        source: NOT_STATED,
      },
    ],
  };
}
